import { base } from '$app/paths';
import type { StyleAssets } from '../style/basemap-style.ts';
import { GLYPH_URL_TEMPLATE } from './glyphs.ts';

export interface MapAssets extends StyleAssets {
  /** Folder of the glyph range files, ending in '/'. */
  fontsRoot: string;
  /** The list of glyph ranges the basemap labels need, fetched first. */
  glyphPrefetchUrl: string;
}

declare const __STREETS_ARCHIVE__: boolean | undefined;

/**
 * Whether the map draws basemap/streets.pmtiles: when the build found one (vite.config.ts), or on the
 * /test/streets route (the browser test serves its own tiny archive there).
 */
function drawsStreets(location: Location): boolean {
  if (typeof __STREETS_ARCHIVE__ !== 'undefined' && __STREETS_ARCHIVE__) return true;
  return location.pathname === `${base}/test/streets`;
}

/** Absolute URLs of the map's assets on this app's own origin (MapLibre needs absolute URLs). */
export function styleAssets(location: Location): MapAssets {
  const root = new URL(`${base}/`, location.href);
  return {
    basemapUrl: new URL('basemap/shanghai.pmtiles', root).href,
    planUrl: new URL('basemap/plan.pmtiles', root).href,
    streetsUrl: drawsStreets(location) ? new URL('basemap/streets.pmtiles', root).href : null,
    // glyphs come through the glyphs:// protocol (./glyphs.ts), which reads these files
    glyphsUrl: GLYPH_URL_TEMPLATE,
    fontsRoot: new URL('fonts/', root).href,
    glyphPrefetchUrl: new URL('basemap/glyph-prefetch.json', root).href,
  };
}
