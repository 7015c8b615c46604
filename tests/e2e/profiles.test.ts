/**
 * Profile pages as the public and investment staff use them: readable on a phone with JavaScript
 * off, a live map with it, related places, proper titles for sharing, a one-page A4 brief, and a
 * clear 404 with a way back.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, type Browser } from '../support/browser.ts';
import { openPage } from '../support/pages.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
let phoneNoJs: Browser;
beforeAll(async () => {
  browser = await launch();
  phoneNoJs = await launch({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
});
afterAll(async () => {
  await browser?.close();
  await phoneNoJs?.close();
});

describe('profile pages', () => {
  it('shows a park’s name, facts and citations with JavaScript off, on a phone', async () => {
    const page = await openPage(phoneNoJs.context);
    const res = await page.goto(`${baseUrl}/parks/robot-park`);
    expect(res?.status()).toBe(200);
    expect(await page.locator('h1').textContent()).toBe('上海机器人产业园');
    expect(await page.title()).toContain('上海机器人产业园');
    expect(await page.locator('meta[name="description"]').getAttribute('content')).toContain('宝山区');
    const facts = (await page.getByTestId('profile').textContent())!;
    expect(facts).toContain('3.09 km²');
    expect(facts).toContain('80.9');
    expect(facts).toContain('解放日报');
    expect(await page.getByTestId('feature-citations').textContent()).toMatch(/上观新闻, 2020-09-16/);
    // related places, in the HTML
    expect(await page.getByTestId('lies-in').textContent()).toContain('沿江高端产业集群发展带');
    expect(await page.getByTestId('nearby').locator('li').count()).toBe(5);
    // the page fits the phone: nothing wider than the screen
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: 'test-results/profile-phone-nojs.png', fullPage: false });
  });

  it('serves a page for every district, layout unit and industry, readable without JavaScript', async () => {
    const page = await openPage(phoneNoJs.context);
    await page.goto(`${baseUrl}/districts/310114`);
    expect(await page.locator('h1').textContent()).toBe('嘉定区');
    expect(await page.getByTestId('district-industries').textContent()).toContain('汽车');
    await page.goto(`${baseUrl}/layout/belt-huxi`);
    expect(await page.locator('h1').textContent()).toBe('沪西高端产业集群发展带');
    expect(await page.getByTestId('feature-citations').textContent()).toContain('001');
    await page.goto(`${baseUrl}/industries/auto`);
    expect(await page.locator('h1').textContent()).toBe('汽车');
    expect(await page.getByTestId('industry-features').textContent()).toContain('嘉定氢能港');
  });

  it('adds a live map with JavaScript, and links back to the map at the park', async () => {
    const page = await openPage(browser.context);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${baseUrl}/parks/dongfang-xingang?lang=en`);
    await page.waitForSelector('[data-testid="mini-map"][data-map-idle="true"]', { state: 'attached', timeout: 60_000 });
    expect(await page.locator('h1').textContent()).toBe('Oriental Chip Port (Lingang)');
    // the credits sit folded behind the ⓘ button, not over half of the small map
    await expect.poll(() => page.locator('.maplibregl-ctrl-attrib.maplibregl-compact').count()).toBe(1);
    expect(await page.locator('.maplibregl-compact-show').count()).toBe(0);
    expect(await page.getByRole('link', { name: /Back to the map/ }).getAttribute('href')).toBe('/?sel=dongfang-xingang&lang=en');
    expect(requests.filter((u) => !u.startsWith(baseUrl) && !u.startsWith('blob:') && !u.startsWith('data:'))).toEqual([]);
  });

  it('prints a one-page A4 brief with the map snapshot, facts and sources', async () => {
    const page = await openPage(browser.context);
    await page.goto(`${baseUrl}/parks/robot-park`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('svg[role="img"]').isVisible()).toBe(true);
    expect(await page.locator('nav.bar').isVisible()).toBe(false);
    expect(await page.getByTestId('print-footer').textContent()).toMatch(/打印日期: \d{4}-\d{2}-\d{2} · 页面生成日期: \d{4}-\d{2}-\d{2}/);
    const pageCount = async () => {
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
      return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    };
    expect(await pageCount()).toBe(1);
    // the longest pages: a belt with its members, and 浦东新区 with 38 features
    for (const path of ['/layout/belt-yanjiang', '/districts/310115']) {
      await page.goto(`${baseUrl}${path}`);
      await page.emulateMedia({ media: 'print' });
      expect(await pageCount(), path).toBe(1);
    }
  });

  it('answers an unknown id with 404 and a way back', async () => {
    const page = await openPage(browser.context);
    const res = await page.goto(`${baseUrl}/parks/no-such-park`);
    expect(res?.status()).toBe(404);
    await page.getByTestId('error-page').waitFor();
    expect(await page.getByTestId('error-page').textContent()).toContain('找不到这个页面');
    expect(await page.getByRole('link', { name: /返回地图/ }).getAttribute('href')).toBe('/');
    await page.close();
    // what a static host serves for unknown addresses (404.html) reads the same without JavaScript
    const noJs = await openPage(phoneNoJs.context);
    await noJs.goto(`${baseUrl}/404`);
    expect(await noJs.getByTestId('error-page').textContent()).toContain('找不到这个页面');
  });
});
