import { base } from '$app/paths';
import type { StyleAssets } from '../style/basemap-style.ts';

/** Absolute URLs of the basemap assets on this app's own origin (MapLibre needs absolute URLs). */
export function styleAssets(location: Location): StyleAssets {
  const root = new URL(`${base}/`, location.href);
  return {
    basemapUrl: new URL('basemap/shanghai.pmtiles', root).href,
    planUrl: new URL('basemap/plan.pmtiles', root).href,
    glyphsUrl: decodeURI(new URL('fonts/{fontstack}/{range}.pbf', root).href),
  };
}
