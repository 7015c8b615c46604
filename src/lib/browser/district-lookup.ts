/**
 * Which district a point is in, from the built district outlines (same origin, fetched the first time
 * an import needs it): the imported list's coordinate-system hint compares points with the districts
 * their rows state, and an enterprise list's rows without a district get the one they are in.
 */
import { base } from '$app/paths';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import bbox from '@turf/bbox';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

type Outlines = FeatureCollection<Polygon | MultiPolygon, { code: string }>;
let loading: Promise<Outlines> | null = null;

function outlines(): Promise<Outlines> {
  loading ??= fetch(`${base}/data/districts-admin.geojson`)
    .then((r) => {
      if (!r.ok) throw new Error(`districts-admin.geojson: HTTP ${r.status}`);
      return r.json() as Promise<Outlines>;
    })
    .catch((err: unknown) => {
      loading = null;
      throw err;
    });
  return loading;
}

/** Whether a point is in the district with this code. */
export async function districtLookup(): Promise<(point: [number, number], code: string) => boolean> {
  const fc = await outlines();
  const byCode = new Map<string, Feature<Polygon | MultiPolygon>>(fc.features.map((f) => [f.properties.code, f]));
  return (point, code) => {
    const d = byCode.get(code);
    return d ? booleanPointInPolygon(point, d) : false;
  };
}

/** The district a point is in (null: in none, e.g. at sea), testing only the districts whose box holds it. */
export async function districtLocator(): Promise<(point: [number, number]) => string | null> {
  const fc = await outlines();
  const boxed = fc.features.map((f) => ({ f, box: bbox(f) }));
  return (point) =>
    boxed.find(
      ({ f, box }) =>
        point[0] >= box[0] && point[0] <= box[2] && point[1] >= box[1] && point[1] <= box[3] && booleanPointInPolygon(point, f),
    )?.f.properties.code ?? null;
}
