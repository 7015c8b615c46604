import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sveltekit } from '@sveltejs/kit/vite';
import type { ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { securityHeaders } from './src/lib/security/policy.js';
import { rangedFileHeaders, rangedFileType } from './src/lib/offline/ranged-files.ts';
import { styleProblems } from './src/lib/style/style-variants.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Makes `name` read `value` whatever the static server behind sets it to later. */
function pinHeader(res: ServerResponse, name: string, value: string) {
  const set = res.setHeader.bind(res);
  res.setHeader = (header, given) => set(header, header.toLowerCase() === name.toLowerCase() ? value : given);
  res.setHeader(name, value);
}

/**
 * `vite preview` (the server the README starts) sends the policy's headers with every response.
 * Vite's own `preview.headers` do not reach the pages SvelteKit's preview middleware answers, so a
 * middleware set ahead of it adds them.
 *
 * It also serves the files read by byte ranges (src/lib/offline/ranged-files.ts) as their own bytes:
 * the preview's compression middleware gzips any response whose type it does not know, the archives
 * included, and a range later sliced from that gzipped entry in the HTTP cache cannot be decoded. The
 * request's `Accept-Encoding` is dropped for them, so the compression middleware (which runs after
 * this one) passes them through, and their type is pinned to the real one.
 */
function previewHeaders(): Plugin {
  return {
    name: 'preview-headers',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        for (const [name, value] of Object.entries(securityHeaders())) res.setHeader(name, value);
        const ranged = rangedFileType(req.url ?? '');
        if (ranged) {
          delete req.headers['accept-encoding'];
          for (const [name, value] of Object.entries(rangedFileHeaders(ranged))) pinHeader(res, name, value);
        }
        // SvelteKit's preview labels prerendered files it has no type for as text/html; the Excel
        // template is one (nginx and Caddy know .xlsx)
        if (/\.xlsx(\?|$)/.test(req.url ?? '')) pinHeader(res, 'Content-Type', XLSX_TYPE);
        next();
      });
    },
  };
}

/**
 * The build refuses a map style MapLibre's own validator rejects, naming the variant, the layer and the
 * property: every style the app can produce is checked (src/lib/style/style-variants.ts).
 */
function validStyles(): Plugin {
  return {
    name: 'valid-map-styles',
    apply: 'build',
    buildStart() {
      const problems = styleProblems();
      if (problems.length) this.error(`The map style does not validate:\n  ${problems.join('\n  ')}`);
    },
  };
}

/**
 * read-excel-file gets fflate with an in-page `unzip` (src/lib/formats/unzip-in-page.ts): fflate's own
 * inflates large sheets in a `blob:` worker, which the CSP refuses. Other importers keep fflate itself.
 */
function unzipInPage(): Plugin {
  const shim = fileURLToPath(new URL('./src/lib/formats/unzip-in-page.ts', import.meta.url));
  return {
    name: 'unzip-in-page',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === 'fflate' && importer && /[\\/]read-excel-file[\\/]/.test(importer)) return shim;
      return null;
    },
  };
}

export default defineConfig({
  plugins: [previewHeaders(), validStyles(), unzipInPage(), sveltekit()],
  // Whether `npm run geodata -- --osm <extract>` built a street-level archive: the map draws it when present.
  define: { __STREETS_ARCHIVE__: JSON.stringify(existsSync('static/basemap/streets.pmtiles')) },
  server: { port: 5173 },
  preview: { port: 4173 },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          // no test waits on vitest's default 1 s poll: a step that takes longer on a loaded machine waits on
          expect: { poll: { timeout: 30_000, interval: 100 } },
          testTimeout: 90_000,
          hookTimeout: 120_000,
          // One Chromium at a time: SwiftShader is slow on two cores and timings would collide.
          fileParallelism: false,
        },
      },
    ],
  },
});
