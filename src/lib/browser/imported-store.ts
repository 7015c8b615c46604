/**
 * Where imported lists live: this browser's IndexedDB (several named lists, tens of megabytes
 * allowed, unlike localStorage's ~5 MB), so a reload, the site finder or another tab still has them
 * and nothing leaves the browser. One list is active (drawn, ranked by the finder). What is read
 * back is validated again: a corrupted entry is dropped, not trusted. Lists from before (kept in
 * localStorage) are moved over once, and removed from there only after they are safely stored.
 * A write that fails (storage full, or IndexedDB blocked) is reported and loses nothing already stored.
 */
import { createStore, del, entries, get, set, type UseStore } from 'idb-keyval';
import type { IndustryId } from '../plan/model.ts';
import { FEATURE_KINDS, INDUSTRY_IDS } from '../plan/vocabulary.ts';
import { reachesChosen } from '../plan/feature-index.ts';
import type { CoordinateSystem, ImportedPark } from '../plan/import-parks.ts';
import type { ImportedEnterprise } from '../plan/enterprises.ts';
import type { Candidate } from '../plan/site-finder.ts';
import type { Feature } from 'geojson';

/** Where lists were kept before IndexedDB (read once, to move them). */
const LEGACY_KEY = 'shanghai-explorer.imported-parks.v1';
const ACTIVE_KEY = 'active';
/** The shown enterprise list: one park list and one enterprise list can be shown together. */
const ACTIVE_ENTERPRISES_KEY = 'active-enterprises';
const activeKey = (kind: ListKind) => (kind === 'enterprises' ? ACTIVE_ENTERPRISES_KEY : ACTIVE_KEY);
const LIST_PREFIX = 'list:';

export interface StoredList {
  id: string;
  name: string;
  /** ISO time of the import and of the last change. */
  created: string;
  updated: string;
  /** The file it came from and how it was read. */
  source: string;
  coordinates: CoordinateSystem;
  parks: ImportedPark[];
  /** Set for an enterprise list (then `parks` is empty); absent for park lists, as lists stored before it were. */
  kind?: ListKind;
  enterprises?: ImportedEnterprise[];
}

export type ListKind = 'parks' | 'enterprises';
export const kindOf = (list: Pick<StoredList, 'kind'>): ListKind => list.kind ?? 'parks';

export interface ListSummary {
  id: string;
  name: string;
  count: number;
  updated: string;
  kind: ListKind;
}

export type StoreProblem = 'quota' | 'blocked';

/** Why a write failed, in the terms a user can act on. */
export function storeProblem(err: unknown): StoreProblem {
  const name = (err as { name?: string } | null)?.name ?? '';
  return name === 'QuotaExceededError' || /quota/i.test(String(err)) ? 'quota' : 'blocked';
}

let store: UseStore | null = null;
const db = (): UseStore => (store ??= createStore('shanghai-explorer', 'imported-lists'));

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
    (p.within === undefined || (Array.isArray(p.within) && p.within.every((id) => typeof id === 'string'))) &&
    optional(p.boundary, (b) => (b.type === 'Polygon' || b.type === 'MultiPolygon') && Array.isArray(b.coordinates)) &&
    (p.boundaryAreaKm2 === undefined || p.boundaryAreaKm2 === null || (typeof p.boundaryAreaKm2 === 'number' && p.boundaryAreaKm2 > 0)) &&
    (p.match === null ||
      (typeof p.match === 'object' &&
        typeof (p.match as Record<string, unknown>).id === 'string' &&
        (FEATURE_KINDS as readonly unknown[]).includes((p.match as Record<string, unknown>).kind)))
  );
}

/** An enterprise as readEnterprises wrote it (checked field by field: a list may hold 100,000 of them, so cheaply). */
function isImportedEnterprise(x: unknown): x is ImportedEnterprise {
  const e = x as Record<string, unknown>;
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof e.row === 'number' &&
    typeof e.name === 'string' &&
    e.name.length > 0 &&
    Array.isArray(e.industries) &&
    e.industries.every((i) => (INDUSTRY_IDS as readonly unknown[]).includes(i)) &&
    Array.isArray(e.point) &&
    e.point.length === 2 &&
    e.point.every((n) => typeof n === 'number' && Number.isFinite(n)) &&
    (e.district === null || typeof e.district === 'string') &&
    typeof e.park === 'string' &&
    Array.isArray(e.within) &&
    e.within.every((id) => typeof id === 'string')
  );
}

function isStoredList(x: unknown): x is StoredList {
  const l = x as Record<string, unknown>;
  return (
    (l?.kind === undefined ||
      l.kind === 'parks' ||
      (l.kind === 'enterprises' && Array.isArray(l.enterprises) && l.enterprises.every(isImportedEnterprise))) &&
    typeof l === 'object' &&
    l !== null &&
    typeof l.id === 'string' &&
    typeof l.name === 'string' &&
    typeof l.created === 'string' &&
    typeof l.updated === 'string' &&
    typeof l.source === 'string' &&
    typeof l.coordinates === 'string' &&
    Array.isArray(l.parks) &&
    l.parks.every(isImportedPark)
  );
}

/** Moves a list kept by an earlier version (localStorage) into IndexedDB, then removes the old copy. */
async function migrateLegacy(): Promise<void> {
  let raw: string | null;
  try {
    raw = localStorage.getItem(LEGACY_KEY);
  } catch {
    return;
  }
  if (!raw) return;
  let parks: unknown;
  try {
    parks = JSON.parse(raw);
  } catch {
    parks = null;
  }
  if (Array.isArray(parks) && parks.length && parks.every(isImportedPark)) {
    const now = new Date().toISOString();
    const list: StoredList = {
      id: newListId(),
      name: '已导入的园区',
      created: now,
      updated: now,
      source: 'localStorage',
      coordinates: 'wgs84',
      parks,
    };
    await set(LIST_PREFIX + list.id, list, db());
    if ((await get(ACTIVE_KEY, db())) === undefined) await set(ACTIVE_KEY, list.id, db());
  }
  // only once the list is stored: a failed write above throws and keeps the old copy
  localStorage.removeItem(LEGACY_KEY);
}

export function newListId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Every stored list (newest first) and the shown park and enterprise lists; empty when IndexedDB is unavailable. */
export async function readLists(): Promise<{
  lists: StoredList[];
  active: StoredList | null;
  activeEnterprises: StoredList | null;
  problem: StoreProblem | null;
}> {
  try {
    await migrateLegacy();
    const all = (await entries<string, unknown>(db()))
      .filter(([key, value]) => key.startsWith(LIST_PREFIX) && isStoredList(value))
      .map(([, value]) => value as StoredList)
      .sort((a, b) => b.created.localeCompare(a.created));
    const activeId = await get<string>(ACTIVE_KEY, db());
    const enterprisesId = await get<string>(ACTIVE_ENTERPRISES_KEY, db());
    return {
      lists: all,
      active: all.find((l) => l.id === activeId && kindOf(l) === 'parks') ?? null,
      activeEnterprises: all.find((l) => l.id === enterprisesId && kindOf(l) === 'enterprises') ?? null,
      problem: null,
    };
  } catch (err) {
    return { lists: [], active: null, activeEnterprises: null, problem: storeProblem(err) };
  }
}

export function summaries(lists: readonly StoredList[]): ListSummary[] {
  return lists.map((l) => ({
    id: l.id,
    name: l.name,
    count: kindOf(l) === 'enterprises' ? (l.enterprises?.length ?? 0) : l.parks.length,
    updated: l.updated,
    kind: kindOf(l),
  }));
}

/** Stores a list (new or changed) and makes it the active one; null when stored, else why not. */
export async function saveList(list: StoredList): Promise<StoreProblem | null> {
  try {
    await set(LIST_PREFIX + list.id, { ...list, updated: new Date().toISOString() }, db());
    await set(activeKey(kindOf(list)), list.id, db());
    return null;
  } catch (err) {
    return storeProblem(err);
  }
}

export async function setActiveList(id: string | null, kind: ListKind = 'parks'): Promise<StoreProblem | null> {
  try {
    if (id === null) await del(activeKey(kind), db());
    else await set(activeKey(kind), id, db());
    return null;
  } catch (err) {
    return storeProblem(err);
  }
}

export async function deleteList(id: string): Promise<StoreProblem | null> {
  try {
    await del(LIST_PREFIX + id, db());
    for (const key of [ACTIVE_KEY, ACTIVE_ENTERPRISES_KEY]) if ((await get(key, db())) === id) await del(key, db());
    return null;
  } catch (err) {
    return storeProblem(err);
  }
}

/** The active list's parks (the site finder's imported candidates); none when there is no list or no storage. */
export async function activeParks(): Promise<ImportedPark[]> {
  return (await readLists()).active?.parks ?? [];
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

/** The imported layer for the map, under the same 3+6 filter as the plan's layers: a marker each, and a park's boundary where the file gave one. */
export function importedFeatures(
  parks: readonly ImportedPark[],
  industries: readonly IndustryId[],
  reach: Readonly<Record<IndustryId, IndustryId[]>>,
): Feature[] {
  return parks
    .filter((p) => reachesChosen(p.industries, industries, reach))
    .flatMap((p): Feature[] => {
      const properties = { id: p.id, ...(p.density ? { density_tier: p.density.tier } : {}) };
      const marker: Feature = {
        type: 'Feature',
        properties: { role: 'imported', ...properties },
        geometry: { type: 'Point', coordinates: p.point },
      };
      return p.boundary
        ? [{ type: 'Feature', properties: { role: 'imported-area', ...properties }, geometry: p.boundary }, marker]
        : [marker];
    });
}
