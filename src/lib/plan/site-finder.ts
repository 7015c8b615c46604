/**
 * The site finder's rule: which parks and layout areas fit a project, ranked by a transparent score.
 * Pure, so the page, the exports and the tests compute the same thing.
 *
 * Filters (a candidate failing one is left out, with the reason counted):
 *   - industries: it must carry one of the chosen 3+6 industries or segments (parents and members
 *     included, as the map's filter counts them);
 *   - minimum area: a published area below it excludes; an unknown area does not (flagged instead);
 *   - location: within the radius of the chosen point (a click, or a district's centre);
 *   - within: its point inside the chosen belt, new town or the pole;
 *   - metro within X km / expressway within X km: its nearest metro station / expressway or
 *     elevated road (straight line, computed by the geodata build, src/lib/plan/access.ts) no farther.
 *     A candidate whose access is unknown (not located, or imported) is kept and flagged, as an
 *     unknown area is. The station set is incomplete, so a station distance is an upper bound.
 *
 * Score, out of the criteria that apply (each shown with its points):
 *   industry     50  the plan states the industry (or segment); 35 when we inferred it from the plan's wording
 *   area         25  × min(1, area ÷ 10 km²); 0 with an unknown area
 *   proximity    15  × (1 − distance ÷ radius), only when a location is chosen
 *   designation  10  a municipal featured park (特色产业园区); 0 otherwise
 *   rail         10  × (1 − station km ÷ X), only when "metro within X km" is set; 0 when unknown
 *   road         10  × (1 − expressway km ÷ X), only when "expressway within X km" is set; 0 when unknown
 * Ties: higher score first, then nearer (unknown distance last), then larger known area, then id.
 */
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import distance from '@turf/distance';
import circle from '@turf/circle';
import type { Citation, IndustryId } from './model.ts';
import { formatCitation } from './citation.ts';
import { toCsv } from '../formats/csv.ts';

export const WEIGHTS = { industry: 50, area: 25, proximity: 15, designation: 10, rail: 10, road: 10 } as const;
/** The range a user may ask for in "metro / expressway within X km". */
export const ACCESS_LIMITS_KM = [0.5, 30] as const;
export const FULL_AREA_KM2 = 10;
export const INFERRED_SHARE = 0.7;
export const DEFAULT_RADIUS_KM = 20;

export type Criterion = keyof typeof WEIGHTS;

export interface CandidateLink {
  industry: IndustryId;
  segment?: string | undefined;
  basis: 'stated' | 'interpretive';
  /** Industries this link reaches beyond its own (集成电路 → 电子信息): from the plan's segment tree. */
  reach: IndustryId[];
}

export interface Candidate {
  id: string;
  name: { zh: string; en: string };
  kind: string;
  /** 'plan' for the project's data; 'imported' for rows a user loaded in the browser. */
  origin: 'plan' | 'imported';
  point: [number, number] | null;
  areaKm2: number | null;
  links: CandidateLink[];
  designated: boolean;
  districts: string[];
  precision: string;
  /** Its sources, as the UI and the exports print them. */
  sources: string;
  /** Straight-line km to the nearest metro station and expressway/elevated road; null: unknown. */
  access: { stationKm: number | null; roadKm: number | null } | null;
}

export interface FinderQuery {
  industries: IndustryId[];
  segments: string[];
  minAreaKm2: number | null;
  radiusKm: number;
  /** "Metro within X km": the nearest station at most this far; null: no criterion. */
  metroKm: number | null;
  /** "Expressway within X km": the nearest expressway or elevated road at most this far; null: none. */
  roadKm: number | null;
}

export interface FinderPlace {
  /** The centre the radius is measured from (a clicked point or a district's centre), or none. */
  centre: [number, number] | null;
  /** The shape of the chosen belt / new town / pole, or none. */
  within: Polygon | MultiPolygon | null;
}

export interface Contribution {
  criterion: Criterion;
  points: number;
  max: number;
  /** What earned the points, in data terms (the UI words it). */
  detail: string;
}

/** A result's score as a stacked bar: each part placed after the ones before it, on a 0…maxScore axis. */
export function scoreBar(contributions: readonly Contribution[]): { criterion: Criterion; x: number; points: number }[] {
  let x = 0;
  return contributions.map(({ criterion, points }) => {
    const part = { criterion, x, points };
    x += points;
    return part;
  });
}

export interface Ranked {
  candidate: Candidate;
  rank: number;
  score: number;
  maxScore: number;
  contributions: Contribution[];
  distanceKm: number | null;
  matched: IndustryId[];
  flags: ('area-unknown' | 'inferred-only' | 'access-unknown')[];
}

export type ExclusionReason = 'industry' | 'area' | 'distance' | 'within' | 'not-placed' | 'metro' | 'road';

const round1 = (x: number) => Math.round(x * 10) / 10;

function industryFit(c: Candidate, q: FinderQuery): { basis: 'stated' | 'interpretive'; matched: IndustryId[] } | null {
  const hits = c.links.filter(
    (l) =>
      q.industries.includes(l.industry) ||
      l.reach.some((r) => q.industries.includes(r)) ||
      (l.segment !== undefined && q.segments.includes(l.segment)),
  );
  if (hits.length === 0) return null;
  const matched = [
    ...new Set(
      hits.flatMap((l) => [l.industry, ...l.reach]).filter((id) => q.industries.includes(id) || hits.some((h) => h.industry === id)),
    ),
  ];
  return { basis: hits.some((l) => l.basis === 'stated') ? 'stated' : 'interpretive', matched };
}

export function rankSites(
  candidates: readonly Candidate[],
  query: FinderQuery,
  place: FinderPlace,
): { results: Ranked[]; excluded: Record<ExclusionReason, number> } {
  const excluded: Record<ExclusionReason, number> = { industry: 0, area: 0, distance: 0, within: 0, 'not-placed': 0, metro: 0, road: 0 };
  const industryOn = query.industries.length > 0 || query.segments.length > 0;
  const scored: Omit<Ranked, 'rank'>[] = [];
  for (const c of candidates) {
    const fit = industryOn ? industryFit(c, query) : null;
    if (industryOn && !fit) {
      excluded.industry++;
      continue;
    }
    if (query.minAreaKm2 !== null && c.areaKm2 !== null && c.areaKm2 < query.minAreaKm2) {
      excluded.area++;
      continue;
    }
    if ((place.centre || place.within) && !c.point) {
      excluded['not-placed']++;
      continue;
    }
    const distanceKm = place.centre && c.point ? round1(distance(place.centre, c.point, { units: 'kilometers' })) : null;
    if (distanceKm !== null && distanceKm > query.radiusKm) {
      excluded.distance++;
      continue;
    }
    if (place.within && c.point && !booleanPointInPolygon(c.point, place.within)) {
      excluded.within++;
      continue;
    }
    const stationKm = c.access?.stationKm ?? null;
    const roadKm = c.access?.roadKm ?? null;
    if (query.metroKm !== null && stationKm !== null && stationKm > query.metroKm) {
      excluded.metro++;
      continue;
    }
    if (query.roadKm !== null && roadKm !== null && roadKm > query.roadKm) {
      excluded.road++;
      continue;
    }
    const contributions: Contribution[] = [];
    if (industryOn) {
      const points = fit!.basis === 'stated' ? WEIGHTS.industry : WEIGHTS.industry * INFERRED_SHARE;
      contributions.push({ criterion: 'industry', points, max: WEIGHTS.industry, detail: `${fit!.basis}: ${fit!.matched.join(',')}` });
    }
    contributions.push({
      criterion: 'area',
      points: c.areaKm2 === null ? 0 : round1(WEIGHTS.area * Math.min(1, c.areaKm2 / FULL_AREA_KM2)),
      max: WEIGHTS.area,
      detail: c.areaKm2 === null ? 'unknown' : `${c.areaKm2} km²`,
    });
    if (place.centre) {
      contributions.push({
        criterion: 'proximity',
        points: round1(WEIGHTS.proximity * (1 - distanceKm! / query.radiusKm)),
        max: WEIGHTS.proximity,
        detail: `${distanceKm} km`,
      });
    }
    contributions.push({
      criterion: 'designation',
      points: c.designated ? WEIGHTS.designation : 0,
      max: WEIGHTS.designation,
      detail: c.designated ? 'municipal-featured-park' : 'none',
    });
    const accessPart = (criterion: 'rail' | 'road', km: number | null, limit: number | null) => {
      if (limit === null) return;
      contributions.push({
        criterion,
        points: km === null ? 0 : round1(WEIGHTS[criterion] * (1 - km / limit)),
        max: WEIGHTS[criterion],
        detail: km === null ? 'unknown' : `${km} km`,
      });
    };
    accessPart('rail', stationKm, query.metroKm);
    accessPart('road', roadKm, query.roadKm);
    const flags: Ranked['flags'] = [];
    if (c.areaKm2 === null) flags.push('area-unknown');
    if ((query.metroKm !== null && stationKm === null) || (query.roadKm !== null && roadKm === null)) flags.push('access-unknown');
    if (fit?.basis === 'interpretive') flags.push('inferred-only');
    scored.push({
      candidate: c,
      score: round1(contributions.reduce((a, x) => a + x.points, 0)),
      maxScore: contributions.reduce((a, x) => a + x.max, 0),
      contributions,
      distanceKm,
      matched: fit?.matched ?? [],
      flags,
    });
  }
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) ||
      (b.candidate.areaKm2 ?? -1) - (a.candidate.areaKm2 ?? -1) ||
      a.candidate.id.localeCompare(b.candidate.id),
  );
  return { results: scored.map((r, i) => ({ ...r, rank: i + 1 })), excluded };
}

// ── Candidates from the plan data ─────────────────────────────────────────────────────────────

/** What the finder offers: parks and the layout areas a project could land in. */
export const CANDIDATE_KINDS = ['featured-park', 'industrial-base', 'brand-park', 'transformation-area', 'new-town'] as const;

interface PlanLike {
  id: string;
  kind: string;
  name: { zh: string; en: string };
  label_point: [number, number] | null;
  area?: { value: number | null } | undefined;
  industries: { industry: IndustryId; segment?: string | undefined; basis: 'stated' | 'interpretive' }[];
  designations: { programme: string }[];
  districts: string[];
  precision: { level: string; radius_km?: number | undefined };
  cite: Citation[];
  access: { station: { km: number } | null; road: { km: number } | null } | null;
}

export function planCandidates(
  features: readonly PlanLike[],
  reach: (link: { industry: IndustryId; segment?: string | undefined }) => IndustryId[],
): Candidate[] {
  return features
    .filter((f) => (CANDIDATE_KINDS as readonly string[]).includes(f.kind))
    .map((f) => ({
      id: f.id,
      name: f.name,
      kind: f.kind,
      origin: 'plan' as const,
      point: f.label_point,
      areaKm2: f.area?.value ?? null,
      links: f.industries.map((l) => ({
        industry: l.industry,
        segment: l.segment,
        basis: l.basis,
        reach: reach(l).filter((id) => id !== l.industry),
      })),
      designated: f.designations.some((d) => d.programme === 'municipal-featured-park'),
      districts: f.districts,
      precision: `${f.precision.level}${f.precision.radius_km ? ` ±${f.precision.radius_km} km` : ''}`,
      sources: f.cite.map((c) => formatCitation(c, 'zh')).join('; '),
      access: f.access ? { stationKm: f.access.station?.km ?? null, roadKm: f.access.road?.km ?? null } : null,
    }));
}

// ── Exports: CSV and GeoJSON with the score, its parts and the sources ─────────────────────────

export function resultsTable(results: readonly Ranked[]): (string | number | null)[][] {
  const header = [
    'rank',
    'id',
    'name_zh',
    'name_en',
    'kind',
    'origin',
    'score',
    'max_score',
    ...Object.keys(WEIGHTS).map((c) => `points_${c}`),
    'distance_km',
    'nearest_station_km',
    'nearest_expressway_km',
    'area_km2',
    'matched_industries',
    'districts',
    'lon',
    'lat',
    'precision',
    'flags',
    'sources',
  ];
  const rows = results.map((r) => [
    r.rank,
    r.candidate.id,
    r.candidate.name.zh,
    r.candidate.name.en,
    r.candidate.kind,
    r.candidate.origin,
    r.score,
    r.maxScore,
    ...(Object.keys(WEIGHTS) as Criterion[]).map((c) => r.contributions.find((x) => x.criterion === c)?.points ?? null),
    r.distanceKm,
    r.candidate.access?.stationKm ?? null,
    r.candidate.access?.roadKm ?? null,
    r.candidate.areaKm2,
    r.matched.join(';'),
    r.candidate.districts.join(';'),
    r.candidate.point?.[0] ?? null,
    r.candidate.point?.[1] ?? null,
    r.candidate.precision,
    r.flags.join(';'),
    r.candidate.sources,
  ]);
  return [header, ...rows];
}

export function resultsCsv(results: readonly Ranked[]): string {
  return toCsv(resultsTable(results));
}

/** Points at each candidate's drawn point (their precision is a property), with the score's parts. */
export function resultsGeojson(results: readonly Ranked[], query: FinderQuery): FeatureCollection<Point | null> {
  return {
    type: 'FeatureCollection',
    features: results.map((r) => ({
      type: 'Feature',
      id: r.candidate.id,
      geometry: r.candidate.point ? { type: 'Point', coordinates: r.candidate.point } : null,
      properties: {
        rank: r.rank,
        id: r.candidate.id,
        name_zh: r.candidate.name.zh,
        name_en: r.candidate.name.en,
        kind: r.candidate.kind,
        origin: r.candidate.origin,
        score: r.score,
        max_score: r.maxScore,
        contributions: r.contributions,
        distance_km: r.distanceKm,
        nearest_station_km: r.candidate.access?.stationKm ?? null,
        nearest_expressway_km: r.candidate.access?.roadKm ?? null,
        area_km2: r.candidate.areaKm2,
        matched_industries: r.matched,
        precision: r.candidate.precision,
        flags: r.flags,
        sources: r.candidate.sources,
      },
    })),
    // RFC 7946 allows foreign members: the query that produced the ranking travels with it.
    ...({ query } as object),
  } as FeatureCollection<Point | null>;
}

/** What the map draws for a search: the area searched (turf circle), its centre and the numbered results. */
export function finderOverlay(
  results: readonly Ranked[],
  centre: [number, number] | null,
  radiusKm: number,
  selected: string | null,
): FeatureCollection {
  const features: FeatureCollection['features'] = [];
  if (centre) {
    features.push({ ...circle(centre, radiusKm, { steps: 96, units: 'kilometers' }), properties: { role: 'search-area' } });
    features.push({ type: 'Feature', properties: { role: 'centre' }, geometry: { type: 'Point', coordinates: centre } });
  }
  // drawn last-ranked first, so the best sit on top where they overlap
  for (const r of [...results].reverse()) {
    if (!r.candidate.point) continue;
    features.push({
      type: 'Feature',
      properties: { role: 'result', id: r.candidate.id, rank: r.rank, selected: r.candidate.id === selected },
      geometry: { type: 'Point', coordinates: r.candidate.point },
    });
  }
  return { type: 'FeatureCollection', features };
}

/** A map view that frames the search circle: centred on it, zoomed so the radius fits (20 km ≈ zoom 9.6). */
export function viewForSearch(
  centre: [number, number] | null,
  radiusKm: number,
): { center: [number, number]; zoom: number; bearing: number; pitch: number } | null {
  if (!centre) return null;
  return { center: centre, zoom: Math.max(7, Math.min(13, 9.6 - Math.log2(radiusKm / 20))), bearing: 0, pitch: 0 };
}
