/**
 * First contact: a new visitor's map never loses its basemap while the offline copy is being stored.
 * The first page starts the service worker's copy; second pages are opened at moments inside that
 * window (as a user who opens a shared link, a profile, or comes back) and each must draw its basemap
 * with no failed request and no error box — under `npm start` (the preview the other browser tests
 * use), under the README's nginx and Caddy examples run for real, on a slow link where storing takes
 * over 30 s, and with the worker off. The servers must send the archives as their own bytes: a range
 * sliced from a gzipped whole copy in the HTTP cache cannot be decoded (the bug this guards).
 */
import { request } from 'node:http';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launch } from '../support/browser.ts';
import { ROOT } from '../support/server.ts';
import { startSlowLink } from '../support/slow-link.ts';
import { startStaticHost, type StaticHost } from '../support/static-hosts.ts';
import { Screenshot } from './map-page.ts';

const preview = inject('baseUrl');
const ARCHIVES = ['basemap/shanghai.pmtiles', 'basemap/plan.pmtiles'];
/** What second pages open: a shared view at two zooms, and a profile with its mini-map. */
const SECOND_PAGES = ['/?v=121.5,31.2,11', '/?v=121.165,31.29,14', '/parks/robot-park', '/?v=121.6,31.2,12'];

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  bytes: number;
}

/** One GET as a browser would send it (asking for every compression), the body counted as sent. */
function get(url: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { 'Accept-Encoding': 'gzip, deflate, br, zstd', ...headers } }, (res) => {
      let bytes = 0;
      res.on('data', (c: Buffer) => (bytes += c.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** MapLibre 6's tile worker, a module worker: a browser runs it only when it comes as JavaScript. */
async function expectWorkerServedAsJavaScript(host: string) {
  const assets = join(ROOT, 'build/_app/immutable/assets');
  const worker = readdirSync(assets).find((f) => /^maplibre-gl-worker\..+\.mjs$/.test(f));
  expect(worker, 'the build emits the engine worker').toBeDefined();
  const res = await get(`${host}/_app/immutable/assets/${worker}`);
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toMatch(/^(text|application)\/javascript\b/);
}

async function expectArchivesServedPlain(host: string) {
  await expectWorkerServedAsJavaScript(host);
  for (const archive of ARCHIVES) {
    const size = statSync(join(ROOT, 'build', archive)).size;
    const whole = await get(`${host}/${archive}`);
    expect(whole.status, archive).toBe(200);
    expect(whole.headers['content-encoding'], archive).toBeUndefined();
    expect(whole.headers['content-type'], archive).toBe('application/vnd.pmtiles');
    expect(whole.headers['accept-ranges'], archive).toBe('bytes');
    expect(whole.bytes, archive).toBe(size);
    const part = await get(`${host}/${archive}`, { Range: 'bytes=20000-36383' });
    expect(part.status, archive).toBe(206);
    expect(part.headers['content-encoding'], archive).toBeUndefined();
    expect(part.headers['content-range'], archive).toBe(`bytes 20000-36383/${size}`);
    expect(part.bytes, archive).toBe(16384);
  }
}

/** Every request of the context (pages and worker) that failed, but those a map cancels on purpose. */
function failedRequests(context: BrowserContext): string[] {
  const failed: string[] = [];
  context.on('requestfailed', (r) => {
    const reason = r.failure()?.errorText ?? '';
    if (reason !== 'net::ERR_ABORTED') failed.push(`${reason} ${r.url()}`);
  });
  context.on('response', (r) => {
    if (r.status() >= 400) failed.push(`HTTP ${r.status()} ${r.url()}`);
  });
  return failed;
}

interface SecondPage {
  path: string;
  openedAtMs: number;
  status: string | null;
  errorBox: number;
  colours: number;
}

/** Opens `path`, waits for its map's first idle and reads what the user sees of the map. */
async function openSecond(context: BrowserContext, url: string, openedAtMs: number): Promise<SecondPage> {
  const page: Page = await context.newPage();
  try {
    await page.goto(url);
    const map = page.locator('[data-map-idle="true"]').first();
    await map.waitFor({ state: 'attached', timeout: 90_000 });
    const box = (await map.boundingBox())!;
    return {
      path: new URL(url).pathname + new URL(url).search,
      openedAtMs,
      status: await map.getAttribute('data-status'),
      errorBox: await page.locator('.overlay.error').count(),
      colours: new Screenshot(await page.screenshot({ clip: box })).distinctColours(),
    };
  } finally {
    await page.close();
  }
}

/**
 * The scenario: open `/` in a fresh profile, then second pages at `moments` (ms after the first was
 * opened; the waits are the scenario's clock, not waits for state). Returns what each second page
 * showed, when the copy was stored (ms; null with the worker off) and every failed request.
 */
async function secondPagesWhileStoring(host: string, moments: number[], worker: boolean) {
  const browser = await launch({ serviceWorkers: worker ? 'allow' : 'block' });
  try {
    const failed = failedRequests(browser.context);
    const first = await browser.context.newPage();
    const start = Date.now();
    await first.goto(`${host}/`);
    const stored = worker
      ? first
          .getByTestId('offline-stored')
          .waitFor({ timeout: 180_000 })
          .then(() => Date.now() - start)
      : Promise.resolve(null);
    const seconds = await Promise.all(
      moments.map(async (at, i) => {
        await sleep(Math.max(0, start + at - Date.now()));
        return openSecond(browser.context, `${host}${SECOND_PAGES[i % SECOND_PAGES.length]}`, Date.now() - start);
      }),
    );
    const firstMap = first.locator('[data-map-idle="true"]').first();
    await firstMap.waitFor({ state: 'attached', timeout: 90_000 });
    const storedAtMs = await stored;
    return { seconds, firstStatus: await firstMap.getAttribute('data-status'), storedAtMs, failed };
  } finally {
    await browser.close();
  }
}

function expectEveryMapDrawn(result: Awaited<ReturnType<typeof secondPagesWhileStoring>>) {
  expect(result.failed).toEqual([]);
  expect(result.firstStatus).toBe('ready');
  for (const page of result.seconds) {
    expect(page, page.path).toMatchObject({ status: 'ready', errorBox: 0 });
    // a map with its basemap shows many colours; a blank one a handful
    expect(page.colours, page.path).toBeGreaterThan(40);
  }
}

describe('first visit under npm start (vite preview)', () => {
  it('serves the archives as their own bytes, with their type and byte ranges, and the map worker as JavaScript', async () => {
    await expectArchivesServedPlain(preview);
  });

  it('draws the basemap on second pages opened at 2, 4, 6 and 9 s while the copy is stored', async () => {
    const result = await secondPagesWhileStoring(preview, [2000, 4000, 6000, 9000], true);
    expectEveryMapDrawn(result);
    // the moments fell inside the window this guards: at least one page opened before the copy was whole
    expect(result.storedAtMs).not.toBeNull();
    expect(Math.min(...result.seconds.map((s) => s.openedAtMs))).toBeLessThan(result.storedAtMs!);
  });

  it('draws them on a slow link where storing the copy takes over 30 s', async () => {
    // 48 KB/s per response: the worker's four parallel downloads take well over 30 s for the copy
    const link = await startSlowLink(preview, 48_000);
    try {
      const result = await secondPagesWhileStoring(link.url, [4000, 12_000, 24_000], true);
      expectEveryMapDrawn(result);
      expect(result.storedAtMs).toBeGreaterThan(30_000);
      for (const page of result.seconds) expect(page.openedAtMs, page.path).toBeLessThan(result.storedAtMs!);
    } finally {
      await link.stop();
    }
  }, 240_000);

  it('draws them with the service worker off', async () => {
    expectEveryMapDrawn(await secondPagesWhileStoring(preview, [2000, 5000], false));
  }, 120_000);
});

for (const kind of ['nginx', 'caddy'] as const) {
  describe(`first visit under the README's ${kind} example`, () => {
    let host: StaticHost;
    beforeAll(async () => {
      host = await startStaticHost(kind);
    });
    afterAll(async () => host?.stop());

    it('serves the archives as their own bytes, with their type and byte ranges, and the map worker as JavaScript', async () => {
      await expectArchivesServedPlain(host.url);
    });

    it('draws the basemap on second pages opened while the copy is stored', async () => {
      const result = await secondPagesWhileStoring(host.url, [2000, 5000], true);
      expectEveryMapDrawn(result);
      expect(Math.min(...result.seconds.map((s) => s.openedAtMs))).toBeLessThan(result.storedAtMs!);
    }, 180_000);
  });
}
