/** The data page: what the data holds and where each named place stands, readable without JavaScript. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, type Browser } from '../support/browser.ts';
import { openPage } from '../support/pages.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launch({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
});
afterAll(async () => browser?.close());

describe('the data page', () => {
  it('shows, with JavaScript off, how many of the 53 parks the data holds and the coverage of the 128 places', async () => {
    const page = await openPage(browser.context);
    const res = await page.goto(`${baseUrl}/about`);
    expect(res?.status()).toBe(200);
    expect(await page.locator('h1').textContent()).toBe('数据与来源');
    expect(await page.getByTestId('parks-held').textContent()).toMatch(/收录 \d+ 个, 全市共 53 个/);
    const tally = await page.getByTestId('coverage-tally').textContent();
    expect(tally).toMatch(/128 处地点: 已上图 \d+, 区级定位 \d+, 全市性 \d+, 未上图 \d+/);
    const rows = page.locator('tbody tr');
    expect(await rows.count()).toBe(128);
    // A place that is not on the map says why.
    const notPlaced = page.locator('tbody tr.not-placed').first();
    expect((await notPlaced.locator('td').nth(3).textContent())!.length).toBeGreaterThan(5);
    // Sources: the plan documents and the published sources with their dates.
    expect(await page.locator('text=沪府办发〔2021〕12号').count()).toBeGreaterThan(0);
    expect(await page.locator('a[href^="https://app.sheitc.sh.gov.cn"]').count()).toBeGreaterThan(0);
    await page.screenshot({ path: 'test-results/about-mobile.png', fullPage: false });
  });
});
