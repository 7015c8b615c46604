/**
 * The enterprise layer a user's list becomes: a clustered GeoJSON source (MapLibre's supercluster,
 * in its worker) and its layers, a pure function of the list's industry sets and the industries'
 * colours. A 3+6 chip changes only the `industries` global state, as for the plan: each cluster
 * carries one count per industry set present in the list (`s<k>`), and its drawn count is the sum
 * of the sets the chosen industries reach — exact even for an enterprise in several industries, and
 * never a re-clustering of 100,000 points. Added when a list is shown, removed when it is not; the
 * static style stays as it is.
 */
import type { ExpressionSpecification, GeoJSONSourceSpecification, LayerSpecification } from 'maplibre-gl';
import type { IndustryId } from '../plan/model.ts';
import { GLOBAL_STATE, industryMatch } from './plan-layers.ts';

export const ENTERPRISE_SOURCE = 'enterprises';
export const ENTERPRISE_LAYERS = {
  clusters: 'enterprise-clusters',
  counts: 'enterprise-cluster-counts',
  points: 'enterprise-points',
} as const;
/** Clusters stop here, below the map's maximum zoom (15): from zoom 14 every enterprise is its own point. */
export const ENTERPRISE_CLUSTER_MAX_ZOOM = 13;
/** Drawn under the overlay (search area, imported parks, results), above the plan. */
export const ENTERPRISE_BEFORE_LAYER = 'overlay-area-fill';
/** The layer's own colour (clusters): a slate, apart from every industry's and the imported parks' green. */
export const ENTERPRISE_COLOUR = '#3d4f6b';

const chosen: ExpressionSpecification = ['global-state', GLOBAL_STATE.industries];

/** A cluster's count of enterprises the chosen industries show (all of them while none is chosen). */
export function clusterCount(sets: readonly (readonly IndustryId[])[]): ExpressionSpecification {
  const terms = sets.flatMap((set, k): ExpressionSpecification[] =>
    set.length ? [['case', ['any', ...set.map((id): ExpressionSpecification => ['in', id, chosen])], ['get', `s${k}`], 0]] : [],
  );
  return ['case', ['==', ['length', chosen], 0], ['get', 'point_count'], ['+', 0, 0, ...terms]];
}

export function enterpriseSource(
  sets: readonly (readonly IndustryId[])[],
  data: GeoJSONSourceSpecification['data'],
): GeoJSONSourceSpecification {
  return {
    type: 'geojson',
    data,
    cluster: true,
    clusterRadius: 48,
    clusterMaxZoom: ENTERPRISE_CLUSTER_MAX_ZOOM,
    clusterProperties: Object.fromEntries(sets.map((_, k) => [`s${k}`, ['+', ['case', ['==', ['get', 'set'], k], 1, 0]]])),
  };
}

export function enterpriseLayers(
  sets: readonly (readonly IndustryId[])[],
  colours: Readonly<Record<string, string>>,
  font: string[],
): LayerSpecification[] {
  const count = clusterCount(sets);
  const isCluster: ExpressionSpecification = ['has', 'point_count'];
  const colourArms = Object.entries(colours).flat();
  return [
    {
      id: ENTERPRISE_LAYERS.clusters,
      type: 'circle',
      source: ENTERPRISE_SOURCE,
      filter: ['all', isCluster, ['>', count, 0]],
      paint: {
        'circle-color': ENTERPRISE_COLOUR,
        'circle-opacity': 0.85,
        'circle-radius': ['step', count, 11, 20, 14, 200, 18, 2000, 23, 20000, 28],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
      },
    },
    {
      id: ENTERPRISE_LAYERS.counts,
      type: 'symbol',
      source: ENTERPRISE_SOURCE,
      filter: ['all', isCluster, ['>', count, 0]],
      layout: {
        'text-field': ['to-string', count],
        'text-font': font,
        'text-size': 11,
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { 'text-color': '#ffffff' },
    },
    {
      id: ENTERPRISE_LAYERS.points,
      type: 'circle',
      source: ENTERPRISE_SOURCE,
      filter: ['all', ['!', isCluster], industryMatch()],
      paint: {
        'circle-radius': 4.5,
        'circle-color': colourArms.length
          ? (['match', ['get', 'colour'], ...colourArms, '#888888'] as unknown as ExpressionSpecification)
          : '#888888',
        'circle-stroke-color': ENTERPRISE_COLOUR,
        'circle-stroke-width': 1.2,
      },
    },
  ];
}
