import { describe, expect, it } from 'vitest';
import { search } from '../../src/lib/plan/search.ts';

const items = [
  {
    id: 'dongfang-xingang',
    name: { zh: '东方芯港', en: 'Oriental Chip Port (Lingang)' },
    aliases: ['临港新片区东方芯港', 'Dongfang Xingang', 'Oriental Chip Port', '芯港'],
  },
  {
    id: 'ic-design-park',
    name: { zh: '上海集成电路设计产业园', en: 'Shanghai IC Design Industrial Park' },
    aliases: ['集成电路设计产业园'],
  },
  { id: 'lingang', name: { zh: '临港新片区', en: 'Lingang Special Area' }, aliases: ['临港'] },
  { id: 'brand-lingang', name: { zh: '临港', en: 'Lingang' }, aliases: [] },
];

describe('search', () => {
  it('finds 东方芯港 by partial Chinese, by its English name and by pinyin, ignoring case and spaces', () => {
    for (const q of ['芯港', '东方芯', 'oriental chip', 'Oriental Chip Port', 'dongfangxingang', 'Dongfang  Xingang']) {
      expect(search(items, q)[0]?.item.id, q).toBe('dongfang-xingang');
    }
  });

  it('ranks an exact name over a prefix over a substring, with stable ties', () => {
    expect(search(items, '临港').map((h) => h.item.id)).toEqual(['brand-lingang', 'lingang', 'dongfang-xingang']);
    expect(search(items, '设计').map((h) => h.item.id)).toEqual(['ic-design-park']);
  });

  it('says which name matched, and returns nothing for an empty or unmatched query', () => {
    expect(search(items, 'Xingang')[0]?.matched).toBe('Dongfang Xingang');
    expect(search(items, '   ')).toEqual([]);
    expect(search(items, '北京')).toEqual([]);
  });

  it('limits the number of results', () => {
    expect(search(items, 'a', 2)).toHaveLength(2);
  });
});
