import { describe, expect, it } from 'vitest';
import { decodeViewState, encodeViewState, DEFAULT_VIEW_STATE, type ViewState } from '../../src/lib/url/view-state.ts';
import { DISTRICT_CODES, DISTRICTS } from '../../src/lib/districts.ts';

const context = { districtCodes: DISTRICT_CODES };
const decode = (query: string) => decodeViewState(new URLSearchParams(query), context);

describe('URL view state codec', () => {
  it('gives the default view for an empty query, with a clean URL', () => {
    expect(decode('')).toEqual({ state: DEFAULT_VIEW_STATE, dropped: [] });
    expect(encodeViewState(DEFAULT_VIEW_STATE).toString()).toBe('');
  });

  it('round-trips every language and district', () => {
    for (const language of ['zh', 'en'] as const) {
      for (const district of [null, ...DISTRICTS.map((d) => d.code)]) {
        const state: ViewState = { language, district };
        expect(decode(encodeViewState(state).toString())).toEqual({ state, dropped: [] });
      }
    }
  });

  it('drops unknown languages, unknown districts and unknown parameters, saying why', () => {
    const { state, dropped } = decode('lang=fr&d=999999&zoom=3');
    expect(state).toEqual(DEFAULT_VIEW_STATE);
    expect(dropped.map((d) => d.param).sort()).toEqual(['d', 'lang', 'zoom']);
    expect(dropped.every((d) => d.reason.length > 0)).toBe(true);
  });

  it('keeps the valid parts of a partly malformed query', () => {
    const { state, dropped } = decode('lang=en&d=%E2%80%AE');
    expect(state.language).toBe('en');
    expect(state.district).toBeNull();
    expect(dropped).toHaveLength(1);
  });

  it('never throws and always yields a valid state for random queries (fuzz)', () => {
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const alphabet = 'ld=&?%#en zh3101511<>"\'\u0000\uD800浦东';
    for (let i = 0; i < 2000; i++) {
      const len = Math.floor(rand() * 40);
      let q = '';
      for (let j = 0; j < len; j++) q += alphabet[Math.floor(rand() * alphabet.length)];
      const { state } = decode(q);
      expect(['zh', 'en']).toContain(state.language);
      expect(state.district === null || DISTRICT_CODES.has(state.district)).toBe(true);
      expect(decode(encodeViewState(state).toString()).state).toEqual(state);
    }
  });
});
