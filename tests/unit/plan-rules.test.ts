import { describe, expect, it } from 'vitest';
import { layersWith, linkMatches, matchesIndustries, reachedIndustries, zoomForFeature } from '../../src/lib/plan/rules.ts';
import type { Industry, IndustryId } from '../../src/lib/plan/model.ts';

const seg = (id: string, same_as?: IndustryId) => ({
  id,
  name: { zh: id, en: id },
  kind: 'manufacturing' as const,
  targets: [],
  cite: [],
  ...(same_as ? { same_as } : {}),
});
const industry = (id: IndustryId, segments: ReturnType<typeof seg>[] = []): Industry =>
  ({ id, name: { zh: id, en: id }, group: 'key', colour: '#000000', segments, targets: [], cite: [] }) as unknown as Industry;
const industries: Industry[] = [
  industry('IC'),
  industry('BIO'),
  industry('EI', [seg('EI.ic', 'IC'), seg('EI.display')]),
  industry('LH', [seg('LH.biomedicine', 'BIO'), seg('LH.devices')]),
  industry('AUTO', [seg('AUTO.nev')]),
];
const S = (...ids: IndustryId[]) => new Set(ids);

describe('industry filter', () => {
  it('passes every feature when nothing is selected', () => {
    expect(matchesIndustries([], S(), industries)).toBe(true);
    expect(matchesIndustries([{ industry: 'AUTO' }], S(), industries)).toBe(true);
  });

  it('matches a feature linked to a selected industry, and not one linked elsewhere', () => {
    expect(matchesIndustries([{ industry: 'AUTO', segment: 'AUTO.nev' }], S('AUTO'), industries)).toBe(true);
    expect(matchesIndustries([{ industry: 'AUTO' }], S('IC'), industries)).toBe(false);
    expect(matchesIndustries([], S('IC'), industries)).toBe(false);
  });

  it('honours 集成电路 ⊂ 电子信息: choosing 电子信息 reaches 集成电路 features', () => {
    expect(linkMatches({ industry: 'IC' }, S('EI'), industries)).toBe(true);
    expect(linkMatches({ industry: 'IC' }, S('LH'), industries)).toBe(false);
  });

  it('honours it the other way: choosing 集成电路 reaches a 电子信息 link whose segment is 集成电路, not other segments', () => {
    expect(linkMatches({ industry: 'EI', segment: 'EI.ic' }, S('IC'), industries)).toBe(true);
    expect(linkMatches({ industry: 'EI', segment: 'EI.display' }, S('IC'), industries)).toBe(false);
    expect(linkMatches({ industry: 'EI' }, S('IC'), industries)).toBe(false);
  });

  it('honours 生物医药 ⊂ 生命健康 in both directions', () => {
    expect(linkMatches({ industry: 'BIO' }, S('LH'), industries)).toBe(true);
    expect(linkMatches({ industry: 'LH', segment: 'LH.biomedicine' }, S('BIO'), industries)).toBe(true);
    expect(linkMatches({ industry: 'LH', segment: 'LH.devices' }, S('BIO'), industries)).toBe(false);
  });

  it('lists the industries a feature reaches, parents included', () => {
    expect(reachedIndustries([{ industry: 'IC' }], industries).sort()).toEqual(['EI', 'IC']);
    expect(reachedIndustries([{ industry: 'LH', segment: 'LH.biomedicine' }], industries).sort()).toEqual(['BIO', 'LH']);
    expect(reachedIndustries([{ industry: 'AUTO' }], industries)).toEqual(['AUTO']);
  });
});

describe('choosing a search result', () => {
  it('zooms out for a belt or the pole, to 10 for a large area, close in for a park', () => {
    expect(zoomForFeature('belt', null)).toBe(9);
    expect(zoomForFeature('new-town', 159.5)).toBe(10);
    expect(zoomForFeature('featured-park', 5.45)).toBe(12);
    expect(zoomForFeature('featured-park', null)).toBe(12);
  });

  it("turns the feature's layer on and keeps the others, in registry order", () => {
    const order = ['belts', 'pole', 'new-towns', 'featured-parks'];
    expect(layersWith(['pole'], 'featured-parks', order)).toEqual(['pole', 'featured-parks']);
    expect(layersWith(['featured-parks', 'belts'], 'featured-parks', order)).toEqual(['featured-parks', 'belts']);
    expect(layersWith([], undefined, order)).toEqual([]);
  });
});
