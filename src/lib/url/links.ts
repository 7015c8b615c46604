/**
 * The one way to build an internal link: the app's base path, the path, the page's own parameters,
 * and the language kept (`lang=en`; Chinese is the default and needs none).
 */
import { base } from '$app/paths';
import type { Language } from '../i18n/language.ts';

export type LinkParams = Record<string, string | number | readonly string[] | null | undefined>;

/** Pure: the link for `path` (starting with '/') in `language`, with `params` in their order, empty ones left out. */
export function buildLink(basePath: string, path: string, language: Language, params: LinkParams = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length) query.set(key, value.join(','));
    } else query.set(key, String(value));
  }
  if (language !== 'zh') query.set('lang', language);
  const search = query.toString().replace(/%2C/gi, ',');
  return `${basePath}${path}${search ? `?${search}` : ''}`;
}

/** A link inside this app. */
export function link(path: string, language: Language, params: LinkParams = {}): string {
  return buildLink(base, path, language, params);
}
