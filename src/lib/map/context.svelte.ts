/**
 * The map, handed down through Svelte context (as svelte-maplibre-gl does): one shell creates it,
 * small parts (controls, picking, plan state, overlays) read it here and attach themselves. Nothing
 * reaches the map through `bind:this` getters or `window`.
 */
import { getContext, setContext } from 'svelte';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Picker } from './selection.ts';

import type { MapLibreModule } from './engine.ts';

export type MapStatus = 'engine' | 'basemap' | 'tiles' | 'ready' | 'failed' | 'no-webgl';

export class MapContext {
  /** The live map once created; null before and after. */
  map: MapLibreMap | null = $state.raw(null);
  /** The MapLibre module (controls and classes), loaded with the map. */
  maplibre: MapLibreModule | null = $state.raw(null);
  status: MapStatus = $state('engine');
  /** The map's container element. */
  container: HTMLDivElement | null = $state.raw(null);
  /** Parts that draw outside MapLibre's layers register how to pick their things (asked first). */
  readonly pickers = new Set<Picker>();
}

const KEY = Symbol('map');

export function setMapContext(context: MapContext): MapContext {
  return setContext(KEY, context);
}

export function getMapContext(): MapContext {
  const context = getContext<MapContext | undefined>(KEY);
  if (!context) throw new Error('A map part must be placed inside <MapShell>.');
  return context;
}

const OBSERVER_KEY = Symbol('map-observer');

/**
 * Something outside the product that wants each map created below it: test routes (to drive the
 * real map) and benchmark routes (to time it). The product itself never sets one.
 */
export type MapObserver = (map: MapLibreMap) => void;

export function observeMaps(observer: MapObserver): void {
  setContext(OBSERVER_KEY, observer);
}

export function mapObserver(): MapObserver | undefined {
  return getContext<MapObserver | undefined>(OBSERVER_KEY);
}
