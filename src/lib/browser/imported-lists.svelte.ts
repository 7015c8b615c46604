/**
 * The imported lists as the map page holds them: every saved list, the one shown, and what went
 * wrong with storage if anything did. Reactive state over imported-store.ts (IndexedDB); a list that
 * cannot be saved still shows for the visit, and nothing already saved is touched by a failure.
 */
import type { CoordinateSystem, ImportedPark } from '../plan/import-parks.ts';
import type { ImportedEnterprise } from '../plan/enterprises.ts';
import {
  deleteList,
  newListId,
  readLists,
  saveList,
  setActiveList,
  summaries,
  kindOf,
  type ListKind,
  type ListSummary,
  type StoreProblem,
  type StoredList,
} from './imported-store.ts';

/** A list's default name: the file's name without its extension ("园区名单.xlsx · 2022年" → "园区名单 · 2022年"). */
export function listNameOf(filename: string): string {
  return filename.replace(/\.(xlsx|xls|csv|tsv|txt|geojson|json)(?=( · |$))/i, '').trim() || filename;
}

export class ImportedLists {
  // raw, not deep proxies: a list is replaced whole, never changed in place, and IndexedDB's
  // structured clone refuses proxies (a rename failed as "storage blocked" before this)
  lists: StoredList[] = $state.raw([]);
  /** The shown park list and enterprise list, by id: a list itself lives once, in `lists`. */
  activeId: string | null = $state(null);
  enterprisesId: string | null = $state(null);
  problem: StoreProblem | null = $state(null);

  get active(): StoredList | null {
    return this.lists.find((l) => l.id === this.activeId) ?? null;
  }

  get parks(): ImportedPark[] {
    return this.active?.parks ?? [];
  }

  get activeEnterprises(): StoredList | null {
    return this.lists.find((l) => l.id === this.enterprisesId) ?? null;
  }

  get enterprises(): ImportedEnterprise[] {
    return this.activeEnterprises?.enterprises ?? [];
  }

  get summaries(): ListSummary[] {
    return summaries(this.lists);
  }

  async load(): Promise<void> {
    const read = await readLists();
    this.lists = read.lists;
    this.activeId = read.active?.id ?? null;
    this.enterprisesId = read.activeEnterprises?.id ?? null;
    this.problem = read.problem;
  }

  /**
   * Keeps a newly read list: a new list, or (`replaces`) the same input read again in another
   * coordinate system or sheet. Shown at once; saved if the browser lets it.
   */
  async keep(parks: ImportedPark[], source: string, coordinates: CoordinateSystem, replaces: string | null): Promise<string> {
    const now = new Date().toISOString();
    const previous = replaces ? this.lists.find((l) => l.id === replaces) : undefined;
    const list: StoredList = previous
      ? { ...previous, parks, coordinates, source, updated: now }
      : { id: newListId(), name: listNameOf(source), created: now, updated: now, source, coordinates, parks };
    this.lists = [list, ...this.lists.filter((l) => l.id !== list.id)];
    this.activeId = list.id;
    this.problem = await saveList(list);
    return list.id;
  }

  /**
   * Keeps a newly read enterprise list (or, `replaces`, the same input read again), shown at once
   * beside the shown park list; saved if the browser lets it.
   */
  async keepEnterprises(
    enterprises: ImportedEnterprise[],
    source: string,
    coordinates: CoordinateSystem,
    replaces: string | null,
  ): Promise<string> {
    const now = new Date().toISOString();
    const previous = replaces ? this.lists.find((l) => l.id === replaces && kindOf(l) === 'enterprises') : undefined;
    const list: StoredList = previous
      ? { ...previous, enterprises, coordinates, source, updated: now }
      : {
          id: newListId(),
          name: listNameOf(source),
          created: now,
          updated: now,
          source,
          coordinates,
          parks: [],
          kind: 'enterprises',
          enterprises,
        };
    this.lists = [list, ...this.lists.filter((l) => l.id !== list.id)];
    this.enterprisesId = list.id;
    this.problem = await saveList(list);
    return list.id;
  }

  async show(id: string | null, kind: ListKind = 'parks'): Promise<void> {
    if (kind === 'enterprises') this.enterprisesId = id;
    else this.activeId = id;
    this.problem = await setActiveList(id, kind);
  }

  async rename(id: string, name: string): Promise<void> {
    const list = this.lists.find((l) => l.id === id);
    const trimmed = name.trim().slice(0, 120);
    if (!list || !trimmed) return;
    const renamed = { ...list, name: trimmed };
    this.lists = this.lists.map((l) => (l.id === id ? renamed : l));
    this.problem = await saveList(renamed);
  }

  async remove(id: string): Promise<void> {
    this.problem = await deleteList(id);
    if (this.problem) return;
    this.lists = this.lists.filter((l) => l.id !== id);
    if (this.activeId === id) this.activeId = null;
    if (this.enterprisesId === id) this.enterprisesId = null;
  }
}
