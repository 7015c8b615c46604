/**
 * The geodata build end to end: builds into a temporary folder, reads the archive back with the
 * pmtiles package, decodes tiles, checks the districts' topology, and checks determinism against a
 * second build.
 */
import { industryProperty } from '../../src/lib/style/plan-layers.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PMTiles } from 'pmtiles';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import {
  buildGeodata,
  isStale,
  BASEMAP_FILE,
  PLAN_TILES_FILE,
  DISTRICTS_FILE,
  DISTRICTS_ADMIN_FILE,
  MANIFEST_FILE,
  type BuildReport,
} from '../../geodata/build/main.ts';
import { lonToTileX, latToTileY } from '../../geodata/build/tiles.ts';
import { DISTRICTS } from '../../src/lib/districts.ts';
import { BytesSource } from './pmtiles.test.ts';

type Districts = FeatureCollection<Polygon | MultiPolygon, { code: string; name_zh: string; name_en: string }>;

let dir: string;
let report: BuildReport;
let reader: PMTiles;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'geodata-'));
  report = await buildGeodata(dir);
  reader = new PMTiles(new BytesSource(new Uint8Array(readFileSync(join(dir, BASEMAP_FILE)))));
}, 180_000);

async function layersAt(lon: number, lat: number, z: number) {
  const r = await reader.getZxy(z, lonToTileX(lon, z), latToTileY(lat, z));
  expect(r).toBeDefined();
  // The reader undoes the tile compression itself.
  return new VectorTile(new PbfReader(new Uint8Array(r!.data))).layers;
}

describe('geodata build', () => {
  it('writes a PMTiles v3 vector archive covering Shanghai at zooms 6-12 with transport, under 2 MB', async () => {
    const h = await reader.getHeader();
    expect(h.specVersion).toBe(3);
    expect([h.minZoom, h.maxZoom]).toEqual([6, 12]);
    expect(h.minLon).toBeLessThan(120.9);
    expect(h.maxLon).toBeGreaterThan(122.1);
    expect(h.minLat).toBeLessThan(30.7);
    expect(h.maxLat).toBeGreaterThan(31.9);
    expect(report.files.find((f) => f.path === BASEMAP_FILE)!.bytes).toBeLessThan(2 * 1024 * 1024);
    const meta = (await reader.getMetadata()) as { vector_layers: { id: string }[]; attribution: string };
    expect(meta.vector_layers.map((l) => l.id).sort()).toEqual(
      [
        'boundaries',
        'district_labels',
        'districts',
        'land',
        'place_labels',
        'pois',
        'rivers',
        'water',
        'water_labels',
        'metro',
        'stations',
        'roads',
      ].sort(),
    );
    expect(meta.attribution).toMatch(/ODbL/);
  });

  it('writes the plan to an archive of its own, with one boolean per industry a feature reaches (no arrays in tiles)', async () => {
    const plan = new PMTiles(new BytesSource(new Uint8Array(readFileSync(join(dir, PLAN_TILES_FILE)))));
    const meta = (await plan.getMetadata()) as { vector_layers: { id: string; fields: Record<string, string> }[] };
    expect(meta.vector_layers.map((l) => l.id)).toEqual(['plan']);
    const fields = Object.keys(meta.vector_layers[0]!.fields);
    expect(fields).toContain(industryProperty('IC'));
    expect(fields).not.toContain('reach');
    // 东方芯港 (Lingang, 集成电路): its tile carries in_IC and in_EI (集成电路 ⊂ 电子信息)
    const r = await plan.getZxy(10, lonToTileX(121.93, 10), latToTileY(30.9, 10));
    const layer = new VectorTile(new PbfReader(new Uint8Array(r!.data))).layers.plan!;
    const props = Array.from({ length: layer.length }, (_, i) => layer.feature(i).properties).find((p) => p.id === 'dongfang-xingang');
    expect(props).toMatchObject({ in_IC: true, in_EI: true });
    expect(Object.values(props!).every((v) => typeof v !== 'string' || !v.startsWith('['))).toBe(true);
  });

  it('has the right district under known places, with code and both names', async () => {
    const places: [number, number, string][] = [
      [121.245, 31.375, '嘉定区'], // 嘉定 old town
      [121.6, 31.2, '浦东新区'], // 张江
      [121.48, 31.23, '黄浦区'], // People's Square
      [121.4, 31.63, '崇明区'],
      [121.23, 31.03, '松江区'],
    ];
    for (const [lon, lat, name] of places) {
      const layer = (await layersAt(lon, lat, 12)).districts!;
      const names = Array.from({ length: layer.length }, (_, i) => layer.feature(i).properties.name_zh);
      expect(names, `${name} at ${lon},${lat}`).toContain(name);
    }
    const labels = (await layersAt(121.45, 31.2, 8)).district_labels!;
    const codes = Array.from({ length: labels.length }, (_, i) => labels.feature(i).properties.code);
    expect(codes).toContain('310151');
    const f = labels.feature(0).properties;
    expect(f.name_zh).toBeTruthy();
    expect(f.name_en).toBeTruthy();
  });

  it('has sea east of Pudong and no land there', async () => {
    const layers = await layersAt(122.1, 31.05, 10);
    expect(layers.water?.length ?? 0).toBeGreaterThan(0);
  });

  it('draws the Huangpu, Suzhou Creek and Dianshan Lake with their precision', async () => {
    const rivers = (await layersAt(121.49, 31.24, 11)).rivers!;
    const names = Array.from({ length: rivers.length }, (_, i) => rivers.feature(i).properties);
    expect(names.map((p) => p.name_zh)).toEqual(expect.arrayContaining(['黄浦江', '苏州河']));
    expect(names.every((p) => p.precision === 'schematic')).toBe(true);
    const water = (await layersAt(120.96, 31.12, 11)).water!;
    const kinds = Array.from({ length: water.length }, (_, i) => water.feature(i).properties.kind);
    expect(kinds).toContain('lake');
  });

  it('keeps all 16 districts, cleaned so neighbours share edges and never overlap', () => {
    const land = JSON.parse(readFileSync(join(dir, DISTRICTS_FILE), 'utf8')) as Districts;
    const admin = JSON.parse(readFileSync(join(dir, DISTRICTS_ADMIN_FILE), 'utf8')) as Districts;
    expect(land.features.map((f) => f.properties.code).sort()).toEqual(DISTRICTS.map((d) => d.code).sort());
    expect(admin.features).toHaveLength(16);
    // Shared edges: neighbours have vertices in common.
    const vertices = (code: string) => {
      const f = admin.features.find((x) => x.properties.code === code)!;
      return new Set(JSON.stringify(f.geometry.coordinates).match(/-?\d+\.\d+,-?\d+\.\d+/g));
    };
    for (const [a, b] of [
      ['310101', '310106'],
      ['310114', '310113'],
      ['310117', '310118'],
      ['310120', '310116'],
    ] as const) {
      const va = vertices(a);
      const shared = [...vertices(b)].filter((v) => va.has(v));
      expect(shared.length, `${a}/${b}`).toBeGreaterThan(5);
    }
    // No overlaps: a grid of points over the city falls in at most one district.
    let inside = 0;
    for (let lon = 120.86; lon < 122.0; lon += 0.02) {
      for (let lat = 30.68; lat < 31.88; lat += 0.02) {
        const hits = admin.features.filter((f) => booleanPointInPolygon([lon, lat], f)).length;
        expect(hits, `${lon},${lat}`).toBeLessThanOrEqual(1);
        inside += hits;
      }
    }
    expect(inside).toBeGreaterThan(1000);
  });

  it('subsets glyphs to the label characters and writes a manifest of every file', () => {
    expect(report.glyphRanges).toBeGreaterThan(5);
    expect(report.characters).toBeGreaterThan(50);
    const manifest = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as { files: { path: string }[] };
    expect(manifest.files.map((f) => f.path)).toEqual(report.files.map((f) => f.path));
    for (const f of manifest.files) expect(existsSync(join(dir, f.path))).toBe(true);
    expect(isStale(dir)).toBe(false);
  });

  it('is deterministic: a second build writes byte-identical files', async () => {
    // The project's own static/ build, when current, serves as the second build (saves a rebuild).
    const staticDir = join(import.meta.dirname, '../../static');
    const other = existsSync(join(staticDir, MANIFEST_FILE)) && !isStale(staticDir) ? staticDir : mkdtempSync(join(tmpdir(), 'geodata-b-'));
    const second =
      other === staticDir ? (JSON.parse(readFileSync(join(staticDir, MANIFEST_FILE), 'utf8')) as BuildReport) : await buildGeodata(other);
    expect(second.files).toEqual(report.files);
  }, 180_000);
});
