import { error } from '@sveltejs/kit';
import { DISTRICTS } from '$lib/districts';
import { districtPageData } from '$lib/server/profiles';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => DISTRICTS.map((d) => ({ code: d.code }));

export const load = (({ params }) => {
  const data = districtPageData(params.code);
  if (!data) error(404, `No district has the code "${params.code}"`);
  return data;
}) satisfies PageServerLoad;
