/**
 * A street-level layer set from a deployment's own OpenStreetMap extract: `npm run geodata -- --osm
 * <file.osm.pbf>`. Debian's tilemaker (2.2, installed here when missing and running as root, else the
 * exact command is printed) cuts the extract with this project's profile (geodata/osm/streets.lua,
 * streets.json) into vector tiles; the project's PMTiles writer packs them into
 * basemap/streets.pmtiles, which the style draws under the plan layers when it is present.
 *
 * Nothing is written until the whole path has succeeded, so a bad extract leaves the embedded
 * basemap as it was. Errors say what is wrong with the file in words a deployer can act on.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, readSync, closeSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { gunzipSync } from 'node:zlib';
import { REGION_BOUNDS } from '../../src/lib/region.ts';
import { gzipDeterministic, writePmtiles, type TileInput } from './pmtiles-writer.ts';
import { latToTileY, lonToTileX } from './tiles.ts';

export const STREETS_FILE = 'basemap/streets.pmtiles';
export const OSM_PROFILE = { config: 'geodata/osm/streets.json', process: 'geodata/osm/streets.lua' } as const;
export const STREETS_MIN_ZOOM = 8;
export const STREETS_MAX_ZOOM = 14;

export class OsmExtractError extends Error {
  override name = 'OsmExtractError';
}

/** The file must exist, be named .osm.pbf / .pbf and start with an OSM PBF header block. */
export function checkPbf(path: string): void {
  if (!existsSync(path)) throw new OsmExtractError(`${path}: no such file`);
  if (!/\.pbf$/i.test(path)) throw new OsmExtractError(`${basename(path)}: not a .pbf file (give an OpenStreetMap extract such as shanghai-latest.osm.pbf)`);
  if (statSync(path).size === 0) throw new OsmExtractError(`${basename(path)}: the file is empty`);
  // A PBF file opens with a 4-byte length and a BlobHeader whose type string is "OSMHeader".
  const head = Buffer.alloc(64);
  const fd = openSync(path, 'r');
  const n = readSync(fd, head, 0, head.length, 0);
  closeSync(fd);
  if (!head.subarray(0, n).includes('OSMHeader')) {
    throw new OsmExtractError(`${basename(path)}: not an OpenStreetMap PBF file (its first block is not an OSMHeader)`);
  }
}

/**
 * The path of a Debian-packaged tool (tilemaker; osmium for the tests' fixture): installed with apt
 * when missing and running as root, else an error that gives the exact command to run.
 */
export function ensureDebianTool(command: string, aptPackage: string, log: (line: string) => void = console.log): string {
  const install = `apt-get update && apt-get install -y ${aptPackage}`;
  const which = () => spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).stdout.trim();
  let path = which();
  if (path) return path;
  if (process.getuid?.() !== 0) throw new OsmExtractError(`${command} is not installed. Install it (Debian/Ubuntu) with:\n  sudo ${install}`);
  log(`geodata: installing ${aptPackage} (${install})`);
  const run = spawnSync('sh', ['-c', install], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  path = which();
  if (run.status !== 0 || !path) throw new OsmExtractError(`installing ${aptPackage} failed; run:\n  ${install}`);
  return path;
}

export interface StreetsResult {
  archive: Uint8Array;
  tiles: number;
  /** Every label the tiles carry (for the glyph subset). */
  labels: string[];
}

/** Tiles of the region at zoom z: a street tile outside it is dropped (the map never pans there). */
function inRegion(z: number, x: number, y: number): boolean {
  const [w, s, e, n] = REGION_BOUNDS;
  return x >= lonToTileX(w, z) && x <= lonToTileX(e, z) && y >= latToTileY(n, z) && y <= latToTileY(s, z);
}

/** Names in one encoded tile's features. */
export function tileLabels(pbf: Uint8Array): string[] {
  const tile = new VectorTile(new PbfReader(pbf));
  const out: string[] = [];
  for (const layer of Object.values(tile.layers)) {
    for (let i = 0; i < layer.length; i++) {
      const p = layer.feature(i).properties;
      for (const k of ['name', 'name_en']) if (typeof p[k] === 'string') out.push(p[k] as string);
    }
  }
  return out;
}

/** Runs tilemaker on the extract and packs its tiles; throws OsmExtractError on a bad or empty extract. */
export function buildStreets(input: string, root: string, log: (line: string) => void = console.log): StreetsResult {
  checkPbf(input);
  const tilemaker = ensureDebianTool('tilemaker', 'tilemaker', log);
  const work = mkdtempSync(join(tmpdir(), 'streets-'));
  try {
    const out = join(work, 'tiles');
    // tilemaker 2.2 aborts when it has no tile to write and the folder does not exist yet
    mkdirSync(out);
    const run = spawnSync(
      tilemaker,
      [
        '--input', input,
        '--output', out,
        '--config', join(root, OSM_PROFILE.config),
        '--process', join(root, OSM_PROFILE.process),
        '--bbox', REGION_BOUNDS.join(','),
      ],
      { encoding: 'utf8', cwd: work },
    );
    if (run.status !== 0) throw new OsmExtractError(`tilemaker could not read ${basename(input)}:\n${(run.stderr || run.stdout).trim().split('\n').slice(-5).join('\n')}`);
    const tiles: TileInput[] = [];
    const labels: string[] = [];
    if (existsSync(out)) {
      for (const z of readdirSync(out).filter((d) => /^\d+$/.test(d))) {
        for (const x of readdirSync(join(out, z))) {
          for (const file of readdirSync(join(out, z, x))) {
            const y = Number(file.replace(/\.pbf$/, ''));
            if (!inRegion(Number(z), Number(x), y)) continue;
            let data: Uint8Array = readFileSync(join(out, z, x, file));
            if (data[0] === 0x1f && data[1] === 0x8b) data = gunzipSync(data);
            if (data.length === 0) continue;
            labels.push(...tileLabels(data));
            tiles.push({ z: Number(z), x: Number(x), y, data: gzipDeterministic(data) });
          }
        }
      }
    }
    if (tiles.length === 0) {
      throw new OsmExtractError(`${basename(input)}: no streets, water, land use or places inside the region ${REGION_BOUNDS.join(',')} (the extract is empty or lies outside it)`);
    }
    tiles.sort((a, b) => a.z - b.z || a.x - b.x || a.y - b.y);
    const archive = writePmtiles(tiles, {
      minZoom: STREETS_MIN_ZOOM,
      maxZoom: STREETS_MAX_ZOOM,
      bounds: REGION_BOUNDS,
      center: [121.47, 31.23, 11],
      metadata: {
        name: 'Street-level layers from an OpenStreetMap extract',
        format: 'pbf',
        attribution: '© OpenStreetMap contributors (ODbL)',
        vector_layers: ['streets', 'water', 'waterways', 'landuse', 'places'].map((id) => ({ id, fields: { class: 'String', name: 'String', name_en: 'String' } })),
      },
    });
    return { archive, tiles: tiles.length, labels };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Labels of an existing streets archive (a later plain `npm run geodata` keeps their glyphs). */
export async function existingStreetLabels(path: string): Promise<string[]> {
  if (!existsSync(path)) return [];
  const { PMTiles } = await import('pmtiles');
  const bytes = new Uint8Array(readFileSync(path));
  const source = {
    getKey: () => path,
    getBytes: async (offset: number, length: number) => ({ data: bytes.buffer.slice(bytes.byteOffset + offset, bytes.byteOffset + offset + length) as ArrayBuffer }),
  };
  const reader = new PMTiles(source);
  const header = await reader.getHeader();
  const labels: string[] = [];
  for (let z = header.minZoom; z <= header.maxZoom; z++) {
    const [w, s, e, n] = REGION_BOUNDS;
    for (let x = lonToTileX(w, z); x <= lonToTileX(e, z); x++) {
      for (let y = latToTileY(n, z); y <= latToTileY(s, z); y++) {
        const tile = await reader.getZxy(z, x, y);
        if (tile) labels.push(...tileLabels(new Uint8Array(tile.data)));
      }
    }
  }
  return labels;
}
