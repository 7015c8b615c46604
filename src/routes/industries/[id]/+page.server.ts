import { error } from '@sveltejs/kit';
import { INDUSTRY_IDS } from '$lib/plan/vocabulary';
import { industryPath } from '$lib/plan/paths';
import { industryPageData } from '$lib/server/profiles';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => INDUSTRY_IDS.map((id) => ({ id: industryPath(id).split('/').pop()! }));

export const load = (({ params }) => {
  const data = industryPageData(params.id);
  if (!data) error(404, `No 3+6 industry has the id "${params.id}"`);
  return data;
}) satisfies PageServerLoad;
