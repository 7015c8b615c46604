/**
 * Generated links through the real pages (the map, the finder, compare, a language-only page): whatever the link holds, the
 * page opens without an uncaught error, in the language the link asks for, and says what it could not
 * use exactly when there is something (the same generator as the unit fuzz, ids from the built data).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, type Browser } from '../support/browser.ts';
import { openPage } from '../support/pages.ts';
import { ROOT } from '../support/server.ts';
import { fuzzCase, rng, type FuzzContext, type FuzzPage } from '../support/url-fuzz.ts';
import { DISTRICT_CODES } from '../../src/lib/districts.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launch({ viewport: { width: 800, height: 600 } });
});
afterAll(async () => browser?.close());

const plan = JSON.parse(readFileSync(join(ROOT, 'static/data/plan.json'), 'utf8')) as {
  features: { id: string; kind: string }[];
  industries: { segments: { id: string; kind: string }[] }[];
};
const ids = (kinds: string[]) => plan.features.filter((f) => kinds.includes(f.kind)).map((f) => f.id);
const context: FuzzContext = {
  districtCodes: [...DISTRICT_CODES],
  featureIds: plan.features.map((f) => f.id).slice(0, 40),
  // the finder offers the manufacturing segments
  segmentIds: plan.industries.flatMap((i) => i.segments.filter((s) => s.kind === 'manufacturing').map((s) => s.id)),
  withinIds: ids(['belt', 'new-town', 'pole']),
  candidateIds: ids(['featured-park', 'new-town']).slice(0, 10),
  unitIds: ids(['belt', 'new-town', 'pole']),
};

// The decoders meet 10,000 generated links per page in the unit fuzz (tests/unit/url-fuzz.test.ts); here
// the pages' own handling of what they decode is checked. A map page boots WebGL for every link (~1.8 s
// on software GL), so the map and the finder take fewer links than the pages without a map.
const RUNS: { page: FuzzPage; path: string; notice: string; count: number }[] = [
  { page: 'map', path: '/', notice: 'url-notices', count: 40 },
  { page: 'finder', path: '/finder', notice: 'url-notices', count: 30 },
  { page: 'compare', path: '/compare', notice: 'compare-notice', count: 60 },
  // a page whose only state is its language (profiles, indicators, the data page)
  { page: 'language', path: '/indicators', notice: 'url-notices', count: 60 },
];

describe('generated links through the real pages', () => {
  for (const run of RUNS) {
    it(`${run.path}: ${run.count} links, no uncaught error, the asked language, a notice exactly when something was dropped`, async () => {
      const page = await openPage(browser.context);
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const r = rng(0xb0a7 + run.count);
      let noticed = 0;
      for (let i = 0; i < run.count; i++) {
        const c = fuzzCase(run.page, context, r);
        const url = `${baseUrl}${run.path}${c.query ? `?${c.query}` : ''}`;
        await page.goto(url, { waitUntil: 'domcontentloaded' });
        await page.waitForSelector('html[data-url-read="true"]', { state: 'attached', timeout: 20_000 });
        const where = `case ${i}: ${url}`;
        expect(await page.evaluate(() => document.documentElement.lang), where).toBe(c.language === 'zh' ? 'zh-CN' : 'en');
        const notice = page.getByTestId(run.notice);
        if (c.reportable) {
          await notice.waitFor({ timeout: 5_000 });
          noticed++;
        } else expect(await notice.count(), where).toBe(0);
        expect(await page.locator('h1').count(), where).toBeGreaterThan(0);
        expect(errors, where).toEqual([]);
      }
      // both kinds of link were tried (a language-only page has one parameter to get wrong)
      expect(noticed).toBeGreaterThan(run.count * (run.page === 'language' ? 0.05 : 0.15));
    }, 240_000);
  }
});
