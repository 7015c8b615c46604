/**
 * A district's enterprise list on the map: 2,000 enterprises load as a clustered layer, the 3+6
 * chips change which of them the clusters count and draw, a district's card counts them, a
 * reload keeps the list, the filter and the counts, and the compare view sets them beside the plan.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Browser } from '../support/browser.ts';
import { openPage } from '../support/pages.ts';
import { idle, loadFile, openMap, policyViolations, project, watchPolicyViolations } from './map-page.ts';
import { toCsv } from '../../src/lib/formats/csv.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
  await watchPolicyViolations(browser.context);
});
afterAll(async () => browser?.close());

/** 2,000 enterprises on a grid in Jiading, the industries in turn: 400 each of IC, AUTO, BIO, HEE and one outside the 3+6. */
const INDUSTRIES = ['集成电路', '汽车', '生物医药', '高端装备', '餐饮'];
const LIST = toCsv([
  ['企业名称', '行业', '经度', '纬度', '区'],
  ...Array.from({ length: 2000 }, (_, i) => [
    `企业${i}`,
    INDUSTRIES[i % 5]!,
    (121.15 + (i % 50) * 0.003).toFixed(4),
    (31.3 + Math.floor(i / 50) * 0.0025).toFixed(4),
    '嘉定区',
  ]),
]);

/**
 * How many enterprises the map draws: each cluster's count of the chosen industry's set (`s1` is
 * the file's second industry set, 汽车; all of a cluster with no chip) plus the single points.
 */
function drawnEnterprises(page: Page, set: number | null): Promise<number> {
  return page.evaluate((set) => {
    type F = { properties: Record<string, number> };
    type Map = { queryRenderedFeatures(o: object): F[] };
    const map = (window as unknown as { __map: Map }).__map;
    const clusters = new Map<number, number>();
    for (const f of map.queryRenderedFeatures({ layers: ['enterprise-clusters'] }))
      clusters.set(f.properties.cluster_id!, set === null ? f.properties.point_count! : (f.properties[`s${set}`] ?? 0));
    const points = new Set(map.queryRenderedFeatures({ layers: ['enterprise-points'] }).map((f) => f.properties.i));
    return [...clusters.values()].reduce((a, b) => a + b, 0) + points.size;
  }, set);
}

/** How many clusters and single enterprises the map draws at all, whatever they count. */
function renderedEnterprises(page: Page): Promise<number> {
  return page.evaluate(() => {
    type Map = { queryRenderedFeatures(o: object): unknown[] };
    return (window as unknown as { __map: Map }).__map.queryRenderedFeatures({ layers: ['enterprise-clusters', 'enterprise-points'] })
      .length;
  });
}

describe('an enterprise list', () => {
  it('clusters 2,000 enterprises, follows the 3+6 chips, counts them in a district’s card, and keeps it all across a reload', async () => {
    const page = await openPage(browser.context);
    await openMap(page, `${baseUrl}/test/explorer?v=121.22,31.35,10.5&d=310114`);
    // while it reads, the panel says so (recorded as it appears: it may be brief)
    await page.evaluate(() => {
      const w = window as unknown as { __readingSeen?: string };
      new MutationObserver(() => {
        const status = document.querySelector('[data-testid="import-reading"]');
        if (status) w.__readingSeen = status.textContent ?? '';
      }).observe(document.body, { childList: true, subtree: true });
    });
    await loadFile(page, '企业名录.csv', LIST);
    await expect.poll(() => page.getByTestId('import-summary').textContent(), { timeout: 20_000 }).toContain('已导入企业 2000 家');
    await page.waitForSelector('[data-enterprises="2000"]', { state: 'attached' });
    expect(await page.evaluate(() => (window as unknown as { __readingSeen?: string }).__readingSeen)).toBe('正在读取 企业名录.csv…');
    expect(await page.getByTestId('import-reading').count()).toBe(0);
    // the 400 enterprises outside the 3+6 are one line of the problems, not 400
    const problems = page.getByTestId('import-issues').locator('tbody tr');
    expect(await problems.count()).toBe(1);
    expect(await problems.first().getAttribute('data-count')).toBe('400');
    expect(await problems.first().textContent()).toContain('6, 11, 16, 21, 26 … (+395)');
    await idle(page);
    expect(await drawnEnterprises(page, null)).toBe(2000);
    expect(await page.getByTestId('enterprise-count-shown').textContent()).toBe('2000');

    await page.click('[data-industry="AUTO"]');
    await page.waitForURL(/ind=AUTO/);
    await idle(page);
    await expect.poll(() => drawnEnterprises(page, 1)).toBe(400);
    expect(await page.getByTestId('enterprise-count-shown').textContent()).toBe('400');
    expect(await page.getByTestId('enterprise-count').textContent()).toContain('共 2000 家');

    // an industry the list does not have: no cluster, no point is drawn (not clusters reading 0), the card says 0
    await page.click('[data-industry="AUTO"]');
    await page.click('[data-industry="AI"]');
    await page.waitForURL(/ind=AI(&|$)/);
    await idle(page);
    await expect.poll(() => renderedEnterprises(page)).toBe(0);
    expect(await page.getByTestId('enterprise-count-shown').textContent()).toBe('0');
    await page.click('[data-industry="AI"]');
    await page.click('[data-industry="AUTO"]');
    await page.waitForURL(/ind=AUTO(&|$)/);

    await page.reload();
    await page.waitForSelector('[data-enterprises="2000"]', { state: 'attached', timeout: 60_000 });
    await idle(page);
    await expect.poll(() => drawnEnterprises(page, 1)).toBe(400);
    expect(await page.getByTestId('enterprise-count-shown').textContent()).toBe('400');

    // renamed, the list is called so in the card (and kept so: the compare view below reads it back)
    await page.getByTestId('import-enterprise-name').fill('嘉定企业 2022');
    await page.getByTestId('import-enterprise-rename').click();
    await expect.poll(() => page.getByTestId('enterprise-count').locator('h3').textContent()).toContain('嘉定企业 2022');

    // close in, each enterprise is its own point; a click shows what the file says of it, as the user's
    await page.evaluate(() =>
      (window as unknown as { __map: { jumpTo(o: object): void } }).__map.jumpTo({ center: [121.153, 31.3], zoom: 14.5 }),
    );
    await idle(page);
    const firstAuto = await project(page, [121.153, 31.3]); // 企业1: 汽车, the grid's second point
    await page.mouse.click(firstAuto.x, firstAuto.y);
    const popup = page.getByTestId('enterprise-popup');
    await expect.poll(() => popup.textContent()).toContain('企业1');
    expect(await popup.textContent()).toContain('来自您的企业名单“嘉定企业 2022”第 3 行');
    expect(await popup.textContent()).toContain('汽车');
    // the layer added at run time and its popup stay within the page's Content-Security-Policy
    expect(await policyViolations(page)).toEqual([]);

    // the compare view puts the list beside the plan: Jiading district and the 沪西 belt, by industry
    await page.goto(`${baseUrl}/compare?units=district-310114,belt-huxi`);
    const yours = page.getByTestId('compare-yours');
    await expect.poll(() => yours.locator('tr[data-row="district-310114"] [data-testid="yours-enterprises"]').textContent()).toBe('2000');
    expect(await yours.locator('tr[data-row="district-310114"] td[data-industry="AUTO"]').textContent()).toBe('400');
    expect(await yours.textContent()).toContain('嘉定企业 2022');
  });
});
