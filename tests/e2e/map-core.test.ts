/**
 * The map core as a user meets it: the pages users load expose no test hook, every page says its
 * language in <html lang>, links keep the language, and a filter reaches the map without the
 * style being rebuilt.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, type Browser } from '../support/browser.ts';
import { openPage } from '../support/pages.ts';
import { openMap } from './map-page.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

describe('the map core', () => {
  it('exposes the map only on test routes, never on the pages users load', async () => {
    const page = await openPage(browser.context);
    await openMap(page, `${baseUrl}/`);
    expect(await page.evaluate(() => 'map' in window || '__map' in window || '__explorerMap' in window)).toBe(false);
    await openMap(page, `${baseUrl}/test/explorer`);
    expect(await page.evaluate(() => '__map' in window)).toBe(true);
  });

  it('filters with a chip without touching the style: same layers, same sources, only global state changes', async () => {
    const page = await openPage(browser.context);
    await openMap(page, `${baseUrl}/test/explorer`);
    type Map = { getStyle(): { layers: unknown[]; sources: unknown }; getGlobalState(): Record<string, unknown> };
    const snapshot = () =>
      page.evaluate(() => {
        const map = (window as unknown as { __map: Map }).__map;
        const style = map.getStyle();
        return { style: JSON.stringify({ layers: style.layers, sources: style.sources }), state: map.getGlobalState() };
      });
    const before = await snapshot();
    await page.click('[data-industry="AUTO"]');
    await expect.poll(async () => (await snapshot()).state.industries).toEqual(['AUTO']);
    const after = await snapshot();
    expect(after.style).toBe(before.style);
  });

  it('says its language in <html lang> on every page, prerendered ones included, and keeps it in links', async () => {
    const page = await openPage(browser.context);
    for (const path of [
      '/',
      '/about',
      '/indicators',
      '/compare',
      '/finder',
      '/parks/robot-park',
      '/districts/310115',
      '/industries/auto',
    ]) {
      await page.goto(`${baseUrl}${path}?lang=en`);
      await expect.poll(() => page.locator('html').getAttribute('lang'), { message: path }).toBe('en');
      // every internal link keeps English, except the switch to Chinese and file downloads
      const links = await page.$$eval('a[href]', (as) =>
        as.map((a) => ({ href: a.getAttribute('href')!, switch: a.hasAttribute('hreflang'), download: a.hasAttribute('download') })),
      );
      const internal = links.filter((l) => !/^(https?:|mailto:|#)/.test(l.href) && !l.switch && !l.download);
      expect(internal.length, path).toBeGreaterThan(0);
      expect(
        internal.filter((l) => !l.href.includes('lang=en')).map((l) => l.href),
        path,
      ).toEqual([]);
      await page.goto(`${baseUrl}${path}`);
      await expect.poll(() => page.locator('html').getAttribute('lang'), { message: path }).toBe('zh-CN');
    }
  });
});
