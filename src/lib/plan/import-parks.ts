/**
 * Reading a user's list of parks (CSV or GeoJSON, e.g. the municipal 公告目录) in the browser: each
 * row is validated and either accepted or reported with its row, column and reason; nothing is
 * guessed. Accepted rows become a layer the 3+6 filter and the site finder use, and are matched to
 * the project's parks by name. Pure: the page reads the file and stores the result; nothing here
 * touches the DOM or the network, and names stay plain strings (rendered as text, never as HTML).
 */
import { parseCsvRows } from '../formats/csv.ts';
import type { FeatureKind, IndustryId } from './model.ts';
import { INDUSTRY_IDS } from './vocabulary.ts';
import { DISTRICTS } from '../districts.ts';

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
}

export interface RowIssue {
  row: number;
  column: string;
  reason: { zh: string; en: string };
}

export interface ImportResult {
  accepted: ImportedPark[];
  issues: RowIssue[];
  /** Set when the file as a whole cannot be read (then nothing is accepted). */
  fatal: { zh: string; en: string } | null;
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

/** The columns a file may have, with the headers that mean each (English and Chinese). */
export const IMPORT_COLUMNS = {
  name: ['name', 'name_zh', '名称', '园区名称'],
  industries: ['industries', 'industry', '3+6', '产业', '主导产业'],
  category: ['category', '类别', '类型'],
  area_km2: ['area_km2', 'area', '面积', '面积(km2)', '面积（平方公里）', '面积(平方公里)'],
  lon: ['lon', 'lng', 'longitude', '经度'],
  lat: ['lat', 'latitude', '纬度'],
  district: ['district', '区', '所在区', '行政区'],
  source: ['source', '来源'],
} as const;
type Column = keyof typeof IMPORT_COLUMNS;

export const TEMPLATE_CSV_ROWS = [
  ['name', 'industries', 'category', 'area_km2', 'lon', 'lat', 'district', 'source'],
  [
    '示例: 某某智能制造产业园',
    '高端装备;人工智能',
    '市级特色产业园区',
    '2.5',
    '121.18',
    '31.30',
    '嘉定区',
    '上海市特色产业园区公告目录 (2022年版)',
  ],
  ['示例: 只有区、没有坐标的园区', '生物医药', '', '', '', '', '奉贤区', ''],
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

const normalise = (s: string) =>
  s
    .replace(/[\s·•()（）“”"'‘’「」《》\-—_]/g, '')
    .replace(/^上海市?/, '')
    .toLowerCase();

/** The project's feature a name refers to: the same name or alias, else one containing the other (4+ characters). */
export function matchByName(name: string, features: ImportContext['features']): ImportedPark['match'] {
  const n = normalise(name);
  if (!n) return null;
  const ordered = [...features].sort((a, b) => Number(b.kind === 'featured-park') - Number(a.kind === 'featured-park'));
  const names = (f: ImportContext['features'][number]) => [f.name.zh, f.name.en, ...f.aliases].map(normalise).filter(Boolean);
  const exact = ordered.find((f) => names(f).includes(n));
  if (exact) return { id: exact.id, kind: exact.kind, name_zh: exact.name.zh };
  if (n.length < 4) return null;
  const partial = ordered.find((f) => names(f).some((x) => x.length >= 4 && (x.includes(n) || n.includes(x))));
  return partial ? { id: partial.id, kind: partial.kind, name_zh: partial.name.zh } : null;
}

interface RawRow {
  row: number;
  values: Partial<Record<Column, string>>;
  /** GeoJSON: the point's coordinates. */
  coordinates?: [unknown, unknown] | null;
  geometryProblem?: string;
}

function validateRow(raw: RawRow, ctx: ImportContext): { park: ImportedPark | null; issues: RowIssue[] } {
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
    const n = Number(areaText);
    if (!Number.isFinite(n) || n <= 0 || n > 1000)
      issues.push(
        issue(
          raw.row,
          'area_km2',
          `面积应为 0 到 1000 之间的数字 (km²), 实为“${areaText}”`,
          `the area must be a number above 0 and at most 1000 (km²), found "${areaText}"`,
        ),
      );
    else areaKm2 = n;
  }

  let point: [number, number] | null = null;
  let locatedBy: ImportedPark['locatedBy'] = 'coordinates';
  if (raw.geometryProblem) issues.push(issue(raw.row, 'geometry', raw.geometryProblem, raw.geometryProblem));
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
    else if (!inLon(lon) || !inLat(lat))
      issues.push(
        issue(
          raw.row,
          'lon',
          `坐标 (${lon}, ${lat}) 不在上海范围内 (WGS84 经纬度)`,
          `(${lon}, ${lat}) is not in Shanghai (WGS84 longitude, latitude)`,
        ),
      );
    else point = [lon, lat];
  }
  const districtText = v('district');
  const district = districtFromText(districtText);
  if (districtText && !district)
    issues.push(issue(raw.row, 'district', `无法识别的区: “${districtText}”`, `unknown district "${districtText}"`));
  if (!point && !lonText && !latText && district) {
    point = ctx.districtCentres[district] ?? null;
    locatedBy = 'district-centre';
  }
  if (!point && !lonText && !latText && !districtText && !raw.geometryProblem)
    issues.push(issue(raw.row, 'lon', '没有位置: 请填写经纬度或所在区', 'no location: give coordinates or a district'));

  if (issues.length || !point) return { park: null, issues };
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
    },
    issues,
  };
}

function columnOf(header: string): Column | null {
  const h = header.trim().toLowerCase();
  for (const [col, names] of Object.entries(IMPORT_COLUMNS) as [Column, readonly string[]][])
    if (names.some((n) => n.toLowerCase() === h)) return col;
  return null;
}

function csvRows(text: string): { rows: RawRow[]; fatal: ImportResult['fatal']; issues: RowIssue[] } {
  let table: string[][];
  try {
    table = parseCsvRows(text);
  } catch (e) {
    return {
      rows: [],
      issues: [],
      fatal: { zh: `CSV 无法解析: ${(e as Error).message}`, en: `The CSV cannot be read: ${(e as Error).message}` },
    };
  }
  const [header, ...body] = table;
  if (!header) return { rows: [], issues: [], fatal: { zh: '文件为空', en: 'The file is empty' } };
  const columns = header.map(columnOf);
  if (!columns.includes('name')) {
    return {
      rows: [],
      issues: [],
      fatal: {
        zh: `缺少名称列 (name 或 名称); 表头为: ${header.join(', ')}`,
        en: `No name column (name or 名称); the header is: ${header.join(', ')}`,
      },
    };
  }
  const issues: RowIssue[] = header
    .map((h, i) => (columns[i] === null && h.trim() ? issue(1, h, '未知列, 已忽略', 'unknown column, ignored') : null))
    .filter((x): x is RowIssue => x !== null);
  const rows = body.map((cells, i) => ({
    // row numbers as a spreadsheet shows them: the header is row 1
    row: i + 2,
    values: Object.fromEntries(columns.map((c, j) => [c, cells[j] ?? '']).filter(([c]) => c !== null)) as Partial<Record<Column, string>>,
  }));
  return { rows, issues, fatal: null };
}

function geojsonRows(text: string): { rows: RawRow[]; fatal: ImportResult['fatal']; issues: RowIssue[] } {
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
      const col = columnOf(key);
      if (col && value !== null && value !== undefined) values[col] = Array.isArray(value) ? value.join(';') : String(value);
    }
    const g = feature.geometry;
    if (!g) return { row: i + 1, values, coordinates: null };
    if (g.type !== 'Point' || !Array.isArray(g.coordinates) || g.coordinates.length < 2) {
      return { row: i + 1, values, geometryProblem: `geometry 应为 Point (经度, 纬度), 实为 ${String(g.type)}` };
    }
    return { row: i + 1, values, coordinates: [g.coordinates[0], g.coordinates[1]] };
  });
  return { rows, issues: [], fatal: null };
}

/** Reads a whole file. `filename` decides the format (.geojson / .json, else CSV). */
export function parseImport(text: string, filename: string, ctx: ImportContext): ImportResult {
  if (text.length > IMPORT_LIMITS.bytes) return { accepted: [], issues: [], fatal: { zh: '文件超过 2 MB', en: 'The file is over 2 MB' } };
  const isJson = /\.(geo)?json$/i.test(filename);
  const read = isJson ? geojsonRows(text) : csvRows(text);
  if (read.fatal) return { accepted: [], issues: [], fatal: read.fatal };
  if (read.rows.length > IMPORT_LIMITS.rows)
    return { accepted: [], issues: [], fatal: { zh: `超过 ${IMPORT_LIMITS.rows} 行`, en: `More than ${IMPORT_LIMITS.rows} rows` } };
  const accepted: ImportedPark[] = [];
  const issues = [...read.issues];
  for (const raw of read.rows) {
    const { park, issues: rowIssues } = validateRow(raw, ctx);
    issues.push(...rowIssues);
    if (park) accepted.push(park);
  }
  return { accepted, issues, fatal: null };
}
