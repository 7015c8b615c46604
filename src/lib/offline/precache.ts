/**
 * What the service worker stores for use without a network, and how a request finds it: pure, so the
 * choice is tested without a browser.
 *
 * Everything a user can open is stored on the first visit — the app's code, every prerendered page
 * (maps, profiles, finder, compare, data pages), the glyphs, the data and the basemap archives — except
 * the test and benchmark pages, which no user opens.
 */

export interface BuildFiles {
  /** The app's own code and styles (SvelteKit `build`). */
  build: readonly string[];
  /** Files from static/ (basemap, glyphs, data, icons). */
  files: readonly string[];
  /** Prerendered pages, by path. */
  prerendered: readonly string[];
  /** The base path the app is served under ('' at the root). */
  base: string;
}

const NOT_FOR_USERS = /^\/(test|bench)(\/|$)/;

/** The paths stored on install, in a stable order, without duplicates. */
export function offlinePaths({ build, files, prerendered, base }: BuildFiles): string[] {
  const local = (path: string) => (base && path.startsWith(base) ? path.slice(base.length) || '/' : path);
  const wanted = [...build, ...files, ...prerendered].filter((path) => !NOT_FOR_USERS.test(local(path)));
  // the site's root page is prerendered as `${base}/`
  return [...new Set(wanted)];
}

/**
 * The stored path that answers a request: a page by its path without query or hash (the view state
 * lives in the query, the page is the same), a file by its path; null when nothing stored answers it.
 */
export function storedPathFor(url: URL, stored: ReadonlySet<string>): string | null {
  const path = decodeURIComponent(url.pathname);
  if (stored.has(path)) return path;
  // trailing-slash spellings of a page (the app links without one)
  if (path.length > 1 && path.endsWith('/') && stored.has(path.slice(0, -1))) return path.slice(0, -1);
  return null;
}

/** A cache's name for one build: a new build stores beside the old one and replaces it only when activated. */
export function cacheName(version: string): string {
  return `explorer-offline-${version}`;
}

/** Whether a cache belongs to this app (so an update deletes only its own old copies). */
export function isOwnCache(name: string): boolean {
  return name.startsWith('explorer-offline-');
}
