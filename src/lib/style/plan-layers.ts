/**
 * The plan's layers in the MapLibre style, generated from the layer registry: one fill and one
 * outline per precision for areas (schematic dashed, approximate dotted), lines per precision,
 * park points at low zoom, labels, and the selection highlight. Filters carry the view state
 * (visible layers, chosen industries), so changing it never rebuilds a source.
 */
import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import type { IndustryId } from '../plan/model.ts';
import { PLAN_LAYERS, PRECISION_STYLE, type PlanLayerDef } from '../layers/registry.ts';
import type { Theme } from './themes.ts';

export const PLAN_SOURCE = 'plan';
export const PLAN_HOVER_LAYER = 'plan-hover';

/** The hover layer's filter for one feature id (null: nothing hovered). */
export function hoverFilter(id: string | null): FilterSpecification {
  return ['all', ['==', ['get', 'role'], 'shape'], ['==', ['get', 'id'], id ?? '']];
}

/** Below this zoom featured parks are points; from it on, their areas. */
export const PARK_AREA_MINZOOM = 11;

export interface PlanStyleState {
  layersOn: readonly string[];
  industries: readonly IndustryId[];
  selectedFeature: string | null;
}

/** True for features reaching any chosen industry; always true when none is chosen. */
export function industryFilter(industries: readonly IndustryId[]): ExpressionSpecification | true {
  if (industries.length === 0) return true;
  return ['any', ...industries.map((id): ExpressionSpecification => ['in', id, ['get', 'reach']])];
}

function kindFilter(layer: PlanLayerDef): ExpressionSpecification {
  return ['in', ['get', 'kind'], ['literal', [...layer.kinds]]];
}

function all(...parts: (ExpressionSpecification | true)[]): FilterSpecification {
  const real = parts.filter((p): p is ExpressionSpecification => p !== true);
  return (real.length === 1 ? real[0]! : ['all', ...real]) as FilterSpecification;
}

export function planLayerIds(layer: PlanLayerDef): string[] {
  const ids = [...(layer.shape === 'area' ? [`plan-${layer.id}-fill`] : []), ...Object.keys(PRECISION_STYLE).map((p) => `plan-${layer.id}-line-${p}`)];
  if (layer.id === 'featured-parks') ids.push(`plan-${layer.id}-point`);
  return ids;
}

export function planLayers(state: PlanStyleState, theme: Theme, text: ExpressionSpecification, font: string[]): { shapes: LayerSpecification[]; labels: LayerSpecification[] } {
  const on = new Set(state.layersOn);
  const byIndustry = industryFilter(state.industries);
  const shapes: LayerSpecification[] = [];
  const src = { source: PLAN_SOURCE };
  const isShape: ExpressionSpecification = ['==', ['get', 'role'], 'shape'];
  const isPoint: ExpressionSpecification = ['==', ['get', 'role'], 'point'];
  const polygonal: ExpressionSpecification = ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]];
  for (const layer of PLAN_LAYERS) {
    const visibility = on.has(layer.id) ? 'visible' : 'none';
    const isParks = layer.id === 'featured-parks';
    const zoom = isParks ? { minzoom: PARK_AREA_MINZOOM - 1 } : {};
    if (layer.shape === 'area') {
      shapes.push({
        id: `plan-${layer.id}-fill`,
        type: 'fill',
        ...src,
        ...zoom,
        filter: all(isShape, polygonal, kindFilter(layer), byIndustry),
        layout: { visibility },
        paint: { 'fill-color': layer.colour, 'fill-opacity': layer.id === 'belts' ? 0.07 : 0.16 },
      });
    }
    for (const [precision, style] of Object.entries(PRECISION_STYLE)) {
      shapes.push({
        id: `plan-${layer.id}-line-${precision}`,
        type: 'line',
        ...src,
        ...zoom,
        filter: all(isShape, kindFilter(layer), ['==', ['get', 'precision'], precision], byIndustry),
        layout: { visibility, 'line-join': 'round' },
        paint: {
          'line-color': layer.colour,
          'line-width': layer.shape === 'line' ? 3 : layer.id === 'belts' ? 2.5 : 1.6,
          ...(style.dash ? { 'line-dasharray': style.dash } : {}),
        },
      });
    }
    if (isParks) {
      shapes.push({
        id: `plan-${layer.id}-point`,
        type: 'circle',
        ...src,
        maxzoom: PARK_AREA_MINZOOM,
        filter: all(isPoint, kindFilter(layer), byIndustry),
        layout: { visibility },
        paint: { 'circle-radius': 5, 'circle-color': layer.colour, 'circle-stroke-color': theme.labelHalo, 'circle-stroke-width': 1.5 },
      });
    }
  }
  const visibleKinds = PLAN_LAYERS.filter((l) => on.has(l.id)).flatMap((l) => [...l.kinds]);
  // Hover is transient (not view state): the map sets this layer's filter as the pointer moves.
  shapes.push({
    id: PLAN_HOVER_LAYER,
    type: 'line',
    ...src,
    filter: all(isShape, ['==', ['get', 'id'], '']),
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
      minzoom: 8.5,
      filter: all(isPoint, ['in', ['get', 'kind'], ['literal', visibleKinds]], byIndustry),
      layout: {
        'text-field': text,
        'text-font': font,
        'text-size': 11,
        'text-offset': [0, 0.9],
        'text-anchor': 'top',
        'text-optional': true,
        'text-max-width': 8,
      },
      paint: { 'text-color': theme.label, 'text-halo-color': theme.labelHalo, 'text-halo-width': 1.4 },
    },
  ];
  return { shapes, labels };
}
