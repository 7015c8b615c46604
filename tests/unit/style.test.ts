import { describe, expect, it } from 'vitest';
import { DENSITY_COLOURS } from '../../src/lib/plan/density.ts';
import type { LayerSpecification } from 'maplibre-gl';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { basemapStyle, FONTSTACK, LAYER, labelText } from '../../src/lib/style/basemap-style.ts';
import { THEMES } from '../../src/lib/style/themes.ts';
import { LANGUAGES } from '../../src/lib/i18n/language.ts';

const assets = {
  basemapUrl: 'http://localhost:4173/basemap/shanghai.pmtiles',
  glyphsUrl: 'http://localhost:4173/fonts/{fontstack}/{range}.pbf',
};
const variants = (Object.keys(THEMES) as (keyof typeof THEMES)[]).flatMap((theme) => LANGUAGES.map((language) => ({ theme, language })));

describe('basemap style builder', () => {
  it.each(variants)('produces a valid MapLibre style for $theme/$language', ({ theme, language }) => {
    const style = basemapStyle({ theme, language, assets });
    expect(validateStyleMin(style)).toEqual([]);
  });

  it.each(variants)('$theme/$language: every layer has a unique id and an existing source', ({ theme, language }) => {
    const style = basemapStyle({ theme, language, assets });
    const ids = style.layers.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const layer of style.layers) {
      if (layer.type !== 'background') expect(Object.keys(style.sources)).toContain((layer as { source: string }).source);
    }
  });

  it('labels only with the shipped font, so no system font is needed for Chinese', () => {
    const style = basemapStyle({ theme: 'light', language: 'zh', assets });
    const symbols = style.layers.filter((l): l is Extract<LayerSpecification, { type: 'symbol' }> => l.type === 'symbol');
    expect(symbols.length).toBeGreaterThan(3);
    for (const l of symbols) expect(l.layout?.['text-font']).toEqual([FONTSTACK]);
  });

  it('loads nothing from outside the asset URLs it is given', () => {
    const json = JSON.stringify(basemapStyle({ theme: 'dark', language: 'en', assets }));
    const urls = json.match(/[a-z]+:\/\/[^"\s]+/g) ?? [];
    expect(urls.sort()).toEqual([`pmtiles://${assets.basemapUrl}`, assets.glyphsUrl].sort());
  });

  it('labels in Chinese for zh, and English over Chinese for en', () => {
    expect(labelText('zh')).toEqual(['get', 'name_zh']);
    const en = JSON.stringify(labelText('en'));
    expect(en.indexOf('name_en')).toBeLessThan(en.indexOf('name_zh'));
    const zhStyle = basemapStyle({ theme: 'light', language: 'zh', assets });
    const label = zhStyle.layers.find((l) => l.id === LAYER.districtLabels) as Extract<LayerSpecification, { type: 'symbol' }>;
    expect(label.layout?.['text-field']).toEqual(['get', 'name_zh']);
  });

  it('is a pure function: same inputs, same style; theme changes only colours', () => {
    const a = basemapStyle({ theme: 'light', language: 'zh', assets, selectedDistrict: '310114' });
    const b = basemapStyle({ theme: 'light', language: 'zh', assets, selectedDistrict: '310114' });
    expect(a).toEqual(b);
    const dark = basemapStyle({ theme: 'dark', language: 'zh', assets, selectedDistrict: '310114' });
    expect(dark.layers.map((l) => l.id)).toEqual(a.layers.map((l) => l.id));
    const colours = (s: typeof a) => JSON.stringify(s).match(/#[0-9a-f]{6}/g);
    expect(colours(dark)).not.toEqual(colours(a));
  });

  it('draws the selected district through a filter on its code', () => {
    const style = basemapStyle({ theme: 'light', language: 'zh', assets, selectedDistrict: '310114' });
    const selected = style.layers.find((l) => l.id === LAYER.districtSelectedFill) as { filter: unknown };
    expect(selected.filter).toEqual(['==', ['get', 'code'], '310114']);
    const none = basemapStyle({ theme: 'light', language: 'zh', assets });
    expect((none.layers.find((l) => l.id === LAYER.districtSelectedFill) as { filter: unknown }).filter).toEqual([
      '==',
      ['get', 'code'],
      '',
    ]);
  });

  it('credits every licensed data source in the attribution', () => {
    for (const language of LANGUAGES) {
      const source = basemapStyle({ theme: 'light', language, assets }).sources.basemap as { attribution: string };
      expect(source.attribution).toMatch(/OpenStreetMap/);
      expect(source.attribution).toMatch(/ODbL/);
      expect(source.attribution).toMatch(/ECharts/);
      expect(source.attribution).toMatch(/Apache-2\.0/);
    }
  });
});

describe('density colouring', () => {
  const fill = (byDensity: boolean) => {
    const layer = basemapStyle({ theme: 'light', language: 'zh', assets, plan: { byDensity } }).layers.find(
      (l) => l.id === 'plan-parks-fill',
    );
    return (layer as { paint: Record<string, unknown> }).paint;
  };
  it('colours by density tier, grey for no data, only when density is on', () => {
    expect(JSON.stringify(fill(false)['fill-color'])).not.toContain('density_tier');
    const colour = JSON.stringify(fill(true)['fill-color']);
    for (const hex of Object.values(DENSITY_COLOURS)) expect(colour).toContain(hex);
    // no data is barely filled, so it reads as absent rather than as a low value
    expect(JSON.stringify(fill(true)['fill-opacity'])).toContain('0.05');
  });
});
