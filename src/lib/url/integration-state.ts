/**
 * The integration comparison's state in the URL, pure and total like the other pages' codecs.
 *
 *   ind=AUTO,EI   3+6 industries whose fusion paths are shown (all when absent)
 *   lang=en
 */
import { DEFAULT_LANGUAGE, type Language } from '../i18n/language.ts';
import { INDUSTRY_IDS, type IndustryId } from '../plan/vocabulary.ts';
import { decodeLanguage, decodeList, reportRepeats, type DroppedParam } from './view-state.ts';

export interface IntegrationState {
  language: Language;
  industries: IndustryId[];
}

export const DEFAULT_INTEGRATION_STATE: Readonly<IntegrationState> = { language: DEFAULT_LANGUAGE, industries: [] };

export function decodeIntegration(query: URLSearchParams): { state: IntegrationState; dropped: DroppedParam[] } {
  const dropped: DroppedParam[] = [];
  const language = decodeLanguage(query, dropped);
  const raw = query.get('ind');
  const industries = raw === null ? [] : decodeList(raw, INDUSTRY_IDS, 'ind', dropped);
  for (const key of new Set(query.keys())) {
    if (key !== 'lang' && key !== 'ind') dropped.push({ param: key, value: query.get(key) ?? '', reason: 'drop_param' });
  }
  reportRepeats(query, dropped);
  return { state: { language, industries }, dropped };
}

export function encodeIntegration(state: IntegrationState): string {
  const query = new URLSearchParams();
  const industries = INDUSTRY_IDS.filter((id) => state.industries.includes(id));
  if (industries.length) query.set('ind', industries.join(','));
  if (state.language !== DEFAULT_LANGUAGE) query.set('lang', state.language);
  return query.toString().replace(/%2C/gi, ',');
}
