/**
 * Exports of the features the map shows now (after layers and the 3+6 filter): GeoJSON with their
 * drawn geometry, and CSV with a label point, each row with its precision and citations, so a file
 * that leaves the app still says where every figure comes from and how exact each shape is.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { PlanFeature } from './model.ts';
import type { Access } from './access.ts';
import { formatCitation } from './citation.ts';
import { toCsv } from '../formats/csv.ts';
import { districtName } from '../districts.ts';

type Exportable = PlanFeature & { label_point: [number, number] | null; access?: Access | null; clipped_to_land?: boolean };

const districtNames = (codes: readonly string[]) => codes.map((c) => districtName(c, 'zh')).join(';');

function properties(f: Exportable, industryName: (id: string) => string) {
  return {
    id: f.id,
    kind: f.kind,
    name_zh: f.name.zh,
    name_en: f.name.en,
    districts: districtNames(f.districts),
    industries: [...new Set(f.industries.map((l) => industryName(l.industry)))].join(';'),
    industry_terms: [...new Set(f.industries.map((l) => `${l.term_zh} (${l.basis === 'stated' ? '规划明确' : '推断'})`))].join(';'),
    area_km2: f.area?.value ?? null,
    area_source: f.area ? f.area.cite.map((c) => formatCitation(c, 'zh')).join('; ') : '',
    precision: f.precision.level,
    precision_radius_km: f.precision.radius_km ?? null,
    precision_basis_zh: f.precision.basis.zh,
    precision_basis_en: f.precision.basis.en,
    clipped_to_land: f.clipped_to_land ? 'yes' : 'no',
    // Straight-line km (see src/lib/plan/access.ts); empty where not computed, never 0 for "unknown".
    nearest_station: f.access?.station?.name.zh ?? null,
    nearest_station_km: f.access?.station?.km ?? null,
    nearest_metro_line: f.access?.line?.name.zh ?? null,
    nearest_metro_line_km: f.access?.line?.km ?? null,
    nearest_expressway: f.access?.road?.name.zh ?? null,
    nearest_expressway_km: f.access?.road?.km ?? null,
    access_measured_from: f.access ? f.access.from : null,
    citations: f.cite.map((c) => formatCitation(c, 'zh')).join('; '),
  };
}

export const FEATURE_CSV_COLUMNS = [
  'id',
  'kind',
  'name_zh',
  'name_en',
  'districts',
  'industries',
  'industry_terms',
  'area_km2',
  'area_source',
  'lon',
  'lat',
  'precision',
  'precision_radius_km',
  'precision_basis_zh',
  'precision_basis_en',
  'clipped_to_land',
  'nearest_station',
  'nearest_station_km',
  'nearest_metro_line',
  'nearest_metro_line_km',
  'nearest_expressway',
  'nearest_expressway_km',
  'access_measured_from',
  'citations',
] as const;

export function featuresTable(features: readonly Exportable[], industryName: (id: string) => string): (string | number | null)[][] {
  return [
    [...FEATURE_CSV_COLUMNS],
    ...features.map((f) => {
      const p = properties(f, industryName);
      const row: Record<string, string | number | null> = { ...p, lon: f.label_point?.[0] ?? null, lat: f.label_point?.[1] ?? null };
      return FEATURE_CSV_COLUMNS.map((c) => row[c] ?? null);
    }),
  ];
}

export function featuresCsv(features: readonly Exportable[], industryName: (id: string) => string): string {
  return toCsv(featuresTable(features, industryName));
}

/** Drawn shapes where there are any (schematic ones say so in `precision`), else the label point, else no geometry. */
export function featuresGeojson(
  features: readonly Exportable[],
  shapes: ReadonlyMap<string, Geometry>,
  industryName: (id: string) => string,
): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: features.map((f): Feature => ({
      type: 'Feature',
      id: f.id,
      properties: properties(f, industryName),
      geometry: (shapes.get(f.id) ?? (f.label_point ? { type: 'Point', coordinates: f.label_point } : null)) as Geometry,
    })),
  };
}
