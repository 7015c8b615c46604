/**
 * The URL codecs under 10,000 generated links each: none throws, every state they return is valid,
 * a link holding anything wrong (a bad value, an unknown key, a repeat, a point and a district at
 * once, too many units) is reported and a clean one is not, and what a page writes back reads again
 * to the same link with nothing to report.
 */
import { describe, expect, it } from 'vitest';
import { fuzzCase, rng, type FuzzContext, type FuzzPage } from '../support/url-fuzz.ts';
import {
  decodeLanguageOnly,
  decodeViewState,
  viewStateQuery,
  VIEW_LIMITS,
  encodeLanguageOnly,
  type ViewState,
} from '../../src/lib/url/view-state.ts';
import { decodeFinder, encodeFinder, RADIUS_LIMITS, type FinderState } from '../../src/lib/url/finder-state.ts';
import { decodeCompare, encodeCompare } from '../../src/lib/url/compare-state.ts';
import { DISTRICT_CODES } from '../../src/lib/districts.ts';
import { PLAN_LAYERS } from '../../src/lib/layers/registry.ts';
import { INDUSTRY_IDS } from '../../src/lib/plan/vocabulary.ts';
import { ACCESS_LIMITS_KM } from '../../src/lib/plan/site-finder.ts';
import { MAX_COMPARED } from '../../src/lib/plan/compare.ts';

const CASES = 10_000;
const context: FuzzContext = {
  districtCodes: [...DISTRICT_CODES],
  featureIds: ['robot-park', 'nt-jiading', 'ic-design-park', 'lingang'],
  segmentIds: ['AUTO.nev', 'IC.design', 'BIO.innovative-drugs'],
  withinIds: ['belt-huxi', 'belt-yanwan', 'nt-jiading', 'lingang'],
  candidateIds: ['robot-park', 'nt-jiading'],
  unitIds: ['belt-yanjiang', 'belt-yanwan', 'belt-huxi', 'lingang', 'nt-jiading', 'nt-songjiang', 'nt-qingpu', 'nt-fengxian'],
};
const sets = {
  districtCodes: new Set(context.districtCodes),
  featureIds: new Set(context.featureIds),
  segmentIds: new Set(context.segmentIds),
  withinIds: new Set(context.withinIds),
  candidateIds: new Set(context.candidateIds),
};

const inRange = (x: number, [lo, hi]: readonly [number, number]) => Number.isFinite(x) && x >= lo && x <= hi;
const ordered = <T>(xs: readonly T[], order: readonly T[]) =>
  xs.every((x, i) => order.includes(x) && (i === 0 || order.indexOf(xs[i - 1]!) < order.indexOf(x)));

function validView(s: ViewState): boolean {
  return (
    (s.language === 'zh' || s.language === 'en') &&
    (s.district === null || sets.districtCodes.has(s.district)) &&
    (s.feature === null || sets.featureIds.has(s.feature)) &&
    ordered(
      s.layers,
      PLAN_LAYERS.map((l) => l.id),
    ) &&
    ordered(s.industries, INDUSTRY_IDS) &&
    (s.view === null ||
      (inRange(s.view.center[0], VIEW_LIMITS.lon) &&
        inRange(s.view.center[1], VIEW_LIMITS.lat) &&
        inRange(s.view.zoom, VIEW_LIMITS.zoom) &&
        inRange(s.view.pitch, VIEW_LIMITS.pitch) &&
        inRange(s.view.bearing, [-180, 180]))) &&
    ['map', 'list'].includes(s.mode) &&
    ['off', '2d', '3d'].includes(s.density)
  );
}

function validFinder(s: FinderState): boolean {
  return (
    ordered(s.industries, INDUSTRY_IDS) &&
    s.segments.every((x) => sets.segmentIds.has(x)) &&
    (s.minAreaKm2 === null || inRange(s.minAreaKm2, [Number.MIN_VALUE, 1000])) &&
    (s.at === null || (inRange(s.at[0], VIEW_LIMITS.lon) && inRange(s.at[1], VIEW_LIMITS.lat))) &&
    !(s.at && s.district) &&
    (s.district === null || sets.districtCodes.has(s.district)) &&
    inRange(s.radiusKm, RADIUS_LIMITS) &&
    (s.within === null || sets.withinIds.has(s.within)) &&
    (s.metroKm === null || inRange(s.metroKm, ACCESS_LIMITS_KM)) &&
    (s.roadKm === null || inRange(s.roadKm, ACCESS_LIMITS_KM)) &&
    (s.selected === null || sets.candidateIds.has(s.selected))
  );
}

interface Codec {
  decode(q: URLSearchParams): { state: unknown; dropped: unknown[] };
  encode(state: never): string;
  valid(state: never): boolean;
}

const CODECS: Record<FuzzPage, Codec> = {
  map: { decode: (q) => decodeViewState(q, sets), encode: viewStateQuery, valid: validView },
  finder: { decode: (q) => decodeFinder(q, sets), encode: encodeFinder, valid: validFinder },
  compare: {
    decode: (q) => decodeCompare(q, new Set(context.unitIds)),
    encode: encodeCompare,
    valid: (s: { units: string[] }) =>
      s.units.length <= MAX_COMPARED && s.units.every((u) => context.unitIds.includes(u)) && new Set(s.units).size === s.units.length,
  },
  language: {
    decode: decodeLanguageOnly,
    encode: encodeLanguageOnly,
    valid: (s: { language: string }) => ['zh', 'en'].includes(s.language),
  },
};

describe('URL codecs under 10,000 generated links each', () => {
  for (const page of Object.keys(CODECS) as FuzzPage[]) {
    it(`${page}: never throws, always a valid state, reports exactly the links with something wrong, and writes links that read back clean`, () => {
      const codec = CODECS[page];
      const r = rng(0x5eed + page.length);
      let reported = 0;
      for (let i = 0; i < CASES; i++) {
        const c = fuzzCase(page, context, r);
        const where = `case ${i}: ?${c.query}`;
        const { state, dropped } = codec.decode(new URLSearchParams(c.query));
        expect(codec.valid(state as never), where).toBe(true);
        expect((state as { language: string }).language, where).toBe(c.language);
        expect(dropped.length > 0, `${where} → ${JSON.stringify(dropped)}`).toBe(c.reportable);
        if (c.reportable) reported++;
        const written = codec.encode(state as never);
        const again = codec.decode(new URLSearchParams(written));
        expect(again.dropped, `${where} → ?${written}`).toEqual([]);
        expect(codec.encode(again.state as never), where).toBe(written);
      }
      // both kinds were generated in numbers
      expect(reported).toBeGreaterThan(CASES * 0.1);
      expect(reported).toBeLessThan(CASES * 0.9);
    });
  }
});
