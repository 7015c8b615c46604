/**
 * Which district a point is in, from the built district outlines (same origin, fetched the first time
 * an import needs it): the imported list's coordinate-system hint compares points with the districts
 * their rows state.
 */
import { base } from '$app/paths';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

let loading: Promise<(point: [number, number], code: string) => boolean> | null = null;

export function districtLookup(): Promise<(point: [number, number], code: string) => boolean> {
  loading ??= fetch(`${base}/data/districts-admin.geojson`)
    .then((r) => {
      if (!r.ok) throw new Error(`districts-admin.geojson: HTTP ${r.status}`);
      return r.json() as Promise<FeatureCollection<Polygon | MultiPolygon, { code: string }>>;
    })
    .then((fc) => {
      const byCode = new Map<string, Feature<Polygon | MultiPolygon>>(fc.features.map((f) => [f.properties.code, f]));
      return (point: [number, number], code: string) => {
        const d = byCode.get(code);
        return d ? booleanPointInPolygon(point, d) : false;
      };
    })
    .catch((err: unknown) => {
      loading = null;
      throw err;
    });
  return loading;
}
