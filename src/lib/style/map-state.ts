/**
 * View state → what the map is told, as pure functions. The style is static; these values travel
 * to it through `setGlobalStateProperty` (filters and density colouring of the plan source) and
 * `setFeatureState` (selection, hover, highlighted districts).
 */
import type { IndustryId } from '../plan/model.ts';
import { INDUSTRY_IDS } from '../plan/vocabulary.ts';
import { DEFAULT_LAYERS, PLAN_LAYERS, TRANSPORT_LAYER_IDS } from '../layers/registry.ts';

/** The global-state values the plan layers read (names in plan-layers.ts GLOBAL_STATE). */
export interface MapGlobalState {
  industries: IndustryId[];
  /** Kinds whose registry layer is on, 'district' for the district key-industry marks. */
  kinds: string[];
  byDensity: boolean;
  /** Transport layers on (metro, stations, roads): their visibility, never a re-layout. */
  transport: string[];
}

export interface PlanViewState {
  layersOn: readonly string[];
  industries: readonly IndustryId[];
  byDensity: boolean;
}

/** In a fixed order (registry, 3+6), so equal views give equal values and MapLibre skips the update. */
export function mapGlobalState(view: PlanViewState): MapGlobalState {
  return {
    industries: INDUSTRY_IDS.filter((id) => view.industries.includes(id)),
    kinds: PLAN_LAYERS.filter((l) => view.layersOn.includes(l.id)).flatMap((l) => [...l.kinds]),
    byDensity: view.byDensity,
    transport: TRANSPORT_LAYER_IDS.filter((id) => view.layersOn.includes(id)),
  };
}

export const DEFAULT_MAP_STATE: MapGlobalState = mapGlobalState({ layersOn: DEFAULT_LAYERS, industries: [], byDensity: false });

/** The feature-state changes that take a set of flagged ids (selected, highlighted) from one set to the next. */
export function flagChanges(previous: Iterable<string>, next: Iterable<string>): { on: string[]; off: string[] } {
  const before = new Set(previous);
  const after = new Set(next);
  return { on: [...after].filter((id) => !before.has(id)), off: [...before].filter((id) => !after.has(id)) };
}
