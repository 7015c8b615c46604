/**
 * The compare view as a planner uses it: 沿湾 beside 沪西, the members and the 3+6 matrix as the
 * plan states them, a change of selection kept in the URL, and the CSV export opened as Excel would.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, type Browser } from '../support/browser.ts';
import { openPage } from '../support/pages.ts';
import { parseCsvRows } from '../../src/lib/formats/csv.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

describe('the compare view', () => {
  it('shows 沿湾 and 沪西 side by side with their members and the plan’s matrix', async () => {
    const page = await openPage(browser.context);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${baseUrl}/compare?units=belt-yanwan,belt-huxi`);
    const units = page.getByTestId('compare-unit');
    await expect.poll(() => units.count()).toBe(2);
    expect(await units.nth(0).locator('h2').textContent()).toBe('沿湾高端产业集群发展带');
    expect(await units.nth(1).locator('h2').textContent()).toBe('沪西高端产业集群发展带');
    expect(await units.nth(0).getByTestId('unit-members').textContent()).toBe('奉贤、金山、临港新片区');
    expect(await units.nth(1).getByTestId('unit-members').textContent()).toBe('嘉定、青浦、松江、闵行');
    expect(await units.nth(1).getByTestId('unit-area').textContent()).toMatch(/^\d{4}(\.\d)? km²$/);

    const matrix = page.getByTestId('allocation-matrix');
    const cell = (row: string, industry: string) => matrix.locator(`tr[data-row="${row}"] td[data-industry="${industry}"]`);
    expect(await matrix.locator('tbody tr').count()).toBe(6);
    expect(await cell('yanwan-jinshan', 'LH').getAttribute('data-basis')).toBe('stated');
    expect(await cell('yanwan-fengxian', 'FASHION').getAttribute('data-basis')).toBe('inferred');
    expect(await cell('huxi-minhang', 'AI').getAttribute('data-basis')).toBe('stated');
    expect(await cell('huxi-qingpu', 'IC').getAttribute('data-basis')).toBe('none');
    // a cell links to its citation
    const link = cell('huxi-songjiang', 'IC').locator('a.fn');
    const target = (await link.getAttribute('href'))!;
    expect(await page.locator(target).textContent()).toContain('L985-987');
    expect(requests.filter((u) => !u.startsWith(baseUrl))).toEqual([]);
  });

  it('keeps a changed selection in the URL, through a reload', async () => {
    const page = await openPage(browser.context);
    await page.goto(`${baseUrl}/compare?units=belt-yanwan,belt-huxi`);
    await expect.poll(() => page.getByTestId('compare-unit').count()).toBe(2);
    await page.locator('[data-unit="lingang"]').check();
    await page.waitForURL(/units=belt-yanwan,belt-huxi,lingang/);
    await page.reload();
    await expect.poll(() => page.getByTestId('compare-unit').count()).toBe(3);
    expect(await page.getByTestId('compare-unit').nth(2).locator('h2').textContent()).toBe('临港新片区');
  });

  it('reports ids in the link it cannot use', async () => {
    const page = await openPage(browser.context);
    await page.goto(`${baseUrl}/compare?units=belt-huxi,atlantis`);
    await expect.poll(() => page.getByTestId('compare-notice').textContent()).toContain('atlantis');
    expect(await page.getByTestId('compare-unit').count()).toBe(1);
  });

  it('exports a CSV with a BOM that parses back to the comparison', async () => {
    const page = await openPage(browser.context);
    await page.goto(`${baseUrl}/compare?units=belt-yanwan,belt-huxi`);
    await expect.poll(() => page.getByTestId('compare-unit').count()).toBe(2);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    expect(download.suggestedFilename()).toBe('shanghai-compare-belt-yanwan_belt-huxi.csv');
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsvRows(text);
    expect(rows[0]).toEqual(['项目 / measure', '沿湾高端产业集群发展带', '沪西高端产业集群发展带']);
    const ai = rows.find((r) => r[0]!.startsWith('人工智能'))!;
    expect(ai[1]).toBe('');
    expect(ai[2]).toContain('闵行: 规划明确: 人工智能 (001');
  });

  it('is readable without JavaScript (the three belts by default)', async () => {
    const noJs = await launch({ javaScriptEnabled: false });
    try {
      const page = await openPage(noJs.context);
      await page.goto(`${baseUrl}/compare`);
      expect(await page.getByTestId('compare-unit').count()).toBe(3);
      expect(await page.getByTestId('allocation-matrix').textContent()).toContain('智能传感器');
    } finally {
      await noJs.close();
    }
  });
});
