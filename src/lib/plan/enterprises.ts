/**
 * A user's list of enterprises (a district's 企业名录: name, industry, coordinates or district,
 * optionally output and the park it sits in), read into points that the map clusters and the cards
 * count per park, belt, new town and district. Pure: rows are validated with the park importer's own
 * rules (units, coordinate systems, districts), reported by row, column and reason; nothing is
 * guessed, and nothing here is mixed with the plan's sourced figures.
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import bbox from '@turf/bbox';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { IndustryId } from './model.ts';
import {
  ENTERPRISE_NAME_HEADERS,
  IMPORT_LIMITS,
  LOCATION_COLUMNS,
  OUTPUT_COLUMNS,
  districtFromText,
  locationCells,
  outputCells,
  industriesFromText,
  locateRow,
  matchByName,
  outputOf,
  type CoordinateSystem,
  type ImportContext,
  type ImportedPark,
  type RowIssue,
  type TableRead,
} from './import-parks.ts';
import { summaryBy } from './reconcile.ts';
import { reachesChosen } from './feature-index.ts';
import type { Language } from '../i18n/language.ts';
import { t } from '../i18n/strings.ts';
import { districtName } from '../districts.ts';

export interface ImportedEnterprise {
  row: number;
  name: string;
  /** 3+6 industries named by the file; empty: none of them (shown only while no industry is chosen). */
  industries: IndustryId[];
  point: [number, number];
  locatedBy: ImportedPark['locatedBy'];
  original: ImportedPark['original'];
  /** The district the file states, else the one the point is in (`districtBy` says which). */
  district: string | null;
  districtBy: 'file' | 'location' | null;
  /** The park the file names (所在园区) and the held park it matches, if any. */
  park: string;
  parkMatch: string | null;
  output: ImportedPark['output'];
  /** Held plan features whose drawn shape holds the point (with the belt a belt member belongs to). */
  within: string[];
}

/** An enterprise list is far longer than a park list: up to 100,000 rows and 30 MB of text. */
export const ENTERPRISE_LIMITS = { rows: 100_000, bytes: 30_000_000 } as const;

/** Whether a table's header names enterprises rather than parks (企业名称, enterprise, …). */
export function isEnterpriseHeader(header: readonly string[]): boolean {
  const names = ENTERPRISE_NAME_HEADERS as readonly string[];
  return header.some((h) => names.includes(h.trim().toLowerCase()));
}

/** A plan shape the enterprises are counted in: its id, kind, precision, the belt it belongs to, and its outline. */
export interface CountingShape {
  id: string;
  kind: string;
  precision: string;
  parent: string | null;
  geometry: Polygon | MultiPolygon;
}

export interface EnterpriseContext {
  industries: ImportContext['industries'];
  /** Held parks, to match a 所在园区 cell to. */
  features: ImportContext['features'];
  districtCentres: ImportContext['districtCentres'];
  /** The district a point is in (from the outlines), for rows that give coordinates and no district. */
  districtAt: ((point: [number, number]) => string | null) | null;
  /** The plan's areas to count in. */
  shapes: readonly CountingShape[];
}

export interface EnterpriseResult {
  enterprises: ImportedEnterprise[];
  issues: RowIssue[];
  fatal: { zh: string; en: string } | null;
}

/** Shapes with their bounding boxes, so each point is tested against the few whose box holds it. */
export function shapeLocator(shapes: readonly CountingShape[]): (point: [number, number]) => string[] {
  const boxed = shapes.map((s) => {
    const feature: Feature<Polygon | MultiPolygon> = { type: 'Feature', properties: {}, geometry: s.geometry };
    return { s, feature, box: bbox(feature) };
  });
  return (point) => {
    // a set: a belt is drawn itself and named as its members' parent
    const ids = new Set<string>();
    for (const { s, feature, box } of boxed) {
      if (point[0] < box[0] || point[0] > box[2] || point[1] < box[1] || point[1] > box[3]) continue;
      if (!booleanPointInPolygon(point, feature)) continue;
      ids.add(s.id);
      if (s.parent) ids.add(s.parent);
    }
    return [...ids];
  };
}

/**
 * Reads an enterprise table (already split into rows by the park importer's table reader). A row
 * needs a name and a place (coordinates in the chosen system, or a district: then it sits at the
 * district's centre and counts for the district only). Industries outside the 3+6 are reported and
 * the row kept without them; the park column is matched by name to the held parks.
 */
export function readEnterprises(read: TableRead, ctx: EnterpriseContext, system: CoordinateSystem): EnterpriseResult {
  if (read.fatal) return { enterprises: [], issues: [], fatal: read.fatal };
  if (read.rows.length > ENTERPRISE_LIMITS.rows)
    return {
      enterprises: [],
      issues: [],
      fatal: { zh: `企业名单超过 ${ENTERPRISE_LIMITS.rows} 行`, en: `The enterprise list has more than ${ENTERPRISE_LIMITS.rows} rows` },
    };
  const locate = shapeLocator(ctx.shapes);
  const parks = ctx.features.filter((f) => f.kind === 'featured-park');
  const parkMatches = new Map<string, string | null>();
  const issues = [...read.issues];
  const enterprises: ImportedEnterprise[] = [];
  for (const raw of read.rows) {
    const rowIssues: RowIssue[] = [];
    const v = (c: keyof typeof raw.values) => (raw.values[c] ?? '').trim();
    const name = v('name');
    if (!name) rowIssues.push({ row: raw.row, column: 'name', reason: { zh: '名称为空', en: 'the name is empty' } });
    else if (name.length > IMPORT_LIMITS.nameLength)
      rowIssues.push({
        row: raw.row,
        column: 'name',
        reason: { zh: `名称超过 ${IMPORT_LIMITS.nameLength} 字`, en: `the name is longer than ${IMPORT_LIMITS.nameLength} characters` },
      });
    const { ids, unknown } = industriesFromText(v('industries'), ctx);
    if (unknown.length)
      rowIssues.push({
        row: raw.row,
        column: 'industries',
        reason: {
          zh: `不属于“3+6”的产业: ${unknown.join('、')}（不计入任何“3+6”产业）`,
          en: `not a 3+6 industry: ${unknown.join(', ')} (counted under none of them)`,
        },
        kept: true,
      });
    const output = outputOf(raw, rowIssues);
    const { point, original, locatedBy } = locateRow(raw, system, ctx.districtCentres, rowIssues);
    const districtText = v('district');
    const stated = districtFromText(districtText);
    if (districtText && !stated)
      rowIssues.push({
        row: raw.row,
        column: 'district',
        reason: { zh: `无法识别的区: “${districtText}”`, en: `unknown district "${districtText}"` },
      });
    issues.push(...rowIssues);
    if (rowIssues.some((i) => !i.kept) || !point) continue;
    const located = locatedBy === 'coordinates' ? (ctx.districtAt?.(point) ?? null) : null;
    const park = v('park');
    if (park && !parkMatches.has(park)) parkMatches.set(park, matchByName(park, parks)?.id ?? null);
    enterprises.push({
      row: raw.row,
      name,
      industries: ids,
      point,
      locatedBy,
      original,
      district: stated ?? located,
      districtBy: stated ? 'file' : located ? 'location' : null,
      park,
      parkMatch: park ? (parkMatches.get(park) ?? null) : null,
      output,
      // a district centre is not a place in any plan area: such a row counts for its district only
      within: locatedBy === 'coordinates' ? locate(point) : [],
    });
  }
  return { enterprises, issues, fatal: null };
}

export interface EnterpriseCount {
  /** Enterprises in the area (by location, or by the park the file names) under the chosen industries, and in all. */
  shown: number;
  total: number;
  /** Of those shown: how many the file places by the park column only (not inside the drawn shape). */
  byParkName: number;
  /** Summed output of the shown ones that give it in 亿元, and how many gave it. */
  output100m: number;
  withOutput: number;
}

/** How many of a read list's enterprises have no coordinates (placed at their district's centre, counted for the district only). */
export function centredCount(enterprises: readonly Pick<ImportedEnterprise, 'locatedBy'>[]): number {
  return enterprises.filter((e) => e.locatedBy === 'district-centre').length;
}

/** An area a count is for: a plan feature (by its drawn outline) or a district. */
export type CountedArea = { featureId: string } | { district: string };

/**
 * How a row of the user's lists is in an area: inside it (the drawn outline holds its point, or its
 * district is the area), named there by the file's park column only (enterprises), or not at all.
 */
export function placeIn(
  x: { district: string | null; within?: readonly string[]; parkMatch?: string | null },
  area: CountedArea,
): 'inside' | 'by-park-name' | null {
  if ('district' in area) return x.district === area.district ? 'inside' : null;
  if ((x.within ?? []).includes(area.featureId)) return 'inside';
  return x.parkMatch === area.featureId ? 'by-park-name' : null;
}

/**
 * How many of the list's enterprises are in a plan area (inside its drawn shape, or named in the
 * file's park column) or a district, under the chosen industries. `outputIn100m` converts the
 * file's output to 亿元 (null: not convertible, left out of the sum and the count).
 */
export function countEnterprises(
  enterprises: readonly ImportedEnterprise[],
  area: CountedArea,
  chosen: readonly IndustryId[],
  reach: Readonly<Record<IndustryId, readonly IndustryId[]>>,
  outputIn100m: (value: number, unit: string) => number | null,
): EnterpriseCount {
  const count: EnterpriseCount = { shown: 0, total: 0, byParkName: 0, output100m: 0, withOutput: 0 };
  for (const e of enterprises) {
    const place = placeIn(e, area);
    if (!place) continue;
    count.total++;
    if (!reachesChosen(e.industries, chosen, reach)) continue;
    count.shown++;
    if (place === 'by-park-name') count.byParkName++;
    const value = e.output ? outputIn100m(e.output.value, e.output.unit) : null;
    if (value !== null) {
      count.output100m += value;
      count.withOutput++;
    }
  }
  count.output100m = Math.round(count.output100m * 100) / 100;
  return count;
}

/**
 * The enterprise layer's data for the map: a point each, with its industries as `in_<id>` flags
 * (reach applied, as the plan's features have them) and the index of its industry set, so a cluster
 * can count exactly the enterprises the chosen industries show (see style/enterprise-layers.ts).
 */
export function enterpriseLayerData(
  enterprises: readonly ImportedEnterprise[],
  reach: Readonly<Record<IndustryId, readonly IndustryId[]>>,
): { features: Feature[]; sets: IndustryId[][] } {
  const sets: IndustryId[][] = [];
  const setIndex = new Map<string, number>();
  const features = enterprises.map((e, i): Feature => {
    const reached = [...new Set(e.industries.flatMap((id) => reach[id]))].sort();
    const key = reached.join(',');
    let set = setIndex.get(key);
    if (set === undefined) {
      set = sets.length;
      sets.push(reached);
      setIndex.set(key, set);
    }
    return {
      type: 'Feature',
      properties: { i, set, colour: e.industries[0] ?? '', ...Object.fromEntries(reached.map((id) => [`in_${id}`, true])) },
      geometry: { type: 'Point', coordinates: e.point },
    };
  });
  return { features, sets };
}

/** An enterprise list as rows for export (WGS84; the file's coordinates and system beside them). */
export function enterpriseListTable(enterprises: readonly ImportedEnterprise[]): (string | number | null)[][] {
  return [
    ['name', 'industries', ...LOCATION_COLUMNS, 'district', 'district_by', 'park', 'park_match', ...OUTPUT_COLUMNS, 'within', 'row'],
    ...enterprises.map((e) => [
      e.name,
      e.industries.join(';'),
      ...locationCells(e),
      e.district,
      e.districtBy,
      e.park,
      e.parkMatch,
      ...outputCells(e.output),
      e.within.join(';'),
      e.row,
    ]),
  ];
}

/** A compared area's share of the user's lists: enterprises by their stated 3+6 industry, and the parks there with their summed density. */
export interface ListsInArea {
  enterprises: { total: number; byIndustry: Partial<Record<IndustryId, number>>; noIndustry: number };
  parks: { count: number; withBoth: number; density: number | null };
}

/**
 * What the user's lists hold in a compared area (a plan feature by its drawn outline, or a district):
 * enterprises counted once each under every 3+6 industry the file states for them (no reach: the
 * columns show the file's own words), and imported parks with output ÷ area over those with both.
 */
export function listsInArea(
  area: CountedArea,
  enterprises: readonly ImportedEnterprise[],
  parks: readonly ImportedPark[],
  outputIn100m: (value: number, unit: string) => number | null,
): ListsInArea {
  const byIndustry: Partial<Record<IndustryId, number>> = {};
  let total = 0;
  let noIndustry = 0;
  for (const e of enterprises) {
    if (!placeIn(e, area)) continue;
    total++;
    if (e.industries.length === 0) noIndustry++;
    for (const id of e.industries) byIndustry[id] = (byIndustry[id] ?? 0) + 1;
  }
  // a park is in an area by its own point (the park column names enterprises' parks, not parks')
  const here = parks.filter((p) => placeIn({ district: p.district, within: p.within ?? [] }, area) === 'inside');
  // the parks' totals by the same rule as the panel's summaries (one group: this area)
  const summary = here.length ? summaryBy(here, () => ['here'], outputIn100m)[0]! : null;
  return {
    enterprises: { total, byIndustry, noIndustry },
    parks: { count: here.length, withBoth: summary?.withBoth ?? 0, density: summary?.density?.value ?? null },
  };
}

/** What a popup says of an enterprise, line by line (plain text): the file's words, and that it is the user's. */
export function describeEnterprise(
  e: ImportedEnterprise,
  language: Language,
  industries: readonly { id: string; name: { zh: string; en: string } }[],
  listName: string,
): string[] {
  const names = e.industries.map((id) => industries.find((x) => x.id === id)?.name[language] ?? id).join('、');
  return [
    e.name,
    `${t(language, 'industries')}: ${names || t(language, 'enterpriseNoIndustry')}`,
    `${t(language, 'district')}: ${e.district ? districtName(e.district, language) : t(language, 'noData')}`,
    ...(e.park ? [`${t(language, 'enterprisePark')}: ${e.park}`] : []),
    ...(e.output
      ? [`${t(language, 'importedOutput')}: ${e.output.value} ${e.output.unit} (${e.output.year ?? t(language, 'yearNotGiven')})`]
      : []),
    t(language, 'enterpriseFromList', { name: listName, row: e.row }),
  ];
}
