import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { PAGE_DIRECTIVES } from './src/lib/security/policy.js';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // Static output: every page is prerendered, the basemap and glyphs are files beside it, so any
    // static host that answers HTTP Range requests serves the whole product. 404.html (the /404
    // page, prerendered) answers unknown addresses on such hosts with a message and a way back.
    adapter: adapter({ pages: 'build', assets: 'build', fallback: undefined, strict: true }),
    // Every page carries a strict policy in a <meta>, with the hash of its own start-up script; the
    // server adds the header-only parts (src/lib/security/policy.js, vite.config.ts, README).
    csp: { mode: 'hash', directives: PAGE_DIRECTIVES },
    // The service worker (src/service-worker.ts) is registered by the pages themselves
    // (src/lib/browser/offline.svelte.ts), which also announce its updates.
    serviceWorker: { register: false },
  },
};

export default config;
