/**
 * Profile pages' content: a park or layout feature, a district, an industry, each with what relates
 * to it. Pure: takes the built plan (and drawn shapes) and returns plain data the prerendered pages
 * print in full, so a profile reads the same with JavaScript off.
 */
import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import distance from '@turf/distance';
import type { DistrictProfile, FeatureKind, Industry, IndustryId, Name } from './model.ts';
import { INDUSTRY_IDS } from './vocabulary.ts';
import { reachedIndustries, linksWithMembers } from './rules.ts';
import type { BuiltFeature } from './model.ts';
import { DISTRICTS } from '../districts.ts';
import { featurePath } from './paths.ts';

export interface Link {
  id: string;
  name: Name;
  kind: FeatureKind;
  path: string;
}
const link = (f: BuiltFeature): Link => ({ id: f.id, name: f.name, kind: f.kind, path: featurePath(f) });

/** Kinds that hold other places: a feature "lies in" these when its point is inside their shape. */
const CONTAINERS: readonly FeatureKind[] = [
  'pole',
  'belt',
  'belt-member',
  'new-town',
  'service-core',
  'service-pole',
  'service-area',
  'functional-zone',
];

const isAreal = (g: Geometry | undefined): g is Polygon | MultiPolygon => !!g && (g.type === 'Polygon' || g.type === 'MultiPolygon');

export interface FeatureProfile {
  path: string;
  parent: Link | null;
  children: Link[];
  /** Layout units whose drawn shape contains this feature's point (schematic shapes: "lies in" is approximate). */
  within: Link[];
  /** For each of its 3+6 industries, the featured parks that share it. */
  sameIndustry: { industry: IndustryId; parks: Link[] }[];
  /** The nearest featured parks, by the distance between drawn points (places, not areas). */
  nearby: (Link & { distanceKm: number })[];
  /** For an area (a belt, the pole, a new town …): the featured parks whose point lies in its shape. */
  parksInside: Link[];
  /** For a belt or another unit with members: each member's industries in the plan's words. */
  memberIndustries: { member: Link; links: { industry: IndustryId; term_zh: string; basis: 'stated' | 'interpretive' }[] }[];
}

export function featureProfile(
  feature: BuiltFeature,
  all: readonly BuiltFeature[],
  shapes: ReadonlyMap<string, Geometry>,
  nearbyCount = 5,
): FeatureProfile {
  const byId = new Map(all.map((f) => [f.id, f]));
  const parent = feature.parent ? byId.get(feature.parent) : undefined;
  const point = feature.label_point;
  const isArea = CONTAINERS.includes(feature.kind);
  // its own members (children, or the parts its shape is the union of) are not places it lies in
  const members = new Set([
    ...all.filter((f) => f.parent === feature.id).map((f) => f.id),
    ...(feature.geometry.type === 'union' ? feature.geometry.of : []),
  ]);
  const within = point
    ? all
        .filter(
          (f) =>
            f.id !== feature.id &&
            !members.has(f.id) &&
            CONTAINERS.includes(f.kind) &&
            isAreal(shapes.get(f.id)) &&
            booleanPointInPolygon(point, shapes.get(f.id) as Polygon | MultiPolygon),
        )
        .map(link)
    : [];
  const ownShape = shapes.get(feature.id);
  const parks = all.filter((f) => f.kind === 'featured-park' && f.id !== feature.id);
  const ownIndustries = [...new Set(feature.industries.map((l) => l.industry))];
  const sameIndustry = INDUSTRY_IDS.filter((id) => ownIndustries.includes(id)).map((industry) => ({
    industry,
    parks: parks.filter((p) => p.industries.some((l) => l.industry === industry)).map(link),
  }));
  const nearby =
    point && !isArea
      ? parks
          .filter((p) => p.label_point)
          .map((p) => ({ ...link(p), distanceKm: Math.round(distance(point, p.label_point!, { units: 'kilometers' }) * 10) / 10 }))
          .sort((a, b) => a.distanceKm - b.distanceKm || a.id.localeCompare(b.id))
          .slice(0, nearbyCount)
      : [];
  const parksInside =
    isArea && isAreal(ownShape) ? parks.filter((p) => p.label_point && booleanPointInPolygon(p.label_point, ownShape)).map(link) : [];
  const memberFeatures = all.filter((f) => members.has(f.id));
  return {
    path: featurePath(feature),
    parent: parent ? link(parent) : null,
    children: memberFeatures.map(link),
    within,
    sameIndustry,
    nearby,
    parksInside,
    memberIndustries: memberFeatures
      .filter((m) => m.industries.length)
      .map((m) => ({ member: link(m), links: m.industries.map((l) => ({ industry: l.industry, term_zh: l.term_zh, basis: l.basis })) })),
  };
}

export interface DistrictPage {
  code: string;
  name: Name;
  profile: DistrictProfile | null;
  /** Plan features the sources place in this district, by kind. */
  features: Link[];
  belts: Link[];
}

export function districtPage(code: string, all: readonly BuiltFeature[], districts: readonly DistrictProfile[]): DistrictPage | null {
  const d = DISTRICTS.find((x) => x.code === code);
  if (!d) return null;
  const profile = districts.find((p) => p.code === code) ?? null;
  const byId = new Map(all.map((f) => [f.id, f]));
  return {
    code,
    name: d.name,
    profile,
    features: all.filter((f) => f.districts.includes(code)).map(link),
    belts: (profile?.belts ?? [])
      .map((id) => byId.get(id))
      .filter((f): f is BuiltFeature => !!f)
      .map(link),
  };
}

export interface IndustryPage {
  industry: Industry;
  /** Features that carry it (directly, or through a segment / member), with how the plan says so. */
  features: (Link & { basis: 'stated' | 'interpretive' | 'via-member'; terms: string[] })[];
  districts: { code: string; name: Name; terms: string[] }[];
}

export function industryPage(
  id: IndustryId,
  all: readonly BuiltFeature[],
  industries: readonly Industry[],
  districts: readonly DistrictProfile[],
): IndustryPage | null {
  const industry = industries.find((i) => i.id === id);
  if (!industry) return null;
  const features = all
    .filter((f) => reachedIndustries(linksWithMembers(f, all), industries).includes(id))
    .map((f) => {
      const own = f.industries.filter((l) => reachedIndustries([l], industries).includes(id));
      const basis = own.some((l) => l.basis === 'stated') ? 'stated' : own.length ? 'interpretive' : 'via-member';
      return { ...link(f), basis: basis as 'stated' | 'interpretive' | 'via-member', terms: [...new Set(own.map((l) => l.term_zh))] };
    });
  const districtRows = districts
    .filter((d) => reachedIndustries(d.industries, industries).includes(id))
    .map((d) => {
      const meta = DISTRICTS.find((x) => x.code === d.code)!;
      return {
        code: d.code,
        name: meta.name,
        terms: [...new Set(d.industries.filter((l) => reachedIndustries([l], industries).includes(id)).map((l) => l.term_zh))],
      };
    });
  return { industry, features, districts: districtRows };
}
