/**
 * The app's security policy, in one place: the Content-Security-Policy directives SvelteKit writes
 * into every page (with the hashes of that page's own inline script), and the response headers a
 * server adds — `vite preview` (vite.config.ts), and the nginx and Caddy examples in the README,
 * which a unit test keeps identical to what this module prints.
 *
 * Why each source is there (nothing comes from another origin, ever):
 * - workers from the app's own origin only: MapLibre 6 runs its tile worker from a hashed file of the
 *   build (src/lib/map/engine.ts), so no `blob:` worker is needed; deck.gl uses no workers here, and
 *   the Excel reader's unzip runs in the page (src/lib/formats/unzip-in-page.ts) rather than in
 *   fflate's `blob:` workers.
 * - `data:` / `blob:` images: MapLibre's canvas exports and the PNG export's legend.
 * - no `unsafe-eval`, no `unsafe-inline`: the only inline script is SvelteKit's start-up script, allowed
 *   by its hash; styles come from the app's CSS files and the CSSOM (which CSP does not restrict);
 *   colours beside text come from data/palette.css (src/lib/style/palette.ts), not style attributes.
 *
 * Plain JavaScript (with JSDoc types) because svelte.config.js loads it in Node without a TypeScript step.
 */
import { createHash } from 'node:crypto';

/**
 * The one style attribute the app cannot avoid: SvelteKit's route announcer (the live region that
 * reads a new page's title after a client-side navigation) is written with this exact inline style
 * (@sveltejs/kit src/core/sync/write_root.js). `'unsafe-hashes'` with its hash allows that string and
 * nothing else; a unit test fails if a SvelteKit update changes it.
 */
export const ROUTE_ANNOUNCER_STYLE =
  'position: absolute; left: 0; top: 0; clip: rect(0 0 0 0); clip-path: inset(50%); overflow: hidden; white-space: nowrap; width: 1px; height: 1px';

const announcerHash = `sha256-${createHash('sha256').update(ROUTE_ANNOUNCER_STYLE).digest('base64')}`;

/** @typedef {Record<string, string[]>} Directives */

/** Directives of the page policy, SvelteKit's spelling (keywords without quotes). */
export const PAGE_DIRECTIVES = /** @type {const} */ ({
  'default-src': ['self'],
  'script-src': ['self'],
  'style-src': ['self'],
  'style-src-attr': ['unsafe-hashes', announcerHash],
  'img-src': ['self', 'data:', 'blob:'],
  'font-src': ['self'],
  'connect-src': ['self'],
  'worker-src': ['self'],
  'child-src': ['self'],
  'manifest-src': ['self'],
  'media-src': ['none'],
  'frame-src': ['none'],
  'object-src': ['none'],
  'base-uri': ['self'],
  'form-action': ['self'],
});

/**
 * Directives only a response header can carry (a `<meta>` policy ignores them): the page may not be
 * framed by anyone.
 */
export const HEADER_ONLY_DIRECTIVES = /** @type {const} */ ({
  'frame-ancestors': ['none'],
});

const KEYWORDS = new Set(['self', 'none', 'unsafe-inline', 'unsafe-eval', 'strict-dynamic', 'unsafe-hashes', 'wasm-unsafe-eval']);

/** @param {string} source */
function quote(source) {
  return KEYWORDS.has(source) || /^(sha256|sha384|sha512|nonce)-/.test(source) ? `'${source}'` : source;
}

/**
 * The policy sent as a header. `script-src` is left to each page's `<meta>` policy, which lists the
 * hash of that page's start-up script (different on every page); the header forbids everything else
 * the page policy does, and adds what only a header can say. A browser enforces both.
 * @returns {string}
 */
export function headerPolicy() {
  /** @type {Record<string, readonly string[]>} */
  const directives = { ...PAGE_DIRECTIVES, ...HEADER_ONLY_DIRECTIVES };
  // default-src would also cover scripts; the header names every other fetch directive instead.
  return Object.entries(directives)
    .filter(([name]) => name !== 'script-src' && name !== 'default-src')
    .map(([name, sources]) => `${name} ${sources.map(quote).join(' ')}`)
    .join('; ');
}

/** Every response header the app's server sends, beyond the content itself. */
export function securityHeaders() {
  return {
    'Content-Security-Policy': headerPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  };
}

/** The same headers as nginx `add_header` lines (README). */
export function nginxHeaderLines() {
  return Object.entries(securityHeaders()).map(([name, value]) => `add_header ${name} "${value}" always;`);
}

/** The same headers as a Caddy `header` block's lines (README). */
export function caddyHeaderLines() {
  return Object.entries(securityHeaders()).map(([name, value]) => `${name} "${value}"`);
}
