/**
 * The language of a prerendered page that has no other view state: read from ?lang= through the one
 * URL-state helper (so `<html lang>` follows it too), Chinese until the URL is read and when the
 * value is unknown. Other parameters are not this page's and are ignored.
 */
import { DEFAULT_LANGUAGE, isLanguage, type Language } from './language.ts';
import { urlState } from '../url/url-state.svelte.ts';
import type { DroppedParam } from '../url/view-state.ts';

export function languageFromQuery(search: string | URLSearchParams): Language {
  const lang = new URLSearchParams(search).get('lang');
  return isLanguage(lang) ? lang : DEFAULT_LANGUAGE;
}

/** Call during component init; read `.value` reactively. */
export function urlLanguage(): { readonly value: Language } {
  const url = urlState<{ language: Language }>(
    () => ({
      decode: (query) => {
        const lang = query.get('lang');
        const dropped: DroppedParam[] = lang !== null && !isLanguage(lang) ? [{ param: 'lang', value: lang, reason: 'drop_language' }] : [];
        return { state: { language: languageFromQuery(query) }, dropped };
      },
      encode: (s) => (s.language === DEFAULT_LANGUAGE ? '' : `lang=${s.language}`),
    }),
    { language: DEFAULT_LANGUAGE },
  );
  return {
    get value() {
      return url.state.language;
    },
  };
}
