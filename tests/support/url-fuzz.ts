/**
 * Generated URL states for the pages' codecs: each query is built from parameters that are valid or
 * deliberately not (wrong values, out of range, unknown keys, repeats), and says whether it holds
 * anything the page must report. Seeded, so a failure names a case that can be replayed. Used by the
 * unit fuzz (10,000 per codec) and the browser run through the real pages.
 */
import { INDUSTRY_IDS } from '../../src/lib/plan/vocabulary.ts';
import { PLAN_LAYERS } from '../../src/lib/layers/registry.ts';
import { VIEW_LIMITS } from '../../src/lib/url/view-state.ts';
import { ACCESS_LIMITS_KM } from '../../src/lib/plan/site-finder.ts';
import { RADIUS_LIMITS } from '../../src/lib/url/finder-state.ts';
import { MAX_COMPARED } from '../../src/lib/plan/compare.ts';

/** mulberry32: small, fast, seeded. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(r: Random, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const between = (r: Random, lo: number, hi: number, digits = 4) => Number((lo + r() * (hi - lo)).toFixed(digits));
const some = <T>(r: Random, xs: readonly T[], max = 3): T[] => Array.from({ length: 1 + Math.floor(r() * max) }, () => pick(r, xs));

/** Values no parameter of these pages accepts. */
const JUNK = [
  '',
  ' ',
  'null',
  'undefined',
  'NaN',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '汽车',
  '%',
  '../../etc/passwd',
  'x'.repeat(600),
  '🙂',
  '\u0000',
  'true',
];
const NOT_A_NUMBER = ['', ' ', 'abc', 'NaN', 'Infinity', '-Infinity', '1e309', '2,3', '0x', '一'];

interface ParamSpec {
  key: string;
  valid(r: Random): string;
  invalid(r: Random): string;
}

export interface FuzzContext {
  districtCodes: readonly string[];
  featureIds: readonly string[];
  segmentIds: readonly string[];
  withinIds: readonly string[];
  candidateIds: readonly string[];
  unitIds: readonly string[];
}

const unknownToken = (r: Random) => pick(r, ['auto', 'ic ', 'X', 'belts2', '3+6', '汽车', 'none-of-these', '<b>']);
/** A comma list with at least one token that is not an id (the others may be). */
const listWithUnknown = (r: Random, ids: readonly string[]) => {
  const parts = [...some(r, ids, 2), unknownToken(r)];
  return parts.sort(() => r() - 0.5).join(',');
};
const number = (r: Random, [lo, hi]: readonly [number, number]) => String(between(r, lo, hi, 2));
const outOfRange = (r: Random, [lo, hi]: readonly [number, number]) =>
  pick(r, [String(lo - 0.01 - r() * 5), String(hi + 0.01 + r() * 50), pick(r, NOT_A_NUMBER)]);

function lang(): ParamSpec {
  return { key: 'lang', valid: (r) => pick(r, ['zh', 'en']), invalid: (r) => pick(r, ['fr', 'EN', 'zh-CN', ...JUNK]) };
}

function viewSpecs(c: FuzzContext): ParamSpec[] {
  const layerIds = PLAN_LAYERS.map((l) => l.id);
  return [
    lang(),
    { key: 'd', valid: (r) => pick(r, c.districtCodes), invalid: (r) => pick(r, ['310000', '999999', '31011', ...JUNK]) },
    { key: 'sel', valid: (r) => pick(r, c.featureIds), invalid: (r) => pick(r, ['atlantis', 'robot_park', ...JUNK]) },
    {
      key: 'layers',
      valid: (r) => (r() < 0.15 ? 'none' : some(r, layerIds, 4).join(',')),
      invalid: (r) => listWithUnknown(r, layerIds),
    },
    { key: 'ind', valid: (r) => some(r, INDUSTRY_IDS, 4).join(','), invalid: (r) => listWithUnknown(r, INDUSTRY_IDS) },
    {
      key: 'v',
      valid: (r) => {
        const parts = [between(r, ...VIEW_LIMITS.lon), between(r, ...VIEW_LIMITS.lat), between(r, ...VIEW_LIMITS.zoom, 2)];
        if (r() < 0.3) parts.push(between(r, -720, 720, 1), between(r, ...VIEW_LIMITS.pitch, 1));
        return parts.join(',');
      },
      invalid: (r) =>
        pick(r, [
          `${between(r, 0, 119)},31.2,9`,
          `121.4,${between(r, 33, 90)},9`,
          `121.4,31.2,${between(r, 16, 30)}`,
          `121.4,31.2,9,0,${between(r, 86, 180)}`,
          '121.4,31.2',
          '121.4,31.2,9,0,0,1',
          '121.4,,9',
          `121.4,31.2,9,${pick(
            r,
            NOT_A_NUMBER.filter((x) => x.trim() !== '' && !x.includes(',')),
          )}`,
          pick(r, JUNK),
        ]),
    },
    { key: 'mode', valid: (r) => pick(r, ['map', 'list']), invalid: (r) => pick(r, ['List', 'table', ...JUNK]) },
    { key: 'density', valid: (r) => pick(r, ['off', '2d', '3d']), invalid: (r) => pick(r, ['4d', '2D', 'on', ...JUNK]) },
  ];
}

function finderSpecs(c: FuzzContext): ParamSpec[] {
  return [
    lang(),
    { key: 'ind', valid: (r) => some(r, INDUSTRY_IDS, 3).join(','), invalid: (r) => listWithUnknown(r, INDUSTRY_IDS) },
    { key: 'seg', valid: (r) => some(r, c.segmentIds, 2).join(','), invalid: (r) => listWithUnknown(r, c.segmentIds) },
    { key: 'min', valid: (r) => number(r, [0.1, 1000]), invalid: (r) => outOfRange(r, [0.0001, 1000]) },
    {
      key: 'at',
      valid: (r) => `${between(r, ...VIEW_LIMITS.lon)},${between(r, ...VIEW_LIMITS.lat)}`,
      invalid: (r) => pick(r, ['121.4', '121.4,31.2,3', `${between(r, 0, 119)},31.2`, '121.4,', pick(r, JUNK)]),
    },
    { key: 'r', valid: (r) => number(r, RADIUS_LIMITS), invalid: (r) => outOfRange(r, RADIUS_LIMITS) },
    { key: 'in', valid: (r) => pick(r, c.withinIds), invalid: (r) => pick(r, ['belt-nowhere', ...JUNK]) },
    { key: 'metro', valid: (r) => number(r, ACCESS_LIMITS_KM), invalid: (r) => outOfRange(r, ACCESS_LIMITS_KM) },
    { key: 'road', valid: (r) => number(r, ACCESS_LIMITS_KM), invalid: (r) => outOfRange(r, ACCESS_LIMITS_KM) },
    { key: 'sel', valid: (r) => pick(r, c.candidateIds), invalid: (r) => pick(r, ['atlantis', ...JUNK]) },
    // a district and a point together: the point wins and the district is reported (see below)
    { key: 'd', valid: (r) => pick(r, c.districtCodes), invalid: (r) => pick(r, ['310000', ...JUNK]) },
  ];
}

function compareSpecs(c: FuzzContext): ParamSpec[] {
  return [
    lang(),
    {
      key: 'units',
      valid: (r) => some(r, c.unitIds, MAX_COMPARED).join(','),
      invalid: (r) => (r() < 0.3 ? c.unitIds.slice(0, MAX_COMPARED + 1).join(',') : listWithUnknown(r, c.unitIds)),
    },
  ];
}

export type FuzzPage = 'map' | 'finder' | 'compare' | 'language';

export interface FuzzCase {
  query: string;
  /** Whether the query holds something the page must report (an invalid value, an unknown key, a repeat). */
  reportable: boolean;
  /** The language the page must show. */
  language: 'zh' | 'en';
}

/** One generated query for a page's codec. */
export function fuzzCase(page: FuzzPage, c: FuzzContext, r: Random): FuzzCase {
  const specs = page === 'map' ? viewSpecs(c) : page === 'finder' ? finderSpecs(c) : page === 'compare' ? compareSpecs(c) : [lang()];
  const pairs: [string, string][] = [];
  let reportable = false;
  let language: 'zh' | 'en' = 'zh';
  for (const spec of specs) {
    if (r() < 0.45) continue;
    const valid = r() < 0.75;
    const value = valid ? spec.valid(r) : spec.invalid(r);
    pairs.push([spec.key, value]);
    if (!valid) reportable = true;
    if (spec.key === 'lang' && valid) language = value as 'zh' | 'en';
  }
  if (page === 'finder' && pairs.some(([k]) => k === 'at') && pairs.some(([k]) => k === 'd')) reportable = true;
  if (page === 'compare') {
    // more distinct valid units than can be compared is reported too
    const units = pairs.find(([k]) => k === 'units')?.[1].split(',') ?? [];
    if (new Set(units.filter((u) => c.unitIds.includes(u))).size > MAX_COMPARED) reportable = true;
  }
  if (page !== 'language' && r() < 0.1) {
    pairs.push([pick(r, ['utm_source', 'x', 'zoom', 'LANG', '']), pick(r, JUNK)]);
    reportable = true;
  }
  pairs.sort(() => r() - 0.5);
  // a repeated key, after the first (which is the one read)
  if (pairs.length && r() < 0.08) {
    const [key] = pick(r, pairs);
    pairs.push([key, pick(r, JUNK)]);
    reportable = true;
  }
  return { query: new URLSearchParams(pairs).toString(), reportable, language };
}
