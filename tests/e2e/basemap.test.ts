/**
 * The map page as a user meets it: Shanghai drawn from the embedded basemap, Chinese labels from
 * the shipped glyphs, districts selectable by click, nothing fetched from another origin.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { launch, type Browser } from '../support/browser.ts';
import { openPage } from '../support/pages.ts';
import { openMap, project, Screenshot } from './map-page.ts';
import { THEMES } from '../../src/lib/style/themes.ts';

const baseUrl = inject('baseUrl');
const theme = THEMES.light;
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
  mkdirSync('test-results', { recursive: true });
});
afterAll(async () => browser?.close());

describe('the map page', () => {
  it('draws Shanghai: sea, land, the Huangpu and district lines where they belong, with no request to another origin', async () => {
    const page = await openPage(browser.context);
    const { requests } = await openMap(page, `${baseUrl}/test/explorer?layers=none`);
    const shot = new Screenshot(await page.screenshot({ path: 'test-results/basemap-zh.png' }));
    expect(shot.distinctColours()).toBeGreaterThan(20);

    const sea = await project(page, [122.05, 31.25]);
    expect(shot.nearest(sea.x, sea.y, theme.sea, 0)).toBeLessThan(6);
    const land = await project(page, [121.25, 31.0]);
    expect(shot.nearest(land.x, land.y, theme.district, 0)).toBeLessThan(6);
    // The Huangpu between 徐浦大桥 and 卢浦大桥, in the centre of the view.
    const river = await project(page, [121.4715, 31.125]);
    expect(shot.nearest(river.x, river.y, theme.river, 3)).toBeLessThan(40);
    expect(shot.nearest(river.x + 12, river.y, theme.river, 2)).toBeGreaterThan(40);
    // Dianshan Lake.
    const lake = await project(page, [120.965, 31.12]);
    expect(shot.nearest(lake.x, lake.y, theme.lake, 2)).toBeLessThan(12);

    // District boundaries: vertices of the drawn boundary lines have line-coloured pixels nearby.
    const vertices = await page.evaluate(() => {
      type Map = { querySourceFeatures(s: string, o: object): { geometry: { type: string; coordinates: number[][] } }[] };
      const map = (window as unknown as { __map: Map }).__map;
      const lines = map.querySourceFeatures('basemap', { sourceLayer: 'boundaries', filter: ['==', ['get', 'kind'], 'district'] });
      return lines
        .filter((f) => f.geometry.type === 'LineString')
        .slice(0, 12)
        .map((f) => f.geometry.coordinates[Math.floor(f.geometry.coordinates.length / 2)] as [number, number]);
    });
    expect(vertices.length).toBeGreaterThan(5);
    let onLine = 0;
    for (const v of vertices) {
      const p = await project(page, v);
      if (p.x > 5 && p.y > 5 && p.x < 1275 && p.y < 795 && shot.nearest(p.x, p.y, theme.districtLine, 4) < 60) onLine++;
    }
    expect(onLine).toBeGreaterThanOrEqual(Math.ceil(vertices.length * 0.6));

    const origin = new URL(baseUrl).origin;
    const foreign = requests.filter((u) => !u.startsWith('blob:') && !u.startsWith('data:') && new URL(u).origin !== origin);
    expect(foreign).toEqual([]);
    expect(requests.some((u) => u.endsWith('/basemap/shanghai.pmtiles'))).toBe(true);
  });

  it('labels the districts in Chinese from the shipped glyphs, not a system font', async () => {
    const page = await openPage(browser.context);
    const { requests } = await openMap(page, `${baseUrl}/test/explorer?layers=none`);
    const cjkRanges = requests.filter(
      (u) => /\/fonts\/NotoSansSC-Regular\/(\d+)-\d+\.pbf$/.test(u) && Number(u.match(/\/(\d+)-\d+\.pbf$/)![1]) >= 0x4e00,
    );
    expect(cjkRanges.length).toBeGreaterThan(3);
    const labels = await page.evaluate(() => {
      type Map = { queryRenderedFeatures(o: object): { properties: { name_zh: string } }[] };
      const map = (window as unknown as { __map: Map }).__map;
      return map.queryRenderedFeatures({ layers: ['district-labels'] }).map((f) => f.properties.name_zh);
    });
    expect(new Set(labels).size).toBeGreaterThanOrEqual(14);
    expect(labels).toEqual(expect.arrayContaining(['浦东新区', '崇明区', '嘉定区', '松江区']));
  });

  it('selects the district a user clicks, shows its card and puts it in the URL; Escape closes it', async () => {
    const page = await openPage(browser.context);
    await openMap(page, `${baseUrl}/test/explorer?layers=none`);
    for (const [lngLat, name, code] of [
      [[121.245, 31.375], '嘉定区', '310114'],
      [[121.62, 31.1], '浦东新区', '310115'],
      [[121.33, 30.8], '金山区', '310116'],
    ] as const) {
      const p = await project(page, [lngLat[0], lngLat[1]]);
      await page.mouse.click(p.x, p.y);
      const card = page.getByTestId('district-card');
      await card.waitFor();
      expect(await card.locator('h2').textContent()).toBe(name);
      expect(await page.getByTestId('district-code').textContent()).toBe(code);
      await page.waitForURL(new RegExp(`d=${code}`));
    }
    await page.screenshot({ path: 'test-results/basemap-selected.png' });
    await page.keyboard.press('Escape');
    await page.getByTestId('district-card').waitFor({ state: 'detached' });
    expect(new URL(page.url()).searchParams.get('d')).toBeNull();
    expect(new URL(page.url()).searchParams.get('layers')).toBe('none');
  });

  it('reopens a shared link with its language and selection, and switches language', async () => {
    const page = await openPage(browser.context);
    await openMap(page, `${baseUrl}/test/explorer?lang=en&d=310114&layers=none`);
    expect(await page.locator('h1').textContent()).toBe('Shanghai Industrial Layout');
    expect(await page.getByTestId('district-card').locator('h2').textContent()).toContain('Jiading');
    await page.waitForFunction(() => {
      type Map = { queryRenderedFeatures(o: object): { properties: { name_en: string } }[] };
      const map = (window as unknown as { __map: Map }).__map;
      return map.queryRenderedFeatures({ layers: ['district-labels'] }).length > 10;
    });
    await page.screenshot({ path: 'test-results/basemap-en.png' });
    await page.getByRole('button', { name: '切换到中文' }).click();
    await page.waitForURL((u) => !u.searchParams.has('lang'));
    expect(await page.locator('h1').textContent()).toBe('上海产业空间布局');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
  });

  it('drops malformed link parameters with a visible notice and still draws the map', async () => {
    const page = await openPage(browser.context);
    await openMap(page, `${baseUrl}/test/explorer?lang=fr&d=999&zoom=abc`);
    const notice = page.getByTestId('url-notices');
    await notice.waitFor();
    const text = await notice.textContent();
    expect(text).toContain('lang=fr');
    expect(text).toContain('d=999');
    // the reasons read in the page's language (Chinese: lang=fr was dropped)
    expect(text).toContain('未知语言 (zh 或 en)');
    expect(text).toContain('没有此代码的区');
    expect(text).toContain('未知参数');
    expect(await page.locator('h1').textContent()).toBe('上海产业空间布局');
  });

  it('says clearly when the basemap archive cannot be loaded', async () => {
    const page = await openPage(browser.context);
    let refused = 0;
    await page.route('**/basemap/shanghai.pmtiles', (route) => {
      refused++;
      return route.fulfill({ status: 404, body: 'not found' });
    });
    await page.goto(`${baseUrl}/`);
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toContain('底图无法加载');
    // a failed read was asked once more before the map gave up
    expect(refused).toBeGreaterThanOrEqual(2);
    // once the archive can be read again, "Try again" draws the map without reloading the page
    await page.unroute('**/basemap/shanghai.pmtiles');
    await page.getByRole('button', { name: '重试' }).click();
    await page.locator('[data-map-idle="true"][data-status="ready"]').waitFor({ state: 'attached', timeout: 60_000 });
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('says clearly when the browser has no WebGL, and shows the list instead', async () => {
    const page = await openPage(browser.context);
    await page.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
        if (type.startsWith('webgl')) return null;
        return (original as (...a: unknown[]) => unknown).call(this, type, ...rest);
      } as typeof original;
    });
    await page.goto(`${baseUrl}/`);
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toContain('此浏览器无法绘制地图');
    // The list is the main view: rows, sorting and the card all work without a map.
    const list = page.getByTestId('list-view');
    await list.waitFor();
    expect(await list.locator('tbody tr').count()).toBeGreaterThan(20);
    await list.locator('[data-sort="area"]').click();
    expect(await list.locator('th[aria-sort="ascending"]').count()).toBe(1);
    await list.locator('tr[data-id="dongfang-xingang"] button.name').click();
    expect(await page.getByTestId('feature-card').locator('h2').textContent()).toBe('东方芯港');
    await page.screenshot({ path: 'test-results/no-webgl-list.png' });
    // the site finder still ranks and lists, and a profile still shows its facts (its SVG map stays)
    await page.goto(`${baseUrl}/finder?ind=AUTO&min=2&at=121.16,31.29&r=30`);
    await page.getByRole('alert').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('finder-results').locator('li').count()).toBe(3);
    await page.goto(`${baseUrl}/parks/robot-park`);
    expect(await page.locator('svg[role="img"]').isVisible()).toBe(true);
    expect(await page.getByTestId('feature-density').textContent()).toContain('80.9');
  });
});
