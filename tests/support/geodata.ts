/** The built geodata the plan tests read: static/ when current, else a fresh build of it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildGeodata,
  isStale,
  DISTRICTS_FILE,
  DISTRICTS_ADMIN_FILE,
  LAND_FILE,
  PLAN_FILE,
  PLAN_GEOJSON_FILE,
} from '../../geodata/build/main.ts';
import type { DistrictCollection } from '../../geodata/build/districts.ts';
import { ROOT } from './server.ts';

export const STATIC_DIR = join(ROOT, 'static');

export async function builtGeodata() {
  if (isStale(STATIC_DIR)) await buildGeodata(STATIC_DIR);
  const read = <T>(f: string) => JSON.parse(readFileSync(join(STATIC_DIR, f), 'utf8')) as T;
  return {
    districtsLand: read<DistrictCollection>(DISTRICTS_FILE),
    districtsAdmin: read<DistrictCollection>(DISTRICTS_ADMIN_FILE),
    land: read<GeoJSON.FeatureCollection<GeoJSON.Polygon | GeoJSON.MultiPolygon>>(LAND_FILE),
    plan: read<Record<string, unknown>>(PLAN_FILE),
    planGeojson: read<GeoJSON.FeatureCollection>(PLAN_GEOJSON_FILE),
  };
}
