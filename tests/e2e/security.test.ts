/**
 * The Content-Security-Policy: every page carries a strict policy (a <meta> with its script's hash, and
 * the server's header), and nothing the product does — the map, 3D density, the list, the finder,
 * compare, profiles, import, export — trips it. An inline script injected through an imported name
 * does not run.
 */
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ROOT } from '../support/server.ts';
import type { Page } from 'playwright-core';
import { launch, type Browser } from '../support/browser.ts';
import { openPage } from '../support/pages.ts';
import { hexToRgb, loadFile, openMap, policyViolations as violations, watchPolicyViolations, type PolicyViolation } from './map-page.ts';
import { toCsv } from '../../src/lib/formats/csv.ts';
import { headerPolicy } from '../../src/lib/security/policy.js';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
  await watchPolicyViolations(browser.context);
});
afterAll(async () => browser?.close());

function consoleRefusals(page: Page): string[] {
  const refused: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) refused.push(m.text());
  });
  return refused;
}

async function visit(path: string, act?: (page: Page) => Promise<void>): Promise<{ violations: PolicyViolation[]; refused: string[] }> {
  const page = await openPage(browser.context);
  const refused = consoleRefusals(page);
  const response = await page.goto(`${baseUrl}${path}`);
  expect(response?.status(), path).toBe(200);
  // the pages with a map are checked once it has drawn (tiles, glyphs, workers all used)
  if (/^\/(\?|finder|parks\/|layout\/|districts\/)/.test(path))
    await page.waitForSelector('[data-map-idle="true"]', { state: 'attached', timeout: 60_000 });
  await act?.(page);
  const found = await violations(page);
  await page.close();
  return { violations: found, refused };
}

describe('content security policy', () => {
  it('is in every page (its start-up script by hash, no unsafe-inline or unsafe-eval) and in the server’s headers', async () => {
    const page = await openPage(browser.context);
    for (const path of [
      '/',
      '/finder',
      '/compare',
      '/integration',
      '/about',
      '/indicators',
      '/parks/robot-park',
      '/industries/auto',
      '/404',
    ]) {
      const response = await page.goto(`${baseUrl}${path}`);
      const meta = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
      expect(meta, path).toMatch(/default-src 'self'/);
      expect(meta, path).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
      expect(meta, path).not.toMatch(/unsafe-(inline|eval)/);
      const headers = response!.headers();
      expect(headers['content-security-policy'], path).toBe(headerPolicy());
      expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('no-referrer');
    }
    // with no style attributes left, the colours still reach the page: each chip in its industry's colour
    await page.goto(`${baseUrl}/`);
    const { industries } = JSON.parse(readFileSync(join(ROOT, 'static/data/plan.json'), 'utf8')) as {
      industries: { id: string; colour: string }[];
    };
    for (const { id, colour } of industries) {
      const border = await page.locator(`.chip[data-industry="${id}"]`).evaluate((el) => getComputedStyle(el).borderTopColor);
      expect(border, id).toBe(`rgb(${hexToRgb(colour).join(', ')})`);
    }
  });

  it('is never violated: map, 3D density, list, finder, compare, every kind of profile, indicators, integration, data page, not-found page', async () => {
    const states: [string, ((page: Page) => Promise<void>)?][] = [
      ['/?v=121.6,31.2,12&sel=ic-design-park'],
      [
        '/?v=121.37,31.36,10',
        async (page) => {
          await page.click('[data-density-mode="3d"]');
          await page.waitForSelector('[data-density3d="drawn"]', { state: 'attached', timeout: 60_000 });
        },
      ],
      ['/?mode=list&ind=AUTO&lang=en'],
      ['/finder?ind=AUTO&min=2&d=310114&metro=5'],
      ['/compare?units=belt-yanwan,belt-huxi'],
      ['/parks/robot-park'],
      ['/layout/belt-yanwan'],
      ['/districts/310114?lang=en'],
      ['/industries/auto?lang=en'],
      ['/indicators'],
      ['/integration?ind=AUTO&lang=en'],
      ['/about'],
      ['/404'],
    ];
    for (const [path, act] of states) {
      const { violations: found, refused } = await visit(path, act);
      expect(found, path).toEqual([]);
      expect(refused, path).toEqual([]);
    }
  });

  it('is never violated by importing a list and exporting the map, and an injected inline script does not run', async () => {
    const page = await openPage(browser.context);
    const refused = consoleRefusals(page);
    await openMap(page, `${baseUrl}/?v=121.3,31.2,10`);
    const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    await loadFile(
      page,
      'list.csv',
      toCsv([
        ['name', 'industries', 'lon', 'lat'],
        [evil, '汽车', '121.3', '31.2'],
      ]),
    );
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toMatch(/1/);
    await page.getByTestId('export-panel').locator('summary').click();
    await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
    await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await violations(page)).toEqual([]);
    expect(refused).toEqual([]);

    // a workbook whose sheet is over 512 KB (fflate would inflate it in a blob: worker) is read in the page
    const rows = [
      ['name', 'industries', 'lon', 'lat'],
      ...Array.from({ length: 4900 }, (_, i) => [`大表测试园区${i}`, '汽车', 121.3, 31.2]),
    ];
    const workbook = new Uint8Array(
      await (await import('write-excel-file/node')).default(rows.map((r) => r.map((value) => ({ value })))).toBuffer(),
    );
    const sheet = Object.entries(unzipSync(workbook)).find(([path]) => path.startsWith('xl/worksheets/'))![1];
    expect(sheet.length).toBeGreaterThan(512 * 1024);
    await loadFile(page, 'large.xlsx', workbook);
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toContain('4900');
    expect(await violations(page)).toEqual([]);
    expect(refused).toEqual([]);

    // and if a bug ever put such a name into the page as HTML, the policy would stop it
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__pwned = 3';
      document.body.append(s);
      const holder = document.createElement('div');
      holder.innerHTML = '<img src="data:," onerror="window.__pwned = 4">';
      document.body.append(holder);
    });
    await expect.poll(() => violations(page).then((v) => v.length)).toBeGreaterThanOrEqual(2);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect((await violations(page)).map((v) => v.directive)).toEqual(expect.arrayContaining(['script-src-elem', 'script-src-attr']));
  });
});
