export { load } from '../../finder/+page.server';
