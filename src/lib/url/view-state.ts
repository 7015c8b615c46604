/**
 * The URL is the single source of truth for view state. This module is the codec between a URL's
 * query and the typed state: pure, total (any input decodes to a valid state), and reporting every
 * value it had to drop so the UI can say so.
 */
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../i18n/language.ts';

export interface ViewState {
  language: Language;
  /** Selected district's 6-digit code. */
  district: string | null;
}

export interface DroppedParam {
  param: string;
  value: string;
  reason: string;
}

export const DEFAULT_VIEW_STATE: ViewState = { language: DEFAULT_LANGUAGE, district: null };

const KNOWN_PARAMS = new Set(['lang', 'd']);

export interface DecodeContext {
  /** The district codes that exist; a code outside it is dropped. */
  districtCodes: ReadonlySet<string>;
}

export function decodeViewState(query: URLSearchParams, context: DecodeContext): { state: ViewState; dropped: DroppedParam[] } {
  const dropped: DroppedParam[] = [];
  const state: ViewState = { ...DEFAULT_VIEW_STATE };
  const lang = query.get('lang');
  if (lang !== null) {
    if (isLanguage(lang)) state.language = lang;
    else dropped.push({ param: 'lang', value: lang, reason: 'unknown language (zh or en)' });
  }
  const district = query.get('d');
  if (district !== null) {
    if (context.districtCodes.has(district)) state.district = district;
    else dropped.push({ param: 'd', value: district, reason: 'no district has this code' });
  }
  for (const key of new Set(query.keys())) {
    if (!KNOWN_PARAMS.has(key)) dropped.push({ param: key, value: query.get(key) ?? '', reason: 'unknown parameter' });
  }
  return { state, dropped };
}

/** Encodes only what differs from the default, so the default view has a clean URL. */
export function encodeViewState(state: ViewState): URLSearchParams {
  const query = new URLSearchParams();
  if (state.language !== DEFAULT_VIEW_STATE.language) query.set('lang', state.language);
  if (state.district) query.set('d', state.district);
  return query;
}
