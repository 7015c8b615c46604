import { error } from '@sveltejs/kit';
import { featureIds, featurePageData } from '$lib/server/profiles';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => featureIds(false).map((id) => ({ id }));

export const load = (({ params }) => {
  const data = featurePageData(params.id, false);
  if (!data) error(404, `No layout feature has the id "${params.id}"`);
  return data;
}) satisfies PageServerLoad;
