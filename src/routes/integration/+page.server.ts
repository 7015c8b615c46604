import { readBuiltPlan } from '$lib/server/plan-data';
import { readBuiltIntegration, zhejiangMap } from '$lib/server/integration';
import { alignRows, placeIndustries } from '$lib/plan/integration';
import { industryIndex } from '$lib/plan/feature-index';

export function load() {
  const plan = readBuiltPlan();
  const integration = readBuiltIntegration();
  return {
    documents: integration.documents,
    themes: alignRows(integration),
    demonstrationTypes: integration.demonstration_types,
    modes: plan.modes,
    modesLocated: integration.modes_located,
    cities: integration.cities,
    places: integration.places,
    placeIndustries: placeIndustries(integration),
    /** Where each 004 entry sits, for the places' links back to their rows. */
    entryTitles: Object.fromEntries(integration.entries.filter((e) => e.doc === '004').map((e) => [e.id, e.title])),
    industries: industryIndex(plan.industries),
    map: zhejiangMap(),
  };
}
