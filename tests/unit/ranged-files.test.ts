/**
 * Files read by byte ranges are served and stored as their own bytes: the rule every server and the
 * service worker share, and the retry that keeps one lost read from blanking the basemap.
 */
import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { EtagMismatch, FetchSource, PMTiles } from 'pmtiles';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RANGED_FILE_TYPES, rangedFileHeaders, rangedFileType, storeFetchMode } from '../../src/lib/offline/ranged-files.ts';
import { RetryOnceSource } from '../../src/lib/map/retry-source.ts';
import { ROOT } from '../support/server.ts';
import { builtGeodata } from '../support/geodata.ts';

describe('files read by byte ranges', () => {
  it('are the PMTiles archives, by path, whatever the query', () => {
    expect(rangedFileType('/basemap/shanghai.pmtiles')).toBe('application/vnd.pmtiles');
    expect(rangedFileType('/base/basemap/PLAN.PMTILES?v=3#x')).toBe('application/vnd.pmtiles');
    expect(rangedFileType('/basemap/manifest.json')).toBeNull();
    expect(rangedFileType('/pmtiles')).toBeNull();
    expect(rangedFileType('/a.pmtiles/index.html')).toBeNull();
  });

  it('are sent with their type and Accept-Ranges, and stored by the worker past the HTTP cache', () => {
    expect(rangedFileHeaders('application/vnd.pmtiles')).toEqual({ 'Content-Type': 'application/vnd.pmtiles', 'Accept-Ranges': 'bytes' });
    expect(storeFetchMode('/basemap/plan.pmtiles')).toBe('no-store');
    expect(storeFetchMode('/_app/immutable/entry/start.js')).toBe('reload');
  });

  it('are served so by the README’s nginx and Caddy examples', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const [ext, type] of Object.entries(RANGED_FILE_TYPES)) {
      expect(readme).toContain(`location ~* \\.${ext}$ {\n    gzip off;\n    types { ${type} ${ext}; }`);
      expect(readme).toContain(`@compressible not path *.${ext}`);
      expect(readme).toContain(`header @archives Content-Type ${type}`);
    }
  });
});

describe('a PMTiles read that fails once', () => {
  let server: Server | null = null;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  /** Serves the built basemap archive by ranges; the first `drops` requests lose their connection. */
  async function serveArchive(drops: number): Promise<{ url: string; requests: () => number }> {
    await builtGeodata();
    const archive = readFileSync(join(ROOT, 'static/basemap/shanghai.pmtiles'));
    let requests = 0;
    server = createServer((req, res) => {
      requests++;
      if (requests <= drops) {
        req.socket.destroy();
        return;
      }
      const [, from, to] = /bytes=(\d+)-(\d+)/.exec(req.headers.range ?? '') ?? [];
      const body = archive.subarray(Number(from), Number(to) + 1);
      res.writeHead(206, { 'Content-Length': body.length, 'Content-Range': `bytes ${from}-${to}/${archive.length}` });
      res.end(body);
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const address = server.address() as { port: number };
    return { url: `http://127.0.0.1:${address.port}/shanghai.pmtiles`, requests: () => requests };
  }

  it('is asked once more, and the archive reads', async () => {
    const { url, requests } = await serveArchive(1);
    const retried: unknown[] = [];
    const archive = new PMTiles(
      new RetryOnceSource(
        new FetchSource(url),
        (e) => e instanceof EtagMismatch,
        (e) => retried.push(e),
      ),
    );
    const header = await archive.getHeader();
    expect(header.tileType).toBe(1);
    expect(retried).toHaveLength(1);
    expect(requests()).toBe(2);
  });

  it('fails for good when the second try fails too (the map then reports it, with a retry button)', async () => {
    const { url, requests } = await serveArchive(2);
    const archive = new PMTiles(new RetryOnceSource(new FetchSource(url), (e) => e instanceof EtagMismatch));
    await expect(archive.getHeader()).rejects.toThrow(/fetch failed/);
    expect(requests()).toBe(2);
  });

  it('is not retried when the map aborted it', async () => {
    const { url, requests } = await serveArchive(0);
    const source = new RetryOnceSource(new FetchSource(url), () => false);
    const abort = new AbortController();
    abort.abort();
    await expect(source.getBytes(0, 100, abort.signal)).rejects.toThrow();
    expect(requests()).toBe(0);
  });
});
