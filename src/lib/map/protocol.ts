/**
 * The map's protocols — `pmtiles://` for the archives and `glyphs://` for label glyphs — registered
 * once for the page however many maps it shows, and removed when the last of them is gone (as
 * svelte-maplibre-gl's PMTilesProtocol does, counted here because maps come and go independently: a
 * profile's mini-map, the explorer, the finder).
 */
import { GLYPH_PROTOCOL, type GlyphSource } from './glyphs.ts';
import { RetryOnceSource } from './retry-source.ts';

import type { MapLibreModule } from './engine.ts';
type PMTilesModule = typeof import('pmtiles');

let users = 0;
let protocol: InstanceType<PMTilesModule['Protocol']> | null = null;
const archives = new Map<string, InstanceType<PMTilesModule['PMTiles']>>();

/** Registers the protocol (first user) and the archives; returns the release function and the archives. */
export function acquireProtocols(
  maplibre: MapLibreModule,
  pmtiles: PMTilesModule,
  urls: readonly string[],
  glyphs: GlyphSource,
  onRetry: (error: unknown) => void = () => {},
): { release: () => void; forget: () => void; archives: InstanceType<PMTilesModule['PMTiles']>[] } {
  if (users === 0 || !protocol) {
    protocol = new pmtiles.Protocol();
    maplibre.addProtocol('pmtiles', protocol.tile);
    maplibre.addProtocol(GLYPH_PROTOCOL, async (params, abort) => ({ data: await glyphs.get(params.url, abort.signal) }));
  }
  users++;
  const used = urls.map((url) => {
    let archive = archives.get(url);
    if (!archive) {
      const source = new RetryOnceSource(new pmtiles.FetchSource(url), (err) => err instanceof pmtiles.EtagMismatch, onRetry);
      archive = new pmtiles.PMTiles(source);
      archives.set(url, archive);
      protocol!.add(archive);
    }
    return archive;
  });
  let released = false;
  return {
    archives: used,
    /** Drops these archives (a failed read stays in PMTiles' cache): the next map reads them afresh. */
    forget() {
      for (const url of urls) {
        archives.delete(url);
        protocol?.tiles.delete(url);
      }
    },
    release() {
      if (released) return;
      released = true;
      users--;
      if (users === 0) {
        maplibre.removeProtocol('pmtiles');
        maplibre.removeProtocol(GLYPH_PROTOCOL);
        protocol = null;
        archives.clear();
      }
    },
  };
}
