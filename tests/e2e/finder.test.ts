/**
 * The site finder as an investment officer uses it: a project in 汽车 needing 2 km² within 30 km of
 * 安亭; results listed with their score's parts and drawn on the map, the query surviving a reload,
 * a location picked on the map, and the results exported.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Browser } from '../support/browser.ts';
import { openPage } from '../support/pages.ts';
import { openMap, project } from './map-page.ts';
import { parseCsvRows } from '../../src/lib/formats/csv.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

const ANTING: [number, number] = [121.16, 31.29];
const QUERY = `ind=AUTO&min=2&at=${ANTING.join(',')}&r=30`;

const resultIds = (page: Page) =>
  page
    .getByTestId('finder-results')
    .locator('li')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-result')));

/** Result ids drawn on the map (the numbered circles). */
const drawn = (page: Page) =>
  page.evaluate(() => {
    type Map = { getLayer(id: string): unknown; queryRenderedFeatures(o: object): { properties: { id: string; rank: number } }[] };
    const map = (window as unknown as { __map: Map }).__map;
    if (!map.getLayer('overlay-points')) return [];
    return [...new Set(map.queryRenderedFeatures({ layers: ['overlay-points'] }).map((f) => f.properties.id))].sort();
  });

describe('the site finder', () => {
  it('lists and draws candidates for 汽车, ≥ 2 km², within 30 km of 安亭, and keeps them through a reload', async () => {
    const page = await openPage(browser.context);
    const { requests } = await openMap(page, `${baseUrl}/test/finder?${QUERY}`);
    await expect.poll(() => resultIds(page)).toContain('jiading-hydrogen-port');
    const ids = await resultIds(page);
    // 嘉定新城 (159.5 km², 9 km away) outscores 嘉定氢能港 (2.15 km², a municipal park next door) on area;
    // 国际汽车城 has no published area and is flagged; 汽车新能港 has no location, so it cannot be within 30 km
    expect(ids).toEqual(['nt-jiading', 'jiading-hydrogen-port', 'base-auto-city']);
    const item = (id: string) => page.getByTestId('finder-results').locator(`li[data-result="${id}"]`);
    expect(await item('jiading-hydrogen-port').getByTestId('contributions').textContent()).toMatch(
      /64\.7\/100 =\s*产业契合 35 \+ 面积 5\.4 \+ 距离 14\.3 \+ 市级特色园区 10/,
    );
    expect(await page.getByTestId('finder-results').locator('li[data-result="base-auto-city"]').textContent()).toContain('面积无数据');
    await expect.poll(() => drawn(page), { timeout: 20_000 }).toEqual([...ids].sort());
    await page.screenshot({ path: 'test-results/finder.png' });

    await page.reload();
    await page.waitForSelector('[data-map-idle="true"]', { state: 'attached', timeout: 60_000 });
    await expect.poll(() => resultIds(page)).toEqual(ids);
    expect(await page.getByTestId('min-area').inputValue()).toBe('2');
    expect(requests.filter((u) => !u.startsWith(baseUrl) && !u.startsWith('blob:') && !u.startsWith('data:'))).toEqual([]);
  });

  it('updates at once when an input changes, and the URL follows', async () => {
    const page = await openPage(browser.context);
    await openMap(page, `${baseUrl}/test/finder?${QUERY}`);
    await expect.poll(() => resultIds(page)).toContain('jiading-hydrogen-port');
    await page.getByTestId('min-area').fill('3');
    await page.getByTestId('min-area').press('Enter');
    await page.waitForURL(/min=3/);
    // the 2.15 km² park is now too small
    await expect.poll(() => resultIds(page)).not.toContain('jiading-hydrogen-port');
    await page.getByTestId('within').selectOption('belt-huxi');
    await page.waitForURL(/in=belt-huxi/);
  });

  it('takes a location from a click on the map', async () => {
    const page = await openPage(browser.context);
    await openMap(page, `${baseUrl}/test/finder?ind=AUTO`);
    await page.getByTestId('pick-location').click();
    const at = await project(page, ANTING);
    await page.mouse.click(at.x, at.y);
    await page.waitForURL(/at=121\.1\d+,31\.2\d+/);
    await expect.poll(() => page.getByTestId('finder-results').locator('li').count()).toBeGreaterThan(0);
  });

  it('exports the ranking as CSV and GeoJSON with sources', async () => {
    const page = await openPage(browser.context);
    await openMap(page, `${baseUrl}/test/finder?${QUERY}`);
    await expect.poll(() => resultIds(page)).toContain('jiading-hydrogen-port');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-results-csv').click()]);
    const rows = parseCsvRows(readFileSync((await csv.path())!, 'utf8'));
    expect(rows[0]).toEqual(expect.arrayContaining(['rank', 'score', 'points_industry', 'sources', 'precision']));
    expect(rows[1]![1]).toBe('nt-jiading');
    const [gj] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-results-geojson').click()]);
    const doc = JSON.parse(readFileSync((await gj.path())!, 'utf8')) as { features: { properties: { id: string; sources: string } }[] };
    expect(doc.features[0]!.properties.id).toBe('nt-jiading');
    expect(doc.features[0]!.properties.sources.length).toBeGreaterThan(0);
  });
});
