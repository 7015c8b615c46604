/**
 * The built plan data, read at build time by the prerendered pages' server loads (never shipped
 * whole: each load returns only what its page shows).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { error } from '@sveltejs/kit';
import type { FeatureCollection } from 'geojson';
import type { CoverageRow, DistrictProfile, Figure, Indicator, Industry } from '$lib/plan/model';
import type { featureIndex } from '$lib/plan/feature-index';

export interface BuiltPlan {
  features: Parameters<typeof featureIndex>[0];
  industries: Industry[];
  districts: DistrictProfile[];
  indicators: Indicator[];
  density: { target: Figure; baselines: Figure[] };
  coverage: CoverageRow[];
  parks_programme: { total_municipal: number; held: number };
  [key: string]: unknown;
}

export function readBuiltPlan(): BuiltPlan {
  try {
    return JSON.parse(readFileSync(join(process.cwd(), 'static/data/plan.json'), 'utf8')) as BuiltPlan;
  } catch {
    error(500, 'static/data/plan.json is missing: run npm run geodata');
  }
}

/** One of the built GeoJSON files (plan.geojson, districts.geojson), read at build time. */
export function readBuiltGeojson(file: 'plan.geojson' | 'districts.geojson'): FeatureCollection {
  try {
    return JSON.parse(readFileSync(join(process.cwd(), 'static/data', file), 'utf8')) as FeatureCollection;
  } catch {
    error(500, `static/data/${file} is missing: run npm run geodata`);
  }
}
