/**
 * The explorer as a user works it: layers toggle, the 3+6 filter, the info card, shared links.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Browser } from '../support/browser.ts';
import { openPage } from '../support/pages.ts';
import { openMap, project, idle } from './map-page.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

const PLAN_STYLE_LAYERS = [
  'plan-fill',
  'plan-line-schematic',
  'plan-line-approximate',
  'plan-parks-fill',
  'plan-parks-point',
  'plan-parks-line-approximate',
];

/** Properties of the plan features drawn on the map now, optionally only of some kinds. */
async function rendered(page: Page, kinds?: string[]): Promise<{ id: string; kind: string; reach: string[] }[]> {
  const all = await page.evaluate((ids) => {
    type Map = {
      getLayer(id: string): unknown;
      queryRenderedFeatures(o: object): { properties: Record<string, unknown> & { id: string; kind: string } }[];
    };
    const map = (window as unknown as { __map: Map }).__map;
    const existing = ids.filter((id) => map.getLayer(id));
    // the tiles carry one boolean per industry reached (in_IC: true …)
    return map.queryRenderedFeatures({ layers: existing }).map((f) => ({
      id: f.properties.id,
      kind: f.properties.kind,
      reach: Object.keys(f.properties)
        .filter((k) => k.startsWith('in_') && f.properties[k] === true)
        .map((k) => k.slice(3)),
    }));
  }, PLAN_STYLE_LAYERS);
  return kinds ? all.filter((f) => kinds.includes(f.kind)) : all;
}

async function districtsHighlighted(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    type Map = {
      queryRenderedFeatures(o: object): { properties: { code: string } }[];
      getFeatureState(f: object): { highlight?: boolean };
    };
    const map = (window as unknown as { __map: Map }).__map;
    // every district is in the one district fill; feature-state says which ones are lit
    const codes = map.queryRenderedFeatures({ layers: ['district-fill'] }).map((f) => f.properties.code);
    return [...new Set(codes)].filter((id) => map.getFeatureState({ source: 'basemap', sourceLayer: 'districts', id }).highlight).sort();
  });
}

describe('the explorer', () => {
  it('draws a layer when it is on and removes it when the user turns it off', async () => {
    const page = await openPage(browser.context);
    await openMap(page, `${baseUrl}/test/explorer`);
    const towns = async () => new Set((await rendered(page, ['new-town'])).map((f) => f.id));
    expect([...(await towns())].sort()).toEqual(['nt-fengxian', 'nt-jiading', 'nt-nanhui', 'nt-qingpu', 'nt-songjiang']);
    await page.locator('[data-layer="new-towns"]').uncheck();
    await page.waitForURL(/layers=/);
    await idle(page);
    expect((await towns()).size).toBe(0);
    await page.locator('[data-layer="transformation-areas"]').check();
    await idle(page);
    expect((await rendered(page, ['transformation-area'])).length).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get('layers')).toContain('transformation-areas');
  });

  it('choosing 汽车 leaves the matching features and highlights 嘉定, 浦东 and 奉贤 (001 L965-983)', async () => {
    const page = await openPage(browser.context);
    await openMap(page, `${baseUrl}/test/explorer`);
    const chip = page.locator('[data-industry="AUTO"]');
    await chip.click();
    await page.waitForURL(/ind=AUTO/);
    expect(await chip.getAttribute('aria-pressed')).toBe('true');
    await idle(page);
    expect(await districtsHighlighted(page)).toEqual(['310114', '310115', '310120']);
    const drawn = await rendered(page);
    expect(drawn.length).toBeGreaterThan(0);
    expect(drawn.every((f) => f.reach.includes('AUTO'))).toBe(true);
    const ids = new Set(drawn.map((f) => f.id));
    for (const id of ['nt-jiading', 'base-auto-city', 'belt-huxi', 'belt-yanjiang', 'belt-yanwan']) expect(ids, id).toContain(id);
    expect(ids.has('nt-songjiang')).toBe(false);
    // The count on the chip is the number of matching features in view.
    const count = Number(await chip.locator('.count').textContent());
    expect(count).toBeGreaterThanOrEqual(5);
    await page.screenshot({ path: 'test-results/explorer-auto.png' });
    await page.locator('button', { hasText: '全部' }).click();
    await page.waitForURL((u) => !u.searchParams.has('ind'));
    await idle(page);
    expect(await districtsHighlighted(page)).toEqual([]);
  });

  it('opens the card of 东方芯港 on click, with its area, district, industry and citation; Escape closes it', async () => {
    const page = await openPage(browser.context);
    await openMap(page, `${baseUrl}/test/explorer?v=121.88,30.95,11.5&layers=featured-parks`);
    const p = await project(page, [121.88, 30.95]);
    await page.mouse.click(p.x, p.y);
    const card = page.getByTestId('feature-card');
    await card.locator('h2').waitFor();
    expect(await card.locator('h2').textContent()).toBe('东方芯港');
    expect(await page.getByTestId('feature-area').textContent()).toContain('5.45 km² (2022');
    expect(await page.getByTestId('feature-districts').textContent()).toContain('浦东新区');
    expect(await page.getByTestId('feature-industries').textContent()).toContain('集成电路');
    expect(await page.getByTestId('feature-citations').textContent()).toContain('001 · §三(一)1 L365-367');
    expect(await page.getByTestId('feature-density').textContent()).toContain('无数据');
    expect(await page.getByTestId('feature-precision').textContent()).toContain('近似');
    await page.waitForURL(/sel=dongfang-xingang/);
    await page.screenshot({ path: 'test-results/explorer-card.png' });
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached' });
    expect(new URL(page.url()).searchParams.has('sel')).toBe(false);
  });

  it('finds 东方芯港 by typing 芯港, and Enter flies there and opens its card', async () => {
    const page = await openPage(browser.context);
    await openMap(page, `${baseUrl}/test/explorer?layers=pole`);
    const box = page.getByRole('combobox');
    await box.fill('芯港');
    const options = page.getByRole('option');
    await options.first().waitFor();
    expect(await options.first().textContent()).toContain('东方芯港');
    await box.press('Enter');
    await page.waitForURL(/sel=dongfang-xingang/);
    expect(await page.getByTestId('feature-card').locator('h2').textContent()).toBe('东方芯港');
    await page.waitForFunction(() => !(window as unknown as { __map: { isMoving(): boolean } }).__map.isMoving());
    const url = new URL(page.url());
    expect(url.searchParams.get('layers')).toBe('pole,featured-parks');
    const [lon, lat] = url.searchParams.get('v')!.split(',').map(Number);
    expect(lon).toBeCloseTo(121.88, 2);
    expect(lat).toBeCloseTo(30.95, 2);
  });

  it('lists what the map draws: the same features under the same filter, sortable, and opens a card with the keyboard', async () => {
    const page = await openPage(browser.context);
    await openMap(page, `${baseUrl}/test/explorer?ind=AUTO&layers=belts,new-towns,bases,featured-parks&v=121.5,31.15,7.5`);
    const onMap = new Set((await rendered(page)).map((f) => f.id));
    await page.getByTestId('show-list').click();
    await page.waitForURL(/mode=list/);
    const list = page.getByTestId('list-view');
    const rows = await list
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((r) => ({ id: r.getAttribute('data-id'), text: r.textContent ?? '' })));
    const undrawn = rows.filter((r) => r.text.includes('未上图'));
    expect(new Set(rows.filter((r) => !undrawn.includes(r)).map((r) => r.id))).toEqual(onMap);
    // A feature no source locates is listed, and says it is not on the map.
    expect(undrawn.map((r) => r.id)).toEqual(['auto-new-energy-port']);
    const first = list.locator('tbody tr button.name').first();
    await first.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('feature-card').locator('h2').waitFor();
    await page.screenshot({ path: 'test-results/explorer-list.png' });
  });

  it('reopens a copied link with the same view, filter, layers and selection', async () => {
    const page = await openPage(browser.context);
    await openMap(page, `${baseUrl}/test/explorer`);
    await page.locator('[data-industry="IC"]').click();
    await page.locator('[data-layer="brand-parks"]').check();
    await page.evaluate(() => {
      type Map = { jumpTo(o: object): void };
      (window as unknown as { __map: Map }).__map.jumpTo({ center: [121.6, 31.2], zoom: 10.5, bearing: 15, pitch: 30 });
    });
    await page.waitForURL(/v=121\.6,31\.2,10\.5,15,30/);
    const copied = `${page.url()}&sel=ic-design-park`;
    const other = await openPage(browser.context);
    await openMap(other, copied);
    const view = await other.evaluate(() => {
      type Map = { getCenter(): { lng: number; lat: number }; getZoom(): number; getBearing(): number; getPitch(): number };
      const m = (window as unknown as { __map: Map }).__map;
      return { lng: m.getCenter().lng, lat: m.getCenter().lat, zoom: m.getZoom(), bearing: m.getBearing(), pitch: m.getPitch() };
    });
    expect(view.lng).toBeCloseTo(121.6, 4);
    expect(view.lat).toBeCloseTo(31.2, 4);
    expect(view.zoom).toBeCloseTo(10.5, 2);
    expect(view.bearing).toBeCloseTo(15, 1);
    expect(view.pitch).toBeCloseTo(30, 1);
    expect(await other.locator('[data-industry="IC"]').getAttribute('aria-pressed')).toBe('true');
    expect(await other.locator('[data-layer="brand-parks"]').isChecked()).toBe(true);
    expect(await other.getByTestId('feature-card').locator('h2').textContent()).toBe('上海集成电路设计产业园');
  });
});
