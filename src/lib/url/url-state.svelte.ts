/**
 * The one helper every page uses to keep its view state in the URL: the URL is the single source of
 * truth. It decodes the query once the page runs in the browser (prerendered HTML has no query),
 * keeps the values it had to drop as notices about the link the page was opened with, writes every
 * change back with `replaceState` (no history entry per click), and keeps `<html lang>` on the
 * page's language.
 */
import { onMount } from 'svelte';
import { page } from '$app/state';
import { replaceState } from '$app/navigation';
import { base } from '$app/paths';
import { DEFAULT_LANGUAGE, type Language } from '../i18n/language.ts';
import type { DroppedParam } from './view-state.ts';

export interface PageCodec<S> {
  decode(query: URLSearchParams): { state: S; dropped: DroppedParam[] };
  /** The query string for a state, without '?' ('' for the page's defaults). */
  encode(state: S): string;
}

export interface UrlState<S> {
  /** The page's state: the defaults until the URL has been read. */
  readonly state: S;
  /** True once the URL has been read (prerendered HTML shows the defaults until then). */
  readonly ready: boolean;
  /** Values of the opening link that were not understood and were dropped. */
  readonly notices: DroppedParam[];
  dismiss(): void;
  update(change: Partial<S>): void;
}

export function htmlLang(language: Language): string {
  return language === 'zh' ? 'zh-CN' : 'en';
}

/** The language of the page being shown, for what the root layout draws around every page (notices). */
export const shownLanguage = $state({ value: DEFAULT_LANGUAGE as Language });

/** The web app manifest in a language (written by the geodata build: geodata/build/app-icons.ts). */
export function manifestHref(language: Language): string {
  return `${base}/app/manifest-${language}.webmanifest`;
}

/** Call during component init. `codec` is read on every decode, so it may depend on page data. */
export function urlState<S extends { language: Language }>(codec: () => PageCodec<S>, defaults: S): UrlState<S> {
  // Every change is written to the URL first and read back from this same string: SvelteKit's
  // shallow `replaceState` does not re-run state derived from `page.url`.
  let query: string | null = $state(null);
  onMount(() => (query = page.url.search));
  const decoded = $derived(query === null ? null : codec().decode(new URLSearchParams(query)));
  const state = $derived(decoded?.state ?? defaults);
  // Notices are about the link the page was opened with, not about later changes.
  let notices: DroppedParam[] | null = $state(null);
  $effect(() => {
    if (decoded && notices === null) {
      notices = decoded.dropped;
      // the page has read its link (prerendered HTML shows the defaults until then)
      document.documentElement.dataset.urlRead = 'true';
    }
  });
  $effect(() => {
    document.documentElement.lang = htmlLang(state.language);
    shownLanguage.value = state.language;
    document.querySelector('link[rel="manifest"]')?.setAttribute('href', manifestHref(state.language));
  });
  return {
    get state() {
      return state;
    },
    get ready() {
      return query !== null;
    },
    get notices() {
      return notices ?? [];
    },
    dismiss() {
      notices = [];
    },
    update(change: Partial<S>) {
      const next = codec().encode({ ...state, ...change });
      replaceState(next ? `?${next}` : page.url.pathname, {});
      query = next ? `?${next}` : '';
    },
  };
}
