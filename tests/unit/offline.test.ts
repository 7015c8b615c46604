/**
 * Offline use, its rules: what is stored, how a request finds its stored copy, byte ranges answered
 * from a whole stored file (as PMTiles asks for them), and how a half-stored or altered copy is told
 * from a whole one. The worker itself runs in the browser tests (tests/e2e/offline.test.ts).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { cacheName, isOwnCache, offlinePaths, storedPathFor } from '../../src/lib/offline/precache.ts';
import { parseRange, storedResponse } from '../../src/lib/offline/range.ts';
import { pmtilesSections, pmtilesWhole, storedProblem } from '../../src/lib/offline/integrity.ts';
import { writePmtiles } from '../../geodata/build/pmtiles-writer.ts';
import { APP_ICONS, ICON_SHAPE, THEME_COLOUR, renderIcon, webManifest } from '../../geodata/build/app-icons.ts';
import { formatBytes } from '../../src/lib/i18n/numbers.ts';

describe('what is stored for offline use', () => {
  const files = {
    build: ['/_app/immutable/entry/start.js', '/_app/version.json'],
    files: ['/basemap/shanghai.pmtiles', '/data/plan.json', '/favicon.svg'],
    prerendered: ['/', '/finder', '/parks/robot-park', '/test/explorer', '/bench/bare', '/testing-lab'],
    base: '',
  };

  it('stores the app, every page users open, the data and the archives — not the test and benchmark pages', () => {
    const paths = offlinePaths(files);
    expect(paths).toEqual(
      expect.arrayContaining(['/', '/finder', '/parks/robot-park', '/basemap/shanghai.pmtiles', '/_app/immutable/entry/start.js']),
    );
    expect(paths).not.toContain('/test/explorer');
    expect(paths).not.toContain('/bench/bare');
    expect(paths).toContain('/testing-lab');
  });

  it('works under a base path', () => {
    const paths = offlinePaths({ ...files, prerendered: ['/explorer/', '/explorer/test/explorer'], base: '/explorer' });
    expect(paths).toContain('/explorer/');
    expect(paths).not.toContain('/explorer/test/explorer');
  });

  it('answers a page whatever its query (the view lives there), and nothing it did not store', () => {
    const stored = new Set(offlinePaths(files));
    const at = (url: string) => storedPathFor(new URL(url, 'http://app.test'), stored);
    expect(at('/?v=121.6,31.2,12&ind=AUTO')).toBe('/');
    expect(at('/parks/robot-park?lang=en#facts')).toBe('/parks/robot-park');
    expect(at('/finder/')).toBe('/finder');
    expect(at('/basemap/shanghai.pmtiles')).toBe('/basemap/shanghai.pmtiles');
    expect(at('/test/explorer')).toBeNull();
    expect(at('/no-such-page')).toBeNull();
  });

  it('keeps one cache per build, and knows its own from other apps’', () => {
    expect(cacheName('123')).not.toBe(cacheName('124'));
    expect(isOwnCache(cacheName('123'))).toBe(true);
    expect(isOwnCache('another-app-v1')).toBe(false);
  });
});

describe('byte ranges from a stored file', () => {
  it('reads the forms PMTiles sends, and refuses what lies past the end', () => {
    expect(parseRange(null, 100)).toBeNull();
    expect(parseRange('bytes=0-16383', 100)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=10-19', 100)).toEqual({ start: 10, end: 19 });
    expect(parseRange('bytes=90-', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=100-120', 100)).toBe('unsatisfiable');
    expect(parseRange('bytes=0-1,5-6', 100)).toBeNull();
    expect(parseRange('items=0-1', 100)).toBeNull();
  });

  it('answers 206 with the slice and its Content-Range, 416 past the end, the whole file without a range', async () => {
    const body = new Blob([new Uint8Array(100).map((_, i) => i)]);
    const stored = {
      status: 200,
      headers: new Headers({ 'Content-Type': 'application/octet-stream', 'Content-Encoding': 'gzip', ETag: '"x"' }),
    };
    const part = storedResponse(body, stored, 'bytes=10-19');
    expect(part.status).toBe(206);
    expect(part.headers.get('Content-Range')).toBe('bytes 10-19/100');
    expect(part.headers.get('Content-Length')).toBe('10');
    // the stored body is decoded: the server's gzip no longer applies
    expect(part.headers.get('Content-Encoding')).toBeNull();
    expect(part.headers.get('ETag')).toBe('"x"');
    expect([...new Uint8Array(await part.arrayBuffer())]).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    const past = storedResponse(body, stored, 'bytes=200-');
    expect(past.status).toBe(416);
    expect(past.headers.get('Content-Range')).toBe('bytes */100');
    const whole = storedResponse(body, stored, null);
    expect(whole.status).toBe(200);
    expect((await whole.arrayBuffer()).byteLength).toBe(100);
  });
});

describe('telling a whole stored copy from a broken one', () => {
  const archive = writePmtiles(
    [
      { z: 0, x: 0, y: 0, data: new TextEncoder().encode('root tile') },
      { z: 1, x: 1, y: 0, data: new TextEncoder().encode('a tile') },
    ],
    { minZoom: 0, maxZoom: 1, bounds: [120, 30, 123, 32], center: [121.5, 31.2, 1], metadata: { name: 'fixture', vector_layers: [] } },
  );
  const bytes = archive.buffer.slice(archive.byteOffset, archive.byteOffset + archive.byteLength) as ArrayBuffer;
  const entry = { path: 'basemap/x.pmtiles', bytes: bytes.byteLength, sha256: createHash('sha256').update(archive).digest('hex') };

  it('reads a PMTiles header and sees every section inside a whole archive, not inside half of it', () => {
    const sections = pmtilesSections(archive.subarray(0, 127))!;
    expect(sections).toHaveLength(4);
    expect(pmtilesWhole(archive.subarray(0, 127), archive.byteLength)).toBe(true);
    expect(pmtilesWhole(archive.subarray(0, 127), Math.floor(archive.byteLength / 2))).toBe(false);
    expect(pmtilesSections(new TextEncoder().encode('<!doctype html>'.padEnd(200)))).toBeNull();
  });

  it('checks the build’s files by size and SHA-256, others by the Content-Length they came with', async () => {
    expect(await storedProblem('/basemap/x.pmtiles', bytes, { entry })).toBeNull();
    expect(await storedProblem('/basemap/x.pmtiles', bytes.slice(0, 100), { entry })).toBe('size');
    const altered = new Uint8Array(bytes.slice(0));
    altered[altered.length - 1]! ^= 0xff;
    expect(await storedProblem('/basemap/x.pmtiles', altered.buffer, { entry })).toBe('hash');
    // an archive the manifest does not list: its own header must fit
    expect(await storedProblem('/basemap/streets.pmtiles', bytes.slice(0, 140), {})).toBe('archive');
    const page = new TextEncoder().encode('<!doctype html><title>x</title>').buffer;
    expect(await storedProblem('/finder', page, { contentLength: String(page.byteLength) })).toBeNull();
    expect(await storedProblem('/finder', page.slice(0, 10), { contentLength: String(page.byteLength) })).toBe('size');
    // a compressed response's Content-Length counts other bytes: not a reason to refetch
    expect(await storedProblem('/finder', page, { contentLength: '12', contentEncoding: 'gzip' })).toBeNull();
  });
});

describe('the installable app', () => {
  it('draws its icons from the favicon’s shape', () => {
    const svg = readFileSync(join(import.meta.dirname, '../../static/favicon.svg'), 'utf8');
    const points = ICON_SHAPE.peaks.points.map(([x, y], i) => `${i ? 'L' : 'M'}${x} ${y}`).join(' ');
    expect(svg).toContain(`d="${points} Z"`);
    expect(svg).toContain(`fill="${ICON_SHAPE.tile.colour}"`);
    expect(svg).toContain(`fill="${ICON_SHAPE.peaks.colour}"`);
    expect(svg).toContain(`rx="${ICON_SHAPE.tile.radius}"`);
  });

  it('renders the peaks in yellow on the blue tile, with transparent corners unless maskable', () => {
    const pixel = (png: PNG, x: number, y: number) => [...png.data.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 4)];
    const icon = PNG.sync.read(Buffer.from(renderIcon(192)));
    expect([icon.width, icon.height]).toEqual([192, 192]);
    expect(pixel(icon, 0, 0)[3]).toBe(0);
    expect(pixel(icon, 96, 10)).toEqual([0x1d, 0x4e, 0x89, 255]);
    expect(pixel(icon, 72, 110)).toEqual([0xf2, 0xc1, 0x4e, 255]); // inside the first peak
    const maskable = PNG.sync.read(Buffer.from(renderIcon(64, true)));
    expect(pixel(maskable, 0, 0)).toEqual([0x1d, 0x4e, 0x89, 255]);
  });

  it('has a manifest per language, with the app’s name from the string table and every icon', () => {
    const zh = JSON.parse(webManifest('zh'));
    const en = JSON.parse(webManifest('en'));
    expect(zh.name).toBe('上海产业空间布局');
    expect(en.name).toBe('Shanghai Industrial Layout');
    expect(en.start_url).toBe('../?lang=en');
    expect(zh.icons.map((i: { sizes: string; purpose: string }) => `${i.sizes} ${i.purpose}`)).toEqual([
      '192x192 any',
      '512x512 any',
      '512x512 maskable',
    ]);
    expect(APP_ICONS).toHaveLength(3);
    // the page's own theme colour (app.html) is the manifest's
    const html = readFileSync(join(import.meta.dirname, '../../src/app.html'), 'utf8');
    expect(html).toContain(`<meta name="theme-color" content="${THEME_COLOUR}" />`);
  });

  it('says how much it stored, in each language’s numbers', () => {
    expect(formatBytes(6_812_345, 'zh')).toBe('6.8 MB');
    expect(formatBytes(450_000, 'en')).toBe('450 KB');
    expect(formatBytes(12, 'en')).toBe('1 KB');
  });
});
