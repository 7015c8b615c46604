/**
 * The 16 districts from ECharts 4.9's Shanghai map: decoded, converted GCJ-02 → WGS84 and joined
 * to the district list in src/lib/districts.ts (codes, English names). ECharts gives no id for 崇明区, so the join
 * is by the Chinese name, and every district must match exactly once.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { decodeEchartsMap, type EchartsMap } from './echarts.ts';
import { gcj02ToWgs84, mapPositions } from './coords.ts';
import type { District } from '../../src/lib/districts.ts';
import { DataError } from './errors.ts';

export interface DistrictProperties {
  code: string;
  name_zh: string;
  name_en: string;
}

export type DistrictCollection = FeatureCollection<Polygon | MultiPolygon, DistrictProperties>;

export function districtsFromEcharts(map: EchartsMap, table: readonly District[], file: string): DistrictCollection {
  const decoded = decodeEchartsMap(map);
  const byName = new Map(decoded.features.map((f) => [f.properties.name, f]));
  const features = table.map((record): Feature<Polygon | MultiPolygon, DistrictProperties> => {
    const source = byName.get(record.name.zh);
    if (!source) throw new DataError(file, record.code, 'name.zh', `a district named in the ECharts map (${[...byName.keys()].join(', ')})`, record.name.zh);
    byName.delete(record.name.zh);
    if (source.properties.echartsId && source.properties.echartsId !== record.code) {
      throw new DataError(file, record.code, 'code', `the ECharts id ${source.properties.echartsId}`, record.code);
    }
    return {
      type: 'Feature',
      properties: { code: record.code, name_zh: record.name.zh, name_en: record.name.en },
      geometry: mapPositions(source.geometry, gcj02ToWgs84),
    };
  });
  if (byName.size > 0) {
    throw new DataError(file, [...byName.keys()].join(', '), 'name', 'every ECharts district to be in src/lib/districts.ts', 'missing');
  }
  return { type: 'FeatureCollection', features };
}
