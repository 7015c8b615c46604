/**
 * Imported lists kept in IndexedDB (fake-indexeddb stands in for the browser's here; the browser
 * tests use the real one): several named lists, one shown, renamed and deleted; a corrupted entry
 * dropped, not trusted; a list from an earlier version moved out of localStorage only once it is
 * stored; and a failed write reported without losing what was stored.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createStore, set, clear } from 'idb-keyval';
import {
  activeParks,
  deleteList,
  readLists,
  saveList,
  setActiveList,
  storeProblem,
  type StoredList,
} from '../../src/lib/browser/imported-store.ts';
import { listNameOf } from '../../src/lib/browser/imported-lists.svelte.ts';
import type { ImportedPark } from '../../src/lib/plan/import-parks.ts';

const raw = createStore('shanghai-explorer', 'imported-lists');
const park = (row: number, name: string): ImportedPark => ({
  id: `imported-${row}`,
  row,
  name,
  industries: ['AUTO'],
  category: '',
  areaKm2: 2.5,
  point: [121.17, 31.31],
  locatedBy: 'coordinates',
  district: '310114',
  source: '',
  match: null,
  original: { point: [121.174535, 31.308108], system: 'gcj02' },
  output: { value: 200, unit: '亿元', year: 2022 },
  density: { value: 80, tier: 'above', year: 2022 },
  densityReason: null,
  batch: '第一批',
});
const list = (id: string, name: string, created: string, parks = [park(2, `${name}的园区`)]): StoredList => ({
  id,
  name,
  created,
  updated: created,
  source: `${name}.xlsx`,
  coordinates: 'gcj02',
  parks,
});

class MemoryStorage {
  private map = new Map<string, string>();
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

beforeEach(async () => {
  await clear(raw);
  (globalThis as unknown as { localStorage: MemoryStorage }).localStorage = new MemoryStorage();
});

describe('imported lists in IndexedDB', () => {
  it('keeps several named lists, newest first, and the one shown', async () => {
    expect(await saveList(list('a', '2022年名单', '2026-11-01T00:00:00Z'))).toBeNull();
    expect(await saveList(list('b', '嘉定企业', '2026-11-02T00:00:00Z'))).toBeNull();
    const read = await readLists();
    expect(read.lists.map((l) => l.name)).toEqual(['嘉定企业', '2022年名单']);
    expect(read.active?.id).toBe('b');
    expect(read.lists[0]!.parks[0]).toEqual(park(2, '嘉定企业的园区'));
    await setActiveList('a');
    expect((await activeParks()).map((p) => p.name)).toEqual(['2022年名单的园区']);
    await setActiveList(null);
    expect(await activeParks()).toEqual([]);
  });

  it('deletes a list, and the shown list with it', async () => {
    await saveList(list('a', 'A', '2026-11-01T00:00:00Z'));
    await saveList(list('b', 'B', '2026-11-02T00:00:00Z'));
    expect(await deleteList('b')).toBeNull();
    const read = await readLists();
    expect(read.lists.map((l) => l.id)).toEqual(['a']);
    expect(read.active).toBeNull();
  });

  it('drops a corrupted entry instead of trusting it', async () => {
    await saveList(list('a', 'A', '2026-11-01T00:00:00Z'));
    await set('list:bad', { id: 'bad', name: 'x', parks: [{ id: 'imported-1', name: '<script>' }] }, raw);
    await set('list:worse', 'not a list', raw);
    expect((await readLists()).lists.map((l) => l.id)).toEqual(['a']);
  });

  it('moves a list kept by an earlier version out of localStorage, and only then removes it there', async () => {
    localStorage.setItem('shanghai-explorer.imported-parks.v1', JSON.stringify([park(2, '旧版本的园区')]));
    const read = await readLists();
    expect(read.lists).toHaveLength(1);
    expect(read.active?.parks.map((p) => p.name)).toEqual(['旧版本的园区']);
    expect(localStorage.getItem('shanghai-explorer.imported-parks.v1')).toBeNull();
    // read again: not moved twice
    expect((await readLists()).lists).toHaveLength(1);
  });

  it('reports a failed write (full or refused) and keeps what was stored', async () => {
    await saveList(list('a', 'A', '2026-11-01T00:00:00Z'));
    const unstorable = {
      ...list('b', 'B', '2026-11-02T00:00:00Z'),
      parks: [{ ...park(2, 'x'), extra: () => 0 }] as unknown as ImportedPark[],
    };
    expect(await saveList(unstorable)).toBe('blocked');
    expect((await readLists()).lists.map((l) => l.id)).toEqual(['a']);
    expect(storeProblem(new DOMException('full', 'QuotaExceededError'))).toBe('quota');
    expect(storeProblem(new DOMException('no', 'InvalidStateError'))).toBe('blocked');
  });

  it('names a list after its file', () => {
    expect(listNameOf('园区名单.xlsx · 2022年')).toBe('园区名单 · 2022年');
    expect(listNameOf('catalog.csv')).toBe('catalog');
    expect(listNameOf('粘贴的表格')).toBe('粘贴的表格');
  });
});
