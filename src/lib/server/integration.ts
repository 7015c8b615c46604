/**
 * The built integration data (static/data/integration.json) and Zhejiang's city outlines, read at
 * build time by the prerendered pages (the comparison page, the industry profiles).
 */
import type { Geometry } from 'geojson';
import { BuiltIntegration } from '$lib/plan/model';
import { svgFrame } from '$lib/plan/svg-frame';
import { readBuiltGeojson, readBuiltJson } from './plan-data';

export function readBuiltIntegration(): BuiltIntegration {
  return readBuiltJson('integration.json', BuiltIntegration);
}

/** Zhejiang's frame: the province with a margin (the map is drawn as SVG, no tiles, nothing fetched). */
export const ZHEJIANG_BOUNDS = { west: 118.0, east: 123.3, south: 27.0, north: 31.2 } as const;

export interface RegionMap {
  width: number;
  height: number;
  cities: { code: string; path: string; label: [number, number] }[];
}

/** Zhejiang's cities as SVG paths, with each city's label point, in one frame. */
export function zhejiangMap(): RegionMap {
  const geojson = readBuiltGeojson('zhejiang.geojson');
  const frame = svgFrame(ZHEJIANG_BOUNDS, 520);
  const integration = readBuiltIntegration();
  return {
    width: frame.width,
    height: frame.height,
    cities: geojson.features.map((f) => {
      const code = String(f.properties?.code);
      const at = integration.cities.find((c) => c.code === code)!.label_point;
      return { code, path: frame.path(f.geometry as Geometry, 0.01), label: frame.point(at) };
    }),
  };
}
