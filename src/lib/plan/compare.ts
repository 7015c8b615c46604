/**
 * The comparison of layout units (the pole, the three belts, the five new towns, any district):
 * members, areas computed from the drawn geometry beside the published ones, the featured parks
 * inside, the 3+6 allocation matrix, the service-layout parts that overlap, and a small outline
 * map. Pure: takes the built plan and geometries, returns plain data the page and the CSV share.
 */
import type { Feature, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import turfArea from '@turf/area';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import booleanIntersects from '@turf/boolean-intersects';
import simplify from '@turf/simplify';
import type { BuiltFeature, Citation, FeatureKind, DistrictProfile, Figure, Industry, IndustryId, IndustryLink, Name } from './model.ts';
import { FEATURE_KINDS, INDUSTRY_IDS, LAYER_GROUP_OF } from './vocabulary.ts';
import { formatCitation } from './citation.ts';
import { toCsv } from '../formats/csv.ts';
import { svgFrame } from './svg-frame.ts';
import { DISTRICTS, districtName } from '../districts.ts';

export const COMPARABLE_KINDS = ['pole', 'belt', 'new-town'] as const;
/** The producer-service layout's kinds, as the vocabulary groups them. */
export const SERVICE_KINDS: readonly FeatureKind[] = FEATURE_KINDS.filter((k) => LAYER_GROUP_OF[k] === 'service');

/** Stated: the plan names the 3+6 industry; inferred: we mapped the plan's own term to it. */
export type CellBasis = 'stated' | 'inferred' | 'none';

export interface MatrixCell {
  basis: CellBasis;
  /** The plan's words for it, e.g. 航空及高端装备. */
  terms: string[];
  cite: Citation[];
}

export interface MatrixRow {
  id: string;
  name: Name;
  cells: Record<IndustryId, MatrixCell>;
}

export interface CompareUnit {
  id: string;
  kind: 'pole' | 'belt' | 'new-town' | 'district';
  name: Name;
  districts: string[];
  members: { id: string; name: Name }[];
  precision: { level: string; radius_km: number | null; basis: { zh: string; en: string } } | null;
  area: {
    /** km² of the drawn geometry (turf), one decimal; null where nothing is drawn. */
    computedKm2: number | null;
    published: Figure | null;
    /** (computed − published) ÷ published, %, one decimal. */
    differencePct: number | null;
    /** Drawn as a circle of the published area: the two agree by construction, not by survey. */
    circleOfPublished: boolean;
  };
  parks: { id: string; name: Name; areaKm2: number | null }[];
  parksArea: { knownKm2: number; withArea: number; withoutArea: number };
  matrix: MatrixRow[];
  service: { id: string; kind: string; name: Name }[];
  /** SVG path of the outline in the shared small-map frame (see OUTLINE_FRAME). */
  outline: string;
  cite: Citation[];
}

export const districtUnitId = (code: string) => `district-${code}`;

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Where a 3+6 industry stands in a set of links: stated beats inferred; terms and citations kept. */
export function matrixCells(
  links: readonly Pick<IndustryLink, 'industry' | 'basis' | 'term_zh' | 'cite'>[],
): Record<IndustryId, MatrixCell> {
  const cells = Object.fromEntries(INDUSTRY_IDS.map((id) => [id, { basis: 'none', terms: [], cite: [] } as MatrixCell])) as Record<
    IndustryId,
    MatrixCell
  >;
  for (const link of links) {
    const cell = cells[link.industry];
    const basis: CellBasis = link.basis === 'stated' ? 'stated' : 'inferred';
    if (cell.basis === 'none' || (cell.basis === 'inferred' && basis === 'stated')) cell.basis = basis;
    if (!cell.terms.includes(link.term_zh)) cell.terms.push(link.term_zh);
    for (const c of link.cite) if (!cell.cite.some((x) => JSON.stringify(x) === JSON.stringify(c))) cell.cite.push(c);
  }
  return cells;
}

// ── The small-map frame: all of Shanghai ──────────────────────────────────────────────────────

export const OUTLINE_FRAME = { west: 120.85, east: 122.12, south: 30.66, north: 31.9, width: 160 } as const;
const SHANGHAI_FRAME = svgFrame(OUTLINE_FRAME, OUTLINE_FRAME.width, 31.2);
export const OUTLINE_HEIGHT = SHANGHAI_FRAME.height;

/** A lon/lat in the small-map frame (x, y). */
export function framePoint(position: Position): [number, number] {
  return SHANGHAI_FRAME.point(position);
}

/** An SVG path for a geometry in the small-map frame (points become nothing: outlines only). */
export function outlinePath(geometry: Geometry | null, tolerance = 0.003): string {
  return SHANGHAI_FRAME.path(geometry, tolerance);
}

// ── Units ──────────────────────────────────────────────────────────────────────────────────────

export interface CompareInputs {
  features: readonly BuiltFeature[];
  /** Drawn shapes by feature id (plan.geojson, role "shape"). */
  shapes: ReadonlyMap<string, Geometry>;
  /** District land by code (districts.geojson). */
  districtShapes: ReadonlyMap<string, Geometry>;
  districts: readonly DistrictProfile[];
}

const isAreal = (g: Geometry | undefined | null): g is Polygon | MultiPolygon => !!g && (g.type === 'Polygon' || g.type === 'MultiPolygon');

function unitFrom(
  base: Omit<CompareUnit, 'area' | 'parks' | 'parksArea' | 'service' | 'outline'>,
  geometry: Geometry | null,
  published: Figure | null,
  circleOfPublished: boolean,
  inputs: CompareInputs,
): CompareUnit {
  const areal = isAreal(geometry) ? geometry : null;
  const computedKm2 = areal ? round1(turfArea(areal) / 1e6) : null;
  const publishedValue = published?.value ?? null;
  const parks = areal
    ? inputs.features
        .filter((f) => f.kind === 'featured-park' && f.label_point && booleanPointInPolygon(f.label_point, areal))
        .map((f) => ({ id: f.id, name: f.name, areaKm2: f.area?.value ?? null }))
        .sort((a, b) => a.id.localeCompare(b.id))
    : [];
  const service = areal
    ? inputs.features
        .filter((f) => SERVICE_KINDS.includes(f.kind))
        .filter((f) => {
          const g = inputs.shapes.get(f.id);
          return g
            ? booleanIntersects(
                { type: 'Feature', properties: {}, geometry: g } as Feature,
                { type: 'Feature', properties: {}, geometry: areal } as Feature,
              )
            : false;
        })
        .map((f) => ({ id: f.id, kind: f.kind, name: f.name }))
    : [];
  const known = parks.filter((p) => p.areaKm2 !== null);
  return {
    ...base,
    area: {
      computedKm2,
      published,
      differencePct:
        computedKm2 !== null && publishedValue !== null && publishedValue > 0
          ? round1(((computedKm2 - publishedValue) / publishedValue) * 100)
          : null,
      circleOfPublished,
    },
    parks,
    parksArea: {
      knownKm2: round1(known.reduce((a, p) => a + p.areaKm2!, 0)),
      withArea: known.length,
      withoutArea: parks.length - known.length,
    },
    service,
    outline: outlinePath(geometry),
  };
}

/** Every comparable unit: the pole, the belts, the new towns, then the 16 districts. */
export function compareUnits(inputs: CompareInputs): CompareUnit[] {
  const byId = new Map(inputs.features.map((f) => [f.id, f]));
  const layoutUnits = inputs.features
    .filter((f): f is BuiltFeature & { kind: (typeof COMPARABLE_KINDS)[number] } =>
      (COMPARABLE_KINDS as readonly string[]).includes(f.kind),
    )
    .sort((a, b) => COMPARABLE_KINDS.indexOf(a.kind) - COMPARABLE_KINDS.indexOf(b.kind))
    .map((f) => {
      const children = inputs.features.filter((c) => c.parent === f.id);
      const unionParts = f.geometry.type === 'union' ? f.geometry.of.map((id) => byId.get(id)).filter((x): x is BuiltFeature => !!x) : [];
      const members = [...new Map([...children, ...unionParts].map((m) => [m.id, { id: m.id, name: m.name }])).values()];
      // The plan allocates industries to the belt itself and to each member it names (001 L961-987).
      const rows: MatrixRow[] = [
        ...(f.industries.length || children.length === 0 ? [{ id: f.id, name: f.name, cells: matrixCells(f.industries) }] : []),
        ...children.filter((c) => c.kind === 'belt-member').map((c) => ({ id: c.id, name: c.name, cells: matrixCells(c.industries) })),
      ];
      const circle = f.geometry.type === 'circle' && f.geometry.area_km2 !== undefined;
      return unitFrom(
        {
          id: f.id,
          kind: f.kind,
          name: f.name,
          districts: f.districts,
          members,
          precision: { level: f.precision.level, radius_km: f.precision.radius_km ?? null, basis: f.precision.basis },
          matrix: rows,
          cite: f.cite,
        },
        inputs.shapes.get(f.id) ?? null,
        f.area ?? null,
        circle,
        inputs,
      );
    });
  const districtUnits = DISTRICTS.map((d) => {
    const profile = inputs.districts.find((p) => p.code === d.code);
    const name = d.name;
    return unitFrom(
      {
        id: districtUnitId(d.code),
        kind: 'district',
        name,
        districts: [d.code],
        members: [],
        precision: null,
        matrix: [{ id: districtUnitId(d.code), name, cells: matrixCells(profile?.industries ?? []) }],
        cite: [...new Map((profile?.industries ?? []).flatMap((l) => l.cite).map((c) => [JSON.stringify(c), c])).values()],
      },
      inputs.districtShapes.get(d.code) ?? null,
      null,
      false,
      inputs,
    );
  });
  return [...layoutUnits, ...districtUnits];
}

// ── Selection in the URL ───────────────────────────────────────────────────────────────────────

export const DEFAULT_COMPARISON = ['belt-yanjiang', 'belt-yanwan', 'belt-huxi'];
export const MAX_COMPARED = 6;

/** `units=belt-yanwan,belt-huxi`: known ids in the order given, no repeats, at most six; the rest reported. */

// ── CSV ────────────────────────────────────────────────────────────────────────────────────────

const BASIS_ZH: Record<CellBasis, string> = { stated: '规划明确', inferred: '据规划用语推断', none: '' };

function cellText(cell: MatrixCell): string {
  if (cell.basis === 'none') return '';
  return `${BASIS_ZH[cell.basis]}: ${cell.terms.join('、')} (${cell.cite.map((c) => formatCitation(c, 'zh')).join('; ')})`;
}

/** The comparison as a table: one column per unit, one row per measure (as the page shows it). */
export function comparisonTable(units: readonly CompareUnit[], industries: readonly Pick<Industry, 'id' | 'name'>[]): string[][] {
  const districtNameZh = (code: string) => districtName(code, 'zh');
  const rows: string[][] = [
    ['项目 / measure', ...units.map((u) => u.name.zh)],
    ['id', ...units.map((u) => u.id)],
    ['类型 / kind', ...units.map((u) => u.kind)],
    ['所在区 / districts', ...units.map((u) => u.districts.map(districtNameZh).join('、'))],
    ['组成 / members', ...units.map((u) => u.members.map((m) => m.name.zh).join('、'))],
    ['几何面积 km² (turf) / computed area', ...units.map((u) => (u.area.computedKm2 === null ? '无数据' : String(u.area.computedKm2)))],
    ['公布面积 km² / published area', ...units.map((u) => (u.area.published?.value == null ? '无数据' : String(u.area.published.value)))],
    [
      '公布面积来源 / source of published area',
      ...units.map((u) => (u.area.published ? u.area.published.cite.map((c) => formatCitation(c, 'zh')).join('; ') : '')),
    ],
    [
      '差异 % / difference',
      ...units.map((u) =>
        u.area.differencePct === null ? '' : `${u.area.differencePct}${u.area.circleOfPublished ? ' (按公布面积绘制的示意圆)' : ''}`,
      ),
    ],
    [
      '几何精度 / geometry precision',
      ...units.map((u) =>
        u.precision ? `${u.precision.level}${u.precision.radius_km ? ` ±${u.precision.radius_km} km` : ''}` : 'district boundary (ECharts)',
      ),
    ],
    ['特色园区数 / featured parks', ...units.map((u) => String(u.parks.length))],
    ['特色园区 / parks', ...units.map((u) => u.parks.map((p) => p.name.zh).join('、'))],
    [
      '园区面积合计 km² / parks area',
      ...units.map((u) => `${u.parksArea.knownKm2} (${u.parksArea.withArea} 有面积, ${u.parksArea.withoutArea} 无数据)`),
    ],
  ];
  for (const industry of industries) {
    rows.push([
      `${industry.name.zh} / ${industry.name.en}`,
      ...units.map((u) =>
        u.matrix
          .map((r) => (r.cells[industry.id].basis === 'none' ? '' : `${r.name.zh}: ${cellText(r.cells[industry.id])}`))
          .filter(Boolean)
          .join(' | '),
      ),
    ]);
  }
  rows.push(['服务业布局重叠 / overlapping service layout', ...units.map((u) => u.service.map((s) => s.name.zh).join('、'))]);
  rows.push(['来源 / sources', ...units.map((u) => u.cite.map((c) => formatCitation(c, 'zh')).join('; '))]);
  return rows;
}

export function comparisonCsv(units: readonly CompareUnit[], industries: readonly Pick<Industry, 'id' | 'name'>[]): string {
  return toCsv(comparisonTable(units, industries));
}

/** An areal shape simplified for shipping to the browser (point-in-polygon tests, not drawing). */
export function simplifiedShape(geometry: Geometry | null, tolerance = 0.002): Polygon | MultiPolygon | null {
  if (!isAreal(geometry)) return null;
  return simplify({ type: 'Feature', properties: {}, geometry }, { tolerance, highQuality: false }).geometry as Polygon | MultiPolygon;
}

/** The matrix's footnotes: each distinct citation numbered in the order the cells first cite it. */
export function matrixFootnotes(units: readonly Pick<CompareUnit, 'matrix'>[]): { list: Citation[]; numberOf: (c: Citation) => number } {
  const list: Citation[] = [];
  const index = new Map<string, number>();
  for (const u of units)
    for (const r of u.matrix)
      for (const cell of Object.values(r.cells))
        for (const c of cell.cite) {
          const key = JSON.stringify(c);
          if (!index.has(key)) {
            list.push(c);
            index.set(key, list.length);
          }
        }
  return { list, numberOf: (c) => index.get(JSON.stringify(c)) ?? 0 };
}
