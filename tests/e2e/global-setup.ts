/**
 * Starts the production build under `vite preview` for the browser tests, after making sure
 * Debian's Chromium is there. `npm test` builds before it runs the tests.
 */
import type { TestProject } from 'vitest/node';
import { ensureChromium } from '../support/browser.ts';
import { startPreview } from '../support/server.ts';

export default async function setup(project: TestProject) {
  ensureChromium();
  const preview = await startPreview();
  project.provide('baseUrl', preview.url);
  return () => preview.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
