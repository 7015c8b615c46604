/**
 * The MapLibre style: a pure function of theme, language and the asset URLs, in the manner of
 * protomaps/basemaps. Nothing here touches the DOM or the network, and no view state enters it:
 * the filter, layers on, selection, hover, highlighted districts and density mode reach the map
 * through global-state, feature-state and `setData` (src/lib/map/parts/), so a click never makes
 * MapLibre diff a style. Tests assert its invariants (every layer's source exists, every label uses
 * the shipped font, no external URL, identical under any view state).
 */
import type { ExpressionSpecification, FilterSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { Language } from '../i18n/language.ts';
import { attributionHtml } from '../attribution.ts';
import { THEMES, mix, type Theme } from './themes.ts';
import { GLOBAL_STATE, PLAN_PROMOTE_ID, PLAN_SOURCE, PLAN_SOURCE_LAYER, densityColour, planLayers } from './plan-layers.ts';
import type { TransportLayerId } from '../layers/registry.ts';
import { DEFAULT_MAP_STATE } from './map-state.ts';
import { sharePrograms } from './programs.ts';

export const BASEMAP_SOURCE = 'basemap';
export const FONTSTACK = 'NotoSansSC-Regular';

/** Layer ids other modules refer to (picking, selection). */
export const LAYER = {
  districtFill: 'district-fill',
  districtSelectedLine: 'district-selected-line',
  districtLabels: 'district-labels',
} as const;

/** The basemap's district polygons: feature-state (selected, highlight) is keyed by their code. */
export const DISTRICTS_SOURCE_LAYER = 'districts';

export interface StyleAssets {
  /** Absolute URL of the basemap PMTiles archive (served by the app's own origin). */
  basemapUrl: string;
  /** Absolute URL of the plan's PMTiles archive. */
  planUrl: string;
  /** Absolute URL template for glyph PBFs, with {fontstack} and {range}. */
  glyphsUrl: string;
  /** The street-level archive a deployment built from its own OSM extract; null: the embedded map only. */
  streetsUrl?: string | null;
}

export const STREETS_SOURCE = 'streets';

/**
 * Street-level layers from a deployment's OSM extract (geodata/build/osm.ts): land use, water,
 * streets by class with their names, and places; all under the plan layers.
 */
export function streetLayers(
  theme: Theme,
  language: Language,
  font: string[],
): { ground: LayerSpecification[]; labels: LayerSpecification[] } {
  const vector = (layer: string) => ({ source: STREETS_SOURCE, 'source-layer': layer });
  // OSM names are Chinese; an English page shows name:en where a mapper gave one.
  const osmName: ExpressionSpecification = language === 'zh' ? ['get', 'name'] : ['coalesce', ['get', 'name_en'], ['get', 'name']];
  const cls = (...names: string[]): ExpressionSpecification => ['in', ['get', 'class'], ['literal', names]];
  // Zoom outermost; the class picks the width at each stop (the casing is 1.5 px wider).
  const width = (extra: number): ExpressionSpecification => [
    'interpolate',
    ['exponential', 1.6],
    ['zoom'],
    10,
    ['match', ['get', 'class'], ['motorway', 'trunk'], 1.4 + extra, 'primary', 1 + extra, 0.5 + extra],
    14,
    [
      'match',
      ['get', 'class'],
      ['motorway', 'trunk'],
      7 + extra,
      'primary',
      6 + extra,
      ['secondary', 'tertiary'],
      4.5 + extra,
      'minor',
      2.5 + extra,
      1.5 + extra,
    ],
  ];
  const ground: LayerSpecification[] = [
    {
      id: 'streets-landuse',
      type: 'fill',
      ...vector('landuse'),
      paint: {
        'fill-color': ['match', ['get', 'class'], 'industrial', theme.landuseIndustrial, 'green', theme.landuseGreen, theme.landuseOther],
        'fill-opacity': 0.6,
      },
    },
    { id: 'streets-water', type: 'fill', ...vector('water'), paint: { 'fill-color': theme.lake } },
    {
      id: 'streets-waterways',
      type: 'line',
      ...vector('waterways'),
      paint: { 'line-color': theme.river, 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 1, 14, 3] },
    },
    {
      id: 'streets-casing',
      type: 'line',
      ...vector('streets'),
      filter: ['!', cls('service')],
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': theme.streetCasing, 'line-width': width(1.5) },
    },
    {
      id: 'streets',
      type: 'line',
      ...vector('streets'),
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': ['match', ['get', 'class'], ['motorway', 'trunk'], theme.expressway, 'primary', theme.elevated, theme.street],
        'line-width': width(0),
      },
    },
  ];
  const labels: LayerSpecification[] = [
    {
      id: 'streets-labels',
      type: 'symbol',
      ...vector('streets'),
      minzoom: 13,
      filter: ['has', 'name'],
      layout: {
        'symbol-placement': 'line',
        'text-field': osmName,
        'text-font': font,
        'text-size': 11,
        'text-max-angle': 30,
      },
      paint: { 'text-color': theme.streetLabel, 'text-halo-color': theme.labelHalo, 'text-halo-width': 1.4 },
    },
    {
      id: 'streets-places',
      type: 'symbol',
      ...vector('places'),
      layout: {
        'text-field': osmName,
        'text-font': font,
        'text-size': 12,
        'text-optional': true,
      },
      paint: { 'text-color': theme.placeLabel, 'text-halo-color': theme.labelHalo, 'text-halo-width': 1.4 },
    },
  ];
  return { ground, labels };
}

export interface StyleOptions {
  theme: Theme['name'];
  language: Language;
  assets: StyleAssets;
}

/**
 * Data the page computes in the browser, drawn over the plan with `setData`: the site finder's
 * search circle, centre and ranked results, and parks a user imported. Each feature says its `role`.
 */
export const OVERLAY_SOURCE = 'overlay';
export const OVERLAY_POINTS_LAYER = 'overlay-points';
export const OVERLAY_IMPORTED_LAYER = 'overlay-imported';
export const OVERLAY_IMPORTED_AREA_LAYER = 'overlay-imported-area-fill';

/** The label text for a feature with name_zh/name_en: Chinese alone, or English over Chinese. */
export function labelText(language: Language): ExpressionSpecification {
  if (language === 'zh') return ['get', 'name_zh'];
  return ['format', ['get', 'name_en'], {}, '\n', {}, ['get', 'name_zh'], { 'font-scale': 0.8 }];
}

/**
 * The zoom each transport tile layer starts at (the build writes them only from there; the style's
 * layers start no earlier): the overview tiles of the first view stay as small as before.
 */
export const TRANSPORT_MIN_ZOOM = { metro: 8, roads: 9, stations: 10 } as const;

/** One line of text in the UI language (labels along lines cannot stack two names). */
export function singleLineText(language: Language): ExpressionSpecification {
  return ['get', language === 'zh' ? 'name_zh' : 'name_en'];
}

const districtState = (key: 'selected' | 'highlight'): ExpressionSpecification => ['boolean', ['feature-state', key], false];

/** A transport layer is shown while its registry toggle is on: visibility follows global state, no re-layout. */
function transportVisibility(id: TransportLayerId): LayerSpecification['layout'] {
  return {
    visibility: ['case', ['in', id, ['global-state', GLOBAL_STATE.transport]], 'visible', 'none'],
  } as unknown as LayerSpecification['layout'];
}

/**
 * The transport layers (OSM, see geodata/sources/transport): roads lie under the plan's areas,
 * metro lines and stations over them (a line's colour must stay true to be recognised), and the
 * labels with the other labels.
 */
export function transportLayers(theme: Theme, language: Language, font: string[]) {
  const vector = (layer: string) => ({ source: BASEMAP_SOURCE, 'source-layer': layer });
  const isExpressway: ExpressionSpecification = ['==', ['get', 'class'], 'expressway'];
  // Zoom must be the outermost expression, so the class picks the width inside each stop.
  const byClass = (expressway: number, elevated: number): ExpressionSpecification => ['case', isExpressway, expressway, elevated];
  const roadWidth: ExpressionSpecification = [
    'interpolate',
    ['exponential', 1.5],
    ['zoom'],
    8,
    byClass(0.7, 0.55),
    11,
    byClass(2, 1.5),
    14,
    byClass(5.6, 4.4),
  ];
  const under: LayerSpecification[] = [
    {
      id: 'roads-casing',
      type: 'line',
      ...vector('roads'),
      minzoom: 10,
      filter: isExpressway,
      layout: { ...transportVisibility('roads'), 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': theme.expresswayCasing, 'line-width': ['interpolate', ['exponential', 1.5], ['zoom'], 10, 2.6, 14, 7.5] },
    },
    {
      id: 'roads',
      type: 'line',
      ...vector('roads'),
      minzoom: TRANSPORT_MIN_ZOOM.roads,
      layout: { ...transportVisibility('roads'), 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': ['case', isExpressway, theme.expressway, theme.elevated],
        'line-width': roadWidth,
      },
    },
  ];
  const over: LayerSpecification[] = [
    {
      id: 'metro-other-track',
      type: 'line',
      ...vector('metro'),
      minzoom: 10,
      filter: ['==', ['get', 'kind'], 'network'],
      layout: { ...transportVisibility('metro'), 'line-join': 'round' },
      paint: { 'line-color': theme.otherTrack, 'line-width': 1 },
    },
    {
      id: 'metro-lines',
      type: 'line',
      ...vector('metro'),
      minzoom: TRANSPORT_MIN_ZOOM.metro,
      filter: ['==', ['get', 'kind'], 'line'],
      layout: { ...transportVisibility('metro'), 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': ['get', 'colour'], 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1, 11, 2.2, 14, 4] },
    },
    {
      id: 'stations',
      type: 'circle',
      ...vector('stations'),
      minzoom: 11,
      layout: transportVisibility('stations'),
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 11, 2.5, 14, 5],
        'circle-color': theme.station,
        'circle-stroke-color': theme.stationLine,
        'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 11, 1, 14, 1.8],
      },
    },
  ];
  const labels: LayerSpecification[] = [
    {
      id: 'road-labels',
      type: 'symbol',
      ...vector('roads'),
      minzoom: 11,
      filter: ['==', ['get', 'labelled'], true],
      layout: {
        ...transportVisibility('roads'),
        'symbol-placement': 'line',
        'text-field': singleLineText(language),
        'text-font': font,
        'text-size': 11,
        'text-max-angle': 30,
        'symbol-spacing': 350,
      },
      paint: { 'text-color': theme.roadLabel, 'text-halo-color': theme.labelHalo, 'text-halo-width': 1.4 },
    },
    {
      id: 'metro-labels',
      type: 'symbol',
      ...vector('metro'),
      minzoom: 10,
      filter: ['==', ['get', 'kind'], 'line'],
      layout: {
        ...transportVisibility('metro'),
        'symbol-placement': 'line',
        'text-field': singleLineText(language),
        'text-font': font,
        'text-size': 11,
        'text-max-angle': 30,
        'symbol-spacing': 400,
      },
      paint: { 'text-color': ['get', 'colour'], 'text-halo-color': theme.labelHalo, 'text-halo-width': 1.6 },
    },
    {
      id: 'station-labels',
      type: 'symbol',
      ...vector('stations'),
      minzoom: 12,
      layout: {
        ...transportVisibility('stations'),
        'text-field': labelText(language),
        'text-font': font,
        'text-size': 11,
        'text-anchor': 'left',
        'text-offset': [0.7, 0],
        'text-optional': true,
      },
      paint: { 'text-color': theme.stationLabel, 'text-halo-color': theme.labelHalo, 'text-halo-width': 1.4 },
    },
  ];
  return { under, over, labels };
}

export function basemapStyle(options: StyleOptions): StyleSpecification {
  const theme = THEMES[options.theme];
  const text = labelText(options.language);
  const font = [FONTSTACK];
  const src = { source: BASEMAP_SOURCE };
  const vector = (layer: string) => ({ ...src, 'source-layer': layer });
  const layers: LayerSpecification[] = [
    { id: 'background', type: 'background', paint: { 'background-color': theme.background } },
    { id: 'land', type: 'fill', ...vector('land'), paint: { 'fill-color': theme.land } },
    {
      // Selection and highlight are colours of the one district fill (feature-state), not layers of
      // their own: a layer drawn at opacity 0 still costs a full pass over the land on software GL.
      id: LAYER.districtFill,
      type: 'fill',
      ...vector('districts'),
      paint: {
        'fill-color': [
          'case',
          districtState('selected'),
          mix(theme.district, theme.districtSelected, 0.85),
          districtState('highlight'),
          mix(theme.district, theme.districtHighlight, 0.55),
          theme.district,
        ],
      },
    },
    {
      id: 'water',
      type: 'fill',
      ...vector('water'),
      paint: { 'fill-color': ['match', ['get', 'kind'], 'lake', theme.lake, theme.sea] },
    },
    {
      id: 'rivers',
      type: 'line',
      ...vector('rivers'),
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': theme.river,
        'line-width': ['interpolate', ['exponential', 1.6], ['zoom'], 7, 1.5, 10, 4, 13, 12],
      },
    },
    {
      id: 'district-lines',
      type: 'line',
      ...vector('boundaries'),
      filter: ['==', ['get', 'kind'], 'district'],
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': theme.districtLine,
        'line-width': ['interpolate', ['linear'], ['zoom'], 7, 0.8, 12, 2],
        'line-dasharray': [3, 2],
      },
    },
    {
      id: 'city-line',
      type: 'line',
      ...vector('boundaries'),
      filter: ['==', ['get', 'kind'], 'city'],
      layout: { 'line-join': 'round' },
      paint: { 'line-color': theme.cityLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 7, 1.2, 12, 3] },
    },
    {
      id: LAYER.districtSelectedLine,
      type: 'line',
      ...vector('districts'),
      layout: { 'line-join': 'round' },
      paint: { 'line-color': theme.districtSelectedLine, 'line-width': 2.5, 'line-opacity': ['case', districtState('selected'), 1, 0] },
    },
    {
      id: 'water-labels-line',
      type: 'symbol',
      ...vector('water_labels'),
      filter: ['==', ['geometry-type'], 'LineString'],
      minzoom: 8,
      layout: {
        'symbol-placement': 'line',
        'text-field': text,
        'text-font': font,
        'text-size': 12,
        'text-letter-spacing': 0.2,
        'text-max-angle': 30,
      },
      paint: { 'text-color': theme.waterLabel, 'text-halo-color': theme.sea, 'text-halo-width': 1 },
    },
    {
      id: 'river-labels',
      type: 'symbol',
      ...vector('rivers'),
      minzoom: 9,
      layout: { 'symbol-placement': 'line', 'text-field': text, 'text-font': font, 'text-size': 12, 'text-max-angle': 30 },
      paint: { 'text-color': theme.waterLabel, 'text-halo-color': theme.labelHalo, 'text-halo-width': 1.2 },
    },
    {
      id: 'water-labels-point',
      type: 'symbol',
      ...vector('water_labels'),
      filter: ['==', ['geometry-type'], 'Point'],
      layout: { 'text-field': text, 'text-font': font, 'text-size': 13, 'text-letter-spacing': 0.3 },
      paint: { 'text-color': theme.waterLabel, 'text-halo-color': theme.sea, 'text-halo-width': 1 },
    },
    {
      id: 'pois',
      type: 'circle',
      ...vector('pois'),
      minzoom: 8,
      paint: { 'circle-radius': 4, 'circle-color': theme.poi, 'circle-stroke-color': theme.labelHalo, 'circle-stroke-width': 1.5 },
    },
    {
      id: 'poi-labels',
      type: 'symbol',
      ...vector('pois'),
      minzoom: 9,
      layout: {
        'text-field': text,
        'text-font': font,
        'text-size': 11,
        'text-anchor': 'top',
        'text-offset': [0, 0.6],
        'text-optional': true,
      },
      paint: { 'text-color': theme.poiLabel, 'text-halo-color': theme.labelHalo, 'text-halo-width': 1.2 },
    },
    {
      id: 'place-labels',
      type: 'symbol',
      ...vector('place_labels'),
      minzoom: 8,
      layout: { 'text-field': text, 'text-font': font, 'text-size': 11, 'text-letter-spacing': 0.15, 'text-optional': true },
      paint: { 'text-color': theme.placeLabel, 'text-halo-color': theme.labelHalo, 'text-halo-width': 1.2 },
    },
    {
      id: LAYER.districtLabels,
      type: 'symbol',
      ...vector('district_labels'),
      layout: {
        'text-field': text,
        'text-font': font,
        'text-size': ['interpolate', ['linear'], ['zoom'], 8, 12, 11, 16],
        'symbol-sort-key': ['-', 0, ['to-number', ['get', 'area']]],
        'text-padding': 4,
      },
      paint: { 'text-color': theme.label, 'text-halo-color': theme.labelHalo, 'text-halo-width': 1.5 },
    },
  ];
  const sources: StyleSpecification['sources'] = {
    [BASEMAP_SOURCE]: {
      type: 'vector',
      url: `pmtiles://${options.assets.basemapUrl}`,
      attribution: attributionHtml(options.language),
      promoteId: { [DISTRICTS_SOURCE_LAYER]: 'code' },
    },
    [PLAN_SOURCE]: {
      type: 'vector',
      url: `pmtiles://${options.assets.planUrl}`,
      promoteId: { [PLAN_SOURCE_LAYER]: PLAN_PROMOTE_ID },
    },
    [OVERLAY_SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    ...(options.assets.streetsUrl ? { [STREETS_SOURCE]: { type: 'vector' as const, url: `pmtiles://${options.assets.streetsUrl}` } } : {}),
  };
  const plan = planLayers(theme, text, font);
  const transport = transportLayers(theme, options.language, font);
  const streets = options.assets.streetsUrl ? streetLayers(theme, options.language, font) : { ground: [], labels: [] };
  // Roads under the plan's areas, metro over them; every label above; the overlay on top. A
  // deployment's street layers lie on the districts, under their boundaries.
  const districtLines = layers.findIndex((l) => l.id === 'district-lines');
  layers.splice(districtLines, 0, ...streets.ground);
  const firstLabel = layers.findIndex((l) => l.type === 'symbol');
  return {
    version: 8,
    name: `shanghai-${theme.name}-${options.language}`,
    glyphs: options.assets.glyphsUrl,
    // Declared with the defaults of an untouched view; the map's parts set the live values.
    state: {
      [GLOBAL_STATE.industries]: { default: [...DEFAULT_MAP_STATE.industries] },
      [GLOBAL_STATE.kinds]: { default: [...DEFAULT_MAP_STATE.kinds] },
      [GLOBAL_STATE.byDensity]: { default: DEFAULT_MAP_STATE.byDensity },
      [GLOBAL_STATE.transport]: { default: [...DEFAULT_MAP_STATE.transport] },
    },
    sources,
    layers: sharePrograms([
      ...layers.slice(0, firstLabel),
      ...transport.under,
      ...plan.shapes,
      ...transport.over,
      ...transport.labels,
      ...streets.labels,
      ...layers.slice(firstLabel),
      ...plan.labels,
      ...overlayLayers(theme, font),
    ]),
  };
}

/** The overlay's layers: the search area, its centre, imported parks and ranked results (numbered). */
function overlayLayers(theme: Theme, font: string[]): LayerSpecification[] {
  const src = { source: OVERLAY_SOURCE };
  const role = (r: string): FilterSpecification => ['==', ['get', 'role'], r];
  return [
    {
      id: 'overlay-area-fill',
      type: 'fill',
      ...src,
      filter: role('search-area'),
      paint: { 'fill-color': '#1d4e89', 'fill-opacity': 0.06 },
    },
    {
      id: 'overlay-area-line',
      type: 'line',
      ...src,
      filter: role('search-area'),
      paint: { 'line-color': '#1d4e89', 'line-width': 1.5, 'line-dasharray': [3, 2] },
    },
    {
      id: 'overlay-centre',
      type: 'circle',
      ...src,
      filter: role('centre'),
      paint: { 'circle-radius': 6, 'circle-color': '#b42318', 'circle-stroke-color': '#fff', 'circle-stroke-width': 2 },
    },
    {
      // a park boundary from the user's file: filled like its marker (by its own tier in density mode), outlined in the imported green
      id: OVERLAY_IMPORTED_AREA_LAYER,
      type: 'fill',
      ...src,
      filter: role('imported-area'),
      paint: {
        'fill-color': ['case', ['global-state', GLOBAL_STATE.byDensity], densityColour(), '#117733'],
        // one opacity for both modes: a global-state-only paint value would re-lay out the source (programs.ts)
        'fill-opacity': 0.3,
      },
    },
    {
      id: 'overlay-imported-area-line',
      type: 'line',
      ...src,
      filter: role('imported-area'),
      paint: { 'line-color': '#117733', 'line-width': 2 },
    },
    {
      id: OVERLAY_IMPORTED_LAYER,
      type: 'circle',
      ...src,
      filter: role('imported'),
      // in density mode an imported park is filled by its own figure's tier (grey: no data), its ring
      // still the imported layer's green, so it never passes for a sourced feature
      paint: {
        'circle-radius': 6,
        'circle-color': ['case', ['global-state', GLOBAL_STATE.byDensity], densityColour(), '#ffffff'],
        'circle-stroke-color': '#117733',
        'circle-stroke-width': 3,
      },
    },
    {
      id: OVERLAY_POINTS_LAYER,
      type: 'circle',
      ...src,
      filter: role('result'),
      paint: {
        'circle-radius': 11,
        'circle-color': ['case', ['==', ['get', 'selected'], true], '#b42318', '#1d4e89'],
        'circle-stroke-color': '#fff',
        'circle-stroke-width': 2,
      },
    },
    {
      id: 'overlay-ranks',
      type: 'symbol',
      ...src,
      filter: role('result'),
      layout: {
        'text-field': ['to-string', ['get', 'rank']],
        'text-font': font,
        'text-size': 11,
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { 'text-color': '#ffffff', 'text-halo-color': theme.label, 'text-halo-width': 0 },
    },
  ];
}
