/**
 * Cuts GeoJSON layers into Mapbox Vector Tiles: geojson-vt slices and simplifies,
 * @maplibre/vt-pbf encodes, gzip compresses. Tiles with no feature in any layer are not written.
 */
import type { FeatureCollection } from 'geojson';
import { GeoJSONVT, type GeoJSONVTTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { gzipDeterministic, type TileInput } from './pmtiles-writer.ts';

export interface TilingOptions {
  minZoom: number;
  maxZoom: number;
  /** [west, south, east, north]: only tiles touching it are cut. */
  bounds: [number, number, number, number];
  extent?: number;
  buffer?: number;
  /** Layers written only from this zoom on (their style layers start there too): keeps overview tiles small. */
  layerMinZoom?: Record<string, number>;
}

export function lonToTileX(lon: number, z: number): number {
  return Math.floor(((lon + 180) / 360) * 2 ** z);
}

export function latToTileY(lat: number, z: number): number {
  const r = (lat * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z);
}

export function tilesCovering(bounds: [number, number, number, number], z: number): { x: number; y: number }[] {
  const [w, s, e, n] = bounds;
  const out: { x: number; y: number }[] = [];
  for (let x = lonToTileX(w, z); x <= lonToTileX(e, z); x++) {
    for (let y = latToTileY(n, z); y <= latToTileY(s, z); y++) out.push({ x, y });
  }
  return out;
}

export function cutTiles(layers: Record<string, FeatureCollection>, options: TilingOptions): TileInput[] {
  const extent = options.extent ?? 4096;
  const indexes = Object.entries(layers).map(
    ([name, data]) =>
      [
        name,
        new GeoJSONVT(data, {
          maxZoom: options.maxZoom,
          indexMaxZoom: options.maxZoom,
          indexMaxPoints: 0,
          extent,
          buffer: options.buffer ?? 64,
          tolerance: 3,
        }),
      ] as const,
  );
  const tiles: TileInput[] = [];
  for (let z = options.minZoom; z <= options.maxZoom; z++) {
    for (const { x, y } of tilesCovering(options.bounds, z)) {
      const tileLayers: Record<string, GeoJSONVTTile> = {};
      for (const [name, index] of indexes) {
        if (z < (options.layerMinZoom?.[name] ?? 0)) continue;
        const tile = index.getTile(z, x, y);
        if (tile && tile.features.length > 0) tileLayers[name] = tile;
      }
      if (Object.keys(tileLayers).length === 0) continue;
      const pbf = fromGeojsonVt(tileLayers, { version: 2, extent });
      tiles.push({ z, x, y, data: gzipDeterministic(pbf) });
    }
  }
  return tiles;
}
