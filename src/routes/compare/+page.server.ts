import { compareUnits, outlinePath, shapeIndex } from '$lib/plan/compare';
import { industryIndex } from '$lib/plan/feature-index';
import { readBuiltGeojson, readBuiltPlan } from '$lib/server/plan-data';

// Every comparable unit is computed once at build time (turf on the drawn geometry); the page
// picks the ones in its URL in the browser.
export function load() {
  const plan = readBuiltPlan();
  const districtsGeo = readBuiltGeojson('districts.geojson');
  const units = compareUnits({
    features: plan.features,
    shapes: shapeIndex(readBuiltGeojson('plan.geojson'), 'id', 'shape'),
    districtShapes: shapeIndex(districtsGeo, 'code'),
    districts: plan.districts,
  });
  // the districts drawn behind every small map
  const backdrop = districtsGeo.features.map((f) => outlinePath(f.geometry, 0.004)).join('');
  return { units, industries: industryIndex(plan.industries), backdrop };
}
