/**
 * A small SVG map frame for a region: an equirectangular projection scaled by cos(latitude), which
 * at a province's size is indistinguishable from a conformal one and keeps the maths readable. The
 * profiles' small Shanghai maps and the comparison page's Zhejiang map are both frames.
 */
import type { Geometry, Position } from 'geojson';
import simplify from '@turf/simplify';

export interface FrameBounds {
  west: number;
  east: number;
  south: number;
  north: number;
}

export interface SvgFrame {
  width: number;
  height: number;
  /** A lon/lat in the frame (x, y), to 0.1 unit. */
  point(position: Position): [number, number];
  /** An SVG path for a geometry (points become nothing: outlines only), simplified by `tolerance` degrees. */
  path(geometry: Geometry | null, tolerance?: number): string;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export function svgFrame(bounds: FrameBounds, width: number, latitude = (bounds.south + bounds.north) / 2): SvgFrame {
  const cos = Math.cos((latitude * Math.PI) / 180);
  const k = width / ((bounds.east - bounds.west) * cos);
  const point = ([lon, lat]: Position): [number, number] => [round1((lon! - bounds.west) * cos * k), round1((bounds.north - lat!) * k)];
  const ring = (r: Position[], close: boolean) => `M${r.map((p) => point(p).join(',')).join('L')}${close ? 'Z' : ''}`;
  return {
    width,
    height: round1((bounds.north - bounds.south) * k),
    point,
    path(geometry, tolerance = 0.003) {
      if (!geometry) return '';
      const simple =
        tolerance > 0
          ? (simplify({ type: 'Feature', properties: {}, geometry }, { tolerance, highQuality: false }).geometry as Geometry)
          : geometry;
      switch (simple.type) {
        case 'Polygon':
          return simple.coordinates.map((r) => ring(r, true)).join('');
        case 'MultiPolygon':
          return simple.coordinates.flatMap((p) => p.map((r) => ring(r, true))).join('');
        case 'LineString':
          return ring(simple.coordinates, false);
        case 'MultiLineString':
          return simple.coordinates.map((r) => ring(r, false)).join('');
        default:
          return '';
      }
    },
  };
}
