/**
 * The list view's rows: the features the map would draw (visible layers, chosen industries),
 * sorted by a column. Pure, so the list and the map agree by construction.
 */
import type { FeatureIndexEntry } from './feature-index.ts';
import type { IndustryId } from './model.ts';
import { PLAN_LAYERS } from '../layers/registry.ts';
import { DISTRICTS } from '../districts.ts';

export const SORT_KEYS = ['name', 'district', 'industry', 'area', 'density', 'station', 'road'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface Sort {
  key: SortKey;
  descending: boolean;
}

export function visibleFeatures(
  features: readonly FeatureIndexEntry[],
  layersOn: readonly string[],
  industries: readonly IndustryId[],
): FeatureIndexEntry[] {
  const kinds = new Set(PLAN_LAYERS.filter((l) => layersOn.includes(l.id)).flatMap((l) => [...l.kinds]));
  return features.filter((f) => kinds.has(f.kind) && (industries.length === 0 || f.reach.some((id) => industries.includes(id))));
}

export function sortRows(
  rows: readonly FeatureIndexEntry[],
  sort: Sort,
  language: 'zh' | 'en',
  industryOrder: readonly IndustryId[],
): FeatureIndexEntry[] {
  const collator = new Intl.Collator(language === 'zh' ? 'zh-Hans-CN-u-co-pinyin' : 'en');
  const districtName = (f: FeatureIndexEntry) => {
    const d = DISTRICTS.find((x) => x.code === f.districts[0]);
    return d ? d.name[language] : '';
  };
  const industryRank = (f: FeatureIndexEntry) => Math.min(...f.industries.map((id) => industryOrder.indexOf(id)).filter((i) => i >= 0), 99);
  const compare = (a: FeatureIndexEntry, b: FeatureIndexEntry): number => {
    switch (sort.key) {
      case 'name':
        return collator.compare(a.name[language], b.name[language]);
      case 'district':
        return collator.compare(districtName(a), districtName(b));
      case 'industry':
        return industryRank(a) - industryRank(b);
      case 'area':
        return (a.areaKm2 ?? -1) - (b.areaKm2 ?? -1);
      case 'density':
        return (a.density?.value ?? -1) - (b.density?.value ?? -1);
      case 'station':
        return (a.access?.station?.km ?? -1) - (b.access?.station?.km ?? -1);
      case 'road':
        return (a.access?.road?.km ?? -1) - (b.access?.road?.km ?? -1);
    }
  };
  const out = [...rows].sort((a, b) => {
    // "no data" (empty district, no industry, no area) always sorts last, whichever the direction
    const empty = (f: FeatureIndexEntry) =>
      sort.key === 'area'
        ? f.areaKm2 === null
        : sort.key === 'density'
          ? f.density === null
          : sort.key === 'station'
            ? !f.access?.station
            : sort.key === 'road'
              ? !f.access?.road
              : sort.key === 'district'
                ? f.districts.length === 0
                : sort.key === 'industry'
                  ? f.industries.length === 0
                  : false;
    const emptyA = empty(a);
    const emptyB = empty(b);
    if (emptyA !== emptyB) return emptyA ? 1 : -1;
    const c = compare(a, b);
    return (sort.descending ? -c : c) || a.id.localeCompare(b.id);
  });
  return out;
}
