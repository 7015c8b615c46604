/**
 * Accessibility (axe-core scan in each state, keyboard) and the phone layout (390×844: bottom
 * sheet, 44 px tap targets, picking by tap).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launch, type Browser } from '../support/browser.ts';
import { openPage } from '../support/pages.ts';
import { openMap, project } from './map-page.ts';

const baseUrl = inject('baseUrl');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let desktop: Browser;
let phone: Browser;
beforeAll(async () => {
  desktop = await launch();
  phone = await launch({ viewport: { width: 390, height: 844 } });
});
afterAll(async () => {
  await desktop?.close();
  await phone?.close();
});

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: string[] }[];
}

/** axe-core's serious and critical violations on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  // evaluated by the test's driver, not added as an inline <script> (the page's policy forbids those)
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('accessibility', () => {
  it('has no serious or critical axe violation: default map, filtered, card open, list, English, data page, indicators, compare, density legend, finder, profiles, integration, import problems', async () => {
    const page = await openPage(desktop.context);
    await openMap(page, `${baseUrl}/test/explorer`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('[data-industry="IC"]').click();
    await page.goto(`${baseUrl}/?ind=IC&sel=dongfang-xingang`);
    await page.getByTestId('feature-card').locator('h2').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${baseUrl}/?mode=list&lang=en`);
    await page.getByTestId('list-view').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${baseUrl}/about`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${baseUrl}/indicators`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${baseUrl}/compare?units=belt-yanwan,belt-huxi&lang=en`);
    await page.getByTestId('allocation-matrix').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await openMap(page, `${baseUrl}/test/explorer?density=2d`);
    await page.getByTestId('density-legend').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('import-panel').locator('summary').click();
    await page
      .getByTestId('import-file')
      .setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('name,industries\n,AUTO\n', 'utf8') });
    await page.getByTestId('import-issues').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await openMap(page, `${baseUrl}/test/finder?ind=AUTO&min=2&at=121.16,31.29&r=30`);
    await page.getByTestId('finder-results').locator('li').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    for (const path of [
      '/parks/robot-park',
      '/layout/belt-huxi?lang=en',
      '/districts/310114',
      '/industries/auto',
      '/integration',
      '/integration?ind=AUTO&lang=en',
    ]) {
      await page.goto(`${baseUrl}${path}`);
      expect(await seriousViolations(page), path).toEqual([]);
    }
  });

  it('reaches the controls by keyboard with a visible focus ring', async () => {
    const page = await openPage(desktop.context);
    await openMap(page, `${baseUrl}/test/explorer`);
    const reached = new Set<string>();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const info = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el) return null;
        const style = getComputedStyle(el);
        return {
          tag: el.tagName,
          key:
            el.getAttribute('data-industry') ??
            el.getAttribute('data-layer') ??
            el.getAttribute('role') ??
            el.textContent?.trim().slice(0, 10),
          outline: (style.outlineStyle !== 'none' && style.outlineWidth !== '0px') || style.boxShadow !== 'none',
        };
      });
      if (info) {
        reached.add(`${info.tag}:${info.key}`);
        if (info.tag !== 'BODY' && info.tag !== 'CANVAS') expect(info.outline, `${info.tag}:${info.key}`).toBe(true);
      }
    }
    expect([...reached].some((k) => k.includes('combobox'))).toBe(true);
    expect([...reached].some((k) => k.includes('AUTO'))).toBe(true);
  });
});

describe('on a phone (390×844)', () => {
  it('shows panels as a bottom sheet with 44 px tap targets, and picks a feature by tap', async () => {
    const page = await openPage(phone.context);
    await openMap(page, `${baseUrl}/test/explorer?layers=new-towns`);
    await page.screenshot({ path: 'test-results/phone-sheet.png' });
    const sheet = await page.locator('.side').boundingBox();
    expect(sheet!.y + sheet!.height).toBeGreaterThan(830);
    expect(sheet!.width).toBeGreaterThan(380);
    for (const selector of ['[data-industry]', '.sheet-toggle', '.lang', 'label.layer']) {
      const boxes = await page.locator(selector).evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
      for (const h of boxes) expect(h, selector).toBeGreaterThanOrEqual(44);
    }
    await page.locator('.sheet-toggle').click();
    expect(await page.locator('.sheet-toggle').getAttribute('aria-expanded')).toBe('false');
    const town = await project(page, [121.225, 31.035]);
    await page.mouse.click(town.x, town.y);
    const card = page.getByTestId('feature-card');
    await card.locator('h2').waitFor();
    expect(await card.locator('h2').textContent()).toBe('松江新城');
    await page.screenshot({ path: 'test-results/phone-card.png' });
    // the card, a bottom sheet, does not cover the town it describes: the map moves it clear
    const cardBox = (await card.boundingBox())!;
    await expect.poll(async () => (await project(page, [121.225, 31.035])).y, { timeout: 15_000 }).toBeLessThan(cardBox.y);
  });

  it('shows a card on a phone opaque and on top: nothing of the sheet behind it shows through', async () => {
    const page = await openPage(phone.context);
    await openMap(page, `${baseUrl}/?sel=robot-park`);
    const card = page.getByTestId('feature-card');
    await card.locator('h2').waitFor();
    await page.screenshot({ path: 'test-results/phone-card-over-sheet.png' });
    // the sheet is open beneath (its text would ghost through a translucent card)
    expect(await page.locator('.sheet-toggle').getAttribute('aria-expanded')).toBe('true');
    expect(await card.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 255, 255)');
    // every point of the card is the card's own
    const box = (await card.boundingBox())!;
    const owners = await page.evaluate(
      ({ x, y, width, height }) => {
        const out: boolean[] = [];
        for (let i = 1; i < 6; i++)
          for (let j = 1; j < 6; j++)
            out.push(!!document.elementFromPoint(x + (width * i) / 6, y + (height * j) / 6)?.closest('[data-card]'));
        return out;
      },
      { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, 844 - box.y) },
    );
    expect(owners.every(Boolean)).toBe(true);
  });

  it('keeps the map’s loading box behind the list in list mode', async () => {
    const page = await openPage(desktop.context);
    // a slow basemap, so the loading box is there while the list is read
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/basemap/shanghai.pmtiles', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${baseUrl}/?mode=list`);
    const loading = page.locator('.maplibregl-map ~ .overlay[role="status"], .overlay[role="status"]').first();
    await loading.waitFor({ state: 'attached', timeout: 30_000 });
    await page.locator('.list-pane tbody tr').first().waitFor();
    const centre = await loading.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    });
    const topmost = await page.evaluate(({ x, y }) => !!document.elementFromPoint(x, y)?.closest('.list-pane'), centre);
    await page.screenshot({ path: 'test-results/list-while-loading.png' });
    expect(topmost).toBe(true);
    release();
  });
});
