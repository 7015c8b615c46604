/**
 * Output density on the map, as a planner uses it: colour by density against the target of 80,
 * read a park's figure and its basis on the card, switch to 3D columns (deck.gl fetched then, not
 * before) and click a column.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page, Response } from 'playwright-core';
import { launch, type Browser } from '../support/browser.ts';
import { openPage } from '../support/pages.ts';
import { Screenshot, distance, hexToRgb, openMap, project, idle } from './map-page.ts';
import { DENSITY_COLOURS } from '../../src/lib/plan/density.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

/** 上海机器人产业园's label point (where its column stands), read from the built data. */
async function robotPark(page: Page): Promise<[number, number]> {
  const res = await page.request.get(`${baseUrl}/data/plan.json`);
  const plan = (await res.json()) as { features: { id: string; label_point: [number, number] }[] };
  return plan.features.find((f) => f.id === 'robot-park')!.label_point;
}

/** Bodies of the JavaScript files a page fetched, as they arrive. */
function scripts(page: Page): { urls: string[]; bodies: Promise<string>[] } {
  const log = { urls: [] as string[], bodies: [] as Promise<string>[] };
  page.on('response', (res: Response) => {
    if (!(res.headers()['content-type'] ?? '').includes('javascript')) return;
    log.urls.push(res.url());
    log.bodies.push(res.text().catch(() => ''));
  });
  return log;
}
const isDeck = (body: string) => body.includes('ColumnLayer');

describe('output density on the map', () => {
  it('colours the robot park (250 亿元 over 3.09 km² = 80.9) as at or above the target, and states the thresholds', async () => {
    const page = await openPage(browser.context);
    const { requests } = await openMap(page, `${baseUrl}/test/explorer?v=121.37,31.36,11.2`);
    const at = await project(page, await robotPark(page));
    const off = new Screenshot(await page.screenshot());
    await page.click('[data-density-mode="2d"]');
    await page.waitForURL(/density=2d/);
    await idle(page);
    const on = new Screenshot(await page.screenshot());
    const above = hexToRgb(DENSITY_COLOURS.above);
    expect(distance(on.pixel(at.x + 6, at.y + 6), above)).toBeLessThan(distance(off.pixel(at.x + 6, at.y + 6), above) - 30);

    const legend = page.getByTestId('density-legend');
    await expect.poll(() => legend.textContent()).toContain('≥ 80');
    const text = (await legend.textContent())!;
    expect(text).toContain('64');
    expect(text).toContain('76.7');
    expect(text).toContain('141');
    expect(text).toContain('001 L265-270');
    // no data is counted apart, never as zero
    expect(await page.getByTestId('density-tally').textContent()).toMatch(/\d+ 无数据/);

    await page.mouse.click(at.x, at.y);
    await page.waitForURL(/sel=robot-park/);
    const density = page.getByTestId('feature-density');
    await expect.poll(() => density.textContent()).toContain('80.9');
    const card = (await density.textContent())!;
    expect(card).toContain('2022');
    expect(card).toContain('250 亿元');
    expect(card).toContain('3.09 km²');
    expect(card).toContain('按园区总面积');
    expect(requests.filter((u) => !u.startsWith(baseUrl) && !u.startsWith('blob:') && !u.startsWith('data:'))).toEqual([]);
  });

  it('loads deck.gl only when 3D is switched on, draws columns, and a click on a column opens its card', async () => {
    const page = await openPage(browser.context);
    const js = scripts(page);
    await openMap(page, `${baseUrl}/test/explorer?v=121.37,31.36,10`);
    const before = await Promise.all(js.bodies);
    expect(before.filter(isDeck)).toEqual([]);

    await page.click('[data-density-mode="3d"]');
    await page.waitForSelector('[data-density3d="drawn"]', { state: 'attached', timeout: 60_000 });
    // the view tilts so columns read as heights, and the tilt is in the URL
    await page.waitForURL(/density=3d/);
    await page.waitForURL(/v=[\d.]+,[\d.]+,[\d.]+,-?[\d.]+,(?:[2-8]\d)/, { timeout: 20_000 });
    const after = (await Promise.all(js.bodies)).slice(before.length);
    expect(after.filter(isDeck).length).toBe(1);
    await idle(page);

    // 35 px above the column's foot is the column's body, not the park (a point at this zoom):
    // the map alone would pick the 沿江 belt there, so the robot park comes from the column.
    const foot = await project(page, await robotPark(page));
    const shot = new Screenshot(await page.screenshot({ path: 'test-results/density-3d.png' }));
    expect(shot.nearest(foot.x, foot.y - 35, DENSITY_COLOURS.above, 4)).toBeLessThan(60);
    await page.mouse.click(foot.x, foot.y - 35);
    await page.waitForURL(/sel=robot-park/);
    await expect.poll(() => page.getByTestId('feature-density').textContent()).toContain('80.9');
  });

  it('draws Lingang’s density over its whole 873 km² as not comparable with the park target, not as well below', async () => {
    const page = await openPage(browser.context);
    await openMap(page, `${baseUrl}/test/explorer?v=121.88,30.92,10.5&density=2d&sel=lingang`);
    const density = page.getByTestId('feature-density');
    await expect.poll(() => density.textContent()).toContain('2.9');
    expect(await density.textContent()).toContain('与园区目标不可比');
    expect(await density.textContent()).not.toContain('明显低于目标');
    await expect.poll(() => page.getByTestId('density-legend').textContent()).toContain('与园区目标不可比');
  });

  it('says there is nothing to extrude when no feature in view has a density', async () => {
    const page = await openPage(browser.context);
    await openMap(page, `${baseUrl}/test/explorer?ind=FASHION&density=3d`);
    await expect.poll(() => page.getByTestId('nothing-to-extrude').count()).toBe(1);
  });
});
