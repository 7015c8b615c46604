import { describe, expect, it } from 'vitest';
import { coverageTally, publishedSources, countBy } from '../../src/lib/plan/summary.ts';
import { precisionLabel } from '../../src/lib/plan/labels.ts';

describe('data page summaries', () => {
  it('labels precision in both languages, with the radius when there is one', () => {
    expect(precisionLabel({ level: 'schematic', radius_km: 3 }, 'zh')).toBe('示意 (±3 km)');
    expect(precisionLabel({ level: 'approximate', radius_km: null }, 'en')).toBe('approximate');
    expect(precisionLabel(null, 'zh')).toBe('');
  });

  it('tallies coverage by status', () => {
    const row = (status: 'placed' | 'district' | 'citywide' | 'not-placed') => ({
      n: 1,
      name_zh: 'x',
      status,
      feature: null,
      precision: null,
      reason: { zh: '理由', en: 'r' },
    });
    expect(coverageTally([row('placed'), row('placed'), row('not-placed'), row('citywide')])).toEqual({
      placed: 2,
      district: 0,
      citywide: 1,
      'not-placed': 1,
    });
  });

  it('collects each published source once, however often it is cited, sorted by date', () => {
    const a = { type: 'published', title: 'B report', publisher: 'P', date: '2022-10-24' };
    const b = { type: 'published', title: 'A report', publisher: 'P', date: '2020' };
    const plan = { features: [{ cite: [a, { type: 'plan', doc: '001', lines: [1, 2] }] }, { area: { cite: [a, b] } }] };
    expect(publishedSources(plan).map((s) => s.title)).toEqual(['A report', 'B report']);
  });

  it('counts by key', () => {
    expect(countBy(['a', 'b', 'a'], (x) => x)).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
  });
});
