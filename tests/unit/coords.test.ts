import { describe, expect, it } from 'vitest';
import gcoord from 'gcoord';
import { gcj02ToWgs84, mapPositions } from '../../geodata/build/coords.ts';

describe('GCJ-02 → WGS84', () => {
  it('moves a Shanghai point ~450 m west and ~220 m north, as the GCJ-02 offset there', () => {
    const gcj = [121.4903, 31.2228]; // ECharts' label point of 黄浦区
    const [lon, lat] = gcj02ToWgs84(gcj);
    const eastM = (lon! - gcj[0]!) * 111_320 * Math.cos((31.22 * Math.PI) / 180);
    const northM = (lat! - gcj[1]!) * 110_570;
    expect(eastM).toBeLessThan(-350);
    expect(eastM).toBeGreaterThan(-550);
    expect(northM).toBeGreaterThan(120);
    expect(northM).toBeLessThan(320);
  });

  it('inverts the forward transform to within a metre', () => {
    const wgs: [number, number] = [121.8, 31.15];
    const gcj = gcoord.transform(wgs, gcoord.WGS84, gcoord.GCJ02);
    const back = gcj02ToWgs84(gcj);
    expect(Math.abs(back[0]! - wgs[0])).toBeLessThan(1e-5);
    expect(Math.abs(back[1]! - wgs[1])).toBeLessThan(1e-5);
  });

  it('maps every position of a multipolygon and keeps its structure', () => {
    const g = {
      type: 'MultiPolygon' as const,
      coordinates: [
        [
          [
            [1, 2],
            [3, 4],
            [1, 2],
          ],
        ],
        [
          [
            [5, 6],
            [7, 8],
            [5, 6],
          ],
        ],
      ],
    };
    const out = mapPositions(g, ([x, y]) => [x! * 10, y! * 10]);
    expect(out.coordinates).toEqual([
      [
        [
          [10, 20],
          [30, 40],
          [10, 20],
        ],
      ],
      [
        [
          [50, 60],
          [70, 80],
          [50, 60],
        ],
      ],
    ]);
  });
});
