/**
 * Files the map reads by HTTP byte ranges (PMTiles archives). A byte range only means something in
 * the file's own bytes, so these files must never be sent content-encoded: a server that gzips the
 * whole file (as `vite preview` does for a type it does not know) leaves a compressed entry in the
 * browser's HTTP cache, and a later `Range` request sliced out of that entry fails to decode
 * (net::ERR_CONTENT_DECODING_FAILED). The PMTiles project's deployment notes say the same.
 *
 * One rule for every place that serves or stores them: the preview server (vite.config.ts), the
 * README's nginx and Caddy examples (kept identical by a unit test) and the service worker.
 */

/** Media type by extension of every file read by ranges. */
export const RANGED_FILE_TYPES: Readonly<Record<string, string>> = { pmtiles: 'application/vnd.pmtiles' };

/** The media type of a file read by ranges, or null for any other path (query and hash ignored). */
export function rangedFileType(url: string): string | null {
  const path = url.split(/[?#]/, 1)[0] ?? '';
  const dot = path.lastIndexOf('.');
  if (dot < 0 || dot < path.lastIndexOf('/')) return null;
  return RANGED_FILE_TYPES[path.slice(dot + 1).toLowerCase()] ?? null;
}

/**
 * The headers a server sends with a file read by ranges: its real type, that ranges are welcome, and
 * that the bytes are the file's own. (The `Content-Encoding` a compressing server would add is not
 * a header to set but one to keep away: the preview server never asks for it, see vite.config.ts.)
 */
export function rangedFileHeaders(type: string): Record<string, string> {
  return { 'Content-Type': type, 'Accept-Ranges': 'bytes' };
}

/**
 * How the service worker fetches a file it stores. Archives bypass the HTTP cache both ways
 * (`no-store`): a whole archive stored there by the worker would be the entry a page's range read is
 * later sliced from, and on a host that compresses it, that read fails. Other files refresh it
 * (`reload`), which pages not yet controlled by the worker profit from.
 */
export function storeFetchMode(path: string): RequestCache {
  return rangedFileType(path) ? 'no-store' : 'reload';
}
