/**
 * Where imported parks live: this browser's localStorage, so a reload or the site finder in another
 * tab still has them, and nothing leaves the browser. What is read back is validated again (a
 * corrupted entry is dropped, not trusted).
 */
import { z } from 'zod';
import { INDUSTRY_IDS, type IndustryId } from '../plan/model.ts';
import type { ImportedPark } from '../plan/import-parks.ts';
import type { Candidate } from '../plan/site-finder.ts';
import type { Feature } from 'geojson';

const KEY = 'shanghai-explorer.imported-parks.v1';

const Stored = z.array(
  z.object({
    id: z.string().regex(/^imported-\d+$/),
    row: z.number().int(),
    name: z.string().min(1).max(200),
    industries: z.array(z.enum(INDUSTRY_IDS)),
    category: z.string(),
    areaKm2: z.number().positive().nullable(),
    point: z.tuple([z.number(), z.number()]),
    locatedBy: z.enum(['coordinates', 'district-centre']),
    district: z.string().nullable(),
    source: z.string(),
    match: z.object({ id: z.string(), name_zh: z.string() }).nullable(),
  }),
);

export function loadImported(): ImportedPark[] {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return [];
    const parsed = Stored.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : [];
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
  }));
}

/** The imported layer for the map, under the same 3+6 filter as the plan's layers. */
export function importedFeatures(parks: readonly ImportedPark[], industries: readonly IndustryId[], reach: Readonly<Record<IndustryId, IndustryId[]>>): Feature[] {
  return parks
    .filter((p) => industries.length === 0 || p.industries.some((i) => reach[i].some((r) => industries.includes(r))))
    .map((p) => ({ type: 'Feature', properties: { role: 'imported', id: p.id }, geometry: { type: 'Point', coordinates: p.point } }));
}
