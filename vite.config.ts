import { existsSync } from 'node:fs';
import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { securityHeaders } from './src/lib/security/policy.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * `vite preview` (the server the README starts) sends the policy's headers with every response.
 * Vite's own `preview.headers` do not reach the pages SvelteKit's preview middleware answers, so a
 * middleware set ahead of it adds them.
 */
function securityHeadersOnPreview(): Plugin {
  return {
    name: 'security-headers-on-preview',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        for (const [name, value] of Object.entries(securityHeaders())) res.setHeader(name, value);
        // SvelteKit's preview labels prerendered files it has no type for as text/html; the Excel
        // template is one (nginx and Caddy know .xlsx)
        if (/\.xlsx(\?|$)/.test(req.url ?? '')) {
          const set = res.setHeader.bind(res);
          res.setHeader = (name, value) => set(name, name.toLowerCase() === 'content-type' ? XLSX_TYPE : value);
        }
        next();
      });
    },
  };
}

export default defineConfig({
  plugins: [securityHeadersOnPreview(), sveltekit()],
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
          testTimeout: 90_000,
          hookTimeout: 120_000,
          // One Chromium at a time: SwiftShader is slow on two cores and timings would collide.
          fileParallelism: false,
        },
      },
    ],
  },
});
