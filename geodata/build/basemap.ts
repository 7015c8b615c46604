/**
 * Assembles the basemap's layers: sea and land from @geo-maps/earth-seas-10m, the 16 districts
 * (cleaned so neighbours share edges, plus a copy clipped to land), district boundaries, the city
 * boundary on land, the authored orientation features and district label points.
 */
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Point, Polygon, Position } from 'geojson';
import mapshaper from 'mapshaper';
import polylabel from 'polylabel';
import type { DistrictCollection } from './districts.ts';
import { round7 } from './coords.ts';
import { DataError } from './errors.ts';

/** The region the basemap covers: Shanghai with its neighbours' edges for context. */
import { REGION_BOUNDS } from '../../src/lib/region.ts';

export const PRECISIONS = ['surveyed', 'approximate', 'schematic'] as const;
export type Precision = (typeof PRECISIONS)[number];

export const ORIENTATION_KINDS = ['river', 'lake', 'channel', 'sea-label', 'island', 'airport', 'port'] as const;
export type OrientationKind = (typeof ORIENTATION_KINDS)[number];

export interface OrientationProperties {
  id: string;
  kind: OrientationKind;
  name_zh: string;
  name_en: string;
  precision: Precision;
  radius_km: number;
  source: string;
}

type AnyCollection = FeatureCollection<Geometry, Record<string, unknown>>;

/** Keeps the sea polygons whose bounding box meets `bounds` (the world file is 37 MB). */
export function seaPolygonsNear(world: { geometries?: Geometry[]; type: string }, bounds: [number, number, number, number]): MultiPolygon {
  const geometries = world.type === 'GeometryCollection' ? (world.geometries ?? []) : [world as Geometry];
  const polygons: Position[][][] = [];
  for (const g of geometries) {
    const list = g.type === 'MultiPolygon' ? g.coordinates : g.type === 'Polygon' ? [g.coordinates] : [];
    for (const poly of list) {
      if (bboxMeets(poly[0] ?? [], bounds)) polygons.push(poly);
    }
  }
  return { type: 'MultiPolygon', coordinates: polygons };
}

function bboxMeets(ring: Position[], [w, s, e, n]: [number, number, number, number]): boolean {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const [x, y] of ring) {
    if (x! < minX) minX = x!;
    if (x! > maxX) maxX = x!;
    if (y! < minY) minY = y!;
    if (y! > maxY) maxY = y!;
  }
  return minX <= e && maxX >= w && minY <= n && maxY >= s;
}

export function validateOrientation(collection: AnyCollection, file: string): FeatureCollection<Geometry, OrientationProperties> {
  const seen = new Set<string>();
  collection.features.forEach((f, i) => {
    const p = f.properties ?? {};
    const id = typeof p.id === 'string' && p.id ? p.id : `feature ${i}`;
    if (typeof p.id !== 'string' || !/^[a-z0-9-]+$/.test(p.id)) throw new DataError(file, id, 'id', 'a lower-case id (a-z, 0-9, -)', p.id);
    if (seen.has(p.id)) throw new DataError(file, id, 'id', 'a unique id', 'duplicate');
    seen.add(p.id);
    if (!ORIENTATION_KINDS.includes(p.kind as OrientationKind)) throw new DataError(file, id, 'kind', `one of ${ORIENTATION_KINDS.join(', ')}`, p.kind);
    for (const field of ['name_zh', 'name_en', 'source'] as const) {
      if (typeof p[field] !== 'string' || !(p[field] as string).trim()) throw new DataError(file, id, field, 'a non-empty string', p[field]);
    }
    if (!PRECISIONS.includes(p.precision as Precision)) throw new DataError(file, id, 'precision', `one of ${PRECISIONS.join(', ')}`, p.precision);
    if (typeof p.radius_km !== 'number' || !(p.radius_km > 0)) throw new DataError(file, id, 'radius_km', 'a positive number of km', p.radius_km);
    const expected: Record<OrientationKind, Geometry['type']> = {
      river: 'LineString', channel: 'LineString', lake: 'Polygon', 'sea-label': 'Point', island: 'Point', airport: 'Point', port: 'Point',
    };
    if (f.geometry?.type !== expected[p.kind as OrientationKind]) throw new DataError(file, id, 'geometry', `a ${expected[p.kind as OrientationKind]}`, f.geometry?.type);
    if (!positionsIn(f.geometry, REGION_BOUNDS)) throw new DataError(file, id, 'geometry', `coordinates inside ${REGION_BOUNDS.join(',')}`, 'outside');
  });
  return collection as unknown as FeatureCollection<Geometry, OrientationProperties>;
}

function positionsIn(g: Geometry, [w, s, e, n]: [number, number, number, number]): boolean {
  const walk = (c: unknown): boolean =>
    Array.isArray(c) && typeof c[0] === 'number'
      ? (c[0] as number) >= w && (c[0] as number) <= e && (c[1] as number) >= s && (c[1] as number) <= n
      : (c as unknown[]).every(walk);
  return g.type === 'GeometryCollection' ? g.geometries.every((x) => positionsIn(x, [w, s, e, n])) : walk(g.coordinates);
}

async function runMapshaper(commands: string, inputs: Record<string, unknown>): Promise<Record<string, AnyCollection>> {
  const output = await mapshaper.applyCommands(commands, Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, JSON.stringify(v)])));
  return Object.fromEntries(
    Object.entries(output).map(([name, content]) => [name.replace(/\.json$/, ''), JSON.parse(String(content)) as AnyCollection]),
  );
}

export interface BasemapLayers {
  water: AnyCollection;
  land: AnyCollection;
  districts: AnyCollection;
  boundaries: AnyCollection;
  rivers: AnyCollection;
  water_labels: AnyCollection;
  pois: AnyCollection;
  place_labels: AnyCollection;
  district_labels: AnyCollection;
}

export interface BasemapResult {
  layers: BasemapLayers;
  /** Districts cleaned (shared edges) in full administrative extent, running into the sea. */
  districtsAdmin: DistrictCollection;
  /** The same clipped to land, as displayed. */
  districtsLand: DistrictCollection;
}

export async function buildBasemapLayers(
  districts: DistrictCollection,
  seaWorld: { type: string; geometries?: Geometry[] },
  orientation: FeatureCollection<Geometry, OrientationProperties>,
): Promise<BasemapResult> {
  const bbox = REGION_BOUNDS.join(',');
  const sea = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { kind: 'sea' }, geometry: seaPolygonsNear(seaWorld, REGION_BOUNDS) }] };
  // -clean snaps near-coincident vertices and removes overlaps and gaps between districts, so
  // neighbours share one edge; -innerlines then yields each shared edge once.
  const out = await runMapshaper(
    [
      '-i districts.json sea.json combine-files',
      '-clip target=sea bbox=' + bbox,
      '-clean target=districts',
      '-rectangle bbox=' + bbox + ' name=land',
      '-erase sea target=land',
      '-each target=land "kind=\'land\'"',
      '-erase sea target=districts + name=districts_land',
      '-innerlines target=districts_land + name=inner',
      '-dissolve target=districts + name=city',
      '-lines target=city + name=city_line',
      // The administrative outline runs into the sea and along the shore; only its land part (the
      // boundary with Jiangsu and Zhejiang) is drawn, so it is cut back from a 2 km shore buffer.
      '-buffer target=sea radius=2000 + name=sea_margin',
      '-erase sea_margin target=city_line',
      '-o format=geojson geojson-type=FeatureCollection precision=0.0000001 target=districts,districts_land,sea,land,inner,city_line',
    ].join(' '),
    { 'districts.json': districts, 'sea.json': sea },
  );
  const need = (name: string): AnyCollection => {
    const layer = out[name];
    if (!layer) throw new Error(`mapshaper produced no layer "${name}" (got ${Object.keys(out).join(', ')})`);
    return layer;
  };
  const districtsAdmin = need('districts') as unknown as DistrictCollection;
  const districtsLand = need('districts_land') as unknown as DistrictCollection;
  if (districtsLand.features.length !== districts.features.length) {
    throw new Error(`clipping to land left ${districtsLand.features.length} of ${districts.features.length} districts`);
  }

  const inner = need('inner').features.map((f) => ({ ...f, properties: { kind: 'district' } }));
  const cityLine = dropShortParts(need('city_line').features, MIN_CITY_LINE_KM).map((f) => ({ ...f, properties: { kind: 'city' } }));
  const byKind = (kinds: OrientationKind[]) => orientation.features.filter((f) => kinds.includes(f.properties.kind));
  const lakes = byKind(['lake']).map((f) => ({ ...f, properties: { kind: 'lake', id: f.properties.id, name_zh: f.properties.name_zh, name_en: f.properties.name_en, precision: f.properties.precision } }));
  const seaFeatures = need('sea').features.map((f) => ({ ...f, properties: { kind: 'sea' } }));
  const labelProps = (f: Feature<Geometry, OrientationProperties>) => ({
    id: f.properties.id, kind: f.properties.kind, name_zh: f.properties.name_zh, name_en: f.properties.name_en, precision: f.properties.precision,
  });
  const lakeLabels = byKind(['lake']).map((f) => ({
    type: 'Feature' as const,
    properties: labelProps(f),
    geometry: labelPoint((f.geometry as Polygon).coordinates),
  }));

  const layers: BasemapLayers = {
    water: collection([...seaFeatures, ...lakes]),
    land: collection(need('land').features),
    districts: districtsLand as unknown as AnyCollection,
    boundaries: collection([...inner, ...cityLine]),
    rivers: collection(byKind(['river']).map((f) => ({ ...f, properties: labelProps(f) }))),
    water_labels: collection([...byKind(['channel', 'sea-label']).map((f) => ({ ...f, properties: labelProps(f) })), ...lakeLabels]),
    pois: collection(byKind(['airport', 'port']).map((f) => ({ ...f, properties: labelProps(f) }))),
    place_labels: collection(byKind(['island']).map((f) => ({ ...f, properties: labelProps(f) }))),
    district_labels: districtLabels(districtsLand),
  };
  return { layers, districtsAdmin, districtsLand };
}

/** Shore-buffer erasing leaves slivers of the outline on islands; parts shorter than this go. */
const MIN_CITY_LINE_KM = 8;

/** Splits multi-lines into parts and keeps the parts at least `minKm` long. */
export function dropShortParts(features: Feature[], minKm: number): Feature[] {
  const parts = features.flatMap((f) =>
    f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.type === 'MultiLineString' ? f.geometry.coordinates : [],
  );
  return parts
    .filter((line) => lineLengthKm(line) >= minKm)
    .map((coordinates) => ({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates } }));
}

function lineLengthKm(line: Position[]): number {
  let km = 0;
  for (let i = 1; i < line.length; i++) {
    const [x1, y1] = line[i - 1]!;
    const [x2, y2] = line[i]!;
    const dx = (x2! - x1!) * 111.32 * Math.cos((((y1! + y2!) / 2) * Math.PI) / 180);
    const dy = (y2! - y1!) * 110.57;
    km += Math.hypot(dx, dy);
  }
  return km;
}

function collection(features: Feature[]): AnyCollection {
  return { type: 'FeatureCollection', features } as AnyCollection;
}

/** A label point inside the polygon (pole of inaccessibility), rounded for stable output. */
export function labelPoint(rings: Position[][]): Point {
  const p = polylabel(rings as [number, number][][], 0.0005);
  return { type: 'Point', coordinates: [round7(p[0]!), round7(p[1]!)] };
}

/** One label point per district, in its largest land part; `rank` orders labels by area. */
export function districtLabels(districts: DistrictCollection): AnyCollection {
  const features = districts.features.map((f) => {
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    const largest = polygons.reduce((a, b) => (ringArea(b[0] ?? []) > ringArea(a[0] ?? []) ? b : a));
    return {
      type: 'Feature' as const,
      properties: { code: f.properties.code, name_zh: f.properties.name_zh, name_en: f.properties.name_en, area: Math.round(ringArea(largest[0] ?? []) * 1e6) },
      geometry: labelPoint(largest),
    };
  });
  return collection(features);
}

/** Planar area in square degrees (only used to compare parts of one district). */
function ringArea(ring: Position[]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j]![0]! + ring[i]![0]!) * (ring[j]![1]! - ring[i]![1]!);
  return Math.abs(a / 2);
}
