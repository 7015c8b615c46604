import { featureSummary, publishedSources, coverageTally } from '$lib/plan/summary';
import { DOCUMENTS } from '$lib/plan/vocabulary';
import { BASEMAP_SOURCES } from '$lib/attribution';
import { readBuiltPlan } from '$lib/server/plan-data';

export function load() {
  const plan = readBuiltPlan();
  return {
    summary: featureSummary(plan.features),
    coverage: plan.coverage,
    tally: coverageTally(plan.coverage),
    parks: plan.parks_programme,
    published: publishedSources(plan),
    documents: Object.entries(DOCUMENTS).map(([key, d]) => ({ key, ...d })),
    basemap: BASEMAP_SOURCES,
    stationCount: plan.transport.stations,
  };
}
