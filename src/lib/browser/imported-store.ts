/**
 * Where imported parks live: this browser's localStorage, so a reload or the site finder in another
 * tab still has them, and nothing leaves the browser. What is read back is validated again (a
 * corrupted entry is dropped, not trusted).
 */
import type { IndustryId } from '../plan/model.ts';
import { FEATURE_KINDS, INDUSTRY_IDS } from '../plan/vocabulary.ts';
import type { ImportedPark } from '../plan/import-parks.ts';
import type { Candidate } from '../plan/site-finder.ts';
import type { Feature } from 'geojson';

const KEY = 'shanghai-explorer.imported-parks.v1';

/** An optional object field: absent (lists stored before it existed), null, or of this shape. */
const optional = (v: unknown, ok: (o: Record<string, unknown>) => boolean) =>
  v === undefined || v === null || (typeof v === 'object' && ok(v as Record<string, unknown>));

/** Is this what saveImported wrote? Checked field by field (without zod: the map page stays light). */
function isImportedPark(x: unknown): x is ImportedPark {
  const p = x as Record<string, unknown>;
  const isPoint = (v: unknown) => Array.isArray(v) && v.length === 2 && v.every((n) => typeof n === 'number' && Number.isFinite(n));
  return (
    typeof p === 'object' &&
    p !== null &&
    typeof p.id === 'string' &&
    /^imported-\d+$/.test(p.id) &&
    typeof p.row === 'number' &&
    typeof p.name === 'string' &&
    p.name.length > 0 &&
    p.name.length <= 200 &&
    Array.isArray(p.industries) &&
    p.industries.every((i) => (INDUSTRY_IDS as readonly unknown[]).includes(i)) &&
    typeof p.category === 'string' &&
    (p.areaKm2 === null || (typeof p.areaKm2 === 'number' && p.areaKm2 > 0)) &&
    isPoint(p.point) &&
    (p.locatedBy === 'coordinates' || p.locatedBy === 'district-centre') &&
    (p.district === null || typeof p.district === 'string') &&
    typeof p.source === 'string' &&
    optional(
      p.output,
      (o) => typeof o.value === 'number' && typeof o.unit === 'string' && (o.year === null || typeof o.year === 'number'),
    ) &&
    optional(
      p.density,
      (d) => typeof d.value === 'number' && typeof d.tier === 'string' && (d.year === null || typeof d.year === 'number'),
    ) &&
    optional(p.original, (o) => isPoint(o.point) && typeof o.system === 'string') &&
    (p.match === null ||
      (typeof p.match === 'object' &&
        typeof (p.match as Record<string, unknown>).id === 'string' &&
        (FEATURE_KINDS as readonly unknown[]).includes((p.match as Record<string, unknown>).kind)))
  );
}

export function loadImported(): ImportedPark[] {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return [];
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) && parsed.every(isImportedPark) ? parsed : [];
  } catch {
    return [];
  }
}

export function saveImported(parks: readonly ImportedPark[]): void {
  try {
    if (parks.length) localStorage.setItem(KEY, JSON.stringify(parks));
    else localStorage.removeItem(KEY);
  } catch {
    // storage full or refused: the layer still shows for this visit
  }
}

/** Imported rows as site-finder candidates: their industries count as stated by the file, not by the plan. */
export function importedCandidates(parks: readonly ImportedPark[], reach: Readonly<Record<IndustryId, IndustryId[]>>): Candidate[] {
  return parks.map((p) => ({
    id: p.id,
    name: { zh: p.name, en: p.name },
    kind: p.category || 'imported',
    origin: 'imported',
    point: p.point,
    areaKm2: p.areaKm2,
    links: p.industries.map((industry) => ({ industry, basis: 'stated' as const, reach: reach[industry].filter((id) => id !== industry) })),
    designated: false,
    districts: p.district ? [p.district] : [],
    precision: p.locatedBy === 'coordinates' ? 'from the imported file' : 'district centre (no coordinates in the file)',
    sources: p.source ? `imported file, row ${p.row}: ${p.source}` : `imported file, row ${p.row}`,
    // Access is computed by the build for the plan's features only; an imported row's is unknown.
    access: null,
  }));
}

/** The imported layer for the map, under the same 3+6 filter as the plan's layers. */
export function importedFeatures(
  parks: readonly ImportedPark[],
  industries: readonly IndustryId[],
  reach: Readonly<Record<IndustryId, IndustryId[]>>,
): Feature[] {
  return parks
    .filter((p) => industries.length === 0 || p.industries.some((i) => reach[i].some((r) => industries.includes(r))))
    .map((p) => ({
      type: 'Feature',
      properties: { role: 'imported', id: p.id, ...(p.density ? { density_tier: p.density.tier } : {}) },
      geometry: { type: 'Point', coordinates: p.point },
    }));
}
