import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { error } from '@sveltejs/kit';
import { featureSummary, publishedSources, coverageTally, type CoverageRowLike } from '$lib/plan/summary';
import { DOCUMENTS } from '$lib/plan/model';
import { BASEMAP_SOURCES } from '$lib/attribution';

// Read at build time (the page is prerendered); only what the page shows is sent to the client.
export function load() {
  let plan: Record<string, unknown>;
  try {
    plan = JSON.parse(readFileSync(join(process.cwd(), 'static/data/plan.json'), 'utf8')) as Record<string, unknown>;
  } catch {
    error(500, 'static/data/plan.json is missing: run npm run geodata');
  }
  const coverage = plan.coverage as CoverageRowLike[];
  const programme = plan.parks_programme as { total_municipal: number; held: number };
  return {
    summary: featureSummary(plan.features as Parameters<typeof featureSummary>[0]),
    coverage,
    tally: coverageTally(coverage),
    parks: programme,
    published: publishedSources(plan),
    documents: Object.entries(DOCUMENTS).map(([key, d]) => ({ key, ...d })),
    basemap: BASEMAP_SOURCES,
  };
}
