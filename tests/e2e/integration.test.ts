/**
 * The integration comparison as a planner reads it: Shanghai and Zhejiang side by side with every
 * cell cited, readable with JavaScript off; the 汽车 chip narrows the industry paths and the link
 * keeps it; the Zhejiang map marks the places 004 names; the CSV parses back; the industry profile
 * and the map's filter lead to the paths.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, type Browser } from '../support/browser.ts';
import { openPage } from '../support/pages.ts';
import { parseCsvRows } from '../../src/lib/formats/csv.ts';
import { countShade } from '../../src/lib/style/palette.ts';
import { hexToRgb } from '../../src/lib/plan/density.ts';

const rgb = (hex: string) => `rgb(${hexToRgb(hex).join(', ')})`;

const baseUrl = inject('baseUrl');
let browser: Browser;
let noScript: Browser;
beforeAll(async () => {
  browser = await launch();
  noScript = await launch({ javaScriptEnabled: false });
});
afterAll(async () => {
  await browser?.close();
  await noScript?.close();
});

describe('the integration comparison', () => {
  it('shows both plans’ columns and their citations with JavaScript off', async () => {
    const page = await openPage(noScript.context);
    await page.goto(`${baseUrl}/integration`);
    const table = page.getByTestId('integration-table');
    expect(await table.locator('section[data-theme]').count()).toBe(7);
    expect(await table.locator('thead th[data-doc="000"]').first().textContent()).toBe('上海 (000)');
    expect(await table.locator('thead th[data-doc="004"]').first().textContent()).toBe('浙江 (004)');
    expect(await table.locator('tr[data-row]').count()).toBe(44);
    const land = table.locator('tr[data-row="land"]');
    expect(await land.locator('td[data-doc="000"] .cite').textContent()).toBe('000 · §五(三) L483-497');
    expect(await land.locator('td[data-doc="004"] .cite').textContent()).toBe('004 · §四(二) L89');
    // a row one plan has nothing on says so, and where it comes closest
    const sharing = table.locator('tr[data-row="sharing"] td[data-doc="000"]');
    expect(await sharing.textContent()).toContain('无对应内容');
    expect(await sharing.textContent()).toContain('000 · §二(一) L208-210');
    // every industry row is there without JavaScript (the filter only narrows once the page runs)
    expect(await table.locator('section[data-theme="industries"] tr[data-row]').count()).toBe(11);
    expect(await page.getByTestId('modes').locator('li').count()).toBe(11);
  });

  it('leaves the automobile rows under the 汽车 chip, keeps it in the link, and exports what it shows as CSV', async () => {
    const page = await openPage(browser.context);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${baseUrl}/integration?lang=en`);
    await page.waitForSelector('html[data-url-read="true"]', { state: 'attached' });
    const industryRows = page.locator('section[data-theme="industries"] tr[data-row]');
    expect(await industryRows.count()).toBe(11);
    await page.locator('[data-industry="AUTO"]').click();
    await page.waitForURL(/ind=AUTO/);
    await expect.poll(() => industryRows.count()).toBe(1);
    expect(await industryRows.first().getAttribute('data-row')).toBe('automobile');
    expect(await industryRows.first().locator('td[data-doc="004"]').textContent()).toContain('Deqing');
    // the other themes stay whole
    expect(await page.locator('section[data-theme="measures"] tr[data-row]').count()).toBe(8);
    // places that concern the automobile path only
    await expect.poll(() => page.getByTestId('zhejiang-places').locator('li[data-place]').count()).toBe(3);

    await page.reload();
    await expect.poll(() => industryRows.count()).toBe(1);
    expect(await page.locator('[data-industry="AUTO"]').getAttribute('aria-pressed')).toBe('true');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('integration-csv').click()]);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsvRows(text);
    expect(rows[0]![3]).toBe('Shanghai (000)');
    expect(rows.length - 1).toBe(await page.locator('tr[data-row]').count());
    expect(rows.filter((r) => r[0] === 'Industry fusion paths').map((r) => r[1])).toEqual(['Automobiles']);
    expect(requests.filter((u) => !u.startsWith(baseUrl))).toEqual([]);
  });

  it('marks the places 004 names on the Zhejiang map, by city, with the free-trade zone not placed', async () => {
    const page = await openPage(browser.context);
    await page.goto(`${baseUrl}/integration`);
    const map = page.getByTestId('zhejiang-map');
    expect(await map.locator('path[data-city]').count()).toBe(11);
    expect(await map.locator('path[data-city="330100"]').getAttribute('data-count')).toBe('6');
    expect(await map.locator('text').allTextContents()).toEqual(expect.arrayContaining(['杭州市 · 6', '舟山市 · 2']));
    const list = page.getByTestId('zhejiang-places');
    expect(await list.locator('li[data-city="330900"]').textContent()).toContain('宁波舟山港');
    expect(await list.locator('li[data-place="yiwu-port"]').first().textContent()).toContain('解读');
    expect(await list.locator('li[data-place="zhejiang-ftz"]').textContent()).toContain('不能放在一个城市');
    // shaded by how many places a city has, as the legend says: Hangzhou (6) darkest, Wenzhou (1) light
    const fill = (code: string) => map.locator(`path[data-city="${code}"]`).evaluate((el) => getComputedStyle(el).fill);
    expect(await fill('330100')).toBe(rgb(countShade(6)));
    expect(await fill('330300')).toBe(rgb(countShade(1)));
    expect(await fill('330300')).not.toBe(await fill('330100'));
  });

  it('shows 002’s demonstration types with their modes and conditions, and says no mode is located', async () => {
    const page = await openPage(browser.context);
    await page.goto(`${baseUrl}/integration?lang=en`);
    // prerendered in Chinese, the page turns English once it has read its URL
    await page.waitForSelector('html[data-url-read="true"]', { state: 'attached' });
    const types = page.getByTestId('demonstration-types');
    expect(await types.locator('tr[data-type]').count()).toBe(3);
    expect(await types.locator('tr[data-type="enterprise"]').textContent()).toContain('at least 30%');
    expect(await types.locator('tr[data-type="platform"] a[href="#mode-4"]').count()).toBe(1);
    expect(await types.locator('tr[data-type="district"]').textContent()).toContain('Not selected by mode');
    expect(await page.getByTestId('modes-located').textContent()).toContain('no mode is located on the map');
  });
});

describe('industry profiles and the map lead to the paths', () => {
  it('the 汽车 profile shows Shanghai’s and Zhejiang’s fusion paths, cited', async () => {
    const page = await openPage(browser.context);
    await page.goto(`${baseUrl}/industries/auto`);
    const section = page.getByTestId('industry-integration');
    expect(await section.locator('.path[data-doc="000"] h3').textContent()).toBe('上海 (000): （三）汽车制造业和服务业');
    expect(await section.locator('.path[data-doc="004"] .cite').textContent()).toBe('004 · §二(二) L41-43');
    expect(await section.locator('a[href*="/integration?ind=AUTO"]').count()).toBe(1);
    await page.goto(`${baseUrl}/industries/ai?lang=en`);
    await page.waitForSelector('html[data-url-read="true"]', { state: 'attached' });
    expect(await page.getByTestId('industry-integration').locator('p[data-doc]').allTextContents()).toEqual([
      'Shanghai (000) has no fusion path for this industry.',
      'Zhejiang (004) has no fusion path for this industry.',
    ]);
  });

  it('the map’s 3+6 filter links to the chosen industries’ profiles', async () => {
    const page = await openPage(browser.context);
    await page.goto(`${baseUrl}/?ind=AUTO,EI&lang=en`);
    const links = page.getByTestId('industry-profile-links').locator('a');
    await expect.poll(() => links.count()).toBe(2);
    expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
      '/industries/ei?lang=en',
      '/industries/auto?lang=en',
    ]);
  });
});
