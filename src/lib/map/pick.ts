/**
 * Which thing a click or hover means, from what the map rendered under the pointer. Pure over the
 * rendered features MapLibre returns, so the ranking is tested without a map.
 */
import { PLAN_LAYERS } from '../layers/registry.ts';
import type { Selection } from './selection.ts';

interface RenderedFeature {
  properties?: Record<string, unknown> | null;
}

/** The topmost plan feature among rendered hits, by registry order (later layers on top). */
export function pickPlan(hits: readonly RenderedFeature[]): Selection {
  const rank = (kind: unknown) => PLAN_LAYERS.findIndex((l) => (l.kinds as readonly unknown[]).includes(kind));
  const top = [...hits].sort((a, b) => rank(b.properties?.kind) - rank(a.properties?.kind))[0]?.properties;
  // a district's key-industry dot selects the district
  if (top?.role === 'mark' && typeof top.code === 'string') return { type: 'district', code: top.code };
  if (typeof top?.id === 'string') return { type: 'feature', id: top.id };
  return null;
}
