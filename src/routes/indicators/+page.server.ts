import { scaleTargetChart } from '$lib/plan/chart';
import { readBuiltPlan } from '$lib/server/plan-data';

export function load() {
  const plan = readBuiltPlan();
  return { indicators: plan.indicators, chart: scaleTargetChart(plan.industries) };
}
