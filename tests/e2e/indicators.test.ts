/** The indicators page: the plans' tables with units, years, type, baselines and sources; the scale-target chart. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, type Browser } from '../support/browser.ts';
import { openPage } from '../support/pages.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launch({ javaScriptEnabled: false });
});
afterAll(async () => browser?.close());

describe('the indicators page', () => {
  it("shows all 18 rows of 001's table with target, unit, year, type and source, and the 80 亿元/km² row with its 76.7 baseline", async () => {
    const page = await openPage(browser.context);
    expect((await page.goto(`${baseUrl}/indicators`))?.status()).toBe(200);
    const rows = page.getByTestId('table-001-main').locator('tbody tr');
    expect(await rows.count()).toBe(18);
    const density = await rows.nth(4).textContent();
    expect(density).toContain('工业园区单位土地产值');
    expect(density).toContain('80 (2025)');
    expect(density).toContain('预期性');
    expect(density).toContain('76.7 (2020)');
    expect(density).toContain('001 · §上海“十四五”制造业发展主要指标 L265-270');
    expect(await rows.nth(5).textContent()).toContain('约束性');
    // 工业互联网标识注册量: ten billion, written the Chinese way
    const registrations = (await rows.nth(15).textContent()) ?? '';
    expect(registrations).toContain('工业互联网标识注册量');
    expect(registrations).toContain('100亿 (2025)');
    expect(registrations).not.toContain('10000000000');
    expect(await page.getByTestId('table-003-main').locator('tbody tr').count()).toBe(10);
  });

  it('charts 亿元 targets as bars and keeps 倍增 as text, with a table behind every chart', async () => {
    const page = await openPage(browser.context);
    await page.goto(`${baseUrl}/indicators`);
    const auto = page.getByTestId('chart-AUTO');
    expect(await auto.locator('rect').count()).toBe(2);
    expect(await auto.textContent()).toContain('突破3500 亿元');
    expect(await auto.textContent()).toContain('120 万辆');
    const ic = page.getByTestId('chart-IC');
    expect(await ic.locator('rect').count()).toBe(0);
    expect(await ic.textContent()).toContain('倍增');
    expect(await page.locator('figure table').count()).toBe(9);
    await page.screenshot({ path: 'test-results/indicators.png', fullPage: true });
  });
});
