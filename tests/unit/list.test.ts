import { describe, expect, it } from 'vitest';
import { sortRows, visibleFeatures } from '../../src/lib/plan/list.ts';
import type { FeatureIndexEntry } from '../../src/lib/plan/feature-index.ts';
import { INDUSTRY_IDS } from '../../src/lib/plan/vocabulary.ts';

const f = (
  id: string,
  zh: string,
  en: string,
  kind: FeatureIndexEntry['kind'],
  districts: string[],
  industries: FeatureIndexEntry['industries'],
  area: number | null,
): FeatureIndexEntry => ({
  id,
  kind,
  name: { zh, en },
  aliases: [],
  districts,
  industries,
  reach: industries,
  precision: 'approximate',
  drawn: true,
  labelPoint: [121.5, 31.2],
  areaKm2: area,
  batch: null,
  density: null,
  access: null,
});
const rows = [
  f('robot', '上海机器人产业园', 'Robot Park', 'featured-park', ['310113'], ['HEE'], 3.09),
  f('xingang', '东方芯港', 'Oriental Chip Port', 'featured-park', ['310115'], ['IC'], 5.45),
  f('valley', '东方美谷', 'Oriental Beauty Valley', 'featured-park', ['310120'], ['FASHION', 'BIO'], null),
  f('chem', '电子化学品专区', 'Electronic chemicals zone', 'featured-park', [], ['IC', 'MAT'], null),
  f('jd', '嘉定新城', 'Jiading New Town', 'new-town', ['310114'], ['AUTO'], 159.5),
];

describe('list view rows', () => {
  it('holds what the map draws: visible layers and chosen industries', () => {
    expect(visibleFeatures(rows, ['featured-parks'], []).map((r) => r.id)).toEqual(['robot', 'xingang', 'valley', 'chem']);
    expect(visibleFeatures(rows, ['featured-parks', 'new-towns'], ['IC']).map((r) => r.id)).toEqual(['xingang', 'chem']);
    expect(visibleFeatures(rows, [], [])).toEqual([]);
  });

  it('sorts by name in pinyin order for Chinese and alphabetically for English', () => {
    expect(sortRows(rows, { key: 'name', descending: false }, 'zh', INDUSTRY_IDS).map((r) => r.id)).toEqual([
      'chem',
      'valley',
      'xingang',
      'jd',
      'robot',
    ]);
    expect(sortRows(rows, { key: 'name', descending: false }, 'en', INDUSTRY_IDS).map((r) => r.id)).toEqual([
      'chem',
      'jd',
      'valley',
      'xingang',
      'robot',
    ]);
  });

  it('sorts by area with "no data" last in both directions', () => {
    expect(sortRows(rows, { key: 'area', descending: false }, 'zh', INDUSTRY_IDS).map((r) => r.id)).toEqual([
      'robot',
      'xingang',
      'jd',
      'chem',
      'valley',
    ]);
    expect(sortRows(rows, { key: 'area', descending: true }, 'zh', INDUSTRY_IDS).map((r) => r.id)).toEqual([
      'jd',
      'xingang',
      'robot',
      'chem',
      'valley',
    ]);
  });

  it('sorts by distance to the nearest station or expressway, nearest first, "not computed" last', () => {
    const near = (station: number | null, road: number | null) => ({
      station: station === null ? null : { name: { zh: '站', en: 'Station' }, km: station },
      road: road === null ? null : { name: { zh: '路', en: 'Road' }, km: road },
      uncertaintyKm: 2,
    });
    const placed = [
      { ...rows[0]!, access: near(3.2, 0.4) },
      { ...rows[1]!, access: near(0.6, 4.2) },
      { ...rows[2]!, access: null },
      { ...rows[3]!, access: near(10.7, 2) },
    ];
    expect(sortRows(placed, { key: 'station', descending: false }, 'zh', INDUSTRY_IDS).map((r) => r.id)).toEqual([
      'xingang',
      'robot',
      'chem',
      'valley',
    ]);
    expect(sortRows(placed, { key: 'station', descending: true }, 'zh', INDUSTRY_IDS).map((r) => r.id)).toEqual([
      'chem',
      'robot',
      'xingang',
      'valley',
    ]);
    expect(sortRows(placed, { key: 'road', descending: false }, 'zh', INDUSTRY_IDS).map((r) => r.id)).toEqual([
      'robot',
      'chem',
      'xingang',
      'valley',
    ]);
  });

  it('sorts by output density with "no data" last in both directions (never as zero)', () => {
    const dense = [
      { ...rows[0]!, density: { value: 80.9, tier: 'above' as const, planned: false, year: 2022 } },
      { ...rows[1]!, density: null },
      { ...rows[4]!, density: { value: 20.2, tier: 'below' as const, planned: true, year: 2025 } },
    ];
    expect(sortRows(dense, { key: 'density', descending: false }, 'zh', INDUSTRY_IDS).map((r) => r.id)).toEqual(['jd', 'robot', 'xingang']);
    expect(sortRows(dense, { key: 'density', descending: true }, 'zh', INDUSTRY_IDS).map((r) => r.id)).toEqual(['robot', 'jd', 'xingang']);
  });

  it('sorts by 3+6 order of the first industry, and by district name', () => {
    expect(sortRows(rows, { key: 'industry', descending: false }, 'zh', INDUSTRY_IDS).map((r) => r.id)).toEqual([
      'chem',
      'xingang',
      'valley',
      'jd',
      'robot',
    ]);
    expect(sortRows(rows, { key: 'district', descending: false }, 'en', INDUSTRY_IDS).map((r) => r.id)).toEqual([
      'robot',
      'valley',
      'jd',
      'xingang',
      'chem',
    ]);
  });
});
