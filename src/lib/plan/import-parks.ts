/**
 * Reading a user's list of parks (CSV or GeoJSON, e.g. the municipal 公告目录) in the browser: each
 * row is validated and either accepted or reported with its row, column and reason; nothing is
 * guessed. Accepted rows become a layer the 3+6 filter and the site finder use, and are matched to
 * the project's parks by name. Pure: the page reads the file and stores the result; nothing here
 * touches the DOM or the network, and names stay plain strings (rendered as text, never as HTML).
 */
import gcoord from 'gcoord';
import turfArea from '@turf/area';
import kinks from '@turf/kinks';
import pointOnFeature from '@turf/point-on-feature';
import type { MultiPolygon, Polygon } from 'geojson';
import { parseCsvRows } from '../formats/csv.ts';
import type { FeatureKind, Figure, IndustryId } from './model.ts';
import { areaInKm2, densityOf, type DensityColumn, type DensityTier, type NoDataReason } from './density.ts';
import { INDUSTRY_IDS } from './vocabulary.ts';
import { DISTRICTS } from '../districts.ts';
import { reachesChosen } from './feature-index.ts';
import type { SheetNote } from '../formats/xlsx.ts';

export interface ImportedPark {
  /** Stable within the import: `imported-<row>`. */
  id: string;
  row: number;
  name: string;
  industries: IndustryId[];
  category: string;
  areaKm2: number | null;
  /** From the file's coordinates, or the district's centre (then `locatedBy` says so). */
  point: [number, number];
  locatedBy: 'coordinates' | 'district-centre';
  district: string | null;
  source: string;
  /** The project's feature of the same name (a park first, else any plan feature), if one. */
  match: { id: string; kind: FeatureKind; name_zh: string } | null;
  /** The coordinates as the file gave them and the system they were in (the point is WGS84). */
  original?: { point: [number, number]; system: CoordinateSystem } | null;
  /** Output as the file gave it (产值), with its year when the file has one. */
  output?: { value: number; unit: string; year: number | null } | null;
  /** Output ÷ area by the same rule as the plan's features; null with the reason when not computable. */
  density?: { value: number; tier: DensityTier; year: number | null } | null;
  densityReason?: NoDataReason | 'no-year' | null;
  batch?: string;
  /** A GeoJSON park boundary (converted to WGS84) and its area computed from it (turf, geodesic). */
  boundary?: Polygon | MultiPolygon | null;
  boundaryAreaKm2?: number | null;
  /** Which area the density divides by: the file's stated area, else the boundary's. */
  areaBasis?: 'stated' | 'boundary' | null;
  /** Held plan features whose drawn shape holds the park's point (the belt of a belt member too); set in the browser. */
  within?: string[];
}

/** A boundary larger than this is a wrong coordinate or a district, not a park (Lingang's zone is 873 km²). */
export const BOUNDARY_MAX_KM2 = 1000;

/** The coordinate systems a list may be in: GPS / OSM (WGS84), 高德 / 腾讯 (GCJ-02), 百度 (BD-09). */
export const COORDINATE_SYSTEMS = ['wgs84', 'gcj02', 'bd09'] as const;
export type CoordinateSystem = (typeof COORDINATE_SYSTEMS)[number];

/** A lon/lat from `system` to WGS84 (gcoord; sub-metre around Shanghai), to 6 decimals (~0.1 m). */
export function toWgs84(point: [number, number], system: CoordinateSystem): [number, number] {
  if (system === 'wgs84') return point;
  const [lon, lat] = gcoord.transform(point, system === 'gcj02' ? gcoord.GCJ02 : gcoord.BD09, gcoord.WGS84) as [number, number];
  return [Math.round(lon * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6];
}

export interface ImportOptions {
  /** The system the file's coordinates are in (the user says; default WGS84). */
  coordinates?: CoordinateSystem;
  /** A table pasted from a spreadsheet is tab-separated. */
  format?: 'csv' | 'tsv' | 'geojson';
  /** What the user said the headers it did not know mean. */
  mapping?: ColumnMapping;
}

export interface RowIssue {
  row: number;
  column: string;
  reason: { zh: string; en: string };
  /** The row was still loaded, without this value (e.g. an output with no year). */
  kept?: boolean;
}

export interface ImportResult {
  accepted: ImportedPark[];
  issues: RowIssue[];
  /** Set when the file as a whole cannot be read (then nothing is accepted). */
  fatal: { zh: string; en: string } | null;
  /**
   * A table's header as it was understood (each column's meaning, null: not understood) and its
   * first rows, so the user can map what was not: set for tables (not GeoJSON).
   */
  columns?: { header: string; column: ImportColumn | null }[];
  preview?: string[][];
}

export type ImportColumn = keyof typeof IMPORT_COLUMNS;

/** The user's meaning for headers the importer does not know: header text → column ('' ignores it). */
export type ColumnMapping = Readonly<Record<string, ImportColumn | ''>>;

/** One key per set of headers, so a mapping is remembered for the next list with the same header. */
export function headerSignature(header: readonly string[]): string {
  return header.map((h) => h.trim()).join('\u241f');
}

export interface ImportContext {
  industries: readonly { id: IndustryId; name: { zh: string; en: string } }[];
  /** The project's features to match names against (parks first). */
  features: readonly { id: string; kind: FeatureKind; name: { zh: string; en: string }; aliases: readonly string[] }[];
  districtCentres: Readonly<Record<string, [number, number]>>;
}

export const IMPORT_LIMITS = { bytes: 2_000_000, rows: 5000, nameLength: 120 } as const;

/** Shanghai's extent, a little generous: a point outside it is a typo or swapped coordinates. */
export const SHANGHAI_BOUNDS = { lon: [120.8, 122.3], lat: [30.6, 32.0] } as const;

/** Headers that name an enterprise: a table with one of them is an enterprise list. */
export const ENTERPRISE_NAME_HEADERS = ['enterprise', 'company', '企业名称', '企业', '单位名称'] as const;

/** The columns a file may have, with the headers that mean each (English and Chinese). */
export const IMPORT_COLUMNS = {
  name: ['name', 'name_zh', '名称', '园区名称', ...ENTERPRISE_NAME_HEADERS],
  industries: ['industries', 'industry', '3+6', '产业', '主导产业', '行业', '所属行业'],
  category: ['category', '类别', '类型'],
  area_km2: ['area_km2', 'area', '面积', '面积(km2)', '面积（平方公里）', '面积(平方公里)'],
  lon: ['lon', 'lng', 'longitude', '经度'],
  lat: ['lat', 'latitude', '纬度'],
  district: ['district', '区', '所在区', '行政区'],
  source: ['source', '来源'],
  output: ['output', 'output_100m_yuan', '产值', '工业总产值', '总产值', '工业产值'],
  year: ['year', 'output_year', '年份', '年度', '产值年份'],
  batch: ['batch', '批次'],
  /** An enterprise list's park column (所在园区): matched by name to the held parks. */
  park: ['park', '所在园区', '园区'],
} as const;
type Column = keyof typeof IMPORT_COLUMNS;

export const TEMPLATE_CSV_ROWS = [
  ['name', 'industries', 'category', 'area_km2', 'lon', 'lat', 'district', 'source', 'output', 'year', 'batch'],
  [
    '示例: 某某智能制造产业园',
    '高端装备;人工智能',
    '市级特色产业园区',
    '2.5',
    '121.18',
    '31.30',
    '嘉定区',
    '上海市特色产业园区公告目录 (2022年版)',
    '180亿元',
    '2022',
    '第二批',
  ],
  ['示例: 只有区、没有坐标的园区', '生物医药', '', '', '', '', '奉贤区', '', '', '', ''],
];

const issue = (row: number, column: string, zh: string, en: string): RowIssue => ({ row, column, reason: { zh, en } });

/** 3+6 ids from a cell: ids, Chinese or English names, separated by ; 、 , / | or spaces after those. */
export function industriesFromText(text: string, ctx: Pick<ImportContext, 'industries'>): { ids: IndustryId[]; unknown: string[] } {
  const ids: IndustryId[] = [];
  const unknown: string[] = [];
  for (const raw of text.split(/[;；、,，/|]/)) {
    const token = raw.trim();
    if (!token) continue;
    const lower = token.toLowerCase();
    const hit =
      (INDUSTRY_IDS as readonly string[]).find((id) => id.toLowerCase() === lower) ??
      ctx.industries.find((i) => i.name.zh === token || i.name.en.toLowerCase() === lower)?.id;
    if (hit) {
      if (!ids.includes(hit as IndustryId)) ids.push(hit as IndustryId);
    } else unknown.push(token);
  }
  return { ids, unknown };
}

export function districtFromText(text: string): string | null {
  const t = text.trim();
  if (!t) return null;
  const d = DISTRICTS.find(
    (x) => x.code === t || x.name.zh === t || x.name.zh.replace(/(新区|区)$/, '') === t || x.name.en.toLowerCase() === t.toLowerCase(),
  );
  return d?.code ?? null;
}

/** The units a cell or a header may give, as the density rule names them. */
const UNIT_WORDS: Record<'area' | 'output', Record<string, string>> = {
  area: {
    km2: 'km²',
    'km²': 'km²',
    平方公里: 'km²',
    平方千米: 'km²',
    公顷: '公顷',
    ha: '公顷',
    亩: '亩',
    m2: 'm²',
    'm²': 'm²',
    平方米: 'm²',
  },
  output: { 亿元: '亿元', 亿: '亿元', 万元: '万元', 万亿元: '万亿元', 万亿: '万亿元' },
};

/**
 * A number as a spreadsheet cell gives it: "3.2", "1,200", "3.2平方公里", "120亿元", "50 公顷". The
 * unit in the cell wins over the header's ("产值(万元)"), which wins over the default (km², 亿元).
 */
export function quantityFromText(
  text: string,
  kind: 'area' | 'output',
  headerUnit: string | null = null,
): { value: number; unit: string } | { error: { zh: string; en: string } } {
  const compact = text.replace(/[\s,，]/g, '');
  const m = /^(\d+(?:\.\d+)?)(.*)$/.exec(compact);
  const units = UNIT_WORDS[kind];
  const fallback = kind === 'area' ? 'km²' : '亿元';
  if (!m) return { error: { zh: `“${text}”不是数字`, en: `"${text}" is not a number` } };
  const word = m[2] || headerUnit || fallback;
  const unit = units[word] ?? units[word.toLowerCase()];
  if (!unit) {
    const known = Object.keys(units).join('、');
    return {
      error: {
        zh: `无法识别的单位“${word}”（可用：${known}）`,
        en: `unknown unit "${word}" (use one of ${Object.keys(units).join(', ')})`,
      },
    };
  }
  return { value: Number(m[1]), unit };
}

const normalise = (s: string) =>
  s
    .replace(/[\s·•()（）“”"'‘’「」《》\-—_]/g, '')
    .replace(/^上海市?/, '')
    .toLowerCase();

/** The project's feature a name refers to: the same name or alias, else one containing the other (4+ characters). */
type NamedFeature = ImportContext['features'][number];
/** The held features in match order with their normalised names: built once per feature list, not per row. */
const nameIndexes = new WeakMap<ImportContext['features'], { f: NamedFeature; names: string[] }[]>();

function nameIndex(features: ImportContext['features']): { f: NamedFeature; names: string[] }[] {
  let index = nameIndexes.get(features);
  if (!index) {
    index = [...features]
      .sort((a, b) => Number(b.kind === 'featured-park') - Number(a.kind === 'featured-park'))
      .map((f) => ({ f, names: [f.name.zh, f.name.en, ...f.aliases].map(normalise).filter(Boolean) }));
    nameIndexes.set(features, index);
  }
  return index;
}

export function matchByName(name: string, features: ImportContext['features']): ImportedPark['match'] {
  const n = normalise(name);
  if (!n) return null;
  const index = nameIndex(features);
  const exact = index.find((x) => x.names.includes(n))?.f;
  if (exact) return { id: exact.id, kind: exact.kind, name_zh: exact.name.zh };
  if (n.length < 4) return null;
  const partial = index.find((x) => x.names.some((m) => m.length >= 4 && (m.includes(n) || n.includes(m))))?.f;
  return partial ? { id: partial.id, kind: partial.kind, name_zh: partial.name.zh } : null;
}

export interface RawRow {
  row: number;
  values: Partial<Record<Column, string>>;
  /** Units the headers give, e.g. 产值(万元) → 万元. */
  units?: Partial<Record<Column, string>>;
  /** GeoJSON: the point's coordinates. */
  coordinates?: [unknown, unknown] | null;
  /** GeoJSON: a polygon's rings as the file gave them (not yet checked or converted). */
  polygon?: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown } | null;
  geometryProblem?: { zh: string; en: string };
}

function validateRow(raw: RawRow, ctx: ImportContext, system: CoordinateSystem): { park: ImportedPark | null; issues: RowIssue[] } {
  const issues: RowIssue[] = [];
  const v = (c: Column) => (raw.values[c] ?? '').trim();
  const name = v('name');
  if (!name) issues.push(issue(raw.row, 'name', '名称为空', 'the name is empty'));
  else if (name.length > IMPORT_LIMITS.nameLength)
    issues.push(
      issue(raw.row, 'name', `名称超过 ${IMPORT_LIMITS.nameLength} 字`, `the name is longer than ${IMPORT_LIMITS.nameLength} characters`),
    );

  const { ids, unknown } = industriesFromText(v('industries'), ctx);
  if (unknown.length)
    issues.push(
      issue(
        raw.row,
        'industries',
        `无法识别的产业: ${unknown.join('、')} (应为“3+6”产业名称或代码)`,
        `unknown industries: ${unknown.join(', ')} (use the 3+6 names or ids)`,
      ),
    );
  let industries = ids;
  if (industries.length === 0 && unknown.length === 0) {
    industries = industriesFromText(v('category'), ctx).ids;
    if (industries.length === 0)
      issues.push(
        issue(
          raw.row,
          'industries',
          '没有“3+6”产业 (产业列为空, 类别列也无法识别)',
          'no 3+6 industry (the industries column is empty and the category names none)',
        ),
      );
  }

  let areaKm2: number | null = null;
  const areaText = v('area_km2');
  if (areaText) {
    const q = quantityFromText(areaText, 'area', raw.units?.area_km2 ?? null);
    const km2 = 'error' in q ? null : areaInKm2(q.value, q.unit);
    if ('error' in q) issues.push(issue(raw.row, 'area_km2', `面积: ${q.error.zh}`, `area: ${q.error.en}`));
    else if (km2 === null || !(km2 > 0) || km2 > 1000)
      issues.push(
        issue(
          raw.row,
          'area_km2',
          `面积应大于 0 且不超过 1000 km², 实为“${areaText}”`,
          `the area must be above 0 and at most 1000 km², found "${areaText}"`,
        ),
      );
    else areaKm2 = Math.round(km2 * 1e4) / 1e4;
  }

  const output = outputOf(raw, issues);

  let point: [number, number] | null = null;
  let original: ImportedPark['original'] = null;
  let locatedBy: ImportedPark['locatedBy'] = 'coordinates';
  if (raw.geometryProblem) issues.push(issue(raw.row, 'geometry', raw.geometryProblem.zh, raw.geometryProblem.en));
  let boundary: ImportedPark['boundary'] = null;
  let boundaryAreaKm2: number | null = null;
  if (raw.polygon) {
    const read = boundaryFrom(raw.polygon, system);
    if ('problem' in read) issues.push(issue(raw.row, 'geometry', read.problem.zh, read.problem.en));
    else {
      boundary = read.boundary;
      boundaryAreaKm2 = read.areaKm2;
      point = read.inside;
      original = { point: read.originalInside, system };
    }
  }
  const located = raw.polygon ? null : locateRow(raw, system, ctx.districtCentres, issues);
  if (located) ({ point, original, locatedBy } = located);
  const districtText = v('district');
  const district = districtFromText(districtText);
  if (districtText && !district)
    issues.push(issue(raw.row, 'district', `无法识别的区: “${districtText}”`, `unknown district "${districtText}"`));

  if (issues.some((i) => !i.kept) || !point) return { park: null, issues };
  // the file's stated area is the figure it reports; a boundary's computed area stands in when none is stated
  const areaBasis = areaKm2 !== null ? 'stated' : boundaryAreaKm2 !== null ? 'boundary' : null;
  const { density, densityReason } = importedDensity(output, areaKm2 ?? boundaryAreaKm2);
  return {
    park: {
      id: `imported-${raw.row}`,
      row: raw.row,
      name,
      industries,
      category: v('category'),
      areaKm2,
      point,
      locatedBy,
      district,
      source: v('source'),
      match: matchByName(name, ctx.features),
      original,
      output,
      density,
      densityReason,
      batch: v('batch'),
      ...(boundary ? { boundary, boundaryAreaKm2, areaBasis } : { areaBasis }),
    },
    issues,
  };
}

/** How far the file's stated area is from its boundary's computed one, in % of the computed (1 decimal); null without both. */
export function areaDifferencePercent(statedKm2: number | null, boundaryKm2: number | null): number | null {
  if (statedKm2 === null || boundaryKm2 === null || !(boundaryKm2 > 0)) return null;
  return Math.round(((statedKm2 - boundaryKm2) / boundaryKm2) * 1000) / 10;
}

type Ring = [number, number][];
const problem = (zh: string, en: string) => ({ problem: { zh, en } });

/**
 * A park boundary from a GeoJSON Polygon or MultiPolygon: every ring closed (first position = last)
 * with at least four positions, every position a number pair in Shanghai once converted, no edge
 * crossing another (turf kinks), and no larger than BOUNDARY_MAX_KM2. Returns it in WGS84 with its
 * geodesic area (turf) and a point inside it (the park's marker), or what is wrong with it.
 */
export function boundaryFrom(
  polygon: NonNullable<RawRow['polygon']>,
  system: CoordinateSystem,
):
  | { boundary: Polygon | MultiPolygon; areaKm2: number; inside: [number, number]; originalInside: [number, number] }
  | { problem: { zh: string; en: string } } {
  const polygons = polygon.type === 'Polygon' ? [polygon.coordinates] : polygon.coordinates;
  if (!Array.isArray(polygons) || polygons.length === 0) return problem('多边形没有坐标', 'the polygon has no coordinates');
  const converted: Ring[][] = [];
  for (const rings of polygons as unknown[]) {
    if (!Array.isArray(rings) || rings.length === 0) return problem('多边形没有环', 'a polygon has no ring');
    const out: Ring[] = [];
    for (const ring of rings as unknown[]) {
      if (
        !Array.isArray(ring) ||
        !ring.every((p) => Array.isArray(p) && p.length >= 2 && p.slice(0, 2).every((n) => typeof n === 'number' && Number.isFinite(n)))
      )
        return problem('多边形的坐标应为数字对（经度, 纬度）', 'a polygon position is not a pair of numbers (longitude, latitude)');
      const positions = ring as [number, number][];
      if (positions.length < 4)
        return problem(
          `多边形的环只有 ${positions.length} 个点（至少 4 个，首尾相同）`,
          `a ring has ${positions.length} positions (at least 4, the last repeating the first)`,
        );
      const [first, last] = [positions[0]!, positions[positions.length - 1]!];
      if (first[0] !== last[0] || first[1] !== last[1])
        return problem('多边形未闭合：环的最后一个点应与第一个点相同', 'the polygon is open: a ring’s last position must repeat its first');
      const ringOut = positions.map((p) => toWgs84([p[0], p[1]], system));
      const outside = ringOut.find(
        ([lon, lat]) =>
          lon < SHANGHAI_BOUNDS.lon[0] || lon > SHANGHAI_BOUNDS.lon[1] || lat < SHANGHAI_BOUNDS.lat[0] || lat > SHANGHAI_BOUNDS.lat[1],
      );
      if (outside)
        return problem(
          `多边形的点 (${outside[0]}, ${outside[1]}) 转换为 WGS84 后不在上海范围内`,
          `a polygon position (${outside[0]}, ${outside[1]}) is not in Shanghai once converted to WGS84`,
        );
      out.push(ringOut);
    }
    converted.push(out);
  }
  const boundary: Polygon | MultiPolygon =
    converted.length === 1 ? { type: 'Polygon', coordinates: converted[0]! } : { type: 'MultiPolygon', coordinates: converted };
  const feature = { type: 'Feature' as const, properties: {}, geometry: boundary };
  const crossings = kinks(feature).features.length;
  if (crossings > 0)
    return problem(
      `多边形自相交（${crossings} 处边相交）`,
      `the polygon intersects itself (${crossings} crossing${crossings === 1 ? '' : 's'})`,
    );
  const areaKm2 = Math.round((turfArea(feature) / 1e6) * 1e4) / 1e4;
  if (!(areaKm2 > 0)) return problem('多边形面积为 0', 'the polygon has no area');
  if (areaKm2 > BOUNDARY_MAX_KM2)
    return problem(
      `多边形面积 ${Math.round(areaKm2)} km² 过大（园区不超过 ${BOUNDARY_MAX_KM2} km²：坐标有误？）`,
      `the polygon covers ${Math.round(areaKm2)} km², too large for a park (at most ${BOUNDARY_MAX_KM2} km²: a wrong coordinate?)`,
    );
  const inside = pointOnFeature(feature).geometry.coordinates as [number, number];
  const point: [number, number] = [Math.round(inside[0] * 1e6) / 1e6, Math.round(inside[1] * 1e6) / 1e6];
  // the marker's position in the file's own system, kept beside the converted one like a point's
  const originalInside = system === 'wgs84' ? point : fromWgs84(point, system);
  return { boundary, areaKm2, inside: point, originalInside };
}

/** WGS84 → the file's system (for the marker of a converted boundary, to show what the file would have said). */
function fromWgs84(point: [number, number], system: CoordinateSystem): [number, number] {
  const [lon, lat] = gcoord.transform(point, gcoord.WGS84, system === 'gcj02' ? gcoord.GCJ02 : gcoord.BD09) as [number, number];
  return [Math.round(lon * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6];
}

/** A row's output and its year (a density needs both, and an area): a missing year keeps the output, said so. */
export function outputOf(raw: RawRow, issues: RowIssue[]): ImportedPark['output'] {
  const v = (c: Column) => (raw.values[c] ?? '').trim();
  const outputText = v('output');
  const yearText = v('year');
  let year: number | null = null;
  if (yearText) {
    const y = Number(yearText.replace(/年$/, ''));
    if (!Number.isInteger(y) || y < 1990 || y > 2035)
      issues.push(
        issue(
          raw.row,
          'year',
          `年份应为 1990–2035 之间的整数, 实为“${yearText}”`,
          `the year must be a whole number from 1990 to 2035, found "${yearText}"`,
        ),
      );
    else year = y;
  }
  if (!outputText) return null;
  const q = quantityFromText(outputText, 'output', raw.units?.output ?? null);
  if ('error' in q) {
    issues.push(issue(raw.row, 'output', `产值: ${q.error.zh}`, `output: ${q.error.en}`));
    return null;
  }
  if (year === null && !yearText)
    issues.push({
      ...issue(raw.row, 'year', '产值没有年份：已载入，但密度的年份不详', 'the output has no year: loaded, but its density has no year'),
      kept: true,
    });
  return { value: q.value, unit: q.unit, year };
}

/**
 * Where a row is: its coordinates (the file's system) converted to WGS84 and checked to be in
 * Shanghai, else its district's centre; what is wrong is pushed to `issues`. The point is null when
 * the row cannot be placed.
 */
export function locateRow(
  raw: RawRow,
  system: CoordinateSystem,
  districtCentres: ImportContext['districtCentres'],
  issues: RowIssue[],
): { point: [number, number] | null; original: ImportedPark['original']; locatedBy: ImportedPark['locatedBy'] } {
  const v = (c: Column) => (raw.values[c] ?? '').trim();
  const lonText = raw.coordinates ? String(raw.coordinates[0]) : v('lon');
  const latText = raw.coordinates ? String(raw.coordinates[1]) : v('lat');
  if (lonText || latText) {
    const lon = Number(lonText);
    const lat = Number(latText);
    const inLon = (x: number) => x >= SHANGHAI_BOUNDS.lon[0] && x <= SHANGHAI_BOUNDS.lon[1];
    const inLat = (x: number) => x >= SHANGHAI_BOUNDS.lat[0] && x <= SHANGHAI_BOUNDS.lat[1];
    if (!lonText || !latText || !Number.isFinite(lon) || !Number.isFinite(lat))
      issues.push(issue(raw.row, lonText ? 'lat' : 'lon', '经纬度应成对填写且为数字', 'longitude and latitude must both be numbers'));
    else if (inLat(lon) && inLon(lat)) issues.push(issue(raw.row, 'lon', '经度和纬度似乎填反了', 'longitude and latitude look swapped'));
    else {
      // converted first: the bounds are WGS84's, and a GCJ-02 or BD-09 point is 0.5–1 km off them
      const converted = toWgs84([lon, lat], system);
      if (inLon(converted[0]) && inLat(converted[1]))
        return { point: converted, original: { point: [lon, lat], system }, locatedBy: 'coordinates' };
      issues.push(
        issue(
          raw.row,
          'lon',
          `坐标 (${lon}, ${lat}) 转换为 WGS84 后不在上海范围内`,
          `(${lon}, ${lat}) is not in Shanghai once converted to WGS84`,
        ),
      );
    }
    return { point: null, original: null, locatedBy: 'coordinates' };
  }
  const district = districtFromText(v('district'));
  if (district) return { point: districtCentres[district] ?? null, original: null, locatedBy: 'district-centre' };
  if (!v('district') && !raw.geometryProblem)
    issues.push(issue(raw.row, 'lon', '没有位置: 请填写经纬度或所在区', 'no location: give coordinates or a district'));
  return { point: null, original: null, locatedBy: 'coordinates' };
}

/**
 * An imported park's density, by the plan's own rule (densityOf: units, no data never zero, the
 * tiers against 80). The file's area is the park's whole area, the basis the card states.
 */
export function importedDensity(
  output: ImportedPark['output'],
  areaKm2: number | null,
): { density: ImportedPark['density']; densityReason: ImportedPark['densityReason'] } {
  if (!output) return { density: null, densityReason: 'no-output' };
  if (areaKm2 === null) return { density: null, densityReason: 'no-area' };
  const figure = (value: number, unit: string): Figure => ({
    id: 'imported',
    label: { zh: '导入', en: 'imported' },
    value,
    unit,
    // densityOf keeps the year only to report it; an output without one is said to have none
    year: output.year ?? 0,
    kind: 'published',
    cite: [{ type: 'published', title: 'imported file', publisher: 'user', date: '2000' }],
  });
  const result = densityOf(figure(output.value, output.unit), figure(areaKm2, 'km²'));
  if (result.status !== 'ok') return { density: null, densityReason: result.reason };
  return { density: { value: result.density.value, tier: result.density.tier, year: output.year }, densityReason: null };
}

/**
 * A workbook's notes (formats/xlsx.ts) as row issues: a merged range was filled with its first value
 * (kept, said so), a formula without a saved value was read as empty (said so; the row's own checks
 * then decide whether it loads). The column is named by its header and letter.
 */
export function sheetNoteIssues(notes: readonly SheetNote[], header: readonly string[]): RowIssue[] {
  const columnName = (n: SheetNote) => (header[n.columnIndex]?.trim() ? `${header[n.columnIndex]!.trim()} (${n.column})` : n.column);
  return notes.map((n) =>
    n.kind === 'merged'
      ? {
          row: n.row,
          column: columnName(n),
          reason: {
            zh: `合并单元格 ${n.range}：每一行都取其值“${n.value}”`,
            en: `merged cells ${n.range}: each of its rows was given its value "${n.value}"`,
          },
          kept: true,
        }
      : {
          row: n.row,
          column: columnName(n),
          reason: {
            zh: '公式没有保存的计算结果，按空白读取（请在 Excel 中打开并保存，或粘贴为数值）',
            en: 'a formula with no saved result, read as empty (open and save the file in Excel, or paste it as values)',
          },
          kept: true,
        },
  );
}

/** Imported parks with a density as 3D columns (only those the chosen industries show, as on the map), marked as the user's. */
export function importedColumns(
  parks: readonly ImportedPark[],
  chosen: readonly IndustryId[],
  reach: Readonly<Record<IndustryId, readonly IndustryId[]>>,
): DensityColumn[] {
  return parks
    .filter((p) => p.density && reachesChosen(p.industries, chosen, reach))
    .map((p) => ({
      id: p.id,
      position: p.point,
      density: p.density!.value,
      tier: p.density!.tier,
      planned: false,
      name: { zh: p.name, en: p.name },
      imported: true,
    }));
}

/** Issues with the same column, reason and outcome, once, with the rows they concern (the first few listed). */
export interface IssueGroup {
  column: string;
  reason: { zh: string; en: string };
  kept: boolean;
  rows: number[];
  count: number;
}

/**
 * A long list's problems, one line per kind: 20,000 enterprises outside the 3+6 are one line "rows
 * 6, 11, 16 … (+19,997)", not 20,000 table rows. Order: by each kind's first row.
 */
export function groupIssues(issues: readonly RowIssue[], listed = 5): IssueGroup[] {
  const groups = new Map<string, IssueGroup>();
  for (const i of issues) {
    const key = `${i.column}\u241f${i.reason.en}\u241f${i.kept ? 1 : 0}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { column: i.column, reason: i.reason, kept: !!i.kept, rows: [], count: 0 }));
    g.count++;
    if (g.rows.length < listed) g.rows.push(i.row);
  }
  return [...groups.values()];
}

/** Every problem of a read, one row each, as a CSV the user can take to fix the file (in their language). */
export function issuesTable(issues: readonly RowIssue[], language: 'zh' | 'en'): (string | number)[][] {
  return [
    language === 'zh' ? ['行', '列', '原因', '已载入'] : ['row', 'column', 'reason', 'loaded'],
    ...issues.map((i) => [
      i.row,
      i.column,
      i.reason[language],
      i.kept ? (language === 'zh' ? '是' : 'yes') : language === 'zh' ? '否' : 'no',
    ]),
  ];
}

/** Whether a table's first row names a name column (a workbook's first such sheet is the one read). */
export function hasNameColumn(header: readonly string[]): boolean {
  return header.some((h) => columnOf(h)?.column === 'name');
}

/** The column a header means, and the unit it gives in brackets ("产值(万元)", "面积（公顷）"). */
function columnOf(header: string): { column: Column; unit: string | null } | null {
  const h = header.trim().toLowerCase();
  const find = (name: string) =>
    (Object.entries(IMPORT_COLUMNS) as [Column, readonly string[]][]).find(([, names]) =>
      names.some((n) => n.toLowerCase() === name),
    )?.[0] ?? null;
  const exact = find(h);
  if (exact) return { column: exact, unit: null };
  const m = /^(.+?)\s*[(（]\s*(.+?)\s*[)）]$/.exec(h);
  const base = m ? find(m[1]!) : null;
  return base ? { column: base, unit: m![2]! } : null;
}

export function csvRows(text: string, delimiter: ',' | '\t', mapping?: ColumnMapping): TableRead {
  let table: string[][];
  try {
    table = parseCsvRows(text, delimiter);
  } catch (e) {
    return {
      rows: [],
      issues: [],
      fatal: { zh: `表格无法解析: ${(e as Error).message}`, en: `The table cannot be read: ${(e as Error).message}` },
    };
  }
  return tableRows(table, mapping);
}

/** A table's rows (a CSV's, a pasted table's or a sheet's), the first being its header. */
export type TableRead = {
  rows: RawRow[];
  fatal: ImportResult['fatal'];
  issues: RowIssue[];
  columns?: ImportResult['columns'];
  preview?: string[][];
};

export function tableRows(table: readonly (readonly string[])[], mapping: ColumnMapping = {}): TableRead {
  const [header, ...body] = table;
  if (!header || header.every((h) => h.trim() === ''))
    return { rows: [], issues: [], fatal: { zh: '文件或工作表为空', en: 'The file or sheet is empty' } };
  const found = header.map((h) => {
    const mapped = mapping[h.trim()];
    if (mapped !== undefined) return mapped === '' ? null : { column: mapped, unit: null };
    return columnOf(h);
  });
  const columns = found.map((f) => f?.column ?? null);
  const understood = { columns: header.map((h, i) => ({ header: h, column: columns[i]! })), preview: body.slice(0, 3).map((r) => [...r]) };
  if (!columns.includes('name')) {
    return {
      rows: [],
      issues: [],
      fatal: {
        zh: `缺少名称列 (name 或 名称); 表头为: ${header.join(', ')}。可在下方指定各列的含义。`,
        en: `No name column (name or 名称); the header is: ${header.join(', ')}. Say what the columns mean below.`,
      },
      ...understood,
    };
  }
  const issues: RowIssue[] = header
    .map((h, i) =>
      columns[i] === null && h.trim() && mapping[h.trim()] === undefined ? issue(1, h, '未知列, 已忽略', 'unknown column, ignored') : null,
    )
    .filter((x): x is RowIssue => x !== null);
  const seen = new Map<Column, string>();
  header.forEach((h, i) => {
    const c = columns[i];
    if (!c) return;
    if (seen.has(c)) issues.push(issue(1, h, `与“${seen.get(c)}”重复，只用第一列`, `repeats "${seen.get(c)}"; only the first is used`));
    else seen.set(c, h);
  });
  const units = Object.fromEntries(found.filter((f) => f?.unit).map((f) => [f!.column, f!.unit])) as Partial<Record<Column, string>>;
  const rows = body.map((cells, i) => {
    const values: Partial<Record<Column, string>> = {};
    columns.forEach((c, j) => {
      if (c !== null && !(c in values)) values[c] = cells[j] ?? '';
    });
    // row numbers as a spreadsheet shows them: the header is row 1
    return { row: i + 2, values, units };
  });
  return { rows, issues, fatal: null, ...understood };
}

function geojsonRows(text: string): TableRead {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return {
      rows: [],
      issues: [],
      fatal: { zh: `GeoJSON 无法解析: ${(e as Error).message}`, en: `The GeoJSON cannot be read: ${(e as Error).message}` },
    };
  }
  const features =
    (doc as { type?: unknown; features?: unknown }).type === 'FeatureCollection' ? (doc as { features: unknown }).features : null;
  if (!Array.isArray(features))
    return { rows: [], issues: [], fatal: { zh: '不是 GeoJSON FeatureCollection', en: 'Not a GeoJSON FeatureCollection' } };
  const rows = features.map((f: unknown, i): RawRow => {
    const feature = (f ?? {}) as {
      properties?: Record<string, unknown> | null;
      geometry?: { type?: unknown; coordinates?: unknown } | null;
    };
    const props = feature.properties ?? {};
    const values: Partial<Record<Column, string>> = {};
    for (const [key, value] of Object.entries(props)) {
      const col = columnOf(key)?.column;
      if (col && value !== null && value !== undefined) values[col] = Array.isArray(value) ? value.join(';') : String(value);
    }
    const g = feature.geometry;
    if (!g) return { row: i + 1, values, coordinates: null };
    if (g.type === 'Polygon' || g.type === 'MultiPolygon')
      return { row: i + 1, values, polygon: { type: g.type, coordinates: g.coordinates } };
    if (g.type !== 'Point' || !Array.isArray(g.coordinates) || g.coordinates.length < 2) {
      return {
        row: i + 1,
        values,
        geometryProblem: {
          zh: `geometry 应为 Point、Polygon 或 MultiPolygon，实为 ${String(g.type)}`,
          en: `the geometry must be a Point, Polygon or MultiPolygon, found ${String(g.type)}`,
        },
      };
    }
    return { row: i + 1, values, coordinates: [g.coordinates[0], g.coordinates[1]] };
  });
  return { rows, issues: [], fatal: null };
}

/**
 * Reads a whole file (or a pasted table). `filename` decides the format (.geojson / .json, else
 * CSV) unless `options.format` says; coordinates are in `options.coordinates` (WGS84 by default).
 */
export function parseImport(text: string, filename: string, ctx: ImportContext, options: ImportOptions = {}): ImportResult {
  if (text.length > IMPORT_LIMITS.bytes) return { accepted: [], issues: [], fatal: { zh: '文件超过 2 MB', en: 'The file is over 2 MB' } };
  const format = options.format ?? (/\.(geo)?json$/i.test(filename) ? 'geojson' : 'csv');
  return validateRows(
    format === 'geojson' ? geojsonRows(text) : csvRows(text, format === 'tsv' ? '\t' : ',', options.mapping),
    ctx,
    options,
  );
}

/** Reads a table already split into cells (a workbook's sheet). */
export function parseImportTable(table: readonly (readonly string[])[], ctx: ImportContext, options: ImportOptions = {}): ImportResult {
  return validateRows(tableRows(table, options.mapping), ctx, options);
}

function validateRows(read: TableRead, ctx: ImportContext, options: ImportOptions): ImportResult {
  const understood = read.columns ? { columns: read.columns, preview: read.preview ?? [] } : {};
  if (read.fatal) return { accepted: [], issues: [], fatal: read.fatal, ...understood };
  if (read.rows.length > IMPORT_LIMITS.rows)
    return { accepted: [], issues: [], fatal: { zh: `超过 ${IMPORT_LIMITS.rows} 行`, en: `More than ${IMPORT_LIMITS.rows} rows` } };
  const accepted: ImportedPark[] = [];
  const issues = [...read.issues];
  for (const raw of read.rows) {
    const { park, issues: rowIssues } = validateRow(raw, ctx, options.coordinates ?? 'wgs84');
    issues.push(...rowIssues);
    if (park) accepted.push(park);
  }
  return { accepted, issues, fatal: null, ...understood };
}

/**
 * Whether the points sit where a known offset would put them: for the rows that give both
 * coordinates and a district, how many fall inside their stated district read as each system. A
 * hint (never a silent change) when another system puts clearly more of them where the file says
 * they are: at least two more rows, and more than the chosen one by a quarter.
 */
export const HINT_SAMPLE = 300;

export function coordinateHint(
  parks: readonly ImportedPark[],
  inDistrict: (point: [number, number], code: string) => boolean,
): { chosen: CoordinateSystem; chosenInside: number; better: CoordinateSystem; betterInside: number; checked: number } | null {
  // a hint needs a sample, not every row: evenly spaced, at most HINT_SAMPLE (a 5,000-row list would
  // otherwise cost 15,000 point-in-district tests)
  const all = parks.filter((p) => p.original && p.district);
  const step = Math.max(1, Math.ceil(all.length / HINT_SAMPLE));
  const rows = all.filter((_, i) => i % step === 0);
  if (rows.length < 3) return null;
  const chosen = rows[0]!.original!.system;
  const inside = (system: CoordinateSystem) => rows.filter((p) => inDistrict(toWgs84(p.original!.point, system), p.district!)).length;
  const counts = COORDINATE_SYSTEMS.map((system) => ({ system, inside: inside(system) }));
  const chosenInside = counts.find((c) => c.system === chosen)!.inside;
  const best = counts.reduce((a, b) => (b.inside > a.inside ? b : a));
  if (best.system === chosen || best.inside - chosenInside < 2 || best.inside < chosenInside * 1.25) return null;
  return { chosen, chosenInside, better: best.system, betterInside: best.inside, checked: rows.length };
}

/** How every exported list (parks, enterprises) gives a row's place: WGS84, how it was placed, the file's own coordinates and system. */
export const LOCATION_COLUMNS = ['lon', 'lat', 'located_by', 'lon_original', 'lat_original', 'coordinate_system'] as const;
export const OUTPUT_COLUMNS = ['output', 'output_unit', 'year'] as const;

export function locationCells(r: Pick<ImportedPark, 'point' | 'locatedBy' | 'original'>): (string | number | null)[] {
  return [r.point[0], r.point[1], r.locatedBy, r.original?.point[0] ?? null, r.original?.point[1] ?? null, r.original?.system ?? null];
}

export function outputCells(output: ImportedPark['output']): (string | number | null)[] {
  return [output?.value ?? null, output?.unit ?? null, output?.year ?? null];
}

/** The columns an exported list has: the importer's own, with the mapping and conversions applied. */
export const LIST_EXPORT_COLUMNS = [
  'name',
  'industries',
  'category',
  'area_km2',
  ...LOCATION_COLUMNS,
  'district',
  ...OUTPUT_COLUMNS,
  'density',
  'density_tier',
  'boundary_area_km2',
  'batch',
  'source',
  'row',
] as const;

/** An imported list as rows (WGS84 points; the file's own coordinates and system beside them). */
export function importedListTable(parks: readonly ImportedPark[]): (string | number | null)[][] {
  return [
    [...LIST_EXPORT_COLUMNS],
    ...parks.map((p) => [
      p.name,
      p.industries.join(';'),
      p.category,
      p.areaKm2,
      ...locationCells(p),
      p.district,
      ...outputCells(p.output),
      p.density?.value ?? null,
      p.density?.tier ?? null,
      p.boundaryAreaKm2 ?? null,
      p.batch ?? null,
      p.source,
      p.row,
    ]),
  ];
}

/** The same list as GeoJSON (points, or the boundary where the file gave one), with the same properties. */
export function importedListGeojson(parks: readonly ImportedPark[]): { type: 'FeatureCollection'; features: object[] } {
  const [header, ...rows] = importedListTable(parks);
  return {
    type: 'FeatureCollection',
    features: rows.map((row, i) => ({
      type: 'Feature',
      properties: Object.fromEntries(header!.map((h, j) => [h, row[j]])),
      geometry: parks[i]!.boundary ?? { type: 'Point', coordinates: parks[i]!.point },
    })),
  };
}
