/**
 * `npm run bench`: builds, serves the production build on loopback and measures, in headless
 * Chromium (SwiftShader), what a user waits for. Prints a table; asserts nothing (machines are
 * shared and noisy: read the ratios).
 *
 *  (a) navigation → first map idle, the app          (median of N cold loads)
 *  (b) the same for a bare MapLibre page on the same PMTiles (the limit)
 *  (c) a / b
 *  (d) JavaScript transferred before idle, gzip-compressed size
 *  (e) `npm run geodata` wall time and the basemap's size
 *  (f) a 3+6 filter change → repainted map, at plan scale (the app, by chip clicks)
 *  (g) the same with 100k synthetic points in a benchmark-only layer (/bench/filter)
 *  (h) 3D density: JavaScript fetched before and after switching it on (deck.gl must come only
 *      after), and the time from the switch to deck.gl's first drawn frame
 *  (i) profile pages: HTML bytes of a park page (raw and gzip), and the largest profile page
 *  (j) site finder: input change → results list updated in the page (median of 20), and the
 *      ranking rule alone on 10,000 synthetic candidates (node)
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureChromium, launch } from '../support/browser.ts';
import { ROOT, startPreview } from '../support/server.ts';
import { rankSites, type Candidate } from '../../src/lib/plan/site-finder.ts';
import { readdirSync, statSync } from 'node:fs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

interface Load {
  idleMs: number;
  jsGzipBytes: number;
  jsFiles: number;
}

async function coldLoad(url: string): Promise<Load> {
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
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
    await page.waitForSelector('[data-map-idle="true"]', { state: 'attached', timeout: 120_000 });
    idle = true;
    const idleMs = await page.evaluate(() => performance.getEntriesByName('map-idle')[0]?.startTime ?? NaN);
    const sizes = await Promise.all(js);
    return { idleMs, jsGzipBytes: sizes.reduce((a, b) => a + b, 0), jsFiles: sizes.length };
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
    await page.evaluate(() => performance.mark('density-3d-click'));
    await page.click('[data-density-mode="3d"]');
    await page.waitForSelector('[data-density3d="drawn"]', { state: 'attached', timeout: 120_000 });
    const firstFrameMs = await page.evaluate(
      () => performance.getEntriesByName('density-3d-frame')[0]!.startTime - performance.getEntriesByName('density-3d-click')[0]!.startTime,
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
  }));
  const times: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    rankSites(
      candidates,
      { industries: ['AUTO', 'AI'], segments: [], minAreaKm2: 2, radiusKm: 30 },
      { centre: [121.16, 31.29], within: null },
    );
    times.push(performance.now() - t);
  }
  return median(times);
}

const FILTER_ROUNDS = 20;

/**
 * Median-ready list of times from a filter change to the map's next idle (repaint done), measured
 * inside the page. 'app': clicks the 集成电路 chip and "all" in turn; 'bench': the filter page's hook.
 */
async function filterTimes(url: string, kind: 'app' | 'bench'): Promise<number[]> {
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    await page.goto(url);
    await page.waitForSelector('[data-map-idle="true"]', { state: 'attached', timeout: 180_000 });
    const times: number[] = [];
    for (let i = 0; i < FILTER_ROUNDS; i++) {
      const industries = i % 2 === 0 ? ['IC'] : [];
      const ms =
        kind === 'bench'
          ? await page.evaluate(
              (ids) => (window as unknown as { __bench: { setIndustries(x: string[]): Promise<number> } }).__bench.setIndustries(ids),
              industries,
            )
          : await page.evaluate(
              (on) =>
                new Promise<number>((resolve) => {
                  const map = (window as unknown as { __explorerMap: { once(e: string, f: () => void): void } }).__explorerMap;
                  const chip = document.querySelector<HTMLButtonElement>(on ? '[data-industry="IC"]' : '.chip.all')!;
                  const t0 = performance.now();
                  map.once('idle', () => resolve(performance.now() - t0));
                  chip.click();
                }),
              industries.length > 0,
            );
      times.push(ms);
    }
    return times;
  } finally {
    await browser.close();
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
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
  const basemapBytes = manifest.files.find((f) => f.path === 'basemap/shanghai.pmtiles')!.bytes;
  const glyphBytes = manifest.files.filter((f) => f.path.startsWith('fonts/')).reduce((a, f) => a + f.bytes, 0);

  const preview = await startPreview();
  const app: Load[] = [];
  const bare: Load[] = [];
  let filterPlan: number[];
  let filter100k: number[];
  const threeD: Density3d[] = [];
  let finder: number[];
  try {
    await coldLoad(`${preview.url}/`); // warm the OS file cache and the server once, unmeasured
    for (let i = 0; i < ROUNDS; i++) {
      app.push(await coldLoad(`${preview.url}/`));
      bare.push(await coldLoad(`${preview.url}/bench/bare`));
      process.stdout.write(`bench: round ${i + 1}/${ROUNDS}: app ${app[i]!.idleMs.toFixed(0)} ms, bare ${bare[i]!.idleMs.toFixed(0)} ms\n`);
    }
    console.log('bench: filter → repaint at plan scale (app, chip clicks)…');
    filterPlan = await filterTimes(`${preview.url}/`, 'app');
    console.log('bench: filter → repaint with 100k synthetic points…');
    filter100k = await filterTimes(`${preview.url}/bench/filter?n=100000`, 'bench');
    console.log('bench: switching 3D density on…');
    for (let i = 0; i < 3; i++) threeD.push(await density3d(`${preview.url}/?v=121.5,31.1,9`));
    console.log('bench: site finder updates…');
    finder = await finderTimes(`${preview.url}/finder?ind=AUTO&min=2&at=121.16,31.29&r=30`);
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
  const appIdle = median(app.map((l) => l.idleMs));
  const bareIdle = median(bare.map((l) => l.idleMs));
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const rows: [string, string, string][] = [
    ['(a) app: navigation → first map idle (median)', `${appIdle.toFixed(0)} ms`, `${ROUNDS} cold loads`],
    ['(b) bare MapLibre, same PMTiles (median)', `${bareIdle.toFixed(0)} ms`, `${ROUNDS} cold loads`],
    ['(c) ratio a / b', (appIdle / bareIdle).toFixed(2), 'target ≤ 1.15'],
    ['(d) app JavaScript before idle (gzip)', kb(median(app.map((l) => l.jsGzipBytes))), `${app[0]?.jsFiles ?? 0} files; target ≤ 480 KB`],
    ['    bare page JavaScript before idle (gzip)', kb(median(bare.map((l) => l.jsGzipBytes))), ''],
    [
      '(f) filter chip → repainted map, plan data (median)',
      `${median(filterPlan).toFixed(0)} ms`,
      `${FILTER_ROUNDS} changes; target ≤ 16 ms on hardware`,
    ],
    [
      '(g) filter → repainted map, +100k points (median)',
      `${median(filter100k).toFixed(0)} ms`,
      `${FILTER_ROUNDS} changes; target ≤ 100 ms on hardware`,
    ],
    ['    ratio g / f', (median(filter100k) / median(filterPlan)).toFixed(1), 'SwiftShader: compare ratios'],
    ['(h) deck.gl JavaScript before 3D is switched on (gzip)', kb(median(threeD.map((d) => d.deckBeforeBytes))), 'must be 0'],
    [
      '    JavaScript fetched on switching 3D on (gzip)',
      kb(median(threeD.map((d) => d.afterBytes))),
      `${threeD[0]?.afterFiles ?? 0} files (deck.gl + the 3D module)`,
    ],
    ['    3D switch → first deck.gl frame (median)', `${median(threeD.map((d) => d.firstFrameMs)).toFixed(0)} ms`, '3 cold loads'],
    ['(i) park page HTML (/parks/robot-park)', kb(parkHtml.length), `${kb(gzipSync(parkHtml, { level: 6 }).length)} gzip`],
    ['    largest profile page HTML', kb(Math.max(...profileSizes)), `${profileSizes.length} profile pages`],
    ['(j) site finder: input → results updated (median)', `${median(finder).toFixed(0)} ms`, `${FILTER_ROUNDS} changes, in the page`],
    ['    ranking rule, 10,000 candidates (node, median)', `${ranking10k.toFixed(1)} ms`, '10 runs'],
    ['(e) npm run geodata wall time', `${geodataSeconds.toFixed(1)} s`, 'target ≤ 60 s'],
    ['    basemap archive size', kb(basemapBytes), 'target ≤ 1.5 MB'],
    ['    glyph files (all ranges)', kb(glyphBytes), ''],
  ];
  const w = Math.max(...rows.map((r) => r[0].length));
  console.log('\n' + 'measure'.padEnd(w) + '  value       note');
  for (const [name, value, note] of rows) console.log(`${name.padEnd(w)}  ${value.padEnd(10)}  ${note}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
