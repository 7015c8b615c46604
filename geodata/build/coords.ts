/**
 * Coordinate conversion between China's GCJ-02 ("Mars" coordinates, used by every boundary
 * published in China, ECharts' maps included) and WGS84, which everything in this project stores.
 */
import gcoord from 'gcoord';
import type { Geometry, Position } from 'geojson';

/** GCJ-02 → WGS84 for one position (gcoord's iterative inverse; sub-metre around Shanghai). */
export function gcj02ToWgs84(p: Position): Position {
  const [lon, lat] = gcoord.transform([p[0]!, p[1]!], gcoord.GCJ02, gcoord.WGS84);
  return [round7(lon), round7(lat)];
}

/** Rounds to 1e-7 degree (~1 cm) so outputs are stable across platforms' float formatting. */
export function round7(v: number): number {
  return Math.round(v * 1e7) / 1e7;
}

/** Applies `fn` to every position of a polygonal or linear geometry. */
export function mapPositions<G extends Geometry>(geometry: G, fn: (p: Position) => Position): G {
  const walk = (c: unknown): unknown =>
    Array.isArray(c) && typeof c[0] === 'number' ? fn(c as Position) : (c as unknown[]).map(walk);
  if (geometry.type === 'GeometryCollection') {
    return { ...geometry, geometries: geometry.geometries.map((g) => mapPositions(g, fn)) };
  }
  return { ...geometry, coordinates: walk((geometry as { coordinates: unknown }).coordinates) } as G;
}
