/**
 * Summaries of the built plan data for the data page: counts by kind, the coverage tally and the
 * distinct published sources. Pure: takes the parsed plan.json.
 */
import type { Citation, CoverageRow, FeatureKind } from './model.ts';

export type CoverageRowLike = CoverageRow;

interface FeatureLike {
  kind: FeatureKind;
  drawn: boolean;
  precision: { level: string };
  cite: Citation[];
  unverified: unknown[];
  conflicts: unknown[];
}

export function countBy<T>(items: readonly T[], key: (t: T) => string): [string, number][] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts.entries()];
}

export function coverageTally(rows: readonly CoverageRowLike[]): Record<CoverageRowLike['status'], number> {
  const tally = { placed: 0, district: 0, citywide: 0, 'not-placed': 0 };
  for (const r of rows) tally[r.status] += 1;
  return tally;
}

/** Every distinct published source cited anywhere in `value`, sorted by date then title. */
export function publishedSources(value: unknown): Extract<Citation, { type: 'published' }>[] {
  const seen = new Map<string, Extract<Citation, { type: 'published' }>>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o.type === 'published' && typeof o.title === 'string') {
        seen.set(`${o.title}|${String(o.date)}`, o as unknown as Extract<Citation, { type: 'published' }>);
      } else Object.values(o).forEach(walk);
    }
  };
  walk(value);
  return [...seen.values()].sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title));
}

export function featureSummary(features: readonly FeatureLike[]) {
  return {
    total: features.length,
    drawn: features.filter((f) => f.drawn).length,
    byKind: countBy(features, (f) => f.kind),
    byPrecision: countBy(
      features.filter((f) => f.drawn),
      (f) => f.precision.level,
    ),
    withUnverified: features.filter((f) => f.unverified.length > 0).length,
    withConflicts: features.filter((f) => f.conflicts.length > 0).length,
  };
}
