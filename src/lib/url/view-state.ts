/**
 * The URL is the single source of truth for view state. This module is the codec between a URL's
 * query and the typed state: pure, total (any input decodes to a valid state), and reporting every
 * value it had to drop so the UI can say so.
 *
 *   v=121.45,31.2,8.6[,bearing,pitch]   map view (centre lon, lat, zoom, bearing °, pitch °)
 *   layers=belts,pole                     plan layers on ("none" for none; absent = defaults)
 *   ind=AUTO,IC                           3+6 industries chosen
 *   sel=dongfang-xingang                  selected plan feature
 *   d=310114                              selected district
 *   lang=en                               language (zh when absent)
 *   mode=list                             the list view instead of the map
 *   density=2d|3d                         colour by output density; 3d adds extruded columns
 */
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../i18n/language.ts';
import type { IndustryId } from '../plan/model.ts';
import type { PlainStringKey } from '../i18n/strings.ts';
import { INDUSTRY_IDS } from '../plan/vocabulary.ts';
import { DEFAULT_LAYERS, PLAN_LAYERS } from '../layers/registry.ts';

export interface MapView {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}

export interface ViewState {
  language: Language;
  /** Selected district's 6-digit code. */
  district: string | null;
  /** Selected plan feature id. */
  feature: string | null;
  /** Plan layers on, in registry order. */
  layers: string[];
  /** Chosen industries, in 3+6 order. */
  industries: IndustryId[];
  /** Null: the map's default view. */
  view: MapView | null;
  mode: 'map' | 'list';
  density: DensityMode;
}

export const DENSITY_MODES = ['off', '2d', '3d'] as const;
export type DensityMode = (typeof DENSITY_MODES)[number];

/** Why a value was dropped: a key of the string table, so the notice reads in the page's language. */
export type DropReason = Extract<PlainStringKey, `drop_${string}`>;

export interface DroppedParam {
  param: string;
  value: string;
  reason: DropReason;
}

export const DEFAULT_VIEW_STATE: ViewState = {
  language: DEFAULT_LANGUAGE,
  district: null,
  feature: null,
  layers: [...DEFAULT_LAYERS],
  industries: [],
  view: null,
  mode: 'map',
  density: 'off',
};

/** Where a shared view may point: a generous box around Shanghai. */
export const VIEW_LIMITS = { lon: [119.6, 123.4], lat: [29.7, 32.7], zoom: [6.5, 15], pitch: [0, 85] } as const;

const KNOWN_PARAMS = new Set(['lang', 'd', 'sel', 'layers', 'ind', 'v', 'mode', 'density']);

export interface DecodeContext {
  /** The district codes that exist; a code outside it is dropped. */
  districtCodes: ReadonlySet<string>;
  /** The plan feature ids that exist; an unknown selection is dropped. */
  featureIds: ReadonlySet<string>;
}

export function decodeList<T extends string>(raw: string, known: readonly T[], param: string, dropped: DroppedParam[]): T[] {
  const parts = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const good = parts.filter((p): p is T => (known as readonly string[]).includes(p));
  for (const p of parts) if (!good.includes(p as T)) dropped.push({ param, value: p, reason: 'drop_value' });
  // registry order, no duplicates
  return known.filter((k) => good.includes(k));
}

function decodeView(raw: string, dropped: DroppedParam[]): MapView | null {
  const parts = raw.split(',').map((s) => (s.trim() === '' ? NaN : Number(s)));
  const [lon, lat, zoom, bearing = 0, pitch = 0] = parts;
  const inRange = (x: number | undefined, [lo, hi]: readonly [number, number]) =>
    x !== undefined && Number.isFinite(x) && x >= lo && x <= hi;
  if (
    parts.length < 3 ||
    parts.length > 5 ||
    !inRange(lon, VIEW_LIMITS.lon) ||
    !inRange(lat, VIEW_LIMITS.lat) ||
    !inRange(zoom, VIEW_LIMITS.zoom) ||
    !Number.isFinite(bearing) ||
    !inRange(pitch, VIEW_LIMITS.pitch)
  ) {
    dropped.push({ param: 'v', value: raw, reason: 'drop_view' });
    return null;
  }
  const b = (((bearing % 360) + 540) % 360) - 180;
  return { center: [lon!, lat!], zoom: zoom!, bearing: b === -180 ? 180 : b, pitch };
}

/**
 * Reports every repeat of a parameter (`lang=en&lang=zh`): the codecs read the first value of each,
 * and a link whose later values would be silently ignored says so instead.
 */
export function reportRepeats(query: URLSearchParams, dropped: DroppedParam[]): void {
  const seen = new Set<string>();
  for (const [key, value] of query) {
    if (seen.has(key)) dropped.push({ param: key, value, reason: 'drop_duplicate' });
    seen.add(key);
  }
}

/** The `lang` parameter, as every page's codec reads it: Chinese when absent, a dropped value when unknown. */
export function decodeLanguage(query: URLSearchParams, dropped: DroppedParam[]): Language {
  const lang = query.get('lang');
  if (lang === null) return DEFAULT_LANGUAGE;
  if (isLanguage(lang)) return lang;
  dropped.push({ param: 'lang', value: lang, reason: 'drop_language' });
  return DEFAULT_LANGUAGE;
}

/** The codec of a page whose only state is its language (data page, indicators, profiles); other parameters are not its. */
export function decodeLanguageOnly(query: URLSearchParams): { state: { language: Language }; dropped: DroppedParam[] } {
  const dropped: DroppedParam[] = [];
  const language = decodeLanguage(query, dropped);
  for (const extra of query.getAll('lang').slice(1)) dropped.push({ param: 'lang', value: extra, reason: 'drop_duplicate' });
  return { state: { language }, dropped };
}

export function encodeLanguageOnly(state: { language: Language }): string {
  return state.language === DEFAULT_LANGUAGE ? '' : `lang=${state.language}`;
}

export function decodeViewState(query: URLSearchParams, context: DecodeContext): { state: ViewState; dropped: DroppedParam[] } {
  const dropped: DroppedParam[] = [];
  const state: ViewState = { ...DEFAULT_VIEW_STATE, layers: [...DEFAULT_VIEW_STATE.layers] };
  state.language = decodeLanguage(query, dropped);
  const district = query.get('d');
  if (district !== null) {
    if (context.districtCodes.has(district)) state.district = district;
    else dropped.push({ param: 'd', value: district, reason: 'drop_district' });
  }
  const feature = query.get('sel');
  if (feature !== null) {
    if (context.featureIds.has(feature)) state.feature = feature;
    else dropped.push({ param: 'sel', value: feature, reason: 'drop_feature' });
  }
  const layers = query.get('layers');
  if (layers !== null) {
    state.layers =
      layers === 'none'
        ? []
        : decodeList(
            layers,
            PLAN_LAYERS.map((l) => l.id),
            'layers',
            dropped,
          );
  }
  const industries = query.get('ind');
  if (industries !== null) state.industries = decodeList(industries, INDUSTRY_IDS, 'ind', dropped);
  const view = query.get('v');
  if (view !== null) state.view = decodeView(view, dropped);
  const mode = query.get('mode');
  if (mode !== null) {
    if (mode === 'list' || mode === 'map') state.mode = mode;
    else dropped.push({ param: 'mode', value: mode, reason: 'drop_mode' });
  }
  const density = query.get('density');
  if (density !== null) {
    if ((DENSITY_MODES as readonly string[]).includes(density)) state.density = density as DensityMode;
    else dropped.push({ param: 'density', value: density, reason: 'drop_density' });
  }
  for (const key of new Set(query.keys())) {
    if (!KNOWN_PARAMS.has(key)) dropped.push({ param: key, value: query.get(key) ?? '', reason: 'drop_param' });
  }
  reportRepeats(query, dropped);
  return { state, dropped };
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));

/** Encodes only what differs from the default, so the default view has a clean URL. */
export function encodeViewState(state: ViewState): URLSearchParams {
  const query = new URLSearchParams();
  if (state.view) {
    const { center, zoom, bearing, pitch } = state.view;
    const parts = [round(center[0], 5), round(center[1], 5), round(zoom, 2)];
    if (round(bearing, 1) !== 0 || round(pitch, 1) !== 0) parts.push(round(bearing, 1), round(pitch, 1));
    query.set('v', parts.join(','));
  }
  const layers = PLAN_LAYERS.map((l) => l.id).filter((id) => state.layers.includes(id));
  if (layers.join(',') !== DEFAULT_VIEW_STATE.layers.join(',')) query.set('layers', layers.length ? layers.join(',') : 'none');
  const industries = INDUSTRY_IDS.filter((id) => state.industries.includes(id));
  if (industries.length) query.set('ind', industries.join(','));
  if (state.feature) query.set('sel', state.feature);
  if (state.district) query.set('d', state.district);
  if (state.language !== DEFAULT_VIEW_STATE.language) query.set('lang', state.language);
  if (state.mode !== DEFAULT_VIEW_STATE.mode) query.set('mode', state.mode);
  if (state.density !== DEFAULT_VIEW_STATE.density) query.set('density', state.density);
  return query;
}

/** The query string for a state, with commas left readable (they are legal in a query). */
export function viewStateQuery(state: ViewState): string {
  return encodeViewState(state).toString().replace(/%2C/gi, ',');
}
