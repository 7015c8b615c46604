import { describe, expect, it } from 'vitest';
import { DENSITY_COLOURS } from '../../src/lib/plan/density.ts';
import type { LayerSpecification } from 'maplibre-gl';
import { createExpression, latest as styleSpec, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { DEFAULT_MAP_STATE } from '../../src/lib/style/map-state.ts';
import { basemapStyle, FONTSTACK, LAYER, labelText, TRANSPORT_MIN_ZOOM } from '../../src/lib/style/basemap-style.ts';
import { THEMES, mix } from '../../src/lib/style/themes.ts';
import { LANGUAGES } from '../../src/lib/i18n/language.ts';
import { styleProblems, styleVariants } from '../../src/lib/style/style-variants.ts';

const assets = {
  basemapUrl: 'http://localhost:4173/basemap/shanghai.pmtiles',
  planUrl: 'http://localhost:4173/basemap/plan.pmtiles',
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

  it('loads nothing from outside the asset URLs it is given (the OSM copyright page is a link in the attribution)', () => {
    const style = basemapStyle({ theme: 'dark', language: 'en', assets });
    const attribution = Object.values(style.sources)
      .map((s) => ('attribution' in s ? s.attribution : ''))
      .join('');
    expect(attribution).toContain('<a href="https://www.openstreetmap.org/copyright"');
    const withoutAttribution = {
      ...style,
      sources: Object.fromEntries(Object.entries(style.sources).map(([k, s]) => [k, { ...s, attribution: undefined }])),
    };
    const urls = JSON.stringify(withoutAttribution).match(/[a-z]+:\/\/[^"\s]+/g) ?? [];
    expect(urls.sort()).toEqual([`pmtiles://${assets.basemapUrl}`, `pmtiles://${assets.planUrl}`, assets.glyphsUrl].sort());
  });

  it('shows each transport layer only while its toggle is on, through global state (no re-layout)', () => {
    const style = basemapStyle({ theme: 'light', language: 'zh', assets });
    const transport = style.layers.filter(
      (l) =>
        ['roads', 'roads-casing', 'metro-lines', 'metro-other-track', 'stations'].includes(l.id) ||
        /^(road|metro|station)-labels$/.test(l.id),
    );
    expect(transport.map((l) => l.id).sort()).toEqual(
      ['metro-labels', 'metro-lines', 'metro-other-track', 'road-labels', 'roads', 'roads-casing', 'station-labels', 'stations'].sort(),
    );
    // each layer's visibility, evaluated as MapLibre does under the global state the toggles set
    const shown = (l: (typeof transport)[number], on: string[]) => {
      const e = createExpression(l.layout?.visibility, 'visibility', styleSpec.layout_line.visibility as never, {
        ...DEFAULT_MAP_STATE,
        transport: on,
      });
      if (e.result !== 'success') throw new Error(JSON.stringify(e.value));
      return e.value.evaluate({ zoom: 12 }) === 'visible';
    };
    const group = (id: string) => (id.startsWith('road') ? 'roads' : id.startsWith('station') ? 'stations' : 'metro');
    for (const l of transport) {
      expect(shown(l, ['metro', 'stations', 'roads']), l.id).toBe(true);
      expect(shown(l, []), l.id).toBe(false);
      expect(shown(l, [group(l.id)]), l.id).toBe(true);
      expect(
        shown(
          l,
          ['metro', 'stations', 'roads'].filter((x) => x !== group(l.id)),
        ),
        l.id,
      ).toBe(false);
    }
    // no style layer asks for transport tiles below the zoom the build starts writing them
    for (const l of transport) {
      const sourceLayer = (l as { 'source-layer': keyof typeof TRANSPORT_MIN_ZOOM })['source-layer'];
      expect(l.minzoom ?? 0, l.id).toBeGreaterThanOrEqual(TRANSPORT_MIN_ZOOM[sourceLayer]);
    }
    // roads under the plan's first shape layer, metro lines over it
    const ids = style.layers.map((l) => l.id);
    expect(ids.indexOf('roads')).toBeLessThan(ids.indexOf('plan-fill'));
    expect(ids.indexOf('metro-lines')).toBeGreaterThan(ids.indexOf('plan-fill'));
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
    const a = basemapStyle({ theme: 'light', language: 'zh', assets });
    const b = basemapStyle({ theme: 'light', language: 'zh', assets });
    expect(a).toEqual(b);
    const dark = basemapStyle({ theme: 'dark', language: 'zh', assets });
    expect(dark.layers.map((l) => l.id)).toEqual(a.layers.map((l) => l.id));
    const colours = (s: typeof a) => JSON.stringify(s).match(/#[0-9a-f]{6}/g);
    expect(colours(dark)).not.toEqual(colours(a));
  });

  it('draws the selected and highlighted districts through feature-state keyed by the district code', () => {
    const style = basemapStyle({ theme: 'light', language: 'zh', assets });
    expect((style.sources.basemap as { promoteId: unknown }).promoteId).toEqual({ districts: 'code' });
    const opacity = (id: string, key: string) =>
      JSON.stringify((style.layers.find((l) => l.id === id) as { paint: Record<string, unknown> }).paint[key]);
    const fill = opacity(LAYER.districtFill, 'fill-color');
    expect(fill).toContain('"feature-state","selected"');
    expect(fill).toContain('"feature-state","highlight"');
    expect(mix('#000000', '#ffffff', 0.5)).toBe('#808080');
    expect(mix('#f7f5ef', '#fbe7b0', 0)).toBe('#f7f5ef');
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
  const paint = () =>
    (
      basemapStyle({ theme: 'light', language: 'zh', assets }).layers.find((l) => l.id === 'plan-parks-fill') as {
        paint: Record<string, unknown>;
      }
    ).paint;
  const colourOf = (byDensity: boolean, props: Record<string, unknown>) => {
    const e = createExpression(paint()['fill-color'], 'fill-color', styleSpec.paint_fill['fill-color'] as never, {
      ...DEFAULT_MAP_STATE,
      byDensity,
    });
    if (e.result !== 'success') throw new Error(JSON.stringify(e.value));
    const c = e.value.evaluate({ zoom: 10 }, { type: 'Polygon', properties: props } as never) as { r: number; g: number; b: number };
    const hex = (x: number) =>
      Math.round(x * 255)
        .toString(16)
        .padStart(2, '0');
    return `#${hex(c.r)}${hex(c.g)}${hex(c.b)}`;
  };
  it('colours by density tier, grey for no data, only when density mode is on (global state)', () => {
    expect(colourOf(true, { kind: 'featured-park', density_tier: 'above' })).toBe(DENSITY_COLOURS.above);
    expect(colourOf(true, { kind: 'featured-park', density_tier: 'below' })).toBe(DENSITY_COLOURS.below);
    expect(colourOf(true, { kind: 'featured-park' })).toBe(DENSITY_COLOURS.none);
    expect(colourOf(false, { kind: 'featured-park', density_tier: 'above' })).not.toBe(DENSITY_COLOURS.above);
    // no data is barely filled, so it reads as absent rather than as a low value
    expect(JSON.stringify(paint()['fill-opacity'])).toContain('0.05');
  });
});

describe('every style the app can produce', () => {
  it('passes MapLibre’s own validator, at the version the engine ships with', async () => {
    const { createRequire } = await import('node:module');
    const require = createRequire(import.meta.url);
    // the one copy of the validator: the engine resolves the same package this test uses
    const { dirname } = await import('node:path');
    const engineDir = dirname(require.resolve('maplibre-gl/package.json'));
    expect(require.resolve('@maplibre/maplibre-gl-style-spec/package.json', { paths: [engineDir] })).toBe(
      require.resolve('@maplibre/maplibre-gl-style-spec/package.json'),
    );
    const variants = styleVariants();
    // 2 themes × 2 languages × with and without streets × with and without an enterprise list
    expect(variants).toHaveLength(16);
    expect(styleProblems(variants)).toEqual([]);
  });

  it('names the variant, the layer and the property of a style that does not validate', () => {
    const [first] = styleVariants();
    const broken = structuredClone(first!.style);
    const land = broken.layers.findIndex((l) => l.id === 'land');
    (broken.layers[land] as { paint: Record<string, unknown> }).paint['fill-color'] = 42;
    expect(styleProblems([{ name: 'light/zh', style: broken }])).toEqual([
      expect.stringMatching(new RegExp(`^light/zh: layer 'land' \\(layers\\[${land}\\]\\)\\.paint\\.fill-color: .*color expected`)),
    ]);
  });
});
