/**
 * The plan's layers in the MapLibre style, generated from the layer registry. All registry layers
 * share a handful of style layers (one fill, one outline per precision: schematic dashed,
 * approximate dotted), coloured by kind and stacked in registry order; featured parks have their own
 * (points at low zoom, areas closer in). Few style layers keep tile work low; visibility and the
 * industry filter are filter expressions, so changing them never rebuilds a source.
 */
import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import type { FeatureKind, IndustryId } from '../plan/model.ts';
import { PLAN_LAYERS, PRECISION_STYLE, type PlanLayerDef } from '../layers/registry.ts';
import type { Theme } from './themes.ts';
import { DENSITY_COLOURS } from '../plan/density.ts';

/** The plan's features are a source layer of the basemap archive. */
export const PLAN_SOURCE = 'basemap';
export const PLAN_SOURCE_LAYER = 'plan';
export const PLAN_HOVER_LAYER = 'plan-hover';

export const PLAN_LABELS_MINZOOM = 9.5;

/** Below this zoom featured parks are points; from it on, their areas. */
export const PARK_AREA_MINZOOM = 11;

const PARKS = 'featured-parks';

export interface PlanStyleState {
  layersOn: readonly string[];
  industries: readonly IndustryId[];
  selectedFeature: string | null;
  /** Colour features by output density against the target instead of by kind. */
  byDensity?: boolean;
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
    DENSITY_COLOURS.none,
  ];
}

/** True for features reaching any chosen industry; always true when none is chosen. */
export function industryFilter(industries: readonly IndustryId[]): ExpressionSpecification | true {
  if (industries.length === 0) return true;
  return ['any', ...industries.map((id): ExpressionSpecification => ['in', id, ['get', 'reach']])];
}

/** The hover layer's filter for one feature id (null: nothing hovered). */
export function hoverFilter(id: string | null): FilterSpecification {
  return ['all', ['==', ['get', 'role'], 'shape'], ['==', ['get', 'id'], id ?? '']];
}

function all(...parts: (ExpressionSpecification | true)[]): FilterSpecification {
  const real = parts.filter((p): p is ExpressionSpecification => p !== true);
  return (real.length === 1 ? real[0]! : ['all', ...real]) as FilterSpecification;
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
  state: PlanStyleState,
  theme: Theme,
  text: ExpressionSpecification,
  font: string[],
): { shapes: LayerSpecification[]; labels: LayerSpecification[] } {
  const on = PLAN_LAYERS.filter((l) => state.layersOn.includes(l.id));
  const general = on.filter((l) => l.id !== PARKS);
  const parks = on.filter((l) => l.id === PARKS);
  const byIndustry = industryFilter(state.industries);
  const src = { source: PLAN_SOURCE, 'source-layer': PLAN_SOURCE_LAYER };
  const isShape: ExpressionSpecification = ['==', ['get', 'role'], 'shape'];
  const isPoint: ExpressionSpecification = ['==', ['get', 'role'], 'point'];
  const polygonal: ExpressionSpecification = ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]];
  const colour = state.byDensity ? densityColour() : byKind((l) => l.colour, '#777777');
  const hasDensity: ExpressionSpecification = ['has', 'density_tier'];
  // In density mode a feature with data is filled strongly and one without barely, so "no data"
  // reads as absent rather than as a low value.
  const fillOpacity: ExpressionSpecification | number = state.byDensity
    ? ['case', hasDensity, ['case', ['==', ['get', 'density_planned'], true], 0.35, 0.6], 0.05]
    : byKind((l) => (l.id === 'belts' ? 0.07 : 0.16), 0.16);
  const order = byKind((l) => PLAN_LAYERS.indexOf(l), 0);
  const shapes: LayerSpecification[] = [];

  const group = (prefix: string, layers: PlanLayerDef[], zoom: { minzoom?: number }) => {
    shapes.push({
      id: `${prefix}-fill`,
      type: 'fill',
      ...src,
      ...zoom,
      filter: all(isShape, polygonal, kindsIn(layers), byIndustry),
      layout: { 'fill-sort-key': order },
      paint: { 'fill-color': colour, 'fill-opacity': fillOpacity },
    });
    for (const [precision, style] of Object.entries(PRECISION_STYLE)) {
      shapes.push({
        id: `${prefix}-line-${precision}`,
        type: 'line',
        ...src,
        ...zoom,
        filter: all(isShape, kindsIn(layers), ['==', ['get', 'precision'], precision], byIndustry),
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
    filter: all(isPoint, kindsIn(parks), byIndustry),
    paint: {
      'circle-radius': 5,
      'circle-color': state.byDensity ? densityColour() : parkColour,
      'circle-stroke-color': theme.labelHalo,
      'circle-stroke-width': 1.5,
    },
  });
  // District key industries: a row of dots in the industries' colours; the chosen ones stand out.
  const marksOn = state.layersOn.includes('district-industries');
  shapes.push({
    id: 'plan-district-marks',
    type: 'circle',
    ...src,
    minzoom: 8,
    filter: marksOn ? ['==', ['get', 'role'], 'mark'] : ['==', ['get', 'role'], 'never'],
    paint: {
      'circle-radius': 4,
      'circle-color': ['get', 'colour'],
      'circle-stroke-color': theme.labelHalo,
      'circle-stroke-width': 1,
      'circle-opacity': byIndustry === true ? 1 : ['case', byIndustry, 1, 0.25],
      'circle-stroke-opacity': byIndustry === true ? 1 : ['case', byIndustry, 1, 0.25],
    },
  });
  // Hover is transient (not view state): the map sets this layer's filter as the pointer moves.
  shapes.push({
    id: PLAN_HOVER_LAYER,
    type: 'line',
    ...src,
    filter: hoverFilter(null),
    paint: { 'line-color': theme.label, 'line-width': 2.5, 'line-opacity': 0.6 },
  });
  shapes.push({
    id: 'plan-selected',
    type: 'line',
    ...src,
    filter: all(isShape, ['==', ['get', 'id'], state.selectedFeature ?? '']),
    paint: { 'line-color': theme.districtSelectedLine, 'line-width': 4 },
  });
  const labels: LayerSpecification[] = [
    {
      id: 'plan-labels',
      type: 'symbol',
      ...src,
      // From 9.5 on: the overview stays readable, and the first paint does not wait for the
      // glyphs of a hundred more names (each 256-character range is one more request).
      minzoom: PLAN_LABELS_MINZOOM,
      filter: all(isPoint, kindsIn(on), byIndustry),
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
