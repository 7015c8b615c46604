import { districtIndex, featureIndex, industryIndex } from '$lib/plan/feature-index';
import { readBuiltPlan } from '$lib/server/plan-data';

// The compact index travels with the prerendered HTML; full records load when a card opens.
export function load() {
  const plan = readBuiltPlan();
  return {
    features: featureIndex(plan.features, plan.industries),
    industries: industryIndex(plan.industries),
    districts: districtIndex(plan.districts, plan.industries),
    densityReferences: plan.density.baselines,
  };
}
