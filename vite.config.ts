import { existsSync } from 'node:fs';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [sveltekit()],
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
