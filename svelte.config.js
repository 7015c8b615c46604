import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // Static output: every page is prerendered, the basemap and glyphs are files beside it, so any
    // static host that answers HTTP Range requests serves the whole product. 404.html (the /404
    // page, prerendered) answers unknown addresses on such hosts with a message and a way back.
    adapter: adapter({ pages: 'build', assets: 'build', fallback: undefined, strict: true }),
  },
};

export default config;
