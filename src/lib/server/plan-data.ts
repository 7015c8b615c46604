/**
 * The built plan data, read at build time by the prerendered pages' server loads (never shipped
 * whole: each load returns only what its page shows). Parsed with the model's schema, so a stale or
 * hand-edited plan.json stops the build with the path of the field that is wrong.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { error } from '@sveltejs/kit';
import type { FeatureCollection } from 'geojson';
import type { z } from 'zod';
import { BuiltPlan } from '$lib/plan/model';

const cache = new Map<string, unknown>();

/** A built JSON file under static/data, parsed with its schema (once per build). */
export function readBuiltJson<S extends z.ZodType>(file: string, schema: S): z.infer<S> {
  if (cache.has(file)) return cache.get(file) as z.infer<S>;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(join(process.cwd(), 'static/data', file), 'utf8'));
  } catch {
    error(500, `static/data/${file} is missing: run npm run geodata`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    error(500, `static/data/${file}: ${issue.path.join('.')}: ${issue.message} (run npm run geodata)`);
  }
  cache.set(file, parsed.data);
  return parsed.data as z.infer<S>;
}

export function readBuiltPlan(): BuiltPlan {
  return readBuiltJson('plan.json', BuiltPlan);
}

/** One of the built GeoJSON files (plan.geojson, districts.geojson), read at build time. */
export function readBuiltGeojson(file: 'plan.geojson' | 'districts.geojson' | 'zhejiang.geojson'): FeatureCollection {
  try {
    return JSON.parse(readFileSync(join(process.cwd(), 'static/data', file), 'utf8')) as FeatureCollection;
  } catch {
    error(500, `static/data/${file} is missing: run npm run geodata`);
  }
}
