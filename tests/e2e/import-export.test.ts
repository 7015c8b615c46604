/**
 * Loading a list of parks in the browser and taking the map away: a sample CSV becomes a layer that
 * the 3+6 filter and the site finder use, a bad CSV is answered row by row, names from a file stay
 * text; the map exports as a PNG with its legend, the features shown as GeoJSON and CSV.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PNG } from 'pngjs';
import { launch, type Browser } from '../support/browser.ts';
import { openPage } from '../support/pages.ts';
import { distance, hexToRgb, loadFile, openMap, project, importedDrawn } from './map-page.ts';
import { parseCsvRows, toCsv } from '../../src/lib/formats/csv.ts';
import { PLAN_LAYERS } from '../../src/lib/layers/registry.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

const SAMPLE = toCsv([
  ['name', 'industries', 'category', 'area_km2', 'lon', 'lat', 'district', 'source'],
  ['测试智能网联汽车园', '汽车', '区级园区', '2.4', '121.17', '31.31', '嘉定区', '测试名单 2026'],
  ['测试人工智能园', '人工智能', '', '', '', '', '闵行区', ''],
]);

describe('loading a list of parks', () => {
  it('adds accepted rows as a layer the 3+6 filter and the site finder use, kept across a reload', async () => {
    const page = await openPage(browser.context);
    const { requests } = await openMap(page, `${baseUrl}/test/explorer`);
    await loadFile(page, 'sample.csv', SAMPLE);
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toContain('已导入 2 行');
    await expect.poll(() => importedDrawn(page), { timeout: 20_000 }).toEqual(['imported-2', 'imported-3']);
    await page.locator('[data-industry="AI"]').click();
    await expect.poll(() => importedDrawn(page), { timeout: 20_000 }).toEqual(['imported-3']);

    // its card shows what the file said, and how it was placed
    await page.locator('.chip.all').click();
    await expect.poll(() => importedDrawn(page), { timeout: 20_000 }).toHaveLength(2);
    const at = await project(page, [121.17, 31.31]);
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => page.getByTestId('imported-card').textContent()).toContain('测试智能网联汽车园');
    expect(await page.getByTestId('imported-card').textContent()).toContain('测试名单 2026');
    // the selection is in the URL like any other, and comes back with the page
    await page.waitForURL(/sel=imported-2/);

    await page.reload();
    await page.waitForSelector('[data-map-idle="true"]', { state: 'attached', timeout: 60_000 });
    await expect.poll(() => importedDrawn(page), { timeout: 20_000 }).toHaveLength(2);
    await expect.poll(() => page.getByTestId('imported-card').locator('h2').textContent()).toBe('测试智能网联汽车园');

    await page.goto(`${baseUrl}/finder?ind=AUTO&at=121.16,31.29&r=10`);
    // the finder reads the imported lists from IndexedDB after it starts: wait until it says it has
    await page.locator('[data-testid="finder-results"][data-imported-read="true"]').waitFor({ state: 'attached' });
    await expect.poll(() => page.getByTestId('finder-results').locator('li[data-result="imported-2"]').count()).toBe(1);
    expect(requests.filter((u) => !u.startsWith(baseUrl) && !u.startsWith('blob:') && !u.startsWith('data:'))).toEqual([]);
  });

  it('answers a bad CSV row by row, and keeps names and a file name with script or HTML as text', async () => {
    const page = await openPage(browser.context);
    await openMap(page, `${baseUrl}/test/explorer`);
    const evil = '<img src=x onerror="window.__pwned=1">';
    const evilFile = '<svg onload="window.__pwned=2">bad.csv';
    await loadFile(
      page,
      evilFile,
      toCsv([
        ['name', 'industries', 'area_km2', 'lon', 'lat'],
        ['无产业园', '', '', '121.2', '31.3'],
        ['坏面积园', '汽车', 'big', '121.2', '31.3'],
        [evil, '汽车', '', '121.3', '31.2'],
      ]),
    );
    const issues = page.getByTestId('import-issues');
    await expect.poll(() => issues.locator('tbody tr').count()).toBe(2);
    const cells = await issues
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)));
    expect(cells[0]!.slice(0, 2)).toEqual(['2', 'industries']);
    expect(cells[1]!.slice(0, 2)).toEqual(['3', 'area_km2']);
    expect(cells[1]![2]).toContain('big');
    expect(await page.getByTestId('import-summary').textContent()).toContain('已导入 1 行');

    const at = await project(page, [121.3, 31.2]);
    await expect.poll(() => importedDrawn(page), { timeout: 20_000 }).toEqual(['imported-4']);
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => page.getByTestId('imported-card').locator('h2').textContent()).toBe(evil);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    // the file's name is shown as the name of the list, as text
    expect(await page.getByTestId('import-panel').textContent()).toContain('<svg onload="window.__pwned=2">bad');
    expect(await page.locator('svg[onload]').count()).toBe(0);
    await page.getByTestId('import-clear').click();
    await expect.poll(() => importedDrawn(page)).toEqual([]);
  });

  it('offers a template that the importer accepts', async () => {
    const page = await openPage(browser.context);
    const res = await page.request.get(`${baseUrl}/templates/parks-template.csv`);
    const text = await res.text();
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(parseCsvRows(text)[0]).toEqual([
      'name',
      'industries',
      'category',
      'area_km2',
      'lon',
      'lat',
      'district',
      'source',
      'output',
      'year',
      'batch',
    ]);
  });
});

describe('exports', () => {
  it('exports the map as a PNG with title, legend, scale bar and north arrow', async () => {
    const page = await openPage(browser.context);
    await openMap(page, `${baseUrl}/test/explorer?v=121.45,31.2,9`);
    await page.getByTestId('export-panel').locator('summary').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
    expect(download.suggestedFilename()).toMatch(/^shanghai-map-\d{4}-\d{2}-\d{2}\.png$/);
    const png = PNG.sync.read(readFileSync((await download.path())!));
    const map = await page.evaluate(() => {
      const r = document.querySelector('.maplibregl-canvas')!.getBoundingClientRect();
      return { w: Math.round(r.width), h: Math.round(r.height) };
    });
    expect(png.width).toBe(map.w + 260);
    expect(png.height).toBe(map.h + 56 + 44);
    // the legend (right of the map) shows the featured parks' colour
    const parks = hexToRgb(PLAN_LAYERS.find((l) => l.id === 'featured-parks')!.colour);
    let best = Infinity;
    for (let y = 56; y < png.height - 44; y++) {
      for (let x = map.w + 10; x < map.w + 40; x++) {
        const i = (y * png.width + x) * 4;
        best = Math.min(best, distance([png.data[i]!, png.data[i + 1]!, png.data[i + 2]!], parks));
      }
    }
    expect(best).toBeLessThan(40);
    // the map part is the map, not blank: many colours
    const colours = new Set<number>();
    for (let i = 56 * png.width * 4; i < (56 + map.h) * png.width * 4; i += 4 * 97)
      colours.add((png.data[i]! << 16) | (png.data[i + 1]! << 8) | png.data[i + 2]!);
    expect(colours.size).toBeGreaterThan(20);
    // print resolution: the same image at twice the pixels
    const [print] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png-print').click()]);
    expect(print.suggestedFilename()).toMatch(/@2x\.png$/);
    const big = PNG.sync.read(readFileSync((await print.path())!));
    expect([big.width, big.height]).toEqual([png.width * 2, png.height * 2]);
  });

  it('exports the features the filter shows, as CSV and GeoJSON with precision and citations', async () => {
    const page = await openPage(browser.context);
    await openMap(page, `${baseUrl}/test/explorer?ind=AUTO&layers=belts,new-towns,bases,featured-parks`);
    await page.getByTestId('export-panel').locator('summary').click();
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    const rows = parseCsvRows(readFileSync((await csv.path())!, 'utf8'));
    const header = rows[0]!;
    const ids = rows.slice(1).map((r) => r[header.indexOf('id')]);
    expect(ids).toEqual(expect.arrayContaining(['jiading-hydrogen-port', 'base-auto-city', 'nt-jiading', 'belt-huxi']));
    expect(ids).not.toContain('dongfang-xingang');
    for (const r of rows.slice(1)) {
      expect(r[header.indexOf('precision')]).toMatch(/surveyed|approximate|schematic/);
      expect(r[header.indexOf('citations')]!.length).toBeGreaterThan(0);
    }
    const [gj] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-geojson').click()]);
    const doc = JSON.parse(readFileSync((await gj.path())!, 'utf8')) as { features: { id: string; geometry: { type: string } | null }[] };
    expect(doc.features.map((f) => f.id).sort()).toEqual([...ids].sort());
    expect(doc.features.find((f) => f.id === 'belt-huxi')!.geometry!.type).toMatch(/Polygon/);
  });
});
