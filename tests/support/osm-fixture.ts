/**
 * The street-level fixture: the hand-written OSM XML in tests/fixtures/streets.osm turned into a
 * .osm.pbf with osmium (Debian's osmium-tool), optionally moved by an offset (to put it outside the
 * region), and the streets archive built from it by the real tilemaker path.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDebianTool } from '../../geodata/build/osm.ts';
import { ROOT } from './server.ts';

export const FIXTURE_OSM = join(ROOT, 'tests/fixtures/streets.osm');

/** Writes the fixture as .osm.pbf (moved by dLon/dLat degrees) and returns its path. */
export function fixturePbf(dLon = 0, dLat = 0): string {
  const osmium = ensureDebianTool('osmium', 'osmium-tool');
  const dir = mkdtempSync(join(tmpdir(), 'osm-fixture-'));
  const xml = readFileSync(FIXTURE_OSM, 'utf8').replace(/(lat|lon|minlat|minlon|maxlat|maxlon)="([\d.]+)"/g, (_, k: string, v: string) => {
    const shift = k.endsWith('lat') ? dLat : dLon;
    return `${k}="${(Number(v) + shift).toFixed(6)}"`;
  });
  const osm = join(dir, 'streets.osm');
  writeFileSync(osm, xml);
  const pbf = join(dir, 'streets.osm.pbf');
  const run = spawnSync(osmium, ['cat', osm, '-o', pbf, '--overwrite'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`osmium failed: ${run.stderr}`);
  return pbf;
}
