/**
 * Administrative units (Shanghai's 16 districts, Zhejiang's 11 cities) from ECharts 4.9's province
 * maps: decoded, converted GCJ-02 → WGS84 and joined to the product's own table of the region
 * (codes, English names). One function for every region, so a second region is a parameter, not a
 * copy. ECharts gives no id for some units (崇明区), so the join is by the Chinese name, and every
 * unit must match exactly once.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { decodeEchartsMap, type EchartsMap } from './echarts.ts';
import { gcj02ToWgs84, mapPositions } from './coords.ts';
import { DataError } from './errors.ts';
import type { District } from '../../src/lib/districts.ts';

/** A unit of a region's table (src/lib/districts.ts, src/lib/zhejiang.ts): a code and a name. */
export type AdminUnit = District;

export interface DistrictProperties {
  code: string;
  name_zh: string;
  name_en: string;
}

export type DistrictCollection = FeatureCollection<Polygon | MultiPolygon, DistrictProperties>;

export interface AdminUnits {
  units: DistrictCollection;
  /** ECharts' label point of each unit (WGS84), by code; absent where the map gives none. */
  labelPoints: Map<string, Position>;
}

export function adminUnitsFromEcharts(map: EchartsMap, table: readonly AdminUnit[], file: string): AdminUnits {
  const decoded = decodeEchartsMap(map);
  const byName = new Map(decoded.features.map((f) => [f.properties.name, f]));
  const labelPoints = new Map<string, Position>();
  const features = table.map((record): Feature<Polygon | MultiPolygon, DistrictProperties> => {
    const source = byName.get(record.name.zh);
    if (!source) throw new DataError(file, record.code, 'name.zh', `a unit named in the ECharts map (${[...byName.keys()].join(', ')})`, record.name.zh);
    byName.delete(record.name.zh);
    if (source.properties.echartsId && source.properties.echartsId !== record.code) {
      throw new DataError(file, record.code, 'code', `the ECharts id ${source.properties.echartsId}`, record.code);
    }
    if (source.properties.cp) labelPoints.set(record.code, gcj02ToWgs84(source.properties.cp));
    return {
      type: 'Feature',
      properties: { code: record.code, name_zh: record.name.zh, name_en: record.name.en },
      geometry: mapPositions(source.geometry, gcj02ToWgs84),
    };
  });
  if (byName.size > 0) {
    throw new DataError(file, [...byName.keys()].join(', '), 'name', "every ECharts unit to be in the region's table", 'missing');
  }
  return { units: { type: 'FeatureCollection', features }, labelPoints };
}
