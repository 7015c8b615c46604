/**
 * The built plan data, read at build time by the prerendered pages' server loads (never shipped
 * whole: each load returns only what its page shows). Parsed with the model's schema, so a stale or
 * hand-edited plan.json stops the build with the path of the field that is wrong.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { error } from '@sveltejs/kit';
import type { FeatureCollection } from 'geojson';
import { BuiltPlan } from '$lib/plan/model';

let cached: BuiltPlan | null = null;

export function readBuiltPlan(): BuiltPlan {
  if (cached) return cached;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(join(process.cwd(), 'static/data/plan.json'), 'utf8'));
  } catch {
    error(500, 'static/data/plan.json is missing: run npm run geodata');
  }
  const parsed = BuiltPlan.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    error(500, `static/data/plan.json: ${issue.path.join('.')}: ${issue.message} (run npm run geodata)`);
  }
  cached = parsed.data;
  return cached;
}

/** One of the built GeoJSON files (plan.geojson, districts.geojson), read at build time. */
export function readBuiltGeojson(file: 'plan.geojson' | 'districts.geojson'): FeatureCollection {
  try {
    return JSON.parse(readFileSync(join(process.cwd(), 'static/data', file), 'utf8')) as FeatureCollection;
  } catch {
    error(500, `static/data/${file} is missing: run npm run geodata`);
  }
}
