/**
 * What the profile pages read at build time: the built plan, the drawn shapes and the small-map
 * backdrop, read once per build (a hundred pages share them).
 */
import type { Geometry } from 'geojson';
import centroid from '@turf/centroid';
import { framePoint, outlinePath } from '$lib/plan/compare';
import type { BuiltFeature } from '$lib/plan/model';
import { shapeIndex } from '$lib/plan/shapes';
import { industryIndex } from '$lib/plan/feature-index';
import { districtPage, featureProfile, industryPage } from '$lib/plan/profile';
import { industryFromSlug } from '$lib/plan/paths';
import { zoomForFeature } from '$lib/plan/rules';
import { layerForKind } from '$lib/layers/registry';
import { readBuiltGeojson, readBuiltPlan } from './plan-data';
import { readBuiltIntegration } from './integration';
import { industryIntegration } from '$lib/plan/integration';
import type { IntegrationDoc } from '$lib/plan/vocabulary';
import type { Name } from '$lib/plan/model';
import type { BuiltPlan } from '$lib/plan/model';

export interface ProfileSources {
  plan: BuiltPlan;
  features: readonly BuiltFeature[];
  shapes: Map<string, Geometry>;
  districtShapes: Map<string, Geometry>;
  /** The districts drawn behind every small map, as one SVG path. */
  backdrop: string;
}

let cached: ProfileSources | null = null;

export function profileSources(): ProfileSources {
  if (cached) return cached;
  const plan = readBuiltPlan();
  const districtsGeo = readBuiltGeojson('districts.geojson');
  cached = {
    plan,
    features: plan.features,
    shapes: shapeIndex(readBuiltGeojson('plan.geojson'), 'id', 'shape'),
    districtShapes: shapeIndex(districtsGeo, 'code'),
    backdrop: districtsGeo.features.map((f) => outlinePath(f.geometry, 0.006)).join(''),
  };
  return cached;
}

/** Everything a park or layout profile page prints; null when no feature has this id (→ 404). */
export function featurePageData(id: string, parks: boolean) {
  const src = profileSources();
  const feature = src.features.find((f) => f.id === id && (f.kind === 'featured-park') === parks);
  if (!feature) return null;
  const shape = src.shapes.get(feature.id) ?? null;
  return {
    feature,
    industries: industryIndex(src.plan.industries),
    stationCount: src.plan.transport.stations,
    related: featureProfile(feature, src.features, src.shapes),
    backdrop: src.backdrop,
    outline: outlinePath(shape, 0.002),
    marker: feature.label_point ? framePoint(feature.label_point) : null,
    // one step out from where search lands: the profile map shows the feature in its context
    zoom: zoomForFeature(feature.kind, feature.area?.value ?? null) - 1.5,
    layer: layerForKind(feature.kind)?.id ?? null,
    // the brief's date without JavaScript: when this page was generated from the data
    generatedOn: new Date().toISOString().slice(0, 10),
  };
}

export function featureIds(parks: boolean): string[] {
  return profileSources()
    .features.filter((f) => (f.kind === 'featured-park') === parks)
    .map((f) => f.id);
}

export function districtPageData(code: string) {
  const src = profileSources();
  const page = districtPage(code, src.features, src.plan.districts);
  if (!page) return null;
  const shape = src.districtShapes.get(code) ?? null;
  return { page, industries: industryIndex(src.plan.industries), backdrop: src.backdrop, outline: outlinePath(shape, 0.002) };
}

export function industryPageData(slug: string) {
  const src = profileSources();
  const id = industryFromSlug(slug);
  const page = id ? industryPage(id, src.features, src.plan.industries, src.plan.districts) : null;
  if (!page) return null;
  const integration = readBuiltIntegration();
  return {
    page,
    industries: industryIndex(src.plan.industries),
    integration: industryIntegration(integration, src.plan.modes, page.industry.id),
    regions: Object.fromEntries(integration.documents.map((d) => [d.doc, d.region])) as Record<IntegrationDoc, Name>,
  };
}

/** Each district's centre (a location for "a district" in the finder and for imported rows without coordinates). */
export function districtCentres(): Record<string, [number, number]> {
  return Object.fromEntries(
    [...profileSources().districtShapes].map(([code, g]) => [
      code,
      centroid(g).geometry.coordinates.map((x) => Math.round(x * 1e5) / 1e5) as [number, number],
    ]),
  );
}
