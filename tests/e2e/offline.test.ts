/**
 * Offline on a site visit: after one visit the app works with the network gone (map with tiles,
 * profiles, finder, compare, the user's imported list), a new version is announced and applied only
 * on the user's reload, a half-stored archive is refetched rather than served, and a full disk is
 * reported while the app keeps working online. The service worker runs for real here (other browser
 * tests block it).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Browser } from '../support/browser.ts';
import { openPage } from '../support/pages.ts';
import { ROOT } from '../support/server.ts';
import { startDeployProxy } from '../support/deploy-proxy.ts';
import { Screenshot, loadFile, policyViolations as violations, watchPolicyViolations } from './map-page.ts';
import { toCsv } from '../../src/lib/formats/csv.ts';
import { OFFLINE_COPY_PATH } from '../../src/lib/offline/messages.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeEach(async () => {
  browser = await launch({ serviceWorkers: 'allow' });
  await watchPolicyViolations(browser.context);
});
afterEach(async () => browser?.close());

const mapIdle = (page: Page) => page.waitForSelector('[data-map-idle="true"]', { state: 'attached', timeout: 60_000 });

/** The first visit: the page loads online and the worker stores the app. */
async function firstVisit(page: Page, path = '/?v=121.6,31.2,12') {
  await page.goto(`${baseUrl}${path}`);
  await mapIdle(page);
  await page.getByTestId('offline-stored').waitFor({ timeout: 90_000 });
}

/** How many distinct colours the map canvas shows: a map with tiles has many, a blank one a few. */
async function mapColours(page: Page): Promise<number> {
  const box = (await page.locator('.maplibregl-canvas').first().boundingBox())!;
  return new Screenshot(await page.screenshot({ clip: box })).distinctColours();
}

describe('offline use', () => {
  it('after one visit, opens the map with its tiles, a profile, the finder, compare and an imported list with no network', async () => {
    const page = await openPage(browser.context);
    await firstVisit(page);
    expect(await page.getByTestId('offline-stored').textContent()).toMatch(/已可离线使用.*\d+(\.\d)? MB/);
    // the size it states is what the cache holds
    const held = await page.evaluate(async (copyPath) => {
      const [name] = await caches.keys();
      const cache = await caches.open(name!);
      let bytes = 0;
      let files = 0;
      let copy = { bytes: -1, files: -1 };
      for (const request of await cache.keys()) {
        const response = (await cache.match(request))!;
        if (new URL(request.url).pathname === copyPath) copy = await response.json();
        else {
          bytes += (await response.arrayBuffer()).byteLength;
          files++;
        }
      }
      return { bytes, files, copy };
    }, OFFLINE_COPY_PATH);
    expect(held.copy).toMatchObject({ bytes: held.bytes, files: held.files });
    const online = await mapColours(page);

    // a list the user imported online is there offline too
    await loadFile(
      page,
      'site-visit.csv',
      toCsv([
        ['name', 'industries', 'lon', 'lat'],
        ['现场踏勘测试园', '汽车', '121.6', '31.2'],
      ]),
    );
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toMatch(/1/);

    await browser.context.setOffline(true);
    expect(
      await page.evaluate(() =>
        fetch('/no-such-file').then(
          () => 'answered',
          () => 'no network',
        ),
      ),
    ).toBe('no network');
    await page.reload();
    await mapIdle(page);
    expect(await mapColours(page)).toBeGreaterThan(Math.min(40, online * 0.6));
    await page.screenshot({ path: 'test-results/offline-map.png' });
    // the imported park, from this browser's storage, at the centre of the view: a tap opens its card
    expect(await page.getByTestId('import-panel').locator(':scope > summary').textContent()).toContain('(1)');
    const box = (await page.locator('.maplibregl-canvas').first().boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => page.getByTestId('imported-card').textContent()).toContain('现场踏勘测试园');

    await page.goto(`${baseUrl}/parks/robot-park?lang=en`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Shanghai Robot Industrial Park');
    await mapIdle(page);

    await page.goto(`${baseUrl}/finder?ind=AUTO&min=2&d=310114`);
    await mapIdle(page);
    await expect.poll(() => page.getByTestId('contributions').count()).toBeGreaterThan(0);

    await page.goto(`${baseUrl}/compare?units=belt-yanwan,belt-huxi`);
    await expect.poll(() => page.getByTestId('compare-columns').textContent()).toContain('沪西');
    // the data page says what is stored, and whether the browser promised to keep it
    await page.goto(`${baseUrl}/about`);
    await expect.poll(() => page.getByTestId('offline-status').textContent()).toMatch(/已存储离线副本：\d+(\.\d)? MB，\d+ 个文件/);
    await expect.poll(() => page.getByTestId('offline-persistence').textContent()).toMatch(/承诺/);
    expect(await violations(page)).toEqual([]);
  });

  it('announces a new version and applies it only when the user reloads', async () => {
    // the app is served through a proxy that can stand for a new deployment
    const server = await startDeployProxy(baseUrl);
    try {
      const page = await openPage(browser.context);
      await page.goto(`${server.url}/?v=121.6,31.2,12`);
      await mapIdle(page);
      await page.getByTestId('offline-stored').waitFor({ timeout: 90_000 });
      const first = await page.evaluate(() => caches.keys());

      // a new build is deployed: the same worker with another version
      const { version } = JSON.parse(readFileSync(join(ROOT, '.svelte-kit/output/client/_app/version.json'), 'utf8')) as {
        version: string;
      };
      const next = `${version}-next`;
      server.deploy(version, next);
      await page.reload();
      await mapIdle(page);
      await page.getByTestId('offline-update').waitFor({ timeout: 90_000 });
      expect(await page.getByTestId('offline-update').textContent()).toContain('重新加载以更新');
      // until the user reloads, the old version still answers from its own copy
      expect(await page.evaluate(() => caches.keys())).toEqual(expect.arrayContaining(first));

      await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: '重新加载以更新' }).click()]);
      await mapIdle(page);
      await expect.poll(() => page.evaluate(() => caches.keys())).toEqual([`explorer-offline-${next}`]);
      expect(await page.getByTestId('offline-update').count()).toBe(0);
    } finally {
      await server.stop();
    }
  });

  it('refetches a half-stored basemap archive instead of drawing a broken map', async () => {
    const page = await openPage(browser.context);
    await firstVisit(page);
    const sizes = await page.evaluate(async () => {
      const [name] = await caches.keys();
      const cache = await caches.open(name!);
      const whole = await (await cache.match('/basemap/shanghai.pmtiles'))!.arrayBuffer();
      // as if the download had stopped half way
      await cache.put(
        '/basemap/shanghai.pmtiles',
        new Response(whole.slice(0, whole.byteLength / 2), { headers: { 'Content-Type': 'application/octet-stream' } }),
      );
      return { whole: whole.byteLength, half: (await (await cache.match('/basemap/shanghai.pmtiles'))!.arrayBuffer()).byteLength };
    });
    expect(sizes.half).toBe(sizes.whole / 2);
    // offline, the half archive is not served: the map says the basemap could not be loaded
    await browser.context.setOffline(true);
    await page.reload();
    await expect.poll(() => page.locator('body').textContent(), { timeout: 60_000 }).toContain('离线底图不完整');
    // online again, it is fetched anew, stored whole, and the map draws
    await browser.context.setOffline(false);
    await page.reload();
    await mapIdle(page);
    expect(await mapColours(page)).toBeGreaterThan(40);
    const stored = await page.evaluate(async () => {
      const [name] = await caches.keys();
      return (await (await (await caches.open(name!)).match('/basemap/shanghai.pmtiles'))!.arrayBuffer()).byteLength;
    });
    expect(stored).toBe(sizes.whole);
  });

  it('says when the browser has no room for the offline copy, and keeps working online', async () => {
    const page = await openPage(browser.context);
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(baseUrl).origin, quotaSize: 200_000 });
    await page.goto(`${baseUrl}/?v=121.6,31.2,12`);
    await mapIdle(page);
    await page.getByTestId('offline-failed').waitFor({ timeout: 90_000 });
    expect(await page.getByTestId('offline-failed').getAttribute('data-reason')).toBe('quota');
    expect(await page.getByTestId('offline-failed').textContent()).toContain('存储空间不足');
    expect(await page.evaluate(() => caches.keys())).toEqual([]);
    // the map still works: a chip filters it
    await page.locator('[data-industry="AUTO"]').click();
    await page.waitForURL(/ind=AUTO/);
    expect(await mapColours(page)).toBeGreaterThan(40);
  });
});
