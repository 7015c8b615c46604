/**
 * The compare page's state in the URL, pure and total like the map's and the finder's codecs.
 *
 *   units=belt-yanjiang,new-town-jiading   the units compared, in order (at most MAX_COMPARED)
 *   lang=en
 */
import { DEFAULT_LANGUAGE, type Language } from '../i18n/language.ts';
import { DEFAULT_COMPARISON, MAX_COMPARED } from '../plan/compare.ts';
import { decodeLanguage, reportRepeats, type DroppedParam } from './view-state.ts';

export interface CompareState {
  language: Language;
  units: string[];
}

export const DEFAULT_COMPARE_STATE: Readonly<CompareState> = { language: DEFAULT_LANGUAGE, units: [...DEFAULT_COMPARISON] };

export function decodeCompare(query: URLSearchParams, known: ReadonlySet<string>): { state: CompareState; dropped: DroppedParam[] } {
  const dropped: DroppedParam[] = [];
  const state: CompareState = { ...DEFAULT_COMPARE_STATE, units: [...DEFAULT_COMPARE_STATE.units] };
  state.language = decodeLanguage(query, dropped);
  const raw = query.get('units');
  if (raw !== null) {
    state.units = [];
    for (const id of raw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)) {
      if (!known.has(id)) dropped.push({ param: 'units', value: id, reason: 'drop_unit' });
      else if (state.units.includes(id)) continue;
      else if (state.units.length >= MAX_COMPARED) dropped.push({ param: 'units', value: id, reason: 'drop_tooMany' });
      else state.units.push(id);
    }
  }
  for (const key of new Set(query.keys())) {
    if (key !== 'lang' && key !== 'units') dropped.push({ param: key, value: query.get(key) ?? '', reason: 'drop_param' });
  }
  reportRepeats(query, dropped);
  return { state, dropped };
}

export function encodeCompare(state: CompareState): string {
  const query = new URLSearchParams();
  if (state.units.join(',') !== DEFAULT_COMPARE_STATE.units.join(',')) query.set('units', state.units.join(','));
  if (state.language !== DEFAULT_LANGUAGE) query.set('lang', state.language);
  return query.toString().replace(/%2C/gi, ',');
}
