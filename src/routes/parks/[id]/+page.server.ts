import { error } from '@sveltejs/kit';
import { featureIds, featurePageData } from '$lib/server/profiles';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => featureIds(true).map((id) => ({ id }));

export const load = (({ params }) => {
  const data = featurePageData(params.id, true);
  if (!data) error(404, `No featured park has the id "${params.id}"`);
  return data;
}) satisfies PageServerLoad;
