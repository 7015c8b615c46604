/**
 * The page's side of offline use: registers the service worker (src/service-worker.ts), and keeps
 * what a user should know — a copy stored (and its size), storing failed, a new version ready — for
 * the notice every page shows (src/lib/ui/OfflineNotice.svelte) and the data page.
 */
import { base } from '$app/paths';
import { dev } from '$app/environment';
import { OFFLINE_COPY_PATH, type OfflineCopy, type OfflineMessage } from '../offline/messages.ts';

/** 'unknown' until the page runs (prerendered HTML, no JavaScript). */
export type OfflineStatus = 'unknown' | 'unsupported' | 'storing' | 'stored' | 'failed';

export const offline = $state({
  status: 'unknown' as OfflineStatus,
  copy: null as OfflineCopy | null,
  failure: null as Extract<OfflineMessage, { type: 'offline-failed' }>['reason'] | null,
  /** A new version is installed and waits for the user's reload. */
  updateReady: false,
  /** The "stored for offline use" line was seen and dismissed. */
  dismissed: false,
  /** Whether the browser keeps the copy under storage pressure (null: not known). */
  persistent: null as boolean | null,
});

/**
 * Asks the browser to keep the stored copy when space runs low (it may evict "best-effort" storage,
 * which would leave an officer without the map on site); the browser decides, and the data page says
 * what it decided.
 */
async function keepCopy(): Promise<void> {
  if (!navigator.storage?.persist) return;
  offline.persistent = (await navigator.storage.persisted()) || (await navigator.storage.persist().catch(() => false));
}

let registration: ServiceWorkerRegistration | null = null;
let reloadRequested = false;
let started = false;

async function readCopy(): Promise<OfflineCopy | null> {
  for (const name of await caches.keys()) {
    const record = await (await caches.open(name)).match(`${base}${OFFLINE_COPY_PATH}`);
    if (record) return (await record.json()) as OfflineCopy;
  }
  return null;
}

/**
 * Resolves once the page has shown what it opened for: its map's first idle (the map marks its
 * container), or a moment after load on a page without a map, at most 15 s. Storing the offline copy
 * (about 10 MB) while the first view is still loading made that view ~50% slower (npm run bench).
 */
function firstViewShown(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      observer.disconnect();
      clearTimeout(limit);
      resolve();
    };
    const observer = new MutationObserver(() => {
      if (document.querySelector('[data-map-idle="true"]')) done();
    });
    const limit = setTimeout(done, 15_000);
    const afterLoad = () => {
      if (document.querySelector('[data-map-idle="true"]')) return done();
      observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-map-idle'], childList: true });
      // a page without a map (every map's container carries data-map-idle from the start)
      if (!document.querySelector('[data-map-idle]')) setTimeout(done, 500);
    };
    if (document.readyState === 'complete') afterLoad();
    else addEventListener('load', afterLoad, { once: true });
  });
}

/** Starts offline use once per page load (from the root layout). */
export async function startOffline(): Promise<void> {
  if (started) return;
  started = true;
  // the development server's modules change on every edit: no offline copy there
  if (dev || !('serviceWorker' in navigator) || !('caches' in window)) {
    offline.status = 'unsupported';
    return;
  }
  offline.status = 'storing';
  const container = navigator.serviceWorker;
  container.addEventListener('message', (event: MessageEvent<OfflineMessage>) => {
    const message = event.data;
    if (message?.type === 'offline-ready') {
      offline.copy = message.copy;
      offline.status = 'stored';
      offline.failure = null;
      void keepCopy();
    } else if (message?.type === 'offline-failed') {
      offline.failure = message.reason;
      if (offline.status !== 'stored') offline.status = 'failed';
    }
  });
  container.addEventListener('controllerchange', () => {
    if (reloadRequested) location.reload();
  });
  await firstViewShown();
  try {
    registration = (await container.register(`${base}/service-worker.js`, { updateViaCache: 'none' })) ?? null;
  } catch {
    registration = null;
  }
  // refused (private mode, a policy, a browser that blocks workers): the app simply stays online-only
  if (!registration) {
    offline.status = 'unsupported';
    return;
  }
  const copy = await readCopy().catch(() => null);
  if (copy && registration.active) {
    offline.copy = copy;
    offline.status = 'stored';
    offline.dismissed = true; // said on the visit that stored it
    offline.persistent = navigator.storage?.persisted ? await navigator.storage.persisted() : null;
  }
  const watch = (worker: ServiceWorker | null) =>
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed' && container.controller) offline.updateReady = true;
    });
  if (registration.waiting && container.controller) offline.updateReady = true;
  watch(registration.installing);
  registration.addEventListener('updatefound', () => watch(registration!.installing));
  // a page left open for a day (a kiosk, a briefing screen) still learns of a new version
  const reg = registration;
  setInterval(() => {
    if (navigator.onLine) void reg.update().catch(() => undefined);
  }, 3_600_000);
}

/** Switches every page to the waiting version: the worker takes over, and each page reloads. */
export function applyUpdate(): void {
  reloadRequested = true;
  if (registration?.waiting) registration.waiting.postMessage({ type: 'skip-waiting' });
  else location.reload();
}
