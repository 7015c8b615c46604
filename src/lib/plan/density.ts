/**
 * Output density (亿元/km²) and where it stands against the plan's target. Pure.
 *
 * density = output ÷ area, for a feature with an output figure (`measure: 'output'`) and a
 * published area. A missing figure is "no data", never zero; an area of zero or below is refused.
 * Each density keeps its output's year and kind (a published figure or a planned target) and the
 * area's basis: the target of 80 亿元/km² (001 L265-270) counts supplied industrial land
 * (已供应工业用地), while a park's published area is its whole area, so the two are not the same
 * measure and the card says which one a figure uses.
 */
import type { Figure } from './model.ts';

/** The 2025 target for industrial parks, 亿元/km² (001 L265-270, indicator 5). */
export const DENSITY_TARGET = 80;

/**
 * Tiers against the target: "near" is within 20 % below it. Stated on the legend, so a reader
 * knows that 70 is near and 60 is well below.
 */
export const DENSITY_TIERS = [
  { id: 'below', min: 0, max: 0.8 * DENSITY_TARGET },
  { id: 'near', min: 0.8 * DENSITY_TARGET, max: DENSITY_TARGET },
  { id: 'above', min: DENSITY_TARGET, max: Infinity },
] as const;
/**
 * A density over a whole zone, new town or district (临港新片区 2021: 2550 亿元 over 873 km², islands
 * and non-industrial land included) keeps its value and basis but is not set against the park
 * target: it is "not comparable", never "well below".
 */
export type DensityTier = (typeof DENSITY_TIERS)[number]['id'] | 'not-comparable';

/** One colour per tier, from a colour-blind-safe diverging scale (PuOr); no data is grey. */
export const DENSITY_COLOURS: Record<DensityTier | 'none', string> = {
  below: '#e66101',
  near: '#fdb863',
  above: '#5e3c99',
  // a cool slate: apart from the diverging tiers and from no data's grey
  'not-comparable': '#3f7f93',
  none: '#9a9a9a',
};

/** Output in 亿元 for the units the sources use; null for a unit that is not money output. */
export function outputIn100m(value: number, unit: string): number | null {
  const factor: Record<string, number> = { 亿元: 1, 万亿元: 10_000, 万元: 1e-4 };
  return unit in factor ? value * factor[unit]! : null;
}

/** Area in km² for the units the sources use (1 亩 = 666.67 m²); null for an unknown unit. */
export function areaInKm2(value: number, unit: string): number | null {
  const factor: Record<string, number> = { 'km²': 1, 平方公里: 1, 公顷: 0.01, 亩: 1 / 1500, 'm²': 1e-6, 平方米: 1e-6 };
  return unit in factor ? value * factor[unit]! : null;
}

export type NoDataReason = 'no-output' | 'no-area' | 'zero-area' | 'unit';

export interface Density {
  /** 亿元/km², one decimal. */
  value: number;
  tier: DensityTier;
  /** The output figure's year and kind: a target gives a planned density, not an achieved one. */
  year: number;
  planned: boolean;
  basis: 'whole-area' | 'industrial-land' | 'zone-area';
  output: Figure;
  area: Figure;
}

export type DensityResult = { status: 'ok'; density: Density } | { status: 'no-data'; reason: NoDataReason };

export const round1 = (x: number): number => Math.round(x * 10) / 10;

export function densityTier(value: number): Exclude<DensityTier, 'not-comparable'> {
  return DENSITY_TIERS.find((t) => value >= t.min && value < t.max)?.id ?? 'below';
}

/** The density of one output figure over one area figure. */
export function densityOf(output: Figure, area: Figure): DensityResult {
  if (output.value === null) return { status: 'no-data', reason: 'no-output' };
  if (area.value === null) return { status: 'no-data', reason: 'no-area' };
  const money = outputIn100m(output.value, output.unit);
  const km2 = areaInKm2(area.value, area.unit);
  if (money === null || km2 === null) return { status: 'no-data', reason: 'unit' };
  if (!(km2 > 0)) return { status: 'no-data', reason: 'zero-area' };
  const value = round1(money / km2);
  const basis = area.land_basis ?? 'whole-area';
  return {
    status: 'ok',
    density: {
      value,
      tier: basis === 'zone-area' ? 'not-comparable' : densityTier(value),
      year: output.year,
      planned: output.kind === 'target',
      basis,
      output,
      area,
    },
  };
}

interface WithFigures {
  figures: readonly Figure[];
  area?: Figure | undefined;
}

/** Every density a feature's figures give, achieved ones first, newest first, then targets by year. */
export function featureDensities(feature: WithFigures): DensityResult[] {
  const outputs = feature.figures.filter((f) => f.measure === 'output');
  if (outputs.length === 0) return [{ status: 'no-data', reason: 'no-output' }];
  if (!feature.area) return [{ status: 'no-data', reason: 'no-area' }];
  const ordered = [...outputs].sort((a, b) => {
    const planned = Number(a.kind === 'target') - Number(b.kind === 'target');
    if (planned !== 0) return planned;
    return a.kind === 'target' ? a.year - b.year : b.year - a.year;
  });
  return ordered.map((o) => densityOf(o, feature.area!));
}

/**
 * The density the map shows for a feature: the newest achieved one, else the nearest target.
 * No data when the feature has no output figure or no usable area.
 */
export function primaryDensity(feature: WithFigures): DensityResult {
  const all = featureDensities(feature);
  return all.find((d) => d.status === 'ok') ?? all[0]!;
}

/**
 * 001 L1333-1335 asks for 3–5 千亿级 and 5–8 五百亿级 parks by 2025. A park's scale tier, where
 * an output figure supports one (planned when the figure is a target); null below 500 亿元.
 */
export function parkScaleTier(output: Figure): { tier: '千亿级' | '五百亿级'; planned: boolean } | null {
  if (output.value === null || output.measure !== 'output') return null;
  const money = outputIn100m(output.value, output.unit);
  if (money === null) return null;
  const planned = output.kind === 'target';
  if (money >= 1000) return { tier: '千亿级', planned };
  if (money >= 500) return { tier: '五百亿级', planned };
  return null;
}

/** How many features have a density, by tier, and how many have none (never counted as zero). */
export function densityTally(items: readonly { density: { tier: DensityTier } | null }[]): Record<DensityTier | 'none', number> {
  const tally = { below: 0, near: 0, above: 0, 'not-comparable': 0, none: 0 };
  for (const item of items) tally[item.density?.tier ?? 'none'] += 1;
  return tally;
}

/** 3D columns: metres of height per 亿元/km² (80 → 8 km, tall enough to read at city scale). */
export const METRES_PER_DENSITY_UNIT = 100;

export interface DensityColumn {
  id: string;
  position: [number, number];
  density: number;
  tier: DensityTier;
  planned: boolean;
  name: { zh: string; en: string };
  /** A park from the user's file: outlined in the imported green so it never passes for a sourced figure. */
  imported?: boolean;
}

interface Placeable {
  id: string;
  name: { zh: string; en: string };
  labelPoint: [number, number] | null;
  density: { value: number; tier: DensityTier; planned: boolean } | null;
}

/** The columns the 3D mode draws: features with a density and a place on the map; no data is not drawn. */
export function densityColumns(features: readonly Placeable[]): DensityColumn[] {
  return features
    .filter(
      (f): f is Placeable & { labelPoint: [number, number]; density: NonNullable<Placeable['density']> } =>
        f.labelPoint !== null && f.density !== null,
    )
    .map((f) => ({
      id: f.id,
      position: f.labelPoint,
      density: f.density.value,
      tier: f.density.tier,
      planned: f.density.planned,
      name: f.name,
    }));
}

/** "#e66101" → [230, 97, 1] (deck.gl takes colours as numbers). */
export function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
