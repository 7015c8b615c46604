import { describe, expect, it } from 'vitest';
import { decodeViewState, encodeViewState, viewStateQuery, DEFAULT_VIEW_STATE, type ViewState } from '../../src/lib/url/view-state.ts';
import { DISTRICT_CODES, DISTRICTS } from '../../src/lib/districts.ts';
import { DEFAULT_LAYERS, PLAN_LAYERS } from '../../src/lib/layers/registry.ts';
import { INDUSTRY_IDS } from '../../src/lib/plan/vocabulary.ts';

const featureIds = new Set(['dongfang-xingang', 'belt-huxi', 'lingang']);
const context = { districtCodes: DISTRICT_CODES, featureIds };
const decode = (query: string) => decodeViewState(new URLSearchParams(query), context);
const state = (over: Partial<ViewState>): ViewState => ({ ...DEFAULT_VIEW_STATE, layers: [...DEFAULT_LAYERS], ...over });

describe('URL view state codec', () => {
  it('gives the default view for an empty query, with a clean URL', () => {
    expect(decode('')).toEqual({ state: DEFAULT_VIEW_STATE, dropped: [] });
    expect(encodeViewState(DEFAULT_VIEW_STATE).toString()).toBe('');
  });

  it('round-trips every language and district', () => {
    for (const language of ['zh', 'en'] as const) {
      for (const district of [null, ...DISTRICTS.map((d) => d.code)]) {
        const s = state({ language, district });
        expect(decode(encodeViewState(s).toString())).toEqual({ state: s, dropped: [] });
      }
    }
  });

  it('keeps the density mode (2d, 3d) and drops an unknown one with a reason', () => {
    for (const density of ['off', '2d', '3d'] as const) {
      const s = state({ density, view: { center: [121.5, 31.1], zoom: 9, bearing: 0, pitch: density === '3d' ? 50 : 0 } });
      expect(decode(encodeViewState(s).toString())).toEqual({ state: s, dropped: [] });
    }
    expect(viewStateQuery(state({ density: '3d' }))).toBe('density=3d');
    expect(decode('density=4d')).toEqual({
      state: DEFAULT_VIEW_STATE,
      dropped: [{ param: 'density', value: '4d', reason: 'drop_density' }],
    });
  });

  it('round-trips view, layers, industries and selection', () => {
    const s = state({
      view: { center: [121.25, 31.35], zoom: 11.5, bearing: -20, pitch: 45 },
      layers: ['pole', 'featured-parks', 'service-core'],
      industries: ['IC', 'AUTO'],
      feature: 'dongfang-xingang',
      language: 'en',
      mode: 'list',
    });
    const query = viewStateQuery(s);
    expect(query).toBe(
      'v=121.25,31.35,11.5,-20,45&layers=pole,featured-parks,service-core&ind=IC,AUTO&sel=dongfang-xingang&lang=en&mode=list',
    );
    expect(decode(query)).toEqual({ state: s, dropped: [] });
    const none = state({ layers: [] });
    expect(encodeViewState(none).get('layers')).toBe('none');
    expect(decode(encodeViewState(none).toString()).state.layers).toEqual([]);
  });

  it('keeps lists in registry and 3+6 order without duplicates, whatever order the link has', () => {
    const { state: s } = decode('layers=featured-parks,pole,pole&ind=AUTO,IC,AUTO');
    expect(s.layers).toEqual(['pole', 'featured-parks']);
    expect(s.industries).toEqual(['IC', 'AUTO']);
  });

  it('writes a view without bearing and pitch when both are zero, rounded', () => {
    expect(encodeViewState(state({ view: { center: [121.4567891, 31.2345678], zoom: 9.12345, bearing: 0, pitch: 0 } })).get('v')).toBe(
      '121.45679,31.23457,9.12',
    );
  });

  it('drops unknown values and parameters, and views away from Shanghai, saying why', () => {
    const { state: s, dropped } = decode('lang=fr&d=999999&zoom=3&sel=nowhere&ind=IC,XX&layers=pole,motorways&v=0,0,3');
    expect(s).toEqual(state({ industries: ['IC'], layers: ['pole'] }));
    expect(dropped.map((d) => `${d.param}=${d.value}`).sort()).toEqual([
      'd=999999',
      'ind=XX',
      'lang=fr',
      'layers=motorways',
      'sel=nowhere',
      'v=0,0,3',
      'zoom=3',
    ]);
    expect(dropped.every((d) => d.reason.length > 0)).toBe(true);
  });

  it('normalises bearing into (-180, 180] and rejects non-numbers', () => {
    expect(decode('v=121.4,31.2,10,370,0').state.view?.bearing).toBe(10);
    expect(decode('v=121.4,31.2,10,-190,0').state.view?.bearing).toBe(170);
    expect(decode('v=121.4,31.2,ten').state.view).toBeNull();
    expect(decode('v=121.4,31.2,10,0,90').state.view).toBeNull();
  });

  it('never throws and always yields a valid, stable state for random queries (fuzz)', () => {
    let seed = 42;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const tokens = [
      'mode=',
      'list',
      'density=',
      '3d',
      '2d',
      'lang=',
      'd=',
      'sel=',
      'layers=',
      'ind=',
      'v=',
      'en',
      'zh',
      '310115',
      'pole',
      'belts',
      'IC',
      'AUTO',
      ',',
      '&',
      '=',
      '%',
      '1',
      '.',
      '-',
      '121.4',
      '31.2',
      '9',
      'NaN',
      'Infinity',
      '\u0000',
      '浦东',
      'lingang',
      'none',
    ];
    const layerIds = new Set(PLAN_LAYERS.map((l) => l.id));
    for (let i = 0; i < 3000; i++) {
      let q = '';
      const len = Math.floor(rand() * 14);
      for (let j = 0; j < len; j++) q += tokens[Math.floor(rand() * tokens.length)];
      const { state: s } = decode(q);
      expect(['zh', 'en']).toContain(s.language);
      expect(s.district === null || DISTRICT_CODES.has(s.district)).toBe(true);
      expect(s.feature === null || featureIds.has(s.feature)).toBe(true);
      expect(s.layers.every((l) => layerIds.has(l))).toBe(true);
      expect(s.industries.every((x) => (INDUSTRY_IDS as readonly string[]).includes(x))).toBe(true);
      if (s.view) expect(Number.isFinite(s.view.zoom)).toBe(true);
      const again = decode(encodeViewState(s).toString());
      expect(again.dropped).toEqual([]);
      expect(encodeViewState(again.state).toString()).toBe(encodeViewState(s).toString());
    }
  });
});
