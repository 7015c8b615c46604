import { describe, expect, it } from 'vitest';
import type { LayerSpecification } from 'maplibre-gl';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { DEFAULT_LAYERS, LAYER_GROUPS, PLAN_LAYERS, groupState, layerForKind, setGroup, setLayer } from '../../src/lib/layers/registry.ts';
import { languageFromQuery } from '../../src/lib/i18n/url-language.svelte.ts';
import { FEATURE_KINDS } from '../../src/lib/plan/vocabulary.ts';
import { basemapStyle } from '../../src/lib/style/basemap-style.ts';
import { industryFilter, planLayerIds } from '../../src/lib/style/plan-layers.ts';
import { countsInView } from '../../src/lib/plan/rules.ts';
import { districtsMatching } from '../../src/lib/plan/feature-index.ts';

const assets = {
  basemapUrl: 'http://localhost/basemap/shanghai.pmtiles',
  glyphsUrl: 'http://localhost/fonts/{fontstack}/{range}.pbf',
};

describe('layer registry', () => {
  it('puts every feature kind in exactly one layer, and every layer in a group', () => {
    for (const kind of FEATURE_KINDS) {
      expect(
        PLAN_LAYERS.filter((l) => l.kinds.includes(kind)),
        kind,
      ).toHaveLength(1);
      expect(layerForKind(kind)).toBeDefined();
    }
    const groups = new Set(LAYER_GROUPS.map((g) => g.id));
    for (const l of PLAN_LAYERS) expect(groups.has(l.group)).toBe(true);
    expect(DEFAULT_LAYERS).toContain('featured-parks');
  });
});

describe('layer toggles', () => {
  it('switches one layer or a whole group, keeping registry order', () => {
    expect(setLayer(['pole'], 'belts', true)).toEqual(['belts', 'pole']);
    expect(setLayer(['belts', 'pole'], 'belts', false)).toEqual(['pole']);
    const service = PLAN_LAYERS.filter((l) => l.group === 'service').map((l) => l.id);
    expect(setGroup(['pole'], 'service', true)).toEqual(['pole', ...service]);
    expect(setGroup(['pole', ...service], 'service', false)).toEqual(['pole']);
  });

  it('tells the group checkbox whether all, some or none of its layers are on', () => {
    expect(groupState(['featured-parks'], 'parks')).toBe('all');
    expect(groupState(['pole'], 'manufacturing')).toBe('some');
    expect(groupState([], 'service')).toBe('none');
  });

  it('reads a page language from the query, Chinese when absent or unknown', () => {
    expect(languageFromQuery('?lang=en')).toBe('en');
    expect(languageFromQuery('?lang=fr')).toBe('zh');
    expect(languageFromQuery('')).toBe('zh');
  });
});

describe('plan layers in the style', () => {
  it('builds a valid style that draws every registry layer, and only the ones on', () => {
    const style = basemapStyle({
      theme: 'light',
      language: 'zh',
      assets,
      plan: { layersOn: ['pole'], industries: ['AUTO'], selectedFeature: 'lingang' },
    });
    expect(validateStyleMin(style)).toEqual([]);
    const ids = new Set(style.layers.map((l) => l.id));
    for (const layer of PLAN_LAYERS) for (const id of planLayerIds(layer)) expect(ids.has(id), id).toBe(true);
    // visibility is a filter on kind: only the pole's kind is drawn
    const fill = style.layers.find((l) => l.id === 'plan-fill') as Extract<LayerSpecification, { type: 'fill' }>;
    const json = JSON.stringify(fill.filter);
    expect(json).toContain('"literal",["pole"]');
    expect(json).not.toContain('"belt"');
  });

  it('keeps the style small: a dozen plan layers, whatever the number of registry layers', () => {
    const style = basemapStyle({ theme: 'light', language: 'zh', assets });
    expect(style.layers.filter((l) => l.id.startsWith('plan-')).length).toBeLessThanOrEqual(13);
  });

  it('draws plan areas above the districts and below every label', () => {
    const layers = basemapStyle({ theme: 'light', language: 'zh', assets }).layers.map((l) => l.id);
    const firstPlan = layers.findIndex((id) => id.startsWith('plan-'));
    expect(firstPlan).toBeGreaterThan(layers.indexOf('district-fill'));
    expect(firstPlan).toBeLessThan(layers.indexOf('district-labels'));
  });

  it('dashes schematic outlines and dots approximate ones, so they never look surveyed', () => {
    const style = basemapStyle({ theme: 'light', language: 'zh', assets });
    const dash = (id: string) =>
      ((style.layers.find((l) => l.id === id) as Extract<LayerSpecification, { type: 'line' }>).paint ?? {})['line-dasharray'];
    expect(dash('plan-line-schematic')).toEqual([4, 3]);
    expect(dash('plan-parks-line-approximate')).toEqual([1.5, 1.5]);
    expect(dash('plan-parks-line-surveyed')).toBeUndefined();
  });

  it("filters by industry through an expression on the features' reach, not by rebuilding the source", () => {
    expect(industryFilter([])).toBe(true);
    expect(industryFilter(['IC', 'AUTO'])).toEqual(['any', ['in', 'IC', ['get', 'reach']], ['in', 'AUTO', ['get', 'reach']]]);
    const a = basemapStyle({ theme: 'light', language: 'zh', assets, plan: { industries: ['IC'] } });
    const b = basemapStyle({ theme: 'light', language: 'zh', assets, plan: { industries: ['AUTO'] } });
    expect(a.sources).toEqual(b.sources);
  });
});

describe('counts and highlights', () => {
  const features = [
    { kind: 'featured-park', reach: ['IC', 'EI'] as const, labelPoint: [121.6, 31.2] as [number, number] },
    { kind: 'featured-park', reach: ['AUTO'] as const, labelPoint: [121.2, 31.3] as [number, number] },
    { kind: 'new-town', reach: ['AUTO'] as const, labelPoint: [121.25, 31.35] as [number, number] },
    { kind: 'featured-park', reach: ['IC'] as const, labelPoint: null },
  ];
  it('counts features on visible layers, in view, per industry they reach', () => {
    const all = countsInView(features as never, new Set(['featured-park', 'new-town']), null, ['IC', 'EI', 'AUTO']);
    expect(all).toEqual({ IC: 1, EI: 1, AUTO: 2 });
    const west = countsInView(
      features as never,
      new Set(['featured-park']),
      [
        [121.0, 31.0],
        [121.4, 31.5],
      ],
      ['IC', 'AUTO'],
    );
    expect(west).toEqual({ IC: 0, AUTO: 1 });
  });

  it('highlights the districts whose key industries reach a chosen industry', () => {
    const districts = [
      { code: '310114', reach: ['AUTO', 'EI'] as ('AUTO' | 'EI')[] },
      { code: '310117', reach: ['IC', 'EI'] as ('IC' | 'EI')[] },
    ];
    expect(districtsMatching(districts, [])).toEqual([]);
    expect(districtsMatching(districts, ['AUTO'])).toEqual(['310114']);
    expect(districtsMatching(districts, ['EI'])).toEqual(['310114', '310117']);
  });
});
