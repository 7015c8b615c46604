/**
 * The plan data build: reads the authored files in geodata/sources/plan/, expands citation
 * shorthand, validates every record against the plan model (src/lib/plan/model.ts), checks what a
 * schema cannot (ids, references, places inside their districts, drawn areas against published
 * areas), turns geometry specs into GeoJSON and reports which of the plans' places are placed.
 * Every error names the file, the record, the field and what was expected.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { z } from 'zod';
import {
  area as turfArea, booleanPointInPolygon, circle as turfCircle, featureCollection, intersect as turfIntersect,
  pointToPolygonDistance as turfPointToPolygonDistance, polygon as turfPolygon, simplify as turfSimplify, union as turfUnion,
} from '@turf/turf';
import { parseCsv } from '../../src/lib/formats/csv.ts';
import { DataError } from './errors.ts';
import { round7 } from './coords.ts';
import { type BuiltPlan, Citation, DistrictProfile, Figure, GazetteerEntry, Indicator, Industry, PlanFeature, PublishedCitation, ServiceMode, TermMapping, type CoverageRow, type GeometrySpec, type IndustryId } from '../../src/lib/plan/model.ts';
import { LAYER_GROUP_OF } from '../../src/lib/plan/vocabulary.ts';

export type { CoverageRow };
import { parsePlanShorthand } from '../../src/lib/plan/citation.ts';
import { primaryDensity } from '../../src/lib/plan/density.ts';
import { linksWithMembers, reachedIndustries } from '../../src/lib/plan/rules.ts';
import { accessOf, type TransportNetwork } from '../../src/lib/plan/access.ts';
import { DISTRICTS } from '../../src/lib/districts.ts';
import type { DistrictCollection } from './districts.ts';

export const PLAN_DIR = 'geodata/sources/plan';

export const FEATURE_FILES = ['manufacturing.json', 'parks.json', 'service.json', 'context.json'] as const;

/** A circle sized to a published area may differ from it by at most this ratio (either way). */
export const AREA_TOLERANCE = 1.25;

type Json = unknown;
type PlanFeatureT = z.infer<typeof PlanFeature>;

export interface PlanSources {
  published: Record<string, z.infer<typeof PublishedCitation>>;
  industries: z.infer<typeof Industry>[];
  terms: z.infer<typeof TermMapping>[];
  features: { file: string; record: PlanFeatureT }[];
  districts: z.infer<typeof DistrictProfile>[];
  indicators: z.infer<typeof Indicator>[];
  density: { target: z.infer<typeof Figure>; baselines: z.infer<typeof Figure>[] };
  serviceZones: { baseline_density: z.infer<typeof Figure>; target_count: z.infer<typeof Figure> };
  parksProgramme: { total_municipal: number; total_cite: Citation[]; target_2025: number; target_cite: Citation[] };
  modes: z.infer<typeof ServiceMode>[];
  gazetteer: GazetteerEntry[];
}

/** Replaces citation shorthand ("001 L961-967 §四(二)", "src:<id>") in every `cite` array. */
export function expandCitations(value: Json, published: Record<string, Json>, file: string, record: string, path: string[] = []): Json {
  if (Array.isArray(value)) return value.map((v, i) => expandCitations(v, published, file, record, [...path, String(i)]));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, Json> = {};
  for (const [key, v] of Object.entries(value as Record<string, Json>)) {
    if ((key === 'cite' || key.endsWith('_cite')) && Array.isArray(v)) {
      out[key] = v.map((c, i) => {
        if (typeof c !== 'string') return c;
        const field = [...path, key, String(i)].join('.');
        if (c.startsWith('src:')) {
          const source = published[c.slice(4)];
          if (!source) throw new DataError(file, record, field, `a published source id from published-sources.json`, c);
          return source;
        }
        const plan = parsePlanShorthand(c);
        if (!plan) throw new DataError(file, record, field, 'a citation like "001 L961-967 §四(二)" or "src:<id>"', c);
        return plan;
      });
    } else out[key] = expandCitations(v, published, file, record, [...path, key]);
  }
  return out;
}

/** Validates `value` with `schema`; the first issue becomes a DataError naming the field. */
export function validate<S extends z.ZodType>(schema: S, value: Json, file: string, record: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.map(String).join('.') || '(record)';
  // zod's own words for a failed union say nothing useful to a data author.
  const expected = issue.code === 'invalid_union' ? 'one of the allowed shapes (for a citation: a plan citation or a published source)' : issue.message;
  const found = issue.path.reduce<Json>((v, k) => (v && typeof v === 'object' ? (v as Record<string, Json>)[String(k)] : undefined), value);
  throw new DataError(file, record, field, expected, found);
}

/** Reads an authored JSON file; a syntax error names the file. */
export function readJson(dir: string, file: string): Record<string, Json> {
  const text = readFileSync(join(dir, file), 'utf8');
  try {
    return JSON.parse(text) as Record<string, Json>;
  } catch (err) {
    throw new DataError(file, '(file)', '(syntax)', 'valid JSON', err instanceof Error ? err.message : String(err));
  }
}

function recordsOf(file: string, doc: Record<string, Json>, key: string): Json[] {
  const list = doc[key];
  if (!Array.isArray(list)) throw new DataError(file, '(file)', key, 'an array', list);
  return list;
}

function idOf(value: Json, fallback: string): string {
  if (value && typeof value === 'object') {
    const v = value as Record<string, Json>;
    for (const k of ['id', 'code', 'term_zh', 'name_zh']) if (typeof v[k] === 'string' && v[k]) return v[k] as string;
  }
  return fallback;
}

/** Reads and validates every authored plan file (no geometry yet). */
export function loadPlanSources(root: string): PlanSources {
  const dir = join(root, PLAN_DIR);
  const publishedDoc = readJson(dir, 'published-sources.json');
  const published: Record<string, z.infer<typeof PublishedCitation>> = {};
  for (const [id, value] of Object.entries(publishedDoc)) {
    if (id.startsWith('$')) continue;
    published[id] = validate(PublishedCitation, value, 'published-sources.json', id);
  }
  const load = <S extends z.ZodType>(file: string, key: string, schema: S): z.infer<S>[] => {
    const doc = readJson(dir, file);
    return recordsOf(file, doc, key).map((raw, i) => {
      const record = idOf(raw, `#${i + 1}`);
      return validate(schema, expandCitations(raw, published, file, record), file, record);
    });
  };
  const single = <S extends z.ZodType>(file: string, key: string, schema: S): z.infer<S> => {
    const doc = readJson(dir, file);
    return validate(schema, expandCitations(doc[key], published, file, key), file, key);
  };

  const features = FEATURE_FILES.flatMap((file) => load(file, 'features', PlanFeature).map((record) => ({ file, record })));
  const gazetteerText = readFileSync(join(dir, 'gazetteer.csv'), 'utf8');
  const gazetteer = parseCsv(gazetteerText).map((row, i) => validate(GazetteerEntry, row, 'gazetteer.csv', `row ${i + 2}`));

  return {
    published,
    industries: load('industries.json', 'industries', Industry),
    terms: load('terms.json', 'terms', TermMapping),
    features,
    districts: load('districts.json', 'districts', DistrictProfile),
    indicators: load('indicators.json', 'indicators', Indicator),
    density: single('indicators.json', 'density', z.object({ target: Figure, baselines: z.array(Figure) })),
    serviceZones: single('service.json', 'functional_zones', z.object({ baseline_density: Figure, target_count: Figure })),
    parksProgramme: single(
      'parks.json',
      'programme',
      z.object({ total_municipal: z.number().int(), total_cite: z.array(Citation).min(1), target_2025: z.number().int(), target_cite: z.array(Citation).min(1) }),
    ),
    modes: load('modes.json', 'modes', ServiceMode),
    gazetteer,
  };
}

// ── Cross-record checks ──────────────────────────────────────────────────────────────────────

const DISTRICT_CODES = new Set(DISTRICTS.map((d) => d.code));

export function checkReferences(sources: PlanSources): void {
  const ids = new Map<string, string>();
  for (const { file, record } of sources.features) {
    const clash = ids.get(record.id);
    if (clash) throw new DataError(file, record.id, 'id', `a unique id (also used in ${clash})`, record.id);
    ids.set(record.id, file);
  }
  const industryIds = new Set(sources.industries.map((i) => i.id));
  for (const id of ['IC', 'BIO', 'AI', 'EI', 'LH', 'AUTO', 'HEE', 'MAT', 'FASHION'] as IndustryId[]) {
    if (!industryIds.has(id)) throw new DataError('industries.json', id, 'id', 'every 3+6 industry to be defined', 'missing');
  }
  const segments = new Set(sources.industries.flatMap((i) => i.segments.map((s) => s.id)));
  for (const { file, record } of sources.features) {
    for (const code of record.districts) {
      if (!DISTRICT_CODES.has(code)) throw new DataError(file, record.id, 'districts', 'a district code of src/lib/districts.ts', code);
    }
    if (record.parent && !ids.has(record.parent)) throw new DataError(file, record.id, 'parent', 'the id of another feature', record.parent);
    record.industries.forEach((link, i) => {
      if (link.segment && !segments.has(link.segment)) throw new DataError(file, record.id, `industries.${i}.segment`, 'a segment id from industries.json', link.segment);
      if (link.segment && !link.segment.startsWith(`${link.industry}.`)) {
        throw new DataError(file, record.id, `industries.${i}.segment`, `a segment of ${link.industry}`, link.segment);
      }
    });
    const g = record.geometry;
    if (g.type === 'union') {
      for (const ref of g.of) if (!ids.has(ref)) throw new DataError(file, record.id, 'geometry.of', 'ids of other features', ref);
    }
    if (g.type === 'district' || g.type === 'district-part') {
      for (const code of g.codes) if (!DISTRICT_CODES.has(code)) throw new DataError(file, record.id, 'geometry.codes', 'district codes', code);
    }
  }
  const modeIds = new Set(sources.modes.map((m) => m.id));
  for (const { file, record } of sources.features) {
    for (const mode of record.modes) if (!modeIds.has(mode)) throw new DataError(file, record.id, 'modes', 'a mode id from modes.json', mode);
  }
  const beltIds = new Set(sources.features.filter((f) => f.record.kind === 'belt').map((f) => f.record.id));
  const seen = new Set<string>();
  for (const d of sources.districts) {
    if (seen.has(d.code)) throw new DataError('districts.json', d.code, 'code', 'a unique district code', d.code);
    seen.add(d.code);
    if (!DISTRICT_CODES.has(d.code)) throw new DataError('districts.json', d.code, 'code', 'a district code of src/lib/districts.ts', d.code);
    for (const b of d.belts) if (!beltIds.has(b)) throw new DataError('districts.json', d.code, 'belts', 'a belt id', b);
  }
  if (seen.size !== DISTRICT_CODES.size) {
    const missing = [...DISTRICT_CODES].filter((c) => !seen.has(c));
    throw new DataError('districts.json', '(file)', 'districts', 'all 16 districts', `missing ${missing.join(', ')}`);
  }
  for (const e of sources.gazetteer) {
    const p = e.placement;
    if (!p.includes(':') && !ids.has(p)) throw new DataError('gazetteer.csv', `row ${e.n}`, 'placement', 'a feature id', p);
    if (p.startsWith('district:') && !DISTRICT_CODES.has(p.slice(9))) throw new DataError('gazetteer.csv', `row ${e.n}`, 'placement', 'a district code', p);
  }
}

// ── Geometry ─────────────────────────────────────────────────────────────────────────────────

type Area = Feature<Polygon | MultiPolygon>;

export interface PlacedFeature {
  record: PlanFeatureT;
  file: string;
  geometry: Geometry | null;
  /** Area of the drawn polygon in km², null for points, lines and undrawn features. */
  drawnAreaKm2: number | null;
  /** True when a circle or outline was cut back to land for drawing (its area stays the published one). */
  clipped: boolean;
  labelPoint: Position | null;
}

function unionAll(parts: Area[]): Area | null {
  if (parts.length === 0) return null;
  if (parts.length === 1) return parts[0]!;
  return turfUnion(featureCollection(parts)) as Area | null;
}

function roundGeometry(g: Geometry): Geometry {
  const walk = (c: unknown): unknown =>
    Array.isArray(c) && typeof c[0] === 'number' ? [round7(c[0] as number), round7(c[1] as number)] : (c as unknown[]).map(walk);
  return g.type === 'GeometryCollection' ? g : ({ ...g, coordinates: walk(g.coordinates) } as Geometry);
}

/** Turns every feature's geometry spec into GeoJSON, resolving unions in dependency order. */
export function buildGeometries(
  sources: PlanSources,
  districtsLand: DistrictCollection,
  districtsAdmin: DistrictCollection,
  land: FeatureCollection<Polygon | MultiPolygon>,
): PlacedFeature[] {
  const landArea = unionAll(land.features as Area[]);
  const clippedIds = new Set<string>();
  // Circles and authored outlines know nothing of the coast: drawn as they are, 南汇新城's circle
  // lies half in the sea. They are cut back to land for drawing; the published area still drives
  // every figure, and the feature says it was clipped.
  const toLand = (id: string, g: Geometry | null): Geometry | null => {
    if (!g || !landArea || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return g;
    const before = turfArea(g);
    const cut = turfIntersect(featureCollection([{ type: 'Feature', properties: {}, geometry: g } as Area, landArea]));
    if (!cut) return g;
    if (before - turfArea(cut) > before * 0.001) clippedIds.add(id);
    return clippedIds.has(id) ? cut.geometry : g;
  };
  const landByCode = new Map(districtsLand.features.map((f) => [f.properties.code, f as Area]));
  const adminByCode = new Map(districtsAdmin.features.map((f) => [f.properties.code, f as Area]));
  const byId = new Map(sources.features.map((f) => [f.record.id, f]));
  const built = new Map<string, Geometry | null>();
  const visiting = new Set<string>();

  const entryOf = (id: string) => byId.get(id)!;
  const geometryOf = (id: string): Geometry | null => {
    if (built.has(id)) return built.get(id)!;
    const entry = byId.get(id)!;
    if (visiting.has(id)) throw new DataError(entry.file, id, 'geometry.of', 'no cycle of unions', id);
    visiting.add(id);
    const spec = entry.record.geometry;
    const raw = fromSpec(entry.file, id, spec);
    // District-derived outlines carry every ~100 m vertex of the district map; these layouts are
    // schematic, so ~80 m simplification (the source is quantized to ~100 m) loses nothing a reader can see.
    const g = raw && (spec.type === 'district' || spec.type === 'district-part' || spec.type === 'union') ? turfSimplify(raw, { tolerance: 0.0008, mutate: false }) : raw;
    visiting.delete(id);
    built.set(id, g ? roundGeometry(g) : null);
    return built.get(id)!;
  };

  const fromSpec = (file: string, id: string, spec: GeometrySpec): Geometry | null => {
    switch (spec.type) {
      case 'none':
        return null;
      case 'point':
        return { type: 'Point', coordinates: spec.coordinates };
      case 'line':
        return { type: 'LineString', coordinates: spec.coordinates };
      case 'polygon': {
        const ring = spec.coordinates[0]!;
        const first = ring[0]!;
        const last = ring[ring.length - 1]!;
        if (first[0] !== last[0] || first[1] !== last[1]) throw new DataError(file, id, 'geometry.coordinates', 'closed rings (last position equal to the first)', last);
        return toLand(id, turfPolygon(spec.coordinates).geometry);
      }
      case 'circle': {
        const radius = spec.area_km2 !== undefined ? Math.sqrt(spec.area_km2 / Math.PI) : spec.radius_km;
        if (radius === undefined) throw new DataError(file, id, 'geometry', 'area_km2 or radius_km', undefined);
        const circle = turfCircle(spec.center, radius, { steps: 64, units: 'kilometers' }).geometry;
        // Checked before clipping: the circle, not its land part, is sized to the published area.
        checkArea(file, entryOf(id).record, Math.round(turfArea(circle) / 1e4) / 100);
        return toLand(id, circle);
      }
      case 'district': {
        const parts = spec.codes.map((c) => landByCode.get(c)!);
        return unionAll(parts)?.geometry ?? null;
      }
      case 'district-part': {
        const land = unionAll(spec.codes.map((c) => landByCode.get(c)!));
        const first = spec.clip[0]![0]!;
        const last = spec.clip[0]![spec.clip[0]!.length - 1]!;
        if (first[0] !== last[0] || first[1] !== last[1]) throw new DataError(file, id, 'geometry.clip', 'closed rings (last position equal to the first)', last);
        const cut = land ? turfIntersect(featureCollection([land, turfPolygon(spec.clip)])) : null;
        if (!cut) throw new DataError(file, id, 'geometry.clip', `a clip polygon that overlaps ${spec.codes.join(', ')}`, 'no overlap');
        return cut.geometry;
      }
      case 'union': {
        const parts = spec.of.map((ref) => geometryOf(ref)).filter((g): g is Geometry => g !== null);
        const polygons = parts.filter((g): g is Polygon | MultiPolygon => g.type === 'Polygon' || g.type === 'MultiPolygon');
        if (polygons.length !== parts.length) throw new DataError(file, id, 'geometry.of', 'features drawn as areas', parts.map((p) => p.type).join(', '));
        return unionAll(polygons.map((g) => ({ type: 'Feature', properties: {}, geometry: g }) as Area))?.geometry ?? null;
      }
    }
  };

  return sources.features.map(({ file, record }) => {
    const geometry = geometryOf(record.id);
    checkPlacement(file, record, geometry, adminByCode);
    const drawnAreaKm2 = geometry && (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') ? Math.round(turfArea(geometry) / 1e4) / 100 : null;
    if (record.geometry.type === 'circle' && record.geometry.area_km2 === undefined) checkArea(file, record, drawnAreaKm2);
    return { record, file, geometry, drawnAreaKm2, clipped: clippedIds.has(record.id), labelPoint: geometry ? labelPointOf(geometry) : null };
  });
}

/** A feature placed by a point (or a circle around one) must lie in one of its stated districts. */
function checkPlacement(file: string, record: PlanFeatureT, geometry: Geometry | null, admin: Map<string, Area>): void {
  const spec = record.geometry;
  const point = spec.type === 'point' ? spec.coordinates : spec.type === 'circle' ? spec.center : null;
  if (!point || record.districts.length === 0 || !geometry) return;
  const tolerance = record.precision.radius_km ?? 0;
  const inside = record.districts.some((code) => {
    const district = admin.get(code)!;
    if (booleanPointInPolygon(point, district)) return true;
    return turfPointToPolygonDistance(point, district, { units: 'kilometers' }) <= tolerance;
  });
  if (!inside) {
    throw new DataError(file, record.id, 'geometry.center', `a point inside its district(s) ${record.districts.join(', ')} (or within its ${tolerance} km precision radius)`, point);
  }
}

/** A circle sized to a published area must match it; other drawn areas are reported, not judged. */
function checkArea(file: string, record: PlanFeatureT, drawnKm2: number | null): void {
  const spec = record.geometry;
  if (spec.type === 'circle' && spec.radius_km !== undefined && record.area?.value != null) {
    throw new DataError(file, record.id, 'geometry.radius_km', `area_km2 (the feature has a published area of ${record.area.value} km², so its circle shows that area)`, spec.radius_km);
  }
  if (spec.type !== 'circle' || spec.area_km2 === undefined || drawnKm2 === null) return;
  const published = record.area?.value;
  if (published === undefined || published === null) {
    throw new DataError(file, record.id, 'area', 'a published area figure for a circle sized by area_km2', undefined);
  }
  const ratio = drawnKm2 / published;
  if (ratio > AREA_TOLERANCE || ratio < 1 / AREA_TOLERANCE) {
    throw new DataError(file, record.id, 'geometry.area_km2', `a drawn area within ×${AREA_TOLERANCE} of the published ${published} km²`, drawnKm2);
  }
}

function labelPointOf(g: Geometry): Position | null {
  if (g.type === 'Point') return g.coordinates;
  if (g.type === 'LineString') return g.coordinates[Math.floor(g.coordinates.length / 2)] ?? null;
  if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    const largest = polys.reduce((a, b) => (turfArea(turfPolygon(b)) > turfArea(turfPolygon(a)) ? b : a));
    // centroid of the largest part's outer ring; good enough for a label and always near the shape
    const ring = largest[0]!;
    let x = 0;
    let y = 0;
    for (const p of ring.slice(0, -1)) {
      x += p[0]!;
      y += p[1]!;
    }
    const n = ring.length - 1;
    const c: Position = [round7(x / n), round7(y / n)];
    return booleanPointInPolygon(c, turfPolygon(largest)) ? c : ring[0]!;
  }
  return null;
}

// ── Outputs ──────────────────────────────────────────────────────────────────────────────────

export function precisionText(p: CoverageRow['precision']): string {
  return p ? `${p.level}${p.radius_km ? ` (±${p.radius_km} km)` : ''}` : '';
}

export function coverage(sources: PlanSources, built: PlacedFeature[]): CoverageRow[] {
  const byId = new Map(built.map((b) => [b.record.id, b]));
  return sources.gazetteer.map((e) => {
    const [head, ...rest] = e.placement.split(':');
    const tail = rest.join(':');
    if (e.placement.startsWith('district:')) {
      const name = DISTRICTS.find((d) => d.code === tail)?.name ?? { zh: tail, en: tail };
      return {
        n: e.n,
        name_zh: e.name_zh,
        status: 'district',
        feature: null,
        precision: { level: 'schematic', radius_km: null },
        reason: { zh: `规划所述的区: ${name.zh}`, en: `the district the plan names: ${name.en}` },
      };
    }
    const why = { zh: e.reason_zh ?? '', en: tail };
    if (head === 'citywide') return { n: e.n, name_zh: e.name_zh, status: 'citywide', feature: null, precision: null, reason: why };
    if (head === 'none') return { n: e.n, name_zh: e.name_zh, status: 'not-placed', feature: null, precision: null, reason: why };
    const b = byId.get(e.placement)!;
    if (!b.geometry) {
      const spec = b.record.geometry;
      const reason = spec.type === 'none' ? spec.reason : { zh: '未上图', en: 'not drawn' };
      return { n: e.n, name_zh: e.name_zh, status: 'not-placed', feature: b.record.id, precision: null, reason };
    }
    const p = b.record.precision;
    return { n: e.n, name_zh: e.name_zh, status: 'placed', feature: b.record.id, precision: { level: p.level, radius_km: p.radius_km ?? null }, reason: null };
  });
}

export function coverageMarkdown(rows: CoverageRow[]): string {
  const count = (s: CoverageRow['status']) => rows.filter((r) => r.status === s).length;
  const lines = [
    '# Coverage of the plans\' named places',
    '',
    'Generated by `npm run geodata` from `geodata/sources/plan/gazetteer.csv`; do not edit by hand.',
    '',
    `Of ${rows.length} places: **${count('placed')} placed** as features, **${count('district')} placed at district level**, ` +
      `**${count('citywide')} city-wide** (a programme or goal for the whole city, not a site), **${count('not-placed')} not placed** (reason given).`,
    '',
    '| # | place | status | feature | precision / reason |',
    '|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.n} | ${r.name_zh.replace(/\|/g, '/')} | ${r.status} | ${r.feature ?? ''} | ${[precisionText(r.precision), r.reason?.en ?? ''].filter(Boolean).join('; ').replace(/\|/g, '/')} |`),
    '',
  ];
  return lines.join('\n');
}

export interface PlanOutputs {
  planJson: BuiltPlan;
  planGeojson: FeatureCollection;
  coverage: CoverageRow[];
}

/**
 * A row of small industry-coloured marks under each district's label, one per 3+6 industry the
 * district's key industries (001/003) reach, in 3+6 order: the district key-industries layer.
 */
export function districtMarks(sources: PlanSources, labelPoints: ReadonlyMap<string, Position>): Feature[] {
  const order = sources.industries.map((i) => i.id);
  return sources.districts.flatMap((d) => {
    const at = labelPoints.get(d.code);
    if (!at) return [];
    const direct = new Set(d.industries.map((l) => l.industry));
    const ids = order.filter((id) => direct.has(id));
    const step = 0.014;
    return ids.map((id, i): Feature => ({
      type: 'Feature',
      properties: {
        id: `district-${d.code}-${id}`,
        role: 'mark',
        kind: 'district',
        code: d.code,
        industry: id,
        colour: sources.industries.find((x) => x.id === id)!.colour,
        reach: reachedIndustries([{ industry: id }], sources.industries).sort(),
      },
      geometry: { type: 'Point', coordinates: [round7(at[0]! + (i - (ids.length - 1) / 2) * step), round7(at[1]! - 0.018)] },
    }));
  });
}

/** The density the map colours by; absent (not zero) where there is no data. */
function densityProps(record: PlanFeatureT): Record<string, number | string | boolean> {
  const d = primaryDensity(record);
  if (d.status !== 'ok') return {};
  return { density: d.density.value, density_tier: d.density.tier, density_planned: d.density.planned };
}

/** Everything the app loads about the plans, in one JSON, and the drawable features as GeoJSON. */
export function planOutputs(
  sources: PlanSources,
  built: PlacedFeature[],
  labelPoints: ReadonlyMap<string, Position> = new Map(),
  transport: TransportNetwork = { snapshot: '', lines: [], stations: [], roads: [] },
): PlanOutputs {
  const rows = coverage(sources, built);
  // Schematic shapes (whole districts, belts) have no site to measure from.
  const located = (b: PlacedFeature) => b.geometry !== null && b.record.precision.level !== 'schematic';
  const features = built.map((b) => ({
    ...b.record,
    group: LAYER_GROUP_OF[b.record.kind],
    drawn_area_km2: b.drawnAreaKm2,
    label_point: b.labelPoint as [number, number] | null,
    drawn: b.geometry !== null,
    clipped_to_land: b.clipped,
    access: located(b) ? accessOf(b.geometry, transport, b.record.precision.radius_km ?? null) : null,
  }));
  const municipalParks = built.filter((b) => b.record.designations.some((d) => d.programme === 'municipal-featured-park'));
  // Each drawn feature appears twice: its shape (role "shape") and its label point (role "point"),
  // so the map can show parks as points at low zoom and as areas closer in, and label anything.
  const drawn = built.filter((b) => b.geometry);
  const records = built.map((b) => b.record);
  const props = (b: PlacedFeature, role: 'shape' | 'point') => ({
    id: b.record.id,
    ...densityProps(b.record),
    role,
    kind: b.record.kind,
    group: LAYER_GROUP_OF[b.record.kind],
    name_zh: b.record.name.zh,
    name_en: b.record.name.en,
    industries: [...new Set(b.record.industries.map((l) => l.industry))],
    /** Industries a filter reaches, parents included (集成电路 → 电子信息), so map filters stay simple. */
    reach: reachedIndustries(linksWithMembers(b.record, records), sources.industries).sort(),
    precision: b.record.precision.level,
    parent: b.record.parent ?? null,
  });
  const planGeojson: FeatureCollection = {
    type: 'FeatureCollection',
    features: [
      ...drawn.map((b): Feature => ({ type: 'Feature', properties: props(b, 'shape'), geometry: b.geometry! })),
      ...drawn.map((b): Feature => ({ type: 'Feature', properties: props(b, 'point'), geometry: { type: 'Point', coordinates: b.labelPoint! } })),
      ...districtMarks(sources, labelPoints),
    ],
  };
  return {
    planJson: {
      generator: 'npm run geodata',
      industries: sources.industries,
      terms: sources.terms,
      features,
      districts: sources.districts,
      indicators: sources.indicators,
      density: sources.density,
      service_zones: sources.serviceZones,
      parks_programme: { ...sources.parksProgramme, held: municipalParks.length },
      modes: sources.modes,
      coverage: rows,
      transport: {
        stations: transport.stations.length,
        lines: transport.lines.filter((l) => l.route !== 'network').length,
        roads: transport.roads.length,
        snapshot: transport.snapshot,
      },
    },
    planGeojson,
    coverage: rows,
  };
}

/**
 * The plan's features as the map's tiles carry them. Vector tiles have no arrays (an encoder would
 * write them as JSON strings, which a filter could only search for substrings), so the industries a
 * feature reaches become one boolean per industry (`in_IC: true`), read by the style's filters; the
 * arrays stay in plan.geojson for downloads.
 */
export function tileLayer(plan: FeatureCollection): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: plan.features.map((f) => {
      const properties: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(f.properties ?? {})) {
        if (key === 'reach') for (const id of value as string[]) properties[`in_${id}`] = true;
        else if (!Array.isArray(value) && value !== null) properties[key] = value;
      }
      return { ...f, properties };
    }),
  };
}
