import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // Static output: every page is prerendered, the basemap and glyphs are files beside it, so any
    // static host that answers HTTP Range requests serves the whole product. 404.html answers
    // unknown addresses (e.g. a park id that does not exist) with the error page and a way back.
    adapter: adapter({ pages: 'build', assets: 'build', fallback: '404.html', strict: true }),
  },
};

export default config;
