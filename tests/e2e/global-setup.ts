/**
 * Starts the production build under `vite preview` on a free loopback port for the browser tests,
 * after making sure Debian's Chromium is there. `npm test` builds before it runs the tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureChromium } from './browser.ts';

const ROOT = join(import.meta.dirname, '../..');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function startPreview(): Promise<{ url: string; process: ChildProcess }> {
  if (!existsSync(join(ROOT, 'build/index.html'))) {
    throw new Error('No production build found: run `npm run build` first (npm test does).');
  }
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error('vite preview did not start within 30 s');
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, process: child };
}

export default async function setup(project: TestProject) {
  ensureChromium();
  const preview = await startPreview();
  project.provide('baseUrl', preview.url);
  return () => {
    preview.process.kill();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
