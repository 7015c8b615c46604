import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { error } from '@sveltejs/kit';
import { districtIndex, featureIndex, industryIndex } from '$lib/plan/feature-index';
import type { DistrictProfile, Industry } from '$lib/plan/model';

// Read at build time (the page is prerendered): the compact index travels with the HTML.
export function load() {
  let plan: { features: Parameters<typeof featureIndex>[0]; industries: Industry[]; districts: DistrictProfile[] };
  try {
    plan = JSON.parse(readFileSync(join(process.cwd(), 'static/data/plan.json'), 'utf8'));
  } catch {
    error(500, 'static/data/plan.json is missing: run npm run geodata');
  }
  return {
    features: featureIndex(plan.features, plan.industries),
    industries: industryIndex(plan.industries),
    districts: districtIndex(plan.districts, plan.industries),
  };
}
