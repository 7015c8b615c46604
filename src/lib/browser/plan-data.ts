/**
 * The full plan data in the browser (plan.json for cards and exports, plan.geojson for shape
 * exports), fetched once per page from the app's own origin. A failed fetch is not remembered: the
 * caller shows its message, and the next attempt (a retry button, the next card) fetches again.
 */
import { base } from '$app/paths';
import type { FeatureCollection } from 'geojson';
import type { BuiltPlan } from '../plan/model.ts';

function once<T>(file: string): (fetcher?: typeof fetch) => Promise<T> {
  let pending: Promise<T> | null = null;
  return (fetcher = fetch) => {
    pending ??= fetcher(`${base}/data/${file}`)
      .then((r) => {
        if (!r.ok) throw new Error(`${file}: HTTP ${r.status}`);
        return r.json() as Promise<T>;
      })
      .catch((err: unknown) => {
        pending = null;
        throw err;
      });
    return pending;
  };
}

export const loadPlan = once<BuiltPlan>('plan.json');
export const loadPlanGeojson = once<FeatureCollection>('plan.geojson');
