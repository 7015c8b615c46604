/**
 * The language of a prerendered page that has no other view state: read from ?lang= through the one
 * URL-state helper (so `<html lang>` follows it too), Chinese until the URL is read and when the
 * value is unknown (the page says so). Other parameters are not this page's and are ignored.
 */
import { DEFAULT_LANGUAGE, type Language } from './language.ts';
import { urlState } from '../url/url-state.svelte.ts';
import { decodeLanguageOnly, encodeLanguageOnly, type DroppedParam } from '../url/view-state.ts';

export function languageFromQuery(search: string | URLSearchParams): Language {
  return decodeLanguageOnly(new URLSearchParams(search)).state.language;
}

/** Call during component init; read `.value` reactively; `notices` say what the link asked that could not be used. */
export function urlLanguage(): { readonly value: Language; readonly notices: DroppedParam[]; dismiss(): void } {
  const url = urlState(() => ({ decode: decodeLanguageOnly, encode: encodeLanguageOnly }), { language: DEFAULT_LANGUAGE });
  return {
    get value() {
      return url.state.language;
    },
    get notices() {
      return url.notices;
    },
    dismiss: () => url.dismiss(),
  };
}
