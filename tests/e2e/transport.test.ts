/**
 * Real geography at site scale, as an investment officer meets it: at zoom 12 around 张江 and 安亭
 * the metro, its stations and the expressways are drawn and named; the layer panel says the
 * station set is incomplete; a park's card and profile give its access distances; the finder's
 * "metro within 2 km" changes the results and survives a reload.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Browser } from '../support/browser.ts';
import { openPage } from '../support/pages.ts';
import { openMap } from './map-page.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

/** Names (zh) the map draws in these style layers now, by layer. */
const rendered = (page: Page, layers: string[]) =>
  page.evaluate((ids) => {
    type Map = { queryRenderedFeatures(o: object): { layer: { id: string }; properties: { name_zh?: string } }[] };
    const map = (window as unknown as { __map: Map }).__map;
    const out: Record<string, string[]> = {};
    for (const f of map.queryRenderedFeatures({ layers: ids })) (out[f.layer.id] ??= []).push(f.properties.name_zh ?? '');
    return out;
  }, layers);

const TRANSPORT = ['metro-lines', 'metro-labels', 'stations', 'station-labels', 'roads', 'road-labels'];

describe('transport at site scale', () => {
  it('draws and names the metro, stations and expressways at zoom 12 around 张江', async () => {
    const page = await openPage(browser.context);
    await openMap(page, `${baseUrl}/test/explorer?v=121.60,31.20,12`);
    const got = await rendered(page, TRANSPORT);
    for (const id of TRANSPORT) expect(got[id]?.length ?? 0, id).toBeGreaterThan(0);
    expect(got['metro-lines']).toContain('2号线');
    expect(got['stations']).toEqual(expect.arrayContaining(['张江高科', '金科路']));
    expect(got['station-labels']).toContain('张江高科');
    expect(got['roads']).toEqual(expect.arrayContaining(['中环路', '外环高速']));
  });

  it('draws Line 11 and the expressway pieces around 安亭, and hides them when the transport group is off', async () => {
    const page = await openPage(browser.context);
    await openMap(page, `${baseUrl}/test/explorer?v=121.17,31.30,12`);
    const got = await rendered(page, TRANSPORT);
    expect(got['metro-lines']).toContain('11号线');
    expect(got['roads']?.length ?? 0).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('transport-note').textContent()).toMatch(/226/);
    await page.getByRole('checkbox', { name: '交通', exact: true }).uncheck();
    await expect.poll(async () => Object.keys(await rendered(page, TRANSPORT)).length).toBe(0);
    expect(page.url()).not.toMatch(/metro/);
  });

  it('gives a park its access distances in the card and on its profile, with the caveats', async () => {
    const page = await openPage(browser.context);
    await openMap(page, `${baseUrl}/test/explorer?sel=ic-design-park`);
    const access = page.getByTestId('feature-card').getByTestId('feature-access');
    await expect.poll(() => access.textContent()).toMatch(/最近地铁站: 唐镇 0\.6 km/);
    const text = (await access.textContent()) ?? '';
    expect(text).toMatch(/最近高速\/高架: 外环高速 0 km/);
    expect(text).toMatch(/±2 km/);
    expect(text).toMatch(/车站数据不完整/);

    await page.goto(`${baseUrl}/parks/ic-design-park?lang=en`);
    // the prerendered page is in Chinese; the language in the URL applies once it hydrates
    await expect.poll(() => page.getByTestId('feature-access').textContent()).toMatch(/Nearest metro station: Tangzhen 0\.6 km/);
    const profile = (await page.getByTestId('feature-access').textContent()) ?? '';
    expect(profile).toMatch(/Nearest metro line: Line 2 0 km/);
    expect(profile).toMatch(/incomplete/);
  });

  it('says on the card when a drawn shape was clipped to the coast', async () => {
    const page = await openPage(browser.context);
    await page.goto(`${baseUrl}/layout/nt-nanhui?lang=en`);
    await expect.poll(() => page.getByTestId('feature-clipped').textContent()).toMatch(/clipped to the coast/);
  });

  it('narrows the finder to parks with a metro station within 2 km, and keeps it on reload', async () => {
    const page = await openPage(browser.context);
    const ids = () =>
      page
        .getByTestId('finder-results')
        .locator('li')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-result')));
    await page.goto(`${baseUrl}/finder?ind=IC`);
    await expect.poll(async () => (await ids()).length).toBeGreaterThan(0);
    const all = await ids();
    await page.getByTestId('metro-within').selectOption('2');
    await expect.poll(() => page.url()).toMatch(/metro=2/);
    await expect.poll(async () => (await ids()).length).toBeLessThan(all.length);
    const near = await ids();
    expect(near).toContain('ic-design-park');
    expect(await page.locator('[data-result="ic-design-park"] [data-testid="contributions"]').textContent()).toMatch(/地铁可达/);
    expect(await page.locator('[data-result="ic-design-park"] [data-testid="result-access"]').textContent()).toBe(
      '地铁站 0.6 km · 高速/高架 0 km',
    );
    await page.reload();
    await expect.poll(ids).toEqual(near);
    expect(await page.getByTestId('metro-within').inputValue()).toBe('2');
  });
});

describe('street-level layers from a deployment’s OSM extract', () => {
  it('renders the streets, water and land use built from a tiny extract by the real tilemaker path', async () => {
    const { buildStreets } = await import('../../geodata/build/osm.ts');
    const { fixturePbf } = await import('../support/osm-fixture.ts');
    const { ROOT } = await import('../support/server.ts');
    const archive = Buffer.from(buildStreets(fixturePbf(), ROOT, () => {}).archive);
    const page = await openPage(browser.context);
    // The app's own origin serves the archive (as a deployment's build would): HTTP Range answered here.
    await page.route('**/basemap/streets.pmtiles', async (route) => {
      const range = /bytes=(\d+)-(\d+)?/.exec(route.request().headers()['range'] ?? '');
      const start = range ? Number(range[1]) : 0;
      const end = Math.min(archive.length - 1, range?.[2] ? Number(range[2]) : archive.length - 1);
      await route.fulfill({
        status: range ? 206 : 200,
        headers: {
          'Content-Range': `bytes ${start}-${end}/${archive.length}`,
          'Accept-Ranges': 'bytes',
          'Content-Type': 'application/octet-stream',
        },
        body: archive.subarray(start, end + 1),
      });
    });
    await openMap(page, `${baseUrl}/test/streets?v=121.595,31.2,14`);
    await expect
      .poll(() => rendered(page, ['streets', 'streets-water', 'streets-landuse', 'streets-waterways']), { timeout: 30_000 })
      .toMatchObject({ streets: expect.arrayContaining([expect.anything()]) });
    const got = await rendered(page, ['streets', 'streets-water', 'streets-landuse', 'streets-waterways']);
    for (const id of ['streets', 'streets-water', 'streets-landuse', 'streets-waterways'])
      expect(got[id]?.length ?? 0, id).toBeGreaterThan(0);
    // the embedded map's own pages draw no street layer unless the build made the archive
    await openMap(page, `${baseUrl}/test/explorer?v=121.595,31.2,14`);
    expect(
      await page.evaluate(() => (window as unknown as { __map: { getLayer(id: string): unknown } }).__map.getLayer('streets')),
    ).toBeFalsy();
  });
});
