import { describe, expect, it } from 'vitest';
import type { LayerSpecification } from 'maplibre-gl';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { DEFAULT_LAYERS, LAYER_GROUPS, PLAN_LAYERS, groupState, layerForKind, setGroup, setLayer } from '../../src/lib/layers/registry.ts';
import { languageFromQuery } from '../../src/lib/i18n/url-language.svelte.ts';
import { FEATURE_KINDS } from '../../src/lib/plan/vocabulary.ts';
import { basemapStyle } from '../../src/lib/style/basemap-style.ts';
import { industryProperty, planLayerIds } from '../../src/lib/style/plan-layers.ts';
import { flagChanges, mapGlobalState } from '../../src/lib/style/map-state.ts';
import { featureFilter, type FilterSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { IndustryId } from '../../src/lib/plan/model.ts';
import { countsInView } from '../../src/lib/plan/rules.ts';
import { districtsMatching, reachesChosen } from '../../src/lib/plan/feature-index.ts';

const assets = {
  basemapUrl: 'http://localhost/basemap/shanghai.pmtiles',
  planUrl: 'http://localhost/basemap/plan.pmtiles',
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
  const style = basemapStyle({ theme: 'light', language: 'zh', assets });
  const layer = (id: string) =>
    style.layers.find((l) => l.id === id) as Extract<LayerSpecification, { filter?: unknown }> & { filter: FilterSpecification };
  /** Whether a plan feature passes a style layer's filter under a view state, as MapLibre evaluates it. */
  const shown = (
    id: string,
    view: { layersOn?: string[]; industries?: IndustryId[] },
    properties: Record<string, unknown>,
    type: 1 | 2 | 3 = 2,
  ) => {
    const state = mapGlobalState({ layersOn: view.layersOn ?? DEFAULT_LAYERS, industries: view.industries ?? [], byDensity: false });
    const f = featureFilter(layer(id).filter, id, state);
    return f.filter({ zoom: 10 }, { type, properties, geometry: [] } as never);
  };
  const park = { role: 'shape', kind: 'featured-park', precision: 'approximate', in_IC: true, in_EI: true };

  it('builds a valid style that draws every registry layer', () => {
    expect(validateStyleMin(style)).toEqual([]);
    const ids = new Set(style.layers.map((l) => l.id));
    for (const l of PLAN_LAYERS) for (const id of planLayerIds(l)) expect(ids.has(id), id).toBe(true);
  });

  it('is identical under any view state: filter, layers, selection, density and language of the data do not enter it', () => {
    // the builder takes theme, language and assets only; view state reaches the map as global and
    // feature state, so the style MapLibre holds never changes and is never diffed on a click
    const views = [
      { layersOn: ['pole'], industries: ['AUTO'] as IndustryId[], byDensity: true },
      { layersOn: [...DEFAULT_LAYERS], industries: [] as IndustryId[], byDensity: false },
    ];
    const styles = views.map(() => JSON.stringify(basemapStyle({ theme: 'light', language: 'zh', assets })));
    expect(new Set(styles).size).toBe(1);
    expect(mapGlobalState(views[0]!)).not.toEqual(mapGlobalState(views[1]!));
  });

  it('shows a feature only when its registry layer is on', () => {
    expect(shown('plan-parks-line-approximate', {}, park)).toBe(true);
    expect(shown('plan-parks-line-approximate', { layersOn: ['pole'] }, park)).toBe(false);
    expect(shown('plan-fill', { layersOn: ['pole'] }, { role: 'shape', kind: 'pole' }, 3)).toBe(true);
    expect(shown('plan-fill', { layersOn: ['belts'] }, { role: 'shape', kind: 'pole' }, 3)).toBe(false);
  });

  it('filters by industry through one boolean per industry, never a substring of a JSON string', () => {
    expect(shown('plan-parks-line-approximate', { industries: ['IC'] }, park)).toBe(true);
    expect(shown('plan-parks-line-approximate', { industries: ['AUTO'] }, park)).toBe(false);
    expect(shown('plan-parks-line-approximate', { industries: ['AUTO', 'EI'] }, park)).toBe(true);
    // a feature whose tile still carried the old JSON-string array would match "IC" inside "EIC…":
    // the filter does not read such a property at all
    expect(
      shown('plan-parks-line-approximate', { industries: ['IC'] }, { ...park, in_IC: undefined, in_EI: undefined, reach: '["EI","IC"]' }),
    ).toBe(false);
    expect(JSON.stringify(style)).not.toContain('"reach"');
    expect(industryProperty('IC')).toBe('in_IC');
  });

  it('keeps the style small: a dozen plan layers, whatever the number of registry layers', () => {
    expect(style.layers.filter((l) => l.id.startsWith('plan-')).length).toBeLessThanOrEqual(13);
  });

  it('draws plan areas above the districts and below every label', () => {
    const layers = style.layers.map((l) => l.id);
    const firstPlan = layers.findIndex((id) => id.startsWith('plan-'));
    expect(firstPlan).toBeGreaterThan(layers.indexOf('district-fill'));
    expect(firstPlan).toBeLessThan(layers.indexOf('district-labels'));
  });

  it('dashes schematic outlines and dots approximate ones, so they never look surveyed', () => {
    const dash = (id: string) =>
      ((style.layers.find((l) => l.id === id) as Extract<LayerSpecification, { type: 'line' }>).paint ?? {})['line-dasharray'];
    expect(dash('plan-line-schematic')).toEqual([4, 3]);
    expect(dash('plan-parks-line-approximate')).toEqual([1.5, 1.5]);
    // surveyed lines are solid: a dash with no gap (drawn by the one line program, see programs.ts)
    expect(dash('plan-parks-line-surveyed')).toEqual([1, 0]);
  });

  it('draws selection and hover through feature-state keyed by the feature id', () => {
    expect((style.sources.plan as { promoteId: unknown }).promoteId).toEqual({ plan: 'id' });
    const opacity = (id: string) => JSON.stringify((layer(id) as { paint: Record<string, unknown> }).paint['line-opacity']);
    expect(opacity('plan-selected')).toContain('"feature-state","selected"');
    expect(opacity('plan-hover')).toContain('"feature-state","hover"');
  });
});

describe('view state for the map', () => {
  it('turns layers on into the kinds they draw, in registry order, and keeps the 3+6 order', () => {
    const s = mapGlobalState({ layersOn: ['featured-parks', 'pole', 'district-industries'], industries: ['AUTO', 'IC'], byDensity: true });
    expect(s).toEqual({ industries: ['IC', 'AUTO'], kinds: ['pole', 'featured-park', 'district'], byDensity: true, transport: [] });
  });

  it('turns the transport toggles into the transport layers shown, which draw no plan kinds', () => {
    const s = mapGlobalState({ layersOn: ['roads', 'pole', 'metro'], industries: [], byDensity: false });
    expect(s.transport).toEqual(['metro', 'roads']);
    expect(s.kinds).toEqual(['pole']);
  });

  it('changes only the feature-state flags that differ', () => {
    expect(flagChanges(['a', 'b'], ['b', 'c'])).toEqual({ on: ['c'], off: ['a'] });
    expect(flagChanges([], [])).toEqual({ on: [], off: [] });
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

  it('shows a user’s row by the industries its file states, through the plan’s reach (an IC row under 电子信息)', () => {
    const reach = { IC: ['EI', 'IC'], EI: ['EI'], AUTO: ['AUTO'] } as unknown as Record<IndustryId, IndustryId[]>;
    expect(reachesChosen(['IC'], [], reach)).toBe(true);
    expect(reachesChosen([], [], reach)).toBe(true);
    expect(reachesChosen(['IC'], ['EI'], reach)).toBe(true);
    expect(reachesChosen(['EI'], ['IC'], reach)).toBe(false);
    expect(reachesChosen([], ['AUTO'], reach)).toBe(false);
    expect(reachesChosen(['AUTO', 'EI'], ['AUTO'], reach)).toBe(true);
  });
});
