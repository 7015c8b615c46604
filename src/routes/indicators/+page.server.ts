import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { error } from '@sveltejs/kit';
import type { Indicator, Industry } from '$lib/plan/model';
import { scaleTargetChart } from '$lib/plan/chart';

// Read at build time (the page is prerendered, readable and printable without JavaScript).
export function load() {
  let plan: { indicators: Indicator[]; industries: Industry[] };
  try {
    plan = JSON.parse(readFileSync(join(process.cwd(), 'static/data/plan.json'), 'utf8'));
  } catch {
    error(500, 'static/data/plan.json is missing: run npm run geodata');
  }
  return { indicators: plan.indicators, chart: scaleTargetChart(plan.industries) };
}
