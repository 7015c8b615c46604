import { describe, expect, it } from 'vitest';
import {
  DENSITY_TARGET,
  DENSITY_TIERS,
  areaInKm2,
  densityOf,
  densityTally,
  densityTier,
  featureDensities,
  outputIn100m,
  parkScaleTier,
  primaryDensity,
} from '../../src/lib/plan/density.ts';
import { Figure, PlanFeature } from '../../src/lib/plan/model.ts';

const cite = [{ type: 'plan' as const, doc: '001' as const, lines: [1, 2] as [number, number] }];
const fig = (over: Partial<Figure>): Figure => ({
  id: 'f',
  label: { zh: '产值', en: 'Output' },
  value: 100,
  unit: '亿元',
  year: 2022,
  kind: 'published',
  measure: 'output',
  cite,
  ...over,
});
const area = (value: number | null, unit = 'km²', land_basis?: 'whole-area' | 'industrial-land' | 'zone-area'): Figure =>
  fig({ id: 'a', value, unit, measure: undefined, ...(land_basis ? { land_basis } : {}), label: { zh: '面积', en: 'Area' } });

describe('output density = output ÷ area (亿元/km²)', () => {
  it('divides and rounds to one decimal', () => {
    const r = densityOf(fig({ value: 250 }), area(3.09));
    expect(r).toMatchObject({ status: 'ok', density: { value: 80.9, tier: 'above', year: 2022, planned: false, basis: 'whole-area' } });
  });

  it('converts units: 万元 and 万亿元 outputs, 亩 and 公顷 areas', () => {
    expect(outputIn100m(25_000, '万元')).toBeCloseTo(2.5);
    expect(outputIn100m(1, '万亿元')).toBe(10_000);
    expect(areaInKm2(1500, '亩')).toBeCloseTo(1);
    expect(areaInKm2(250, '公顷')).toBeCloseTo(2.5);
    const r = densityOf(fig({ value: 1_600_000, unit: '万元' }), area(3000, '亩'));
    expect(r.status === 'ok' && r.density.value).toBe(80);
  });

  it('refuses an area of zero (or less) instead of dividing by it', () => {
    expect(densityOf(fig({}), area(0))).toEqual({ status: 'no-data', reason: 'zero-area' });
    expect(densityOf(fig({}), area(-2))).toEqual({ status: 'no-data', reason: 'zero-area' });
  });

  it('gives "no data", never zero, for a missing output or area, or a unit it cannot read', () => {
    expect(densityOf(fig({ value: null, text_zh: '倍增' }), area(2))).toEqual({ status: 'no-data', reason: 'no-output' });
    expect(densityOf(fig({}), area(null))).toEqual({ status: 'no-data', reason: 'no-area' });
    expect(densityOf(fig({ unit: '家' }), area(2))).toEqual({ status: 'no-data', reason: 'unit' });
    expect(featureDensities({ figures: [], area: area(2) })).toEqual([{ status: 'no-data', reason: 'no-output' }]);
    expect(featureDensities({ figures: [fig({})] })).toEqual([{ status: 'no-data', reason: 'no-area' }]);
  });

  it('uses only figures that are the feature’s own output (a district-wide chain does not count)', () => {
    const chain = fig({ measure: undefined, value: 500 });
    expect(primaryDensity({ figures: [chain], area: area(2.15) })).toEqual({ status: 'no-data', reason: 'no-output' });
  });

  it('keeps the vintage and says when a density is planned (from a target) rather than achieved', () => {
    const r = densityOf(fig({ value: 500, year: 2025, kind: 'target' }), area(24.7));
    expect(r).toMatchObject({ status: 'ok', density: { value: 20.2, year: 2025, planned: true } });
  });

  it('states the area basis: a park’s whole area unless the figure is supplied industrial land', () => {
    const r = densityOf(fig({}), area(2, 'km²', 'industrial-land'));
    expect(r.status === 'ok' && r.density.basis).toBe('industrial-land');
  });

  it('keeps a density over a whole zone with its value and basis, but never sets it against the park target', () => {
    // 临港新片区 2021: 2550 亿元 over 873 km² (islands and non-industrial land included) = 2.9
    const r = densityOf(fig({ value: 2550, year: 2021 }), area(873, 'km²', 'zone-area'));
    expect(r).toMatchObject({ status: 'ok', density: { value: 2.9, tier: 'not-comparable', basis: 'zone-area', year: 2021 } });
    // the same figures over a park's area would be "well below"
    expect(densityOf(fig({ value: 2550 }), area(873)).status === 'ok' && densityOf(fig({ value: 2550 }), area(873))).toMatchObject({
      density: { tier: 'below' },
    });
  });

  it('shows the newest achieved density first, then the nearest target', () => {
    const a = fig({ id: 'a2021', value: 2550, year: 2021 });
    const t2025 = fig({ id: 't2025', value: 5000, year: 2025, kind: 'target' });
    const t2035 = fig({ id: 't2035', value: 9000, year: 2035, kind: 'target' });
    const all = featureDensities({ figures: [t2035, t2025, a], area: area(873) });
    expect(all.map((d) => (d.status === 'ok' ? d.density.output.id : d.reason))).toEqual(['a2021', 't2025', 't2035']);
    expect(primaryDensity({ figures: [t2035, t2025], area: area(873) })).toMatchObject({ density: { year: 2025, planned: true } });
  });
});

describe('tiers against the 2025 target of 80 亿元/km²', () => {
  it('puts the thresholds at 64 (80 % of target) and 80', () => {
    expect(DENSITY_TARGET).toBe(80);
    expect(DENSITY_TIERS.map((t) => [t.id, t.min])).toEqual([
      ['below', 0],
      ['near', 64],
      ['above', 80],
    ]);
    expect(densityTier(63.9)).toBe('below');
    expect(densityTier(64)).toBe('near');
    expect(densityTier(76.7)).toBe('near');
    expect(densityTier(79.9)).toBe('near');
    expect(densityTier(80)).toBe('above');
    expect(densityTier(141)).toBe('above');
  });

  it('tallies no-data apart from the tiers', () => {
    const results = [
      densityOf(fig({ value: 10 }), area(1)),
      densityOf(fig({ value: 70 }), area(1)),
      densityOf(fig({}), area(null)),
      densityOf(fig({ value: 300 }), area(1)),
      densityOf(fig({ value: 2550 }), area(873, 'km²', 'zone-area')),
    ];
    expect(densityTally(results.map((r) => ({ density: r.status === 'ok' ? r.density : null })))).toEqual({
      below: 1,
      near: 1,
      above: 1,
      'not-comparable': 1,
      none: 1,
    });
  });
});

describe('park scale tiers of 001 L1333-1335', () => {
  it('reads 千亿级 from 1000 亿元 and 五百亿级 from 500, planned when the figure is a target', () => {
    expect(parkScaleTier(fig({ value: 2000, kind: 'target', year: 2035 }))).toEqual({ tier: '千亿级', planned: true });
    expect(parkScaleTier(fig({ value: 500 }))).toEqual({ tier: '五百亿级', planned: false });
    expect(parkScaleTier(fig({ value: 499 }))).toBeNull();
    expect(parkScaleTier(fig({ value: 900, measure: undefined }))).toBeNull();
  });
});

describe('the model refuses figures density cannot use', () => {
  it('rejects a zero area and an output in a unit that is not money', () => {
    const base = {
      id: 'x',
      kind: 'featured-park',
      name: { zh: '园', en: 'Park' },
      districts: [],
      industries: [],
      cite,
      precision: { level: 'schematic', basis: { zh: '测试', en: 'test' } },
      geometry: { type: 'none', reason: { zh: '测试', en: 'test' } },
    };
    expect(PlanFeature.safeParse({ ...base, area: area(0) }).success).toBe(false);
    expect(PlanFeature.safeParse({ ...base, area: area(1) }).success).toBe(true);
    expect(Figure.safeParse(fig({ unit: 'km²' })).success).toBe(false);
  });
});
