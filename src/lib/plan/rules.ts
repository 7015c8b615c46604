/**
 * Rules over the plan model: pure functions, no DOM, no network. The filter, the counts and every
 * later view use these, so the behaviour is specified once, in tests/unit/plan-rules.test.ts.
 */
import type { GeometrySpec, Industry, IndustryId, IndustryLink } from './model.ts';

/**
 * The industries a selection reaches. 001 makes 集成电路 a segment of 电子信息 and 生物医药 a
 * segment of 生命健康: choosing 电子信息 therefore also reaches what is linked to 集成电路, and
 * choosing 集成电路 reaches a 电子信息 link whose segment is 集成电路.
 */
export function linkMatches(
  link: Pick<IndustryLink, 'industry' | 'segment'>,
  selected: ReadonlySet<IndustryId>,
  industries: readonly Industry[],
): boolean {
  if (selected.has(link.industry)) return true;
  for (const industry of industries) {
    if (!selected.has(industry.id)) continue;
    if (industry.segments.some((s) => s.same_as === link.industry)) return true;
  }
  if (link.segment) {
    const parent = industries.find((i) => i.id === link.industry);
    const segment = parent?.segments.find((s) => s.id === link.segment);
    if (segment?.same_as && selected.has(segment.same_as)) return true;
  }
  return false;
}

/** Whether a feature carrying `links` passes an industry filter; an empty selection passes all. */
export function matchesIndustries(
  links: readonly Pick<IndustryLink, 'industry' | 'segment'>[],
  selected: ReadonlySet<IndustryId>,
  industries: readonly Industry[],
): boolean {
  if (selected.size === 0) return true;
  return links.some((l) => linkMatches(l, selected, industries));
}

/** The 3+6 ids a set of links reaches, including the parents named by same_as (IC → EI, BIO → LH). */
export function reachedIndustries(
  links: readonly Pick<IndustryLink, 'industry' | 'segment'>[],
  industries: readonly Industry[],
): IndustryId[] {
  const out = new Set<IndustryId>();
  for (const l of links) {
    out.add(l.industry);
    for (const i of industries) if (i.segments.some((s) => s.same_as === l.industry)) out.add(i.id);
    const seg = industries.find((i) => i.id === l.industry)?.segments.find((s) => s.id === l.segment);
    if (seg?.same_as) out.add(seg.same_as);
  }
  return [...out];
}

export type Bounds = [[number, number], [number, number]];

interface Countable {
  kind: string;
  reach: readonly IndustryId[];
  labelPoint: readonly [number, number] | null;
}

/**
 * For each industry, how many features on the visible layers lie in view (by their label point)
 * and reach it. `kindsOn` are the feature kinds of the visible layers.
 */
export function countsInView(
  features: readonly Countable[],
  kindsOn: ReadonlySet<string>,
  bounds: Bounds | null,
  ids: readonly IndustryId[],
): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(ids.map((id) => [id, 0]));
  for (const f of features) {
    if (!kindsOn.has(f.kind) || !f.labelPoint) continue;
    if (bounds) {
      const [[w, s], [e, n]] = bounds;
      const [x, y] = f.labelPoint;
      if (x < w || x > e || y < s || y > n) continue;
    }
    for (const id of f.reach) if (id in counts) counts[id] = (counts[id] ?? 0) + 1;
  }
  return counts;
}

interface WithLinks {
  id: string;
  kind: string;
  geometry: GeometrySpec;
  industries: IndustryLink[];
}

/** The links a feature carries for filtering: a belt also carries its member areas' (001 names industries per member). */
export function linksWithMembers(feature: WithLinks, all: readonly WithLinks[]): IndustryLink[] {
  const spec = feature.geometry;
  if (feature.kind !== 'belt' || spec.type !== 'union') return feature.industries;
  return [...feature.industries, ...all.filter((m) => spec.of.includes(m.id)).flatMap((m) => m.industries)];
}

/** Zoom to show a feature chosen from search: the whole of a belt or pole, a park up close. */
export function zoomForFeature(kind: string, areaKm2: number | null): number {
  if (['belt', 'pole', 'service-pole', 'service-belt'].includes(kind)) return 9;
  return areaKm2 !== null && areaKm2 > 50 ? 10 : 12;
}

/** The layers on after choosing a feature: its own layer turned on, the others as they were, in registry order. */
export function layersWith(layersOn: readonly string[], layerId: string | undefined, order: readonly string[]): string[] {
  if (!layerId || layersOn.includes(layerId)) return [...layersOn];
  return order.filter((id) => id === layerId || layersOn.includes(id));
}
