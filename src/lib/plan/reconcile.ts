/**
 * Reconciling an imported list with the data the product holds: each row matched to a held park by
 * name or alias (or, failing that, offered the nearest held park within a kilometre), and where the
 * file and the held, sourced value differ — area, district, batch, location — both are shown, never
 * one silently replacing the other. And a district summary of the file's parks: total output over
 * total area, with how many rows have both. Pure.
 */
import type { ImportedPark } from './import-parks.ts';
import type { FeatureIndexEntry } from './feature-index.ts';
import { densityTier, round1, type DensityTier } from './density.ts';
import { districtName } from '../districts.ts';
import type { Language } from '../i18n/language.ts';
import { t } from '../i18n/strings.ts';
import { toCsv } from '../formats/csv.ts';

export type DifferenceField = 'area' | 'district' | 'batch' | 'location';

export interface Difference {
  field: DifferenceField;
  file: string;
  held: string;
}

export interface ReconciledRow {
  row: number;
  name: string;
  /** matched: same name or alias; nearby: no name match, a held park within NEARBY_KM; new: neither. */
  status: 'matched' | 'nearby' | 'new';
  held: { id: string; name: { zh: string; en: string }; kind: string } | null;
  distanceKm: number | null;
  differences: Difference[];
}

/** How far a held park may be for an unmatched row to be offered it as a possible match. */
export const NEARBY_KM = 1;
/** Areas differing by more than this share are reported. */
export const AREA_TOLERANCE = 0.05;

const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** A batch as a file writes it ("第二批", "第2批", "2", "batch 2") → 2; null when it is not one. */
export function batchNumber(text: string | undefined): number | null {
  const m = /^(?:第\s*)?([0-9]+|[一二三四五六七八九十])\s*批?$|^batch\s*([0-9]+)$/i.exec((text ?? '').trim());
  if (!m) return null;
  const token = m[1] ?? m[2]!;
  const n = CHINESE_DIGITS[token] ?? Number(token);
  // the programme has had a handful of batches: a larger number is a year or a typo, not a batch
  return n >= 1 && n <= 20 ? n : null;
}

/** Great-circle kilometres between two lon/lat points. */
export function kmBetween(a: readonly [number, number], b: readonly [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}

/** How far apart a file's point and a held label point may be before it is a difference, by the held precision. */
const LOCATION_TOLERANCE_KM = { surveyed: 0.5, approximate: 2, schematic: Infinity } as const;

export function reconcile(parks: readonly ImportedPark[], held: readonly FeatureIndexEntry[]): ReconciledRow[] {
  const heldParks = held.filter((f) => f.kind === 'featured-park');
  return parks.map((p) => {
    const byName = p.match ? held.find((f) => f.id === p.match!.id) : undefined;
    const nearest =
      byName || p.locatedBy !== 'coordinates'
        ? undefined
        : heldParks
            .filter((f) => f.labelPoint && f.precision !== 'schematic')
            .map((f) => ({ f, km: kmBetween(p.point, f.labelPoint!) }))
            .filter((x) => x.km <= NEARBY_KM)
            .sort((a, b) => a.km - b.km)[0];
    const match = byName ?? nearest?.f;
    if (!match) return { row: p.row, name: p.name, status: 'new', held: null, distanceKm: null, differences: [] };
    const distanceKm = p.locatedBy === 'coordinates' && match.labelPoint ? round1(kmBetween(p.point, match.labelPoint)) : null;
    const differences: Difference[] = [];
    if (p.areaKm2 !== null && match.areaKm2 !== null && Math.abs(p.areaKm2 - match.areaKm2) > AREA_TOLERANCE * match.areaKm2) {
      differences.push({ field: 'area', file: `${p.areaKm2} km²`, held: `${match.areaKm2} km²` });
    }
    if (p.district && match.districts.length && !match.districts.includes(p.district)) {
      differences.push({ field: 'district', file: p.district, held: match.districts.join(',') });
    }
    const batch = batchNumber(p.batch);
    if (batch !== null && match.batch !== null && batch !== match.batch) {
      differences.push({ field: 'batch', file: String(batch), held: String(match.batch) });
    }
    if (distanceKm !== null && distanceKm > LOCATION_TOLERANCE_KM[match.precision]) {
      differences.push({
        field: 'location',
        file: `${p.point[0]}, ${p.point[1]}`,
        held: `${match.labelPoint![0]}, ${match.labelPoint![1]}`,
      });
    }
    return {
      row: p.row,
      name: p.name,
      status: byName ? 'matched' : 'nearby',
      held: { id: match.id, name: match.name, kind: match.kind },
      distanceKm,
      differences,
    };
  });
}

/** How the rows came out: same name (and how many of those differ), a held park nearby, new. */
export function reconcileCounts(rows: readonly ReconciledRow[]): { matched: number; differing: number; nearby: number; new: number } {
  return {
    matched: rows.filter((r) => r.status === 'matched').length,
    differing: rows.filter((r) => r.status === 'matched' && r.differences.length > 0).length,
    nearby: rows.filter((r) => r.status === 'nearby').length,
    new: rows.filter((r) => r.status === 'new').length,
  };
}

/** The file's parks in one group (a district, or a belt, the pole or a new town): totals over the rows with both figures. */
export interface AreaSummary {
  /** The group's key (district code or plan feature id); null: the rows in none. */
  key: string | null;
  parks: number;
  /** Rows with both an output and an area: the only ones the density sums. */
  withBoth: number;
  output100m: number | null;
  areaKm2: number | null;
  density: { value: number; tier: DensityTier } | null;
}

/**
 * The file's parks grouped (a park may sit in several groups, or none: then under null, last):
 * total output (亿元, each row's own unit converted) over the total area of the same rows — the
 * stated area, else the boundary's — and no density where no row has both (never a zero).
 */
export function summaryBy(
  parks: readonly ImportedPark[],
  keysOf: (p: ImportedPark) => readonly string[],
  outputIn100m: (value: number, unit: string) => number | null,
  order: (a: string, b: string) => number = (a, b) => a.localeCompare(b),
): AreaSummary[] {
  const groups = new Map<string | null, ImportedPark[]>();
  for (const p of parks) {
    const keys = keysOf(p);
    for (const key of keys.length ? keys : [null]) groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : order(a, b)))
    .map(([key, rows]) => {
      const both = rows
        .map((p) => ({
          money: p.output ? outputIn100m(p.output.value, p.output.unit) : null,
          area: p.areaKm2 ?? p.boundaryAreaKm2 ?? null,
        }))
        .filter((x): x is { money: number; area: number } => x.money !== null && x.area !== null);
      const output = both.reduce((s, x) => s + x.money, 0);
      const area = both.reduce((s, x) => s + x.area, 0);
      const value = both.length && area > 0 ? round1(output / area) : null;
      return {
        key,
        parks: rows.length,
        withBoth: both.length,
        output100m: both.length ? round1(output) : null,
        areaKm2: both.length ? Math.round(area * 100) / 100 : null,
        density: value === null ? null : { value, tier: densityTier(value) },
      };
    });
}

/** The file's parks by district (rows without a district last). */
export function districtSummary(
  parks: readonly ImportedPark[],
  outputIn100m: (value: number, unit: string) => number | null,
): AreaSummary[] {
  return summaryBy(parks, (p) => (p.district ? [p.district] : []), outputIn100m);
}

/**
 * The file's parks by the manufacturing layout's areas they sit in (the belts, the pole, the new
 * towns: `layout`, in that order), by the drawn outlines; the parks in none last.
 */
export function layoutSummary(
  parks: readonly ImportedPark[],
  layout: readonly string[],
  outputIn100m: (value: number, unit: string) => number | null,
): AreaSummary[] {
  return summaryBy(
    parks,
    (p) => (p.within ?? []).filter((id) => layout.includes(id)),
    outputIn100m,
    (a, b) => layout.indexOf(a) - layout.indexOf(b),
  );
}

/** The reconciliation as a CSV the user can take away (UTF-8 with BOM; formulas neutralised by toCsv). */
export function reconcileCsv(rows: readonly ReconciledRow[], language: Language): string {
  const header = [
    t(language, 'importRow'),
    t(language, 'reconcileFileName'),
    t(language, 'reconcileStatus'),
    t(language, 'reconcileHeld'),
    t(language, 'reconcileDistance'),
    ...(['area', 'district', 'batch', 'location'] as const).flatMap((f) => [
      `${t(language, `reconcileField_${f}`)} (${t(language, 'reconcileFile')})`,
      `${t(language, `reconcileField_${f}`)} (${t(language, 'reconcileHeldValue')})`,
    ]),
  ];
  const shown = (d: Difference | undefined, side: 'file' | 'held') =>
    !d
      ? ''
      : d.field === 'district'
        ? d[side]
            .split(',')
            .map((c) => districtName(c, language))
            .join('、')
        : d[side];
  return toCsv([
    header,
    ...rows.map((r) => [
      r.row,
      r.name,
      t(language, `reconcileStatus_${r.status}`),
      r.held ? `${r.held.name[language]} (${r.held.id})` : '',
      r.distanceKm ?? '',
      ...(['area', 'district', 'batch', 'location'] as const).flatMap((f) => {
        const d = r.differences.find((x) => x.field === f);
        return [shown(d, 'file'), shown(d, 'held')];
      }),
    ]),
  ]);
}
