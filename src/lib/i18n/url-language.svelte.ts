/**
 * The language of a prerendered page that has no map: read from ?lang= once the page runs in the
 * browser (prerendered HTML has no query), Chinese until then and when the value is unknown.
 */
import { onMount } from 'svelte';
import { page } from '$app/state';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from './language.ts';

export function languageFromQuery(search: string): Language {
  const lang = new URLSearchParams(search).get('lang');
  return isLanguage(lang) ? lang : DEFAULT_LANGUAGE;
}

/** Call during component init; read `.value` reactively. */
export function urlLanguage(): { readonly value: Language } {
  let mounted = $state(false);
  onMount(() => (mounted = true));
  const value = $derived(mounted ? languageFromQuery(page.url.search) : DEFAULT_LANGUAGE);
  return {
    get value() {
      return value;
    },
  };
}
