import { districtIndex, featureIndex, industryIndex, industryReachMap } from '$lib/plan/feature-index';
import { readBuiltPlan } from '$lib/server/plan-data';
import { districtCentres } from '$lib/server/profiles';

// The compact index travels with the prerendered HTML; full records load when a card opens.
export function load() {
  const plan = readBuiltPlan();
  return {
    features: featureIndex(plan.features, plan.industries),
    industries: industryIndex(plan.industries),
    districts: districtIndex(plan.districts, plan.industries),
    densityReferences: plan.density.baselines,
    districtCentres: districtCentres(),
    reach: industryReachMap(plan.industries),
    stationCount: plan.transport.stations,
  };
}
