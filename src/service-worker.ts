/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/// <reference types="@sveltejs/kit" />
/**
 * Offline use on a site visit. On the first visit this worker stores everything a user can open (the
 * app, every prerendered page, glyphs, data, basemap archives: src/lib/offline/precache.ts) in one
 * cache per build, checking each file is whole; afterwards it answers those requests from the cache,
 * PMTiles byte ranges included (src/lib/offline/range.ts). A new build installs beside the old one and
 * waits: the page announces it, and only the user's "reload" switches every page over at once, so a
 * version is never half-applied. If storing fails (quota, network) the pages are told and keep working
 * online; a stored copy found broken is refetched, never served (src/lib/offline/integrity.ts).
 * Archives are fetched past the browser's HTTP cache (src/lib/offline/ranged-files.ts): a whole copy
 * left there is what a page's range read would be sliced from, and on a host that compresses it the
 * slice cannot be decoded.
 */
import { base, build, files, prerendered, version } from '$service-worker';
import { cacheName, isOwnCache, offlinePaths, storedPathFor } from '$lib/offline/precache';
import { storedResponse } from '$lib/offline/range';
import { storeFetchMode } from '$lib/offline/ranged-files';
import { storedProblem, type ManifestEntry } from '$lib/offline/integrity';
import { OFFLINE_COPY_PATH, type OfflineMessage, type OfflineCopy } from '$lib/offline/messages';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = cacheName(version);
const PATHS = offlinePaths({ build, files, prerendered, base });
const STORED = new Set(PATHS);
const MANIFEST_PATH = `${base}/basemap/manifest.json`;
const COPY_PATH = `${base}${OFFLINE_COPY_PATH}`;

async function tell(message: OfflineMessage): Promise<void> {
  for (const client of await sw.clients.matchAll({ type: 'window', includeUncontrolled: true })) client.postMessage(message);
}

let manifest: Promise<Map<string, ManifestEntry>> | null = null;
/** The geodata build's list of its files with sizes and hashes, by path. */
function buildManifest(): Promise<Map<string, ManifestEntry>> {
  manifest ??= (async () => {
    // caches.match with a name never creates the cache (caches.open would)
    const stored = await caches.match(MANIFEST_PATH, { cacheName: CACHE });
    const response = stored ?? (await fetch(MANIFEST_PATH, { cache: 'no-store' }));
    const { files: entries } = (await response.json()) as { files: ManifestEntry[] };
    return new Map(entries.map((e) => [`${base}/${e.path}`, e]));
  })().catch((err) => {
    manifest = null;
    throw err;
  });
  return manifest;
}

/** What is wrong with `bytes` as the copy of `path` that came with `headers` (null: it is whole). */
async function problemWith(path: string, bytes: ArrayBuffer, headers: Headers) {
  return storedProblem(path, bytes, {
    entry: (await buildManifest()).get(path),
    contentLength: headers.get('Content-Length'),
    contentEncoding: headers.get('Content-Encoding'),
  }).catch(() => 'unreadable' as const);
}

class StoreError extends Error {
  constructor(
    readonly reason: 'quota' | 'network' | 'broken',
    readonly path: string,
  ) {
    super(`${reason}: ${path}`);
  }
}

sw.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      try {
        let bytes = 0;
        // a few at a time: the archives are large, the pages many; the first failure stops them all
        const queue = [...PATHS];
        let failure: unknown = null;
        const worker = async () => {
          for (let path = queue.shift(); path !== undefined && failure === null; path = queue.shift()) {
            const response = await fetch(path, { cache: storeFetchMode(path) }).catch(() => null);
            if (!response?.ok) throw new StoreError('network', path);
            // read first, then add: `bytes += await …` would read `bytes` before the await and lose
            // what the other workers added meanwhile
            const body = await response.clone().arrayBuffer();
            if (await problemWith(path, body, response.headers)) throw new StoreError('broken', path);
            bytes += body.byteLength;
            await cache.put(path, response).catch((err: unknown) => {
              throw new StoreError(err instanceof DOMException && err.name === 'QuotaExceededError' ? 'quota' : 'network', path);
            });
          }
        };
        await Promise.all(
          [worker(), worker(), worker(), worker()].map((w) =>
            w.catch((err: unknown) => {
              failure ??= err;
            }),
          ),
        );
        if (failure !== null) throw failure;
        const copy: OfflineCopy = { version, bytes, files: PATHS.length, stored: new Date().toISOString() };
        await cache.put(COPY_PATH, new Response(JSON.stringify(copy), { headers: { 'Content-Type': 'application/json' } }));
        // The first install has nothing to half-apply: take over at once. Updates wait for the user.
        if (!sw.registration.active) await sw.skipWaiting();
        await tell({ type: 'offline-ready', copy });
      } catch (err) {
        await caches.delete(CACHE);
        const reason =
          err instanceof StoreError ? err.reason : err instanceof DOMException && err.name === 'QuotaExceededError' ? 'quota' : 'network';
        await tell({ type: 'offline-failed', reason, path: err instanceof StoreError ? err.path : '' });
        throw err;
      }
    })(),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (isOwnCache(name) && name !== CACHE) await caches.delete(name);
      await sw.clients.claim();
    })(),
  );
});

sw.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'skip-waiting') void sw.skipWaiting();
});

/**
 * The size each stored file had when it was last checked whole, since this worker started: a copy of
 * another size is checked again (size and hash) before it is served.
 */
const checkedSize = new Map<string, number>();

async function answer(request: Request, path: string): Promise<Response> {
  const cache = await caches.open(CACHE);
  const stored = await cache.match(path);
  if (stored) {
    const body = await stored.blob();
    if (checkedSize.get(path) === body.size) return storedResponse(body, stored, request.headers.get('Range'));
    if (!(await problemWith(path, await body.arrayBuffer(), stored.headers))) {
      checkedSize.set(path, body.size);
      return storedResponse(body, stored, request.headers.get('Range'));
    }
    // half downloaded or altered: never serve it; fetch it again
    await cache.delete(path);
    checkedSize.delete(path);
  }
  const fresh = await fetch(path, { cache: storeFetchMode(path) }).catch(() => null);
  if (!fresh?.ok) return fresh ?? Response.error();
  const body = await fresh.clone().blob();
  if (await problemWith(path, await body.arrayBuffer(), fresh.headers)) return Response.error();
  await cache.put(path, fresh).catch(() => tell({ type: 'offline-failed', reason: 'quota', path }));
  checkedSize.set(path, body.size);
  return storedResponse(body, fresh, request.headers.get('Range'));
}

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== sw.location.origin) return;
  const path = storedPathFor(url, STORED);
  if (path) event.respondWith(answer(request, path));
});
