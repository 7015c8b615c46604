/**
 * The drawn geometries of the built GeoJSON, indexed: plan features' shapes by id (plan.geojson,
 * role "shape") and districts' land by code. No dependencies, so the map page can use it for exports.
 */
import type { FeatureCollection, Geometry } from 'geojson';

export function shapeIndex(collection: Pick<FeatureCollection, 'features'>, key: 'id' | 'code', role?: string): Map<string, Geometry> {
  const out = new Map<string, Geometry>();
  for (const f of collection.features) {
    if (role && f.properties?.role !== role) continue;
    const id = f.properties?.[key];
    if (typeof id === 'string') out.set(id, f.geometry);
  }
  return out;
}
