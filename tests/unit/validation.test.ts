import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Geometry } from 'geojson';
import { validateOrientation } from '../../geodata/build/basemap.ts';
import { adminUnitsFromEcharts } from '../../geodata/build/districts.ts';
import { dataError as errorOf } from '../support/errors.ts';
import { DISTRICTS } from '../../src/lib/districts.ts';

const good = {
  id: 'huangpu-river',
  kind: 'river',
  name_zh: '黄浦江',
  name_en: 'Huangpu River',
  precision: 'schematic',
  radius_km: 1,
  source: 'authored',
};
const fc = (
  properties: Record<string, unknown>,
  geometry: Geometry = {
    type: 'LineString',
    coordinates: [
      [121.4, 31.2],
      [121.5, 31.3],
    ],
  },
) =>
  ({ type: 'FeatureCollection', features: [{ type: 'Feature', properties, geometry }] }) as FeatureCollection<
    Geometry,
    Record<string, unknown>
  >;

describe('orientation data validation names file, record, field and what was expected', () => {
  it('accepts a good record', () => {
    expect(validateOrientation(fc(good), 'o.geojson').features).toHaveLength(1);
  });
  it.each([
    ['precision', { ...good, precision: 'exact' }, /one of surveyed, approximate, schematic/],
    ['kind', { ...good, kind: 'canal' }, /one of river/],
    ['source', { ...good, source: ' ' }, /non-empty/],
    ['radius_km', { ...good, radius_km: 0 }, /positive/],
    ['id', { ...good, id: 'Huangpu River' }, /lower-case id/],
  ])('rejects a bad %s', (field, props, expected) => {
    const err = errorOf(() => validateOrientation(fc(props), 'o.geojson'));
    expect(err.file).toBe('o.geojson');
    expect(err.field).toBe(field);
    expect(err.message).toMatch(expected);
    expect(err.message).toContain('o.geojson');
  });
  it('rejects a geometry of the wrong type or outside the region', () => {
    expect(errorOf(() => validateOrientation(fc(good, { type: 'Point', coordinates: [121.4, 31.2] }), 'o')).field).toBe('geometry');
    const far = errorOf(() =>
      validateOrientation(
        fc(good, {
          type: 'LineString',
          coordinates: [
            [116.4, 39.9],
            [116.5, 39.9],
          ],
        }),
        'o',
      ),
    );
    expect(far.message).toMatch(/inside/);
  });
  it('rejects a duplicate id', () => {
    const two = fc(good);
    two.features.push({ ...two.features[0]! });
    expect(errorOf(() => validateOrientation(two, 'o')).message).toMatch(/unique/);
  });
});

describe('district join', () => {
  it('fails clearly when a district in the list is not in the ECharts map', () => {
    const renamed = DISTRICTS.map((d) => (d.code === '310151' ? { ...d, name: { ...d.name, zh: '崇明县' } } : d));
    const err = errorOf(() =>
      adminUnitsFromEcharts({ type: 'FeatureCollection', UTF8Encoding: false, features: [] }, renamed, 'shanghai.json'),
    );
    expect(err.file).toBe('shanghai.json');
    expect(err.field).toBe('name.zh');
  });
});
