import { describe, expect, it } from 'vitest';
import { buildLink } from '../../src/lib/url/links.ts';
import { decodeCompare, encodeCompare, DEFAULT_COMPARE_STATE } from '../../src/lib/url/compare-state.ts';
import { htmlLang } from '../../src/lib/url/url-state.svelte.ts';
import { decodeLanguageOnly, encodeLanguageOnly } from '../../src/lib/url/view-state.ts';

describe('internal links', () => {
  it('keep the language: English adds lang=en, Chinese (the default) adds nothing', () => {
    expect(buildLink('', '/about', 'zh')).toBe('/about');
    expect(buildLink('', '/about', 'en')).toBe('/about?lang=en');
    expect(buildLink('', '/parks/robot-park', 'en')).toBe('/parks/robot-park?lang=en');
  });

  it("put the page's own parameters first, readable commas, empty ones left out", () => {
    expect(buildLink('', '/finder', 'en', { ind: ['AUTO', 'IC'] })).toBe('/finder?ind=AUTO,IC&lang=en');
    expect(buildLink('', '/finder', 'zh', { ind: [] })).toBe('/finder');
    expect(buildLink('', '/', 'zh', { sel: 'robot-park', d: null, x: undefined, y: '' })).toBe('/?sel=robot-park');
  });

  it('carry the base path of a deployment under a sub-folder (absolute or relative)', () => {
    expect(buildLink('/explorer', '/about', 'en')).toBe('/explorer/about?lang=en');
    expect(buildLink('..', '/districts/310101', 'zh')).toBe('../districts/310101');
  });

  it('set <html lang> to zh-CN or en', () => {
    expect(htmlLang('zh')).toBe('zh-CN');
    expect(htmlLang('en')).toBe('en');
  });
});

describe('compare page URL state', () => {
  const known = new Set(['belt-yanjiang', 'belt-yanwan', 'belt-huxi', 'nt-jiading', 'pole-lingang', 'd-310115', 'd-310114']);
  it('round-trips the units and the language', () => {
    const state = { language: 'en' as const, units: ['nt-jiading', 'belt-huxi'] };
    expect(decodeCompare(new URLSearchParams(encodeCompare(state)), known)).toEqual({ state, dropped: [] });
    expect(encodeCompare(DEFAULT_COMPARE_STATE)).toBe('');
  });

  it('drops unknown units, duplicates beyond the first, extra units and unknown parameters, with reasons', () => {
    const { state, dropped } = decodeCompare(new URLSearchParams('units=belt-huxi,atlantis,belt-huxi&lang=fr&zoom=3'), known);
    expect(state).toEqual({ language: 'zh', units: ['belt-huxi'] });
    expect(dropped).toEqual([
      { param: 'lang', value: 'fr', reason: 'drop_language' },
      { param: 'units', value: 'atlantis', reason: 'drop_unit' },
      { param: 'zoom', value: '3', reason: 'drop_param' },
    ]);
    const many = decodeCompare(new URLSearchParams(`units=${[...known].join(',')}`), known);
    expect(many.state.units).toHaveLength(6);
    expect(many.dropped).toEqual([{ param: 'units', value: 'd-310114', reason: 'drop_tooMany' }]);
  });
});

describe('the language parameter, as every page reads it', () => {
  it('keeps zh or en, defaults to Chinese, and reports an unknown value', () => {
    expect(decodeLanguageOnly(new URLSearchParams('lang=en'))).toEqual({ state: { language: 'en' }, dropped: [] });
    expect(decodeLanguageOnly(new URLSearchParams('x=1'))).toEqual({ state: { language: 'zh' }, dropped: [] });
    expect(decodeLanguageOnly(new URLSearchParams('lang=fr'))).toEqual({
      state: { language: 'zh' },
      dropped: [{ param: 'lang', value: 'fr', reason: 'drop_language' }],
    });
    expect(encodeLanguageOnly({ language: 'en' })).toBe('lang=en');
    expect(encodeLanguageOnly({ language: 'zh' })).toBe('');
  });
});
