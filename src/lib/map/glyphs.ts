/**
 * Glyphs through a `glyphs://` protocol, so the map can start fetching the ranges its basemap
 * labels need as soon as the page runs, beside the engine and the tiles. Without it MapLibre asks
 * for a range only once a tile's labels have been laid out, which put some twenty glyph requests
 * on the critical path after the last tile. Ranges not prefetched are fetched when MapLibre asks.
 * All from the app's own origin.
 */
export const GLYPH_PROTOCOL = 'glyphs';
export const GLYPH_URL_TEMPLATE = `${GLYPH_PROTOCOL}://{fontstack}/{range}`;

export interface GlyphSource {
  /** Starts fetching the ranges listed in the prefetch file (once; errors are left to `get`). */
  prefetch(): void;
  /** The PBF of `glyphs://<fontstack>/<range>`. */
  get(url: string, signal?: AbortSignal): Promise<ArrayBuffer>;
}

/** `glyphs://Noto Sans/0-255` → its file under `fontsRoot` ('…/fonts/Noto Sans/0-255.pbf'). */
export function glyphFileUrl(url: string, fontsRoot: string): string {
  const match = /^glyphs:\/\/([^/]+)\/(\d+-\d+)$/.exec(url);
  if (!match) throw new Error(`not a glyph range URL: ${url}`);
  return `${fontsRoot}${match[1]}/${match[2]}.pbf`;
}

/** The prefetch file (geodata build): the ranges to fetch at once, and every range the font subset holds. */
interface GlyphList {
  fontstack: string;
  ranges: string[];
  built?: string[];
}

/** What MapLibre reads as "no glyphs in this range": an empty glyph PBF. */
const NO_GLYPHS = new ArrayBuffer(0);

export function glyphSource(fontsRoot: string, prefetchUrl: string, fetcher: typeof fetch = fetch): GlyphSource {
  const pending = new Map<string, Promise<ArrayBuffer>>();
  const load = (file: string) => {
    let p = pending.get(file);
    if (!p) {
      p = fetcher(file).then((r) => {
        if (!r.ok) throw new Error(`${file}: HTTP ${r.status}`);
        return r.arrayBuffer();
      });
      // a failure is not kept: MapLibre's next request for the range fetches again
      p.catch(() => pending.delete(file));
      pending.set(file, p);
    }
    return p;
  };
  let list: Promise<GlyphList | null> | null = null;
  const readList = () =>
    (list ??= fetcher(prefetchUrl)
      .then((r) => (r.ok ? (r.json() as Promise<GlyphList>) : null))
      .catch(() => null));
  return {
    prefetch() {
      if (list) return;
      void readList().then((l) => l?.ranges.forEach((range) => load(glyphFileUrl(`glyphs://${l.fontstack}/${range}`, fontsRoot))));
    },
    async get(url) {
      const file = glyphFileUrl(url, fontsRoot);
      // MapLibre also asks for ranges no label needs (vertical punctuation forms beside CJK text): the
      // subset has no file for them, so they are answered empty instead of a request that 404s.
      const known = await readList();
      const range = url.slice(url.lastIndexOf('/') + 1);
      if (known?.built && !known.built.includes(range)) return NO_GLYPHS;
      return load(file);
    },
  };
}

let shared: GlyphSource | null = null;

/** One glyph source per page, shared by every map on it (a mini-map and the explorer fetch each range once). */
export function pageGlyphs(fontsRoot: string, prefetchUrl: string): GlyphSource {
  shared ??= glyphSource(fontsRoot, prefetchUrl);
  return shared;
}
