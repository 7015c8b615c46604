/**
 * The compact index of plan features the map page ships with its HTML: enough to decode the URL,
 * filter, count, search and list; the full records (citations, figures) load when a card opens.
 */
import type { BuiltFeature, DistrictProfile, FeatureKind, IndustryId, Industry } from './model.ts';
import { linksWithMembers, reachedIndustries } from './rules.ts';
import { primaryDensity, type DensityTier } from './density.ts';

export interface FeatureIndexEntry {
  id: string;
  kind: FeatureKind;
  name: { zh: string; en: string };
  aliases: string[];
  districts: string[];
  industries: IndustryId[];
  reach: IndustryId[];
  precision: 'surveyed' | 'approximate' | 'schematic';
  drawn: boolean;
  labelPoint: [number, number] | null;
  areaKm2: number | null;
  /** The municipal featured-park batch a source gives (1–5), null when none does. */
  batch: number | null;
  /** The density the map shows (亿元/km²), or null: no data. */
  density: { value: number; tier: DensityTier; planned: boolean; year: number } | null;
  /** Straight-line km to the nearest metro station and expressway/elevated road; null: not computed. */
  access: { station: NamedKm | null; road: NamedKm | null; uncertaintyKm: number | null } | null;
}

export interface NamedKm {
  name: { zh: string; en: string };
  km: number;
}

export interface IndustryIndexEntry {
  id: IndustryId;
  name: { zh: string; en: string };
  group: 'leading' | 'key';
  colour: string;
}

export function featureIndex(features: readonly BuiltFeature[], industries: readonly Industry[]): FeatureIndexEntry[] {
  return features.map((f) => ({
    id: f.id,
    kind: f.kind,
    name: f.name,
    aliases: f.aliases,
    districts: f.districts,
    industries: [...new Set(f.industries.map((l) => l.industry))],
    reach: reachedIndustries(linksWithMembers(f, features), industries).sort(),
    precision: f.precision.level,
    drawn: f.drawn,
    labelPoint: f.label_point,
    areaKm2: f.area?.value ?? null,
    batch: f.designations.find((d) => d.programme === 'municipal-featured-park')?.batch ?? null,
    density: densitySummary(f),
    access: f.access
      ? {
          station: f.access.station && { name: f.access.station.name, km: f.access.station.km },
          road: f.access.road && { name: f.access.road.name, km: f.access.road.km },
          uncertaintyKm: f.access.uncertainty_km,
        }
      : null,
  }));
}

function densitySummary(f: BuiltFeature): FeatureIndexEntry['density'] {
  const d = primaryDensity(f);
  return d.status === 'ok' ? { value: d.density.value, tier: d.density.tier, planned: d.density.planned, year: d.density.year } : null;
}

export function industryIndex(industries: readonly Industry[]): IndustryIndexEntry[] {
  return industries.map((i) => ({ id: i.id, name: i.name, group: i.group, colour: i.colour }));
}

export interface DistrictIndexEntry {
  code: string;
  reach: IndustryId[];
}

export function districtIndex(districts: readonly DistrictProfile[], industries: readonly Industry[]): DistrictIndexEntry[] {
  return districts.map((d) => ({ code: d.code, reach: reachedIndustries(d.industries, industries).sort() }));
}

/** Codes of the districts whose key industries reach any chosen industry (none when none is chosen). */
export function districtsMatching(districts: readonly DistrictIndexEntry[], chosen: readonly IndustryId[]): string[] {
  if (chosen.length === 0) return [];
  return districts.filter((d) => d.reach.some((id) => chosen.includes(id))).map((d) => d.code);
}

/**
 * Whether a row with these stated industries shows under the chosen ones (every row when none is
 * chosen): the rule the plan's `reach` applies, for rows a user imported (parks, enterprises, their
 * 3D columns) that carry only the industries their file states.
 */
export function reachesChosen(
  stated: readonly IndustryId[],
  chosen: readonly IndustryId[],
  reach: Readonly<Record<IndustryId, readonly IndustryId[]>>,
): boolean {
  return chosen.length === 0 || stated.some((i) => reach[i].some((r) => chosen.includes(r)));
}

/** For each 3+6 industry, the industries a filter on it reaches (itself, and 电子信息 for 集成电路 …). */
export function industryReachMap(industries: readonly Industry[]): Record<IndustryId, IndustryId[]> {
  return Object.fromEntries(industries.map((i) => [i.id, reachedIndustries([{ industry: i.id }], industries).sort()])) as Record<
    IndustryId,
    IndustryId[]
  >;
}
