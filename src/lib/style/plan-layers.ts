/**
 * The plan's layers in the MapLibre style, generated from the layer registry. All registry layers
 * share a handful of style layers (one fill, one outline per precision: schematic dashed,
 * approximate dotted), coloured by kind and stacked in registry order; featured parks have their own
 * (points at low zoom, areas closer in).
 *
 * The layers are static: view state reaches them through MapLibre's own mechanisms, never by
 * rebuilding the style.
 * - `global-state` (set with `map.setGlobalStateProperty`, see map-state.ts): the chosen industries,
 *   the feature kinds whose registry layer is on, and whether features are coloured by density. They
 *   sit in filters and data-driven paint, so a change re-lays out the plan source only: the plan has
 *   its own small archive (plan.pmtiles), so the basemap's tiles are never touched.
 * - `feature-state` (promoted from the `id` property): selection and hover, repainted without any
 *   re-layout.
 * Industry membership is a boolean property per industry (`in_IC`, …), written by the geodata build,
 * so no filter tests a JSON string for a substring.
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { FeatureKind, IndustryId } from '../plan/model.ts';
import { INDUSTRY_IDS } from '../plan/vocabulary.ts';
import { PLAN_LAYERS, PRECISION_STYLE, type PlanLayerDef } from '../layers/registry.ts';
import type { Theme } from './themes.ts';
import { DENSITY_COLOURS } from '../plan/density.ts';

/** The plan's features: their own archive, so re-laying them out never touches the basemap. */
export const PLAN_SOURCE = 'plan';
export const PLAN_SOURCE_LAYER = 'plan';
/** Feature-state keys are the features' own ids. */
export const PLAN_PROMOTE_ID = 'id';

export const PLAN_LABELS_MINZOOM = 9.5;

/** Below this zoom featured parks are points; from it on, their areas. */
export const PARK_AREA_MINZOOM = 11;

const PARKS = 'featured-parks';

/** The names of the global-state properties the plan layers read, and their defaults. */
export const GLOBAL_STATE = {
  /** Chosen 3+6 industries; empty: every feature. */
  industries: 'industries',
  /** Feature kinds whose registry layer is on ('district' for the key-industry marks). */
  kinds: 'kinds',
  /** Colour by output density against the target instead of by kind. */
  byDensity: 'byDensity',
  /** Transport layers on: read by the basemap's transport layers' visibility (no re-layout). */
  transport: 'transport',
} as const;

/** Property holding whether a feature reaches an industry (the geodata build writes one per industry). */
export function industryProperty(id: IndustryId): string {
  return `in_${id}`;
}

const state = (name: keyof typeof GLOBAL_STATE): ExpressionSpecification => ['global-state', GLOBAL_STATE[name]];

/** True for features reaching any chosen industry; always true when none is chosen. */
export function industryMatch(): ExpressionSpecification {
  return [
    'any',
    ['==', ['length', state('industries')], 0],
    ...INDUSTRY_IDS.map((id): ExpressionSpecification => [
      'all',
      ['in', id, state('industries')],
      ['==', ['get', industryProperty(id)], true],
    ]),
  ];
}

/** True for features whose registry layer is on. */
export function layerOn(): ExpressionSpecification {
  return ['in', ['get', 'kind'], state('kinds')];
}

/** Fill colour by density tier; features without a density (no data, never zero) are grey. */
export function densityColour(): ExpressionSpecification {
  return [
    'match',
    ['get', 'density_tier'],
    'below',
    DENSITY_COLOURS.below,
    'near',
    DENSITY_COLOURS.near,
    'above',
    DENSITY_COLOURS.above,
    'not-comparable',
    DENSITY_COLOURS['not-comparable'],
    DENSITY_COLOURS.none,
  ];
}

const featureState = (key: 'selected' | 'hover'): ExpressionSpecification => ['boolean', ['feature-state', key], false];

function all(...parts: ExpressionSpecification[]): ExpressionSpecification {
  return parts.length === 1 ? parts[0]! : ['all', ...parts];
}

function kindsIn(layers: readonly PlanLayerDef[]): ExpressionSpecification {
  return ['in', ['get', 'kind'], ['literal', layers.flatMap((l) => l.kinds.filter((k) => k !== 'district'))]];
}

/** A `match` on kind over the registry, e.g. each kind's colour. */
function byKind(value: (l: PlanLayerDef) => string | number, fallback: string | number): ExpressionSpecification {
  const arms = PLAN_LAYERS.filter((l) => l.kinds.some((k) => k !== 'district')).flatMap((l) => [
    l.kinds.filter((k) => k !== 'district') as FeatureKind[],
    value(l),
  ]);
  return ['match', ['get', 'kind'], ...arms, fallback] as unknown as ExpressionSpecification;
}

/** The style layers that draw features of a registry layer (for picking). */
export function planLayerIds(layer: PlanLayerDef): string[] {
  if (layer.id === 'district-industries') return ['plan-district-marks'];
  const prefix = layer.id === PARKS ? 'plan-parks' : 'plan';
  const lines = Object.keys(PRECISION_STYLE).map((p) => `${prefix}-line-${p}`);
  return [...(layer.shape === 'area' ? [`${prefix}-fill`] : []), ...lines, ...(layer.id === PARKS ? ['plan-parks-point'] : [])];
}

export const ALL_PLAN_LAYER_IDS = [
  'plan-district-marks',
  'plan-fill',
  'plan-parks-fill',
  'plan-parks-point',
  ...Object.keys(PRECISION_STYLE).flatMap((p) => [`plan-line-${p}`, `plan-parks-line-${p}`]),
];

export function planLayers(
  theme: Theme,
  text: ExpressionSpecification,
  font: string[],
): { shapes: LayerSpecification[]; labels: LayerSpecification[] } {
  const general = PLAN_LAYERS.filter((l) => l.id !== PARKS && l.id !== 'district-industries' && !l.basemap);
  const parks = PLAN_LAYERS.filter((l) => l.id === PARKS);
  const shown = all(layerOn(), industryMatch());
  const src = { source: PLAN_SOURCE, 'source-layer': PLAN_SOURCE_LAYER };
  const isShape: ExpressionSpecification = ['==', ['get', 'role'], 'shape'];
  const isPoint: ExpressionSpecification = ['==', ['get', 'role'], 'point'];
  const polygonal: ExpressionSpecification = ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]];
  const byDensity = state('byDensity');
  const colour: ExpressionSpecification = ['case', byDensity, densityColour(), byKind((l) => l.colour, '#777777')];
  const hasDensity: ExpressionSpecification = ['has', 'density_tier'];
  // In density mode a feature with data is filled strongly and one without barely, so "no data"
  // reads as absent rather than as a low value.
  const fillOpacity: ExpressionSpecification = [
    'case',
    byDensity,
    ['case', hasDensity, ['case', ['==', ['get', 'density_planned'], true], 0.35, 0.6], 0.05],
    byKind((l) => (l.id === 'belts' ? 0.07 : 0.16), 0.16),
  ];
  const order = byKind((l) => PLAN_LAYERS.indexOf(l), 0);
  const shapes: LayerSpecification[] = [];

  const group = (prefix: string, layers: PlanLayerDef[], zoom: { minzoom?: number }) => {
    shapes.push({
      id: `${prefix}-fill`,
      type: 'fill',
      ...src,
      ...zoom,
      filter: all(isShape, polygonal, kindsIn(layers), shown),
      layout: { 'fill-sort-key': order },
      paint: { 'fill-color': colour, 'fill-opacity': fillOpacity },
    });
    for (const [precision, style] of Object.entries(PRECISION_STYLE)) {
      shapes.push({
        id: `${prefix}-line-${precision}`,
        type: 'line',
        ...src,
        ...zoom,
        filter: all(isShape, kindsIn(layers), ['==', ['get', 'precision'], precision], shown),
        layout: { 'line-join': 'round', 'line-sort-key': order },
        paint: {
          'line-color': colour,
          'line-width': byKind((l) => (l.shape === 'line' ? 3 : l.id === 'belts' ? 2.5 : 1.6), 1.6),
          ...(style.dash ? { 'line-dasharray': style.dash } : {}),
        },
      });
    }
  };
  group('plan', general, {});
  group('plan-parks', parks, { minzoom: PARK_AREA_MINZOOM - 1 });
  const parkColour = PLAN_LAYERS.find((l) => l.id === PARKS)!.colour;
  shapes.push({
    id: 'plan-parks-point',
    type: 'circle',
    ...src,
    maxzoom: PARK_AREA_MINZOOM,
    filter: all(isPoint, kindsIn(parks), shown),
    paint: {
      'circle-radius': ['case', featureState('selected'), 7, 5],
      'circle-color': ['case', byDensity, densityColour(), parkColour],
      'circle-stroke-color': ['case', featureState('selected'), theme.districtSelectedLine, theme.labelHalo],
      'circle-stroke-width': ['case', ['any', featureState('selected'), featureState('hover')], 3, 1.5],
    },
  });
  // District key industries: a row of dots in the industries' colours; the chosen ones stand out
  // (paint-side: the marks never move, only their opacity follows the filter).
  const dim = ['case', industryMatch(), 1, 0.25] as ExpressionSpecification;
  shapes.push({
    id: 'plan-district-marks',
    type: 'circle',
    ...src,
    minzoom: 8,
    filter: all(['==', ['get', 'role'], 'mark'], ['in', 'district', state('kinds')]),
    paint: {
      'circle-radius': 4,
      'circle-color': ['get', 'colour'],
      'circle-stroke-color': theme.labelHalo,
      'circle-stroke-width': 1,
      'circle-opacity': dim,
      'circle-stroke-opacity': dim,
    },
  });
  // Hover and selection are feature-state: the outline of every shown shape is laid out once, and
  // only its opacity follows the pointer and the selection.
  shapes.push({
    id: 'plan-hover',
    type: 'line',
    ...src,
    filter: all(isShape, shown),
    paint: { 'line-color': theme.label, 'line-width': 2.5, 'line-opacity': ['case', featureState('hover'), 0.6, 0] },
  });
  shapes.push({
    id: 'plan-selected',
    type: 'line',
    ...src,
    filter: isShape,
    paint: { 'line-color': theme.districtSelectedLine, 'line-width': 4, 'line-opacity': ['case', featureState('selected'), 1, 0] },
  });
  const labels: LayerSpecification[] = [
    {
      id: 'plan-labels',
      type: 'symbol',
      ...src,
      // From 9.5 on: the overview stays readable, and the first paint does not wait for the
      // glyphs of a hundred more names (each 256-character range is one more request).
      minzoom: PLAN_LABELS_MINZOOM,
      filter: all(isPoint, shown),
      layout: {
        'text-field': text,
        'text-font': font,
        'text-size': 11,
        'text-offset': [0, 0.9],
        'text-anchor': 'top',
        'text-optional': true,
        'text-max-width': 8,
        'symbol-sort-key': ['-', 0, order],
      },
      paint: { 'text-color': theme.label, 'text-halo-color': theme.labelHalo, 'text-halo-width': 1.4 },
    },
  ];
  return { shapes, labels };
}
