/**
 * The map engine, loaded once per page on the client. MapLibre 6 runs its tile worker from a real
 * file; under a bundler it cannot find that file itself, and without it no tile draws and no error is
 * shown. The worker is emitted as a hashed file of the build (so the service worker stores it with the
 * rest and the CSP needs no `blob:` worker) and handed to the engine before the first map exists.
 */
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

export type MapLibreModule = typeof import('maplibre-gl');

let engine: Promise<MapLibreModule> | null = null;

export function loadEngine(): Promise<MapLibreModule> {
  engine ??= import('maplibre-gl').then((maplibre) => {
    maplibre.setWorkerUrl(workerUrl);
    return maplibre;
  });
  return engine;
}
