/** How feature kinds and precision levels read in the UI: keys of the one string table. */
import type { FeatureKind } from './model.ts';
import type { DensityTier } from './density.ts';
import type { Criterion, ExclusionReason } from './site-finder.ts';
import { t, type PlainStringKey } from '../i18n/strings.ts';
import type { Language } from '../i18n/language.ts';

/** Each density tier's words, and the order every legend lists them in (best first, no data last). */
export const TIER_LABEL: Record<DensityTier | 'none', PlainStringKey> = {
  above: 'tierAbove',
  near: 'tierNear',
  below: 'tierBelow',
  'not-comparable': 'tierNotComparable',
  none: 'tierNone',
};
export const TIER_ORDER = Object.keys(TIER_LABEL) as (DensityTier | 'none')[];

export const KIND_LABEL: Record<FeatureKind, PlainStringKey> = {
  pole: 'kind_pole',
  belt: 'kind_belt',
  'belt-member': 'kind_belt-member',
  'new-town': 'kind_new-town',
  'industrial-base': 'kind_industrial-base',
  'transformation-area': 'kind_transformation-area',
  'brand-park': 'kind_brand-park',
  'featured-park': 'kind_featured-park',
  'innovation-cluster': 'kind_innovation-cluster',
  'service-core': 'kind_service-core',
  'service-belt': 'kind_service-belt',
  'service-cluster': 'kind_service-cluster',
  'service-pole': 'kind_service-pole',
  'service-area': 'kind_service-area',
  'functional-zone': 'kind_functional-zone',
  'design-cluster': 'kind_design-cluster',
  'health-cluster': 'kind_health-cluster',
  'sports-base': 'kind_sports-base',
  'culture-base': 'kind_culture-base',
  'transport-hub': 'kind_transport-hub',
  facility: 'kind_facility',
};

export function kindLabel(kind: FeatureKind, language: Language): string {
  return t(language, KIND_LABEL[kind]);
}

export const PRECISION_LABEL = {
  surveyed: 'precision_surveyed',
  approximate: 'precision_approximate',
  schematic: 'precision_schematic',
} as const satisfies Record<string, PlainStringKey>;

/** "schematic (±3 km)" / "示意 (±3 km)": how a precision reads in the UI; an unknown level reads as itself. */
export function precisionLabel(p: { level: string; radius_km?: number | null } | null, language: Language): string {
  if (!p) return '';
  const level = p.level in PRECISION_LABEL ? t(language, PRECISION_LABEL[p.level as keyof typeof PRECISION_LABEL]) : p.level;
  return p.radius_km ? t(language, 'precisionWithRadius', { level, radius: p.radius_km }) : level;
}

/** The site finder's score parts and reasons for leaving a candidate out, as the page names them. */
export const CRITERION_LABEL: Record<Criterion, PlainStringKey> = {
  industry: 'crit_industry',
  area: 'crit_area',
  proximity: 'crit_proximity',
  designation: 'crit_designation',
  rail: 'crit_rail',
  road: 'crit_road',
};

export const EXCLUSION_LABEL: Record<ExclusionReason, PlainStringKey> = {
  industry: 'ex_industry',
  area: 'ex_area',
  distance: 'ex_distance',
  within: 'ex_within',
  'not-placed': 'ex_not-placed',
  metro: 'ex_metro',
  road: 'ex_road',
};
