/**
 * Decoder for the compressed GeoJSON that ECharts 4 ships its maps in (`UTF8Encoding: true`).
 *
 * Each ring is a string of character pairs; each pair is a zigzag-encoded delta from the previous
 * vertex, offset by 64 so it stays printable, quantized to 1/`UTF8Scale` degree (default 1024,
 * about 100 m). The first vertex is relative to the ring's `encodeOffsets` entry.
 * Mirrors `decode` in echarts/lib/coord/geo/parseGeoJson.js, which is not exported as GeoJSON.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

export interface EchartsFeature {
  id?: string;
  type: 'Feature';
  properties: { name: string; cp?: [number, number]; childNum?: number };
  geometry:
    | { type: 'Polygon'; coordinates: string[]; encodeOffsets: [number, number][] }
    | { type: 'MultiPolygon'; coordinates: string[][]; encodeOffsets: [number, number][][] };
}

export interface EchartsMap {
  type: 'FeatureCollection';
  UTF8Encoding?: boolean;
  UTF8Scale?: number;
  features: EchartsFeature[];
}

export interface DecodedProperties {
  name: string;
  echartsId: string | null;
  /** ECharts' label point, when the map gives one (GCJ-02 like the geometry). */
  cp: [number, number] | null;
}

/** Decodes one encoded ring. */
export function decodeRing(encoded: string, offset: readonly [number, number], scale = 1024): Position[] {
  if (encoded.length % 2 !== 0) {
    throw new Error(`encoded ring has an odd number of characters (${encoded.length})`);
  }
  const ring: Position[] = [];
  let prevX = offset[0];
  let prevY = offset[1];
  for (let i = 0; i < encoded.length; i += 2) {
    let x = encoded.charCodeAt(i) - 64;
    let y = encoded.charCodeAt(i + 1) - 64;
    x = (x >> 1) ^ -(x & 1);
    y = (y >> 1) ^ -(y & 1);
    x += prevX;
    y += prevY;
    prevX = x;
    prevY = y;
    ring.push([x / scale, y / scale]);
  }
  return ring;
}

/** Closes a ring if its last vertex differs from its first (GeoJSON requires closed rings). */
function closeRing(ring: Position[]): Position[] {
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) return [...ring, first];
  return ring;
}

/** Decodes an ECharts map into plain GeoJSON with closed rings. Unencoded maps pass through. */
export function decodeEchartsMap(map: EchartsMap): FeatureCollection<Polygon | MultiPolygon, DecodedProperties> {
  const scale = map.UTF8Scale ?? 1024;
  const features = map.features.map((f): Feature<Polygon | MultiPolygon, DecodedProperties> => {
    const properties: DecodedProperties = {
      name: f.properties.name,
      echartsId: f.id ?? null,
      cp: f.properties.cp ?? null,
    };
    const g = f.geometry;
    if (!map.UTF8Encoding) {
      return { type: 'Feature', properties, geometry: g as unknown as Polygon | MultiPolygon };
    }
    if (g.type === 'Polygon') {
      const coordinates = g.coordinates.map((ring, i) => closeRing(decodeRing(ring, offsetAt(g.encodeOffsets, i), scale)));
      return { type: 'Feature', properties, geometry: { type: 'Polygon', coordinates } };
    }
    const coordinates = g.coordinates.map((polygon, i) =>
      polygon.map((ring, j) => closeRing(decodeRing(ring, offsetAt(g.encodeOffsets[i] ?? [], j), scale))),
    );
    return { type: 'Feature', properties, geometry: { type: 'MultiPolygon', coordinates } };
  });
  return { type: 'FeatureCollection', features };
}

function offsetAt(offsets: readonly [number, number][], i: number): [number, number] {
  const o = offsets[i];
  if (!o) throw new Error(`missing encodeOffsets entry ${i}`);
  return o;
}
