/** Loads the full plan data (plan.json) once per page, from the app's own origin. */
import { base } from '$app/paths';
import type { Figure, Industry, PlanFeature } from './model.ts';

export type FullFeature = PlanFeature & { drawn_area_km2: number | null; drawn: boolean; label_point: [number, number] | null };
export interface FullPlan {
  features: FullFeature[];
  industries: Industry[];
  density: { target: Figure; baselines: Figure[] };
}

let pending: Promise<FullPlan> | null = null;

export function loadPlan(fetcher: typeof fetch = fetch): Promise<FullPlan> {
  pending ??= fetcher(`${base}/data/plan.json`).then((r) => {
    if (!r.ok) throw new Error(`plan.json: HTTP ${r.status}`);
    return r.json() as Promise<FullPlan>;
  });
  return pending;
}
