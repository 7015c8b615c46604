import { base } from '$app/paths';
import type { StyleAssets } from '../style/basemap-style.ts';
import { GLYPH_URL_TEMPLATE } from './glyphs.ts';

export interface MapAssets extends StyleAssets {
  /** Folder of the glyph range files, ending in '/'. */
  fontsRoot: string;
  /** The list of glyph ranges the basemap labels need, fetched first. */
  glyphPrefetchUrl: string;
}

/** Absolute URLs of the map's assets on this app's own origin (MapLibre needs absolute URLs). */
export function styleAssets(location: Location): MapAssets {
  const root = new URL(`${base}/`, location.href);
  return {
    basemapUrl: new URL('basemap/shanghai.pmtiles', root).href,
    planUrl: new URL('basemap/plan.pmtiles', root).href,
    // glyphs come through the glyphs:// protocol (./glyphs.ts), which reads these files
    glyphsUrl: GLYPH_URL_TEMPLATE,
    fontsRoot: new URL('fonts/', root).href,
    glyphPrefetchUrl: new URL('basemap/glyph-prefetch.json', root).href,
  };
}
