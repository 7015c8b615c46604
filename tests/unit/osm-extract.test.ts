/**
 * A deployment's own OSM extract → street-level layers: the whole path on a tiny hand-written
 * extract (OSM XML → osmium → .pbf → tilemaker with the project's profile → the project's PMTiles
 * writer), and the messages for an extract that is not a .pbf, is empty or lies outside the region.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PMTiles } from 'pmtiles';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { OsmExtractError, buildStreets, checkPbf } from '../../geodata/build/osm.ts';
import { latToTileY, lonToTileX } from '../../geodata/build/tiles.ts';
import { BytesSource } from './pmtiles.test.ts';
import { fixturePbf, FIXTURE_OSM } from '../support/osm-fixture.ts';
import { ROOT } from '../support/server.ts';

let archive: Uint8Array;
let labels: string[];
beforeAll(() => {
  const result = buildStreets(fixturePbf(), ROOT, () => {});
  archive = result.archive;
  labels = result.labels;
}, 120_000);

describe('street-level layers from an OSM extract', () => {
  it('packs tilemaker’s tiles into a PMTiles archive with streets, water, land use and places', async () => {
    const reader = new PMTiles(new BytesSource(archive));
    const header = await reader.getHeader();
    expect([header.minZoom, header.maxZoom]).toEqual([8, 14]);
    const z = 14;
    const tile = await reader.getZxy(z, lonToTileX(121.595, z), latToTileY(31.2, z));
    expect(tile).toBeDefined();
    const layers = new VectorTile(new PbfReader(new Uint8Array(tile!.data))).layers;
    expect(Object.keys(layers).sort()).toEqual(expect.arrayContaining(['landuse', 'streets', 'water', 'waterways']));
    const streets = Array.from({ length: layers.streets!.length }, (_, i) => layers.streets!.feature(i).properties);
    expect(streets).toEqual(
      expect.arrayContaining([expect.objectContaining({ class: 'primary', name: '测试大道', name_en: 'Test Avenue' })]),
    );
    expect(streets).toEqual(expect.arrayContaining([expect.objectContaining({ class: 'minor', name: '测试支路' })]));
    expect(labels).toEqual(expect.arrayContaining(['测试大道', '测试河', '测试镇']));
  });

  it('says clearly when the file is not a .pbf, is empty, or is not OpenStreetMap data', () => {
    const dir = mkdtempSync(join(tmpdir(), 'osm-bad-'));
    expect(() => checkPbf(FIXTURE_OSM)).toThrow(/not a \.pbf file/);
    const empty = join(dir, 'empty.osm.pbf');
    writeFileSync(empty, '');
    expect(() => checkPbf(empty)).toThrow(/empty/);
    const junk = join(dir, 'junk.osm.pbf');
    writeFileSync(junk, 'PK\u0003\u0004 this is a zip, not OSM');
    expect(() => checkPbf(junk)).toThrow(/not an OpenStreetMap PBF/);
    expect(() => checkPbf(join(dir, 'missing.osm.pbf'))).toThrow(/no such file/);
  });

  it('refuses an extract that lies outside the region', () => {
    // the same streets moved to Beijing
    expect(() => buildStreets(fixturePbf(-5.2, 8.7), ROOT, () => {})).toThrow(OsmExtractError);
    expect(() => buildStreets(fixturePbf(-5.2, 8.7), ROOT, () => {})).toThrow(/outside/);
  });

  it('leaves the embedded basemap as it was when the extract is bad (the command fails before writing)', () => {
    const out = mkdtempSync(join(tmpdir(), 'geodata-osm-'));
    const run = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'geodata/build/main.ts'), '--osm', FIXTURE_OSM, '--out', out],
      {
        encoding: 'utf8',
        cwd: ROOT,
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/the OSM extract was not used \(the basemap is unchanged\)/);
    expect(run.stderr).toMatch(/not a \.pbf file/);
    expect(readdirSync(out)).toEqual([]);
    expect(existsSync(join(out, 'basemap/streets.pmtiles'))).toBe(false);
  });
});
