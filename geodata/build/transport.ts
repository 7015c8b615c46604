/**
 * The transport layers of the basemap, from the OSM-derived copies in geodata/sources/transport/:
 * metro lines (coloured by line), stations (an incomplete set, said so everywhere) and the
 * expressway and elevated corridors. Every file must match its entry in provenance.json (SHA-256)
 * and carry its own licence and attribution; every feature must have an id, a name and a sound
 * geometry inside the region. Errors name the file, the feature and the field.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, Geometry, LineString, MultiLineString, Point, Position } from 'geojson';
import { pinyin } from 'pinyin-pro';
import { z } from 'zod';
import { DataError } from './errors.ts';
import { readJson, validate } from './plan.ts';
import { REGION_BOUNDS } from '../../src/lib/region.ts';
import { PublishedCitation } from '../../src/lib/plan/model.ts';
import type { TransportNetwork } from '../../src/lib/plan/access.ts';

export const TRANSPORT_DIR = 'geodata/sources/transport';
export const TRANSPORT_FILES = {
  lines: 'shanghai-metro-lines.osm.geojson',
  stations: 'shanghai-metro-stations.osm.geojson',
  roads: 'shanghai-elevated-roads.osm.geojson',
} as const;

const Provenance = z.object({
  files: z.array(
    z.object({
      file: z.string().min(1),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      what: z.object({ zh: z.string().min(1), en: z.string().min(1) }),
      source: z.string().min(1),
      source_commit: z.string().regex(/^[0-9a-f]{40}$/),
      upstream: z.string().min(1),
      snapshot: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      licence: z.string().min(1),
      attribution: z.string().min(1),
      changes: z.string().min(1),
    }),
  ),
});
export type Provenance = z.infer<typeof Provenance>;

const LineStyles = z.object({
  colour_cite: z.array(PublishedCitation).min(1),
  lines: z.array(
    z.object({
      route: z.string().min(1),
      colour: z.string().regex(/^#[0-9a-f]{6}$/),
      name: z.object({ zh: z.string().min(1), en: z.string().min(1) }),
    }),
  ),
});
export type LineStyles = z.infer<typeof LineStyles>;

const RoadNames = z.object({ unlabelled: z.array(z.string()), names: z.record(z.string(), z.string().min(1)) });
export type RoadNames = z.infer<typeof RoadNames>;

type AnyCollection = FeatureCollection<Geometry | null, Record<string, unknown> | null> & { metadata?: Record<string, unknown> };

/** The licence fields each transport file must carry itself (not only in provenance.json). */
const REQUIRED_METADATA = ['license', 'attribution', 'sourceSnapshotAt', 'sourceCommit'] as const;

/**
 * Checks one transport file: its licence metadata, and for each feature an id, a name, the
 * expected geometry type and positions that are numbers inside the region.
 */
export function validateTransportFile(collection: AnyCollection, file: string, geometryTypes: readonly Geometry['type'][]): void {
  if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    throw new DataError(file, '(file)', 'type', 'a GeoJSON FeatureCollection', collection?.type);
  }
  for (const field of REQUIRED_METADATA) {
    const value = collection.metadata?.[field];
    if (typeof value !== 'string' || !value.trim()) throw new DataError(file, '(file)', `metadata.${field}`, 'a non-empty string (the data licence and its source)', value);
  }
  if (!/ODbL/i.test(String(collection.metadata!.license))) throw new DataError(file, '(file)', 'metadata.license', 'ODbL (OpenStreetMap data)', collection.metadata!.license);
  const seen = new Set<string>();
  collection.features.forEach((f, i) => {
    const p = f.properties ?? {};
    const id = typeof p.id === 'string' && p.id ? p.id : `feature ${i}`;
    if (typeof p.id !== 'string' || !p.id) throw new DataError(file, id, 'id', 'a non-empty id', p.id);
    if (seen.has(p.id)) throw new DataError(file, id, 'id', 'a unique id', 'duplicate');
    seen.add(p.id);
    if (typeof p.name !== 'string' || !p.name.trim()) throw new DataError(file, id, 'name', 'a non-empty name', p.name);
    const g = f.geometry;
    if (!g || !geometryTypes.includes(g.type)) throw new DataError(file, id, 'geometry.type', `one of ${geometryTypes.join(', ')}`, g?.type ?? null);
    const problem = geometryProblem(g);
    if (problem) throw new DataError(file, id, 'geometry.coordinates', problem.expected, problem.found);
  });
}

function geometryProblem(g: Geometry): { expected: string; found: unknown } | null {
  const [w, s, e, n] = REGION_BOUNDS;
  const lines: Position[][] =
    g.type === 'Point' ? [[g.coordinates]] : g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : [];
  if (lines.length === 0) return { expected: 'at least one line', found: [] };
  for (const line of lines) {
    if (!Array.isArray(line) || (g.type !== 'Point' && line.length < 2)) return { expected: 'lines of at least two positions', found: line };
    for (const p of line) {
      if (!Array.isArray(p) || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) return { expected: 'positions of two finite numbers', found: p };
      if (p[0]! < w || p[0]! > e || p[1]! < s || p[1]! > n) return { expected: `positions inside the region ${REGION_BOUNDS.join(',')}`, found: p };
    }
  }
  return null;
}

/** Checks a file's bytes against its provenance entry (so a silently replaced file cannot slip in). */
export function checkProvenance(provenance: Provenance, file: string, bytes: Uint8Array): Provenance['files'][number] {
  const entry = provenance.files.find((f) => f.file === file);
  if (!entry) throw new DataError('provenance.json', file, 'files', 'an entry for every transport file', 'missing');
  const sha = createHash('sha256').update(bytes).digest('hex');
  if (sha !== entry.sha256) throw new DataError('provenance.json', file, 'sha256', `the file's SHA-256 (${sha}); update the entry when the data changes`, entry.sha256);
  return entry;
}

const SUFFIXES: [string, string][] = [
  ['东路', 'East Road'],
  ['西路', 'West Road'],
  ['南路', 'South Road'],
  ['北路', 'North Road'],
  ['中路', 'Middle Road'],
  ['大道', 'Avenue'],
  ['公路', 'Highway'],
  ['路', 'Road'],
];

/**
 * A station name in Latin letters: pinyin of the proper name, written as one word (as place names
 * are on Chinese signs), with a generic road suffix translated (金科路 → Jinke Road). Names that
 * are already Latin (S1, T2) stay as they are.
 */
export function romanize(name: string): string {
  return name
    .split(/[・·]/)
    .map((part) => {
      if (/^[A-Za-z0-9 ]+$/.test(part)) return part;
      const suffix = SUFFIXES.find(([zh]) => part.endsWith(zh) && part.length > zh.length);
      const stem = suffix ? part.slice(0, -suffix[0].length) : part;
      const word = pinyin(stem, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('').replace(/\s+/g, '');
      const proper = word.charAt(0).toUpperCase() + word.slice(1);
      return suffix ? `${proper} ${suffix[1]}` : proper;
    })
    .join(' · ');
}

export interface TransportSources {
  lines: FeatureCollection<MultiLineString | LineString, { id: string; name: string; route: string }>;
  stations: FeatureCollection<Point, { id: string; name: string }>;
  roads: FeatureCollection<MultiLineString | LineString, { id: string; name: string; kind: string; scope: string }>;
  lineStyles: LineStyles;
  roadNames: RoadNames;
  provenance: Provenance;
}

export function loadTransportSources(root: string): TransportSources {
  const dir = join(root, TRANSPORT_DIR);
  const provenance = validate(Provenance, readJson(dir, 'provenance.json'), 'provenance.json', '(file)');
  const read = (file: string, types: readonly Geometry['type'][]) => {
    const bytes = readFileSync(join(dir, file));
    checkProvenance(provenance, file, bytes);
    const collection = readJson(dir, file) as unknown as AnyCollection;
    validateTransportFile(collection, file, types);
    return collection;
  };
  const sources = {
    lines: read(TRANSPORT_FILES.lines, ['MultiLineString', 'LineString']) as unknown as TransportSources['lines'],
    stations: read(TRANSPORT_FILES.stations, ['Point']) as unknown as TransportSources['stations'],
    roads: read(TRANSPORT_FILES.roads, ['MultiLineString', 'LineString']) as unknown as TransportSources['roads'],
    lineStyles: validate(LineStyles, readJson(dir, 'metro-lines.json'), 'metro-lines.json', '(file)'),
    roadNames: validate(RoadNames, readJson(dir, 'road-names.json'), 'road-names.json', '(file)'),
    provenance,
  };
  return sources;
}

/** Roads the map draws: the whole named corridors and every expressway piece (the source's advice). */
export function isDrawnRoad(p: { kind: string; scope: string }): boolean {
  return p.scope === 'major' || p.kind === 'expressway';
}

export type RoadClass = 'expressway' | 'elevated';

/** The transport network in the form the access rules and the tiles use, with both languages. */
export function transportNetwork(sources: TransportSources): TransportNetwork {
  const styleOf = new Map(sources.lineStyles.lines.map((l) => [l.route, l]));
  const lines = sources.lines.features.map((f) => {
    const style = styleOf.get(f.properties.route);
    if (!style) throw new DataError('metro-lines.json', f.properties.route, 'lines', `a colour and names for route "${f.properties.route}"`, 'missing');
    return { id: f.properties.id, route: f.properties.route, colour: style.colour, name: style.name, geometry: f.geometry };
  });
  const stations = sources.stations.features.map((f) => ({
    id: f.properties.id,
    name: { zh: f.properties.name, en: romanize(f.properties.name) },
    coordinates: f.geometry.coordinates as [number, number],
  }));
  const roads = sources.roads.features
    .filter((f) => isDrawnRoad(f.properties))
    .map((f) => {
      const en = sources.roadNames.names[f.properties.name];
      if (!en) throw new DataError('road-names.json', f.properties.name, 'names', `an English name for the drawn road "${f.properties.name}" (${f.properties.id})`, 'missing');
      return {
        id: f.properties.id,
        roadClass: (f.properties.kind === 'expressway' ? 'expressway' : 'elevated') as RoadClass,
        name: { zh: f.properties.name, en },
        labelled: !sources.roadNames.unlabelled.includes(f.properties.name),
        geometry: f.geometry,
      };
    });
  const snapshots = [...new Set(sources.provenance.files.map((f) => f.snapshot))];
  return { snapshot: snapshots.sort().join(', '), lines, stations, roads };
}

/** The three basemap layers the transport network becomes. */
export function transportLayers(network: TransportNetwork): Record<'metro' | 'stations' | 'roads', FeatureCollection> {
  const feature = (geometry: Geometry, properties: Record<string, unknown>): Feature => ({ type: 'Feature', properties, geometry });
  return {
    metro: {
      type: 'FeatureCollection',
      features: network.lines.map((l) =>
        feature(l.geometry, { id: l.id, route: l.route, kind: l.route === 'network' ? 'network' : 'line', colour: l.colour, name_zh: l.name.zh, name_en: l.name.en }),
      ),
    },
    stations: {
      type: 'FeatureCollection',
      features: network.stations.map((s) => feature({ type: 'Point', coordinates: s.coordinates }, { id: s.id, name_zh: s.name.zh, name_en: s.name.en })),
    },
    roads: {
      type: 'FeatureCollection',
      features: network.roads.map((r) =>
        feature(r.geometry, { id: r.id, class: r.roadClass, labelled: r.labelled, name_zh: r.name.zh, name_en: r.name.en }),
      ),
    },
  };
}
