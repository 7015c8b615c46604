/**
 * `npm run bench`: builds, serves the production build on loopback and measures, in headless
 * Chromium (SwiftShader), what a user waits for. Prints a table; asserts nothing (machines are
 * shared and noisy: read the ratios, which compare figures taken in the same run).
 *
 *  (a) navigation → first map idle, the app          (median of N cold loads)
 *  (b) the same for a bare MapLibre page on the same PMTiles (the limit)
 *  (c) a / b, and where the app's time goes: its last script, tile and glyph responses
 *  (d) JavaScript transferred before idle, gzip-compressed size
 *  (e) `npm run geodata` wall time and the archives' sizes
 *  (f) the floor: a plain repaint frame (`triggerRepaint` → `render`) at plan scale, and with
 *      100k synthetic points; then a 3+6 chip → repainted map (next idle), a selection click →
 *      highlighted and a hover → highlighted, each in ms and as a ratio to its floor
 *  (g) the same chip change with 100k points, filtered two ways (paint-side per-industry layers,
 *      and a global-state filter that re-lays out the points' source)
 *  (h) 3D density: JavaScript fetched before and after switching it on (deck.gl must come only
 *      after), and the time from the switch to deck.gl's first drawn frame
 *  (i) profile pages: HTML bytes of a park page (raw and gzip), and the largest profile page
 *  (j) site finder: input change → results list updated in the page (median of 20), and the
 *      ranking rule alone on 10,000 synthetic candidates (node)
 *
 * Timings come from outside what users load: an init script records when the map's container
 * says it is idle, and the map handle comes from the /test and /bench routes.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { ensureChromium, launch } from '../support/browser.ts';
import { ROOT, startPreview } from '../support/server.ts';
import { rankSites, type Candidate } from '../../src/lib/plan/site-finder.ts';
import { OFFLINE_COPY_PATH } from '../../src/lib/offline/messages.ts';
import { toCsv } from '../../src/lib/formats/csv.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

/** Records, in the page, when the map's container first says it is idle (no hook in the product). */
function recordIdle(): void {
  const w = window as unknown as { __idleAt?: number };
  const observer = new MutationObserver(() => {
    if (w.__idleAt === undefined && document.querySelector('[data-map-idle="true"]')) {
      w.__idleAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-map-idle'], childList: true });
}

interface Load {
  idleMs: number;
  jsGzipBytes: number;
  jsFiles: number;
  /** responseEnd of the last script, tile (PMTiles range) and glyph response before idle, ms. */
  lastScript: number;
  lastTile: number;
  lastGlyph: number;
  glyphRequests: number;
  tileRequests: number;
}

async function coldLoad(url: string): Promise<Load> {
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    await page.addInitScript(recordIdle);
    const js: Promise<number>[] = [];
    let idle = false;
    page.on('response', (res) => {
      const type = res.headers()['content-type'] ?? '';
      if (!idle && res.url().startsWith('http') && type.includes('javascript')) {
        js.push(
          res
            .body()
            .then((b) => gzipSync(b, { level: 6 }).length)
            .catch(() => 0),
        );
      }
    });
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { __idleAt?: number }).__idleAt !== undefined, null, { timeout: 120_000 });
    idle = true;
    // raw entries come back to node: helpers defined inside evaluate would need tsx's __name
    const { idleAt, entries } = await page.evaluate(() => ({
      idleAt: (window as unknown as { __idleAt: number }).__idleAt,
      entries: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => ({
        name: e.name,
        initiator: e.initiatorType,
        end: e.responseEnd,
      })),
    }));
    const before = entries.filter((e) => e.end <= idleAt);
    const last = (test: (e: (typeof before)[number]) => boolean) => Math.max(0, ...before.filter(test).map((e) => e.end));
    const isGlyph = (e: { name: string }) => e.name.endsWith('.pbf');
    const isTile = (e: { name: string }) => e.name.includes('.pmtiles');
    const timeline = {
      idleMs: idleAt,
      lastScript: last((e) => e.initiator === 'script' || e.name.endsWith('.js')),
      lastTile: last(isTile),
      lastGlyph: last(isGlyph),
      glyphRequests: before.filter(isGlyph).length,
      tileRequests: before.filter(isTile).length,
    };
    const sizes = await Promise.all(js);
    return { ...timeline, jsGzipBytes: sizes.reduce((a, b) => a + b, 0), jsFiles: sizes.length };
  } finally {
    await browser.close();
  }
}

interface OfflineRound {
  onlineIdleMs: number;
  offlineIdleMs: number;
  storedBytes: number;
  storedFiles: number;
  storeMs: number;
}

/**
 * A first visit online (cold: fresh profile), the service worker storing the app, then a reload with
 * the network gone: both to the map's first idle, in one browser, so the ratio compares like with like.
 */
async function offlineRound(url: string): Promise<OfflineRound> {
  const browser = await launch({ serviceWorkers: 'allow' });
  try {
    const page = await browser.context.newPage();
    await page.addInitScript(recordIdle);
    const idleAt = async () => {
      await page.waitForFunction(() => (window as unknown as { __idleAt?: number }).__idleAt !== undefined, null, { timeout: 120_000 });
      return page.evaluate(() => (window as unknown as { __idleAt: number }).__idleAt);
    };
    await page.goto(url);
    const onlineIdleMs = await idleAt();
    await page.getByTestId('offline-stored').waitFor({ timeout: 120_000 });
    const storeMs = await page.evaluate(() => performance.now());
    const copy = await page.evaluate(async (copyPath) => {
      for (const name of await caches.keys()) {
        const record = await (await caches.open(name)).match(copyPath);
        if (record) return (await record.json()) as { bytes: number; files: number };
      }
      return { bytes: 0, files: 0 };
    }, OFFLINE_COPY_PATH);
    await browser.context.setOffline(true);
    await page.reload();
    const offlineIdleMs = await idleAt();
    return { onlineIdleMs, offlineIdleMs, storedBytes: copy.bytes, storedFiles: copy.files, storeMs };
  } finally {
    await browser.close();
  }
}

interface Density3d {
  deckBeforeBytes: number;
  afterBytes: number;
  afterFiles: number;
  firstFrameMs: number;
}

/** Opens the map, then switches 3D density on as a user does; deck.gl is recognised by its code. */
async function density3d(url: string): Promise<Density3d> {
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    let switched = false;
    const before: Promise<number>[] = [];
    const after: Promise<number>[] = [];
    page.on('response', (res) => {
      if (!(res.headers()['content-type'] ?? '').includes('javascript')) return;
      const body = res.body().catch(() => Buffer.alloc(0));
      if (switched) after.push(body.then((b) => gzipSync(b, { level: 6 }).length));
      else before.push(body.then((b) => (b.includes('ColumnLayer') ? gzipSync(b, { level: 6 }).length : 0)));
    });
    await page.goto(url);
    await page.waitForSelector('[data-map-idle="true"]', { state: 'attached', timeout: 120_000 });
    switched = true;
    const firstFrameMs = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const t0 = performance.now();
          const observer = new MutationObserver(() => {
            if (document.querySelector('[data-density3d="drawn"]')) {
              observer.disconnect();
              resolve(performance.now() - t0);
            }
          });
          observer.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-density3d'] });
          document.querySelector<HTMLButtonElement>('[data-density-mode="3d"]')!.click();
        }),
    );
    const afterSizes = await Promise.all(after);
    return {
      deckBeforeBytes: (await Promise.all(before)).reduce((a, b) => a + b, 0),
      afterBytes: afterSizes.reduce((a, b) => a + b, 0),
      afterFiles: afterSizes.length,
      firstFrameMs,
    };
  } finally {
    await browser.close();
  }
}

/** Time from a finder input change (the 汽车 chip, off and on) to the results list changing, in the page. */
async function finderTimes(url: string): Promise<number[]> {
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    await page.goto(url);
    await page.waitForSelector('[data-map-idle="true"]', { state: 'attached', timeout: 120_000 });
    const times: number[] = [];
    for (let i = 0; i < FILTER_ROUNDS; i++) {
      times.push(
        await page.evaluate(
          (id) =>
            new Promise<number>((resolve) => {
              const list = document.querySelector('[data-testid="finder-results"]')!;
              const t0 = performance.now();
              const observer = new MutationObserver(() => {
                observer.disconnect();
                resolve(performance.now() - t0);
              });
              observer.observe(list, { childList: true, subtree: true, characterData: true });
              // a change that leaves the list as it was would never resolve: give up after 10 s
              setTimeout(() => {
                observer.disconnect();
                resolve(NaN);
              }, 10_000);
              document.querySelector<HTMLButtonElement>(`[data-industry="${id}"]`)!.click();
            }),
          // 汽车 off (every industry) and on again: the list changes each time
          'AUTO',
        ),
      );
    }
    return times;
  } finally {
    await browser.close();
  }
}

/** The ranking rule alone, on synthetic candidates spread over Shanghai (node, no browser). */
function rankingMs(n: number): number {
  const ids = ['IC', 'BIO', 'AI', 'EI', 'LH', 'AUTO', 'HEE', 'MAT', 'FASHION'] as const;
  let seed = 7;
  const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const candidates: Candidate[] = Array.from({ length: n }, (_, i) => ({
    id: `c${i}`,
    name: { zh: `候选${i}`, en: `c${i}` },
    kind: 'featured-park',
    origin: 'plan',
    point: [120.9 + rand() * 1.1, 30.7 + rand() * 1.1],
    areaKm2: rand() < 0.3 ? null : Math.round(rand() * 200) / 10,
    links: [{ industry: ids[i % ids.length]!, basis: rand() < 0.5 ? 'stated' : 'interpretive', reach: [] }],
    designated: rand() < 0.2,
    districts: [],
    precision: 'approximate',
    sources: 'bench',
    access: rand() < 0.1 ? null : { stationKm: Math.round(rand() * 150) / 10, roadKm: Math.round(rand() * 80) / 10 },
  }));
  const times: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    rankSites(
      candidates,
      { industries: ['AUTO', 'AI'], segments: [], minAreaKm2: 2, radiusKm: 30, metroKm: 5, roadKm: 3 },
      { centre: [121.16, 31.29], within: null },
    );
    times.push(performance.now() - t);
  }
  return median(times);
}

const FILTER_ROUNDS = 20;

type MapWindow = {
  __map: {
    once(e: string, f: () => void): void;
    triggerRepaint(): void;
    project(p: [number, number]): { x: number; y: number };
    getCanvas(): HTMLCanvasElement;
  };
  __benchFilter?: (ids: string[]) => void;
};

/** A plain repaint frame: `triggerRepaint` → `render`, the floor every change is compared with. */
async function floorTimes(page: Page): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < FILTER_ROUNDS; i++) {
    times.push(
      await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const map = (window as unknown as MapWindow).__map;
            const t0 = performance.now();
            map.once('render', () => resolve(performance.now() - t0));
            setTimeout(() => resolve(NaN), 10_000);
            map.triggerRepaint();
          }),
      ),
    );
  }
  return times;
}

/** Time from an action started in the page to the map's next idle (repainted and settled). */
function untilIdle(page: Page, action: string, arg: unknown): Promise<number> {
  return page.evaluate(
    ([action, arg]) =>
      new Promise<number>((resolve) => {
        const w = window as unknown as MapWindow;
        const t0 = performance.now();
        w.__map.once('idle', () => resolve(performance.now() - t0));
        // an action that changes nothing would never bring an idle: give up after 10 s
        setTimeout(() => resolve(NaN), 10_000);
        if (action === 'chip') document.querySelector<HTMLButtonElement>(arg ? `[data-industry="${arg as string}"]` : '.chip.all')!.click();
        else if (action === 'bench-filter') w.__benchFilter!(arg as string[]);
      }),
    [action, arg] as const,
  );
}

/** Time from a real pointer event (the browser's click or move) to the map's next idle. */
async function pointerTimes(page: Page, kind: 'click' | 'move', points: { x: number; y: number }[]): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < FILTER_ROUNDS; i++) {
    const p = points[i % points.length]!;
    // the listener is in place before the event is sent; the result is read after it
    await page.evaluate(
      (type) => {
        const w = window as unknown as MapWindow & { __pointer?: Promise<number> };
        w.__pointer = new Promise<number>((resolve) => {
          setTimeout(() => resolve(NaN), 10_000);
          window.addEventListener(
            type,
            () => {
              const t0 = performance.now();
              w.__map.once('idle', () => resolve(performance.now() - t0));
            },
            { capture: true, once: true },
          );
        });
      },
      kind === 'click' ? 'click' : 'mousemove',
    );
    if (kind === 'click') await page.mouse.click(p.x, p.y);
    else await page.mouse.move(p.x, p.y);
    times.push(await page.evaluate(() => (window as unknown as { __pointer: Promise<number> }).__pointer));
  }
  return times;
}

interface Interactions {
  floor: number[];
  chip: number[];
  select: number[];
  hover: number[];
}

/** On the explorer (test route, for the map handle): floor, chip, selection click and hover. */
async function explorerTimes(baseUrl: string, points: [number, number][]): Promise<Interactions> {
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    await page.goto(`${baseUrl}/test/explorer?v=121.45,31.2,9`);
    await page.waitForSelector('[data-map-idle="true"]', { state: 'attached', timeout: 180_000 });
    const floor = await floorTimes(page);
    const chip: number[] = [];
    for (let i = 0; i < FILTER_ROUNDS; i++) chip.push(await untilIdle(page, 'chip', i % 2 === 0 ? 'IC' : null));
    const box = (await page.locator('canvas.maplibregl-canvas').boundingBox())!;
    const screen = await page.evaluate((pts) => pts.map((p) => (window as unknown as MapWindow).__map.project(p)), points);
    const onScreen = screen.map((p) => ({ x: box.x + p.x, y: box.y + p.y }));
    // alternate between two features (and then two others) so every event changes the state
    const select = await pointerTimes(page, 'click', onScreen.slice(0, 2));
    await page.keyboard.press('Escape');
    const hover = await pointerTimes(page, 'move', onScreen.slice(2, 4));
    return { floor, chip, select, hover };
  } finally {
    await browser.close();
  }
}

/** With 100k synthetic points: the floor and a chip change (industries on and off). */
async function pointsTimes(baseUrl: string, strategy: 'split' | 'filter' | 'enterprises'): Promise<{ floor: number[]; change: number[] }> {
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    await page.goto(`${baseUrl}/bench/filter?n=100000&strategy=${strategy}`);
    await page.waitForSelector('[data-map-idle="true"]', { state: 'attached', timeout: 180_000 });
    await page.waitForFunction(() => (window as unknown as MapWindow).__benchFilter !== undefined);
    // let the points' source finish its first tiling
    await untilIdle(page, 'bench-filter', []);
    const floor = await floorTimes(page);
    const change: number[] = [];
    for (let i = 0; i < FILTER_ROUNDS; i++) change.push(await untilIdle(page, 'bench-filter', i % 2 === 0 ? ['IC'] : []));
    return { floor, change };
  } finally {
    await browser.close();
  }
}

/** Median of the finite values (a timed-out measurement is NaN and left out). */
const median = (xs: number[]) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function timed(cmd: string, args: string[]): number {
  const t = performance.now();
  execFileSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  return (performance.now() - t) / 1000;
}

async function main() {
  ensureChromium();
  console.log('bench: timing npm run geodata (full rebuild)…');
  const geodataSeconds = timed('npm', ['run', '--silent', 'geodata']);
  console.log('bench: building the app…');
  timed('npx', ['vite', 'build', '--logLevel', 'error']);
  const manifest = JSON.parse(readFileSync(join(ROOT, 'static/basemap/manifest.json'), 'utf8')) as {
    files: { path: string; bytes: number }[];
  };
  const bytesOf = (path: string) => manifest.files.find((f) => f.path === path)?.bytes ?? 0;
  const glyphBytes = manifest.files.filter((f) => f.path.startsWith('fonts/')).reduce((a, f) => a + f.bytes, 0);
  const plan = JSON.parse(readFileSync(join(ROOT, 'static/data/plan.json'), 'utf8')) as {
    features: { id: string; label_point: [number, number] | null }[];
  };
  const at = (id: string) => plan.features.find((f) => f.id === id)!.label_point!;
  // two parks to click in turn, two to hover in turn (points at zoom 9)
  const points = [at('robot-park'), at('dongfang-xingang'), at('ic-design-park'), at('robot-park')];

  const preview = await startPreview();
  const app: Load[] = [];
  const bare: Load[] = [];
  const threeD: Density3d[] = [];
  let explorer: Interactions;
  let split: { floor: number[]; change: number[] };
  let filtered: { floor: number[]; change: number[] };
  let enterprises: { floor: number[]; change: number[] };
  let enterpriseImport: number[];
  let finder: number[];
  let importCsv: number[];
  let importXlsx: number[];
  const offline: OfflineRound[] = [];
  try {
    await coldLoad(`${preview.url}/`); // warm the OS file cache and the server once, unmeasured
    for (let i = 0; i < ROUNDS; i++) {
      app.push(await coldLoad(`${preview.url}/`));
      bare.push(await coldLoad(`${preview.url}/bench/bare`));
      process.stdout.write(`bench: round ${i + 1}/${ROUNDS}: app ${app[i]!.idleMs.toFixed(0)} ms, bare ${bare[i]!.idleMs.toFixed(0)} ms\n`);
    }
    console.log('bench: floor, chip, selection and hover at plan scale…');
    explorer = await explorerTimes(preview.url, points);
    console.log('bench: chip with 100k synthetic points (paint-side split layers)…');
    split = await pointsTimes(preview.url, 'split');
    console.log('bench: chip with 100k synthetic points (global-state filter)…');
    filtered = await pointsTimes(preview.url, 'filter');
    console.log('bench: chip with 100k enterprises (the enterprise layer: clusters counted by industry set)…');
    enterprises = await pointsTimes(preview.url, 'enterprises');
    console.log('bench: importing 100,000 enterprises (CSV)…');
    enterpriseImport = await enterpriseImportTimes(preview.url, 2);
    console.log('bench: switching 3D density on…');
    for (let i = 0; i < 3; i++) threeD.push(await density3d(`${preview.url}/?v=121.5,31.1,9`));
    console.log('bench: site finder updates…');
    finder = await finderTimes(`${preview.url}/finder?ind=AUTO&min=2&at=121.16,31.29&r=30&metro=5&road=3`);
    console.log('bench: importing 5,000 rows (CSV, then Excel)…');
    importCsv = await importTimes(preview.url, 'csv', 3);
    importXlsx = await importTimes(preview.url, 'xlsx', 3);
    console.log('bench: offline reload after one visit…');
    for (let i = 0; i < 3; i++) offline.push(await offlineRound(`${preview.url}/`));
  } finally {
    preview.stop();
  }

  const parkHtml = readFileSync(join(ROOT, 'build/parks/robot-park.html'));
  const profileDirs = ['parks', 'layout', 'districts', 'industries'];
  const profileSizes = profileDirs.flatMap((d) =>
    readdirSync(join(ROOT, 'build', d))
      .filter((f) => f.endsWith('.html'))
      .map((f) => statSync(join(ROOT, 'build', d, f)).size),
  );
  const ranking10k = rankingMs(10_000);
  const m = (xs: number[]) => median(xs);
  const appIdle = m(app.map((l) => l.idleMs));
  const bareIdle = m(bare.map((l) => l.idleMs));
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  const ratio = (a: number[], floor: number[]) => `${(m(a) / m(floor)).toFixed(2)}× floor`;
  const where = (l: Load[]) =>
    `script ${ms(m(l.map((x) => x.lastScript)))}, last tile ${ms(m(l.map((x) => x.lastTile)))} (${m(l.map((x) => x.tileRequests))} range requests), last glyph ${ms(m(l.map((x) => x.lastGlyph)))} (${m(l.map((x) => x.glyphRequests))} requests)`;
  const rows: [string, string, string][] = [
    ['(a) app: navigation → first map idle (median)', ms(appIdle), `${ROUNDS} cold loads`],
    ['(b) bare MapLibre, same PMTiles (median)', ms(bareIdle), `${ROUNDS} cold loads`],
    ['(c) ratio a / b', (appIdle / bareIdle).toFixed(2), 'target ≤ 1.5, aiming at 1.15'],
    ['    app: where the time goes', '', where(app)],
    ['    bare: where the time goes', '', where(bare)],
    ['(d) app JavaScript before idle (gzip)', kb(m(app.map((l) => l.jsGzipBytes))), `${app[0]?.jsFiles ?? 0} files; target ≤ 480 KB`],
    ['    bare page JavaScript before idle (gzip)', kb(m(bare.map((l) => l.jsGzipBytes))), ''],
    ['(f) floor: repaint frame, plan scale (median)', ms(m(explorer.floor)), `${FILTER_ROUNDS} frames, triggerRepaint → render`],
    ['    3+6 chip → repainted map', ms(m(explorer.chip)), `${ratio(explorer.chip, explorer.floor)}; target ≤ 2×`],
    ['    selection click → highlighted', ms(m(explorer.select)), `${ratio(explorer.select, explorer.floor)}; target ≤ 2×`],
    ['    hover → highlighted', ms(m(explorer.hover)), `${ratio(explorer.hover, explorer.floor)}; target ≤ 2×`],
    ['(g) floor: repaint frame, +100k points', ms(m(split.floor)), `${FILTER_ROUNDS} frames`],
    ['    chip → repainted, paint-side (split layers)', ms(m(split.change)), `${ratio(split.change, split.floor)}; target ≤ 2×`],
    ['    floor again (filter page)', ms(m(filtered.floor)), ''],
    [
      '    chip → repainted, global-state filter',
      ms(m(filtered.change)),
      `${ratio(filtered.change, filtered.floor)} (re-lays out the points)`,
    ],
    ['    floor again (100k enterprises, clustered)', ms(m(enterprises.floor)), ''],
    [
      '    chip → repainted, enterprise clusters',
      ms(m(enterprises.change)),
      `${ratio(enterprises.change, enterprises.floor)}; ${ratio(enterprises.change, explorer.floor)} of the plan-scale floor (f) (re-tiles the clusters, never re-clusters)`,
    ],
    [
      '    100,000 enterprises, CSV chosen → drawn',
      ms(m(enterpriseImport)),
      `median of ${enterpriseImport.length}; read, placed in plan areas, stored, clustered`,
    ],
    ['(h) deck.gl JavaScript before 3D is switched on (gzip)', kb(m(threeD.map((d) => d.deckBeforeBytes))), 'must be 0'],
    [
      '    JavaScript fetched on switching 3D on (gzip)',
      kb(m(threeD.map((d) => d.afterBytes))),
      `${threeD[0]?.afterFiles ?? 0} files (deck.gl + the 3D module)`,
    ],
    ['    3D switch → first deck.gl frame (median)', ms(m(threeD.map((d) => d.firstFrameMs))), '3 cold loads'],
    ['(i) park page HTML (/parks/robot-park)', kb(parkHtml.length), `${kb(gzipSync(parkHtml, { level: 6 }).length)} gzip`],
    ['    largest profile page HTML', kb(Math.max(...profileSizes)), `${profileSizes.length} profile pages`],
    [
      '(j) site finder: input → results updated (median)',
      ms(m(finder)),
      `${FILTER_ROUNDS} changes, in the page, with metro and expressway criteria`,
    ],
    ['    ranking rule, 10,000 candidates (node, median)', `${ranking10k.toFixed(1)} ms`, '10 runs'],
    ['(l) import 5,000 rows, CSV: file chosen → drawn (median)', ms(m(importCsv)), `3 rounds; target ≤ 2000 ms`],
    ['    import 5,000 rows, Excel (.xlsx)', ms(m(importXlsx)), `3 rounds; target ≤ 2000 ms`],
    ['    Excel parser, fetched only on a workbook (gzip)', kb(xlsxParserGzip()), 'read-excel-file chunk; 0 bytes before'],
    ['(k) offline reload → first idle (median)', ms(m(offline.map((o) => o.offlineIdleMs))), '3 rounds, network off, from the stored copy'],
    ['    online cold load → first idle, same rounds', ms(m(offline.map((o) => o.onlineIdleMs))), 'fresh profile, service worker allowed'],
    [
      '    ratio offline / online',
      (m(offline.map((o) => o.offlineIdleMs)) / m(offline.map((o) => o.onlineIdleMs))).toFixed(2),
      'target ≤ 1.0',
    ],
    [
      '    stored on the first visit (Cache Storage)',
      `${(m(offline.map((o) => o.storedBytes)) / 1e6).toFixed(2)} MB`,
      `${offline[0]?.storedFiles ?? 0} files; done ${ms(m(offline.map((o) => o.storeMs)))} after navigation`,
    ],
    ['(e) npm run geodata wall time', `${geodataSeconds.toFixed(1)} s`, 'target ≤ 60 s'],
    ['    basemap archive size', kb(bytesOf('basemap/shanghai.pmtiles')), 'target ≤ 2 MB (with transport)'],
    ['    plan archive size', kb(bytesOf('basemap/plan.pmtiles')), ''],
    ['    glyph files (all ranges)', kb(glyphBytes), ''],
  ];
  const w = Math.max(...rows.map((r) => r[0].length));
  console.log('\n' + 'measure'.padEnd(w) + '  value       note');
  for (const [name, value, note] of rows) console.log(`${name.padEnd(w)}  ${value.padEnd(10)}  ${note}`);
}

/** The gzip size of the built chunk holding the workbook parser. */
function xlsxParserGzip(): number {
  const dir = join(ROOT, 'build/_app/immutable/chunks');
  const chunk = readdirSync(dir).find((f) => f.endsWith('.js') && readFileSync(join(dir, f), 'utf8').includes('sharedStrings'));
  return chunk ? gzipSync(readFileSync(join(dir, chunk)), { level: 6 }).length : 0;
}

/** 5,000 rows as an officer's list has them: name, industry, area, output and year, district, coordinates. */
function importRows(n: number): (string | number)[][] {
  let seed = 7;
  const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const industries = ['汽车', '集成电路', '生物医药', '高端装备', '先进材料'];
  return [
    ['名称', '产业', '面积', '产值(亿元)', '年份', '区', '经度', '纬度'],
    ...Array.from({ length: n }, (_, i) => [
      `测试园区${i + 1}`,
      industries[i % industries.length]!,
      Math.round((0.5 + rnd() * 5) * 100) / 100,
      Math.round(rnd() * 400),
      2022,
      '浦东新区',
      Math.round((121.3 + rnd() * 0.5) * 1e5) / 1e5,
      Math.round((31.0 + rnd() * 0.35) * 1e5) / 1e5,
    ]),
  ];
}

/** File chosen → every row read, stored and drawn (the map idle with the imported layer), wall time. */
async function importTimes(baseUrl: string, format: 'csv' | 'xlsx', rounds: number): Promise<number[]> {
  const rows = importRows(5000);
  const buffer =
    format === 'csv'
      ? Buffer.from(toCsv(rows), 'utf8')
      : await (await import('write-excel-file/node')).default(rows.map((r) => r.map((value) => ({ value })))).toBuffer();
  return timeImport(baseUrl, '121.55,31.18,10', `list.${format}`, buffer, 'overlay-imported', 1000, rounds);
}

/**
 * A file chosen in the import panel → the map idle with at least `minDrawn` features of `layer`
 * rendered, wall time, each round in a fresh browser.
 */
async function timeImport(
  baseUrl: string,
  view: string,
  name: string,
  buffer: Buffer,
  layer: string,
  minDrawn: number,
  rounds: number,
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const browser = await launch();
    try {
      const page = await browser.context.newPage();
      await page.goto(`${baseUrl}/test/explorer?v=${view}`);
      await page.waitForSelector('[data-map-idle="true"]', { state: 'attached', timeout: 120_000 });
      await page.getByTestId('import-panel').locator(':scope > summary').click();
      const t0 = performance.now();
      await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
      await page.waitForFunction(
        ([layer, minDrawn]) => {
          type Map = { getLayer(id: string): unknown; loaded(): boolean; queryRenderedFeatures(o: object): unknown[] };
          const map = (window as unknown as { __map: Map }).__map;
          return map.getLayer(layer) && map.loaded() && map.queryRenderedFeatures({ layers: [layer] }).length >= minDrawn;
        },
        [layer, minDrawn] as const,
        { timeout: 120_000, polling: 20 },
      );
      times.push(performance.now() - t0);
    } finally {
      await browser.close();
    }
  }
  return times;
}

/** 100,000 enterprises (CSV, ~4 MB) chosen → read, placed, stored and drawn as clusters, wall time. */
async function enterpriseImportTimes(baseUrl: string, rounds: number): Promise<number[]> {
  let seed = 11;
  const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const industries = ['汽车', '集成电路', '生物医药', '高端装备', '先进材料', '餐饮'];
  const rows = [
    ['企业名称', '行业', '经度', '纬度', '产值(万元)', '年份'],
    ...Array.from({ length: 100_000 }, (_, i) => [
      `测试企业${i + 1}`,
      industries[i % industries.length]!,
      Math.round((121.0 + rnd() * 0.9) * 1e5) / 1e5,
      Math.round((30.8 + rnd() * 0.8) * 1e5) / 1e5,
      Math.round(rnd() * 50000),
      2022,
    ]),
  ];
  const buffer = Buffer.from(toCsv(rows), 'utf8');
  // a list this size draws as clusters: some are on screen once every row is read, stored and clustered
  return timeImport(baseUrl, '121.45,31.2,9', 'enterprises.csv', buffer, 'enterprise-clusters', 1, rounds);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
