import { compareUnits } from '$lib/plan/compare';
import { industryIndex } from '$lib/plan/feature-index';
import { profileSources } from '$lib/server/profiles';

// Every comparable unit is computed once at build time (turf on the drawn geometry); the page
// picks the ones in its URL in the browser.
export function load() {
  const { plan, features, shapes, districtShapes, backdrop } = profileSources();
  const units = compareUnits({ features, shapes, districtShapes, districts: plan.districts });
  return { units, industries: industryIndex(plan.industries), backdrop };
}
