import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { decodeEchartsMap, decodeRing, type EchartsMap } from '../../geodata/build/echarts.ts';

/** The inverse of the ECharts codec, written from its description, to make known inputs. */
function encodeRing(points: [number, number][], scale = 1024): { encoded: string; offset: [number, number] } {
  const q = points.map(([x, y]) => [Math.round(x * scale), Math.round(y * scale)] as [number, number]);
  const offset = q[0]!;
  let prev = offset;
  let encoded = '';
  for (const p of q) {
    for (const d of [p[0] - prev[0], p[1] - prev[1]]) encoded += String.fromCharCode(((d << 1) ^ (d >> 31)) + 64);
    prev = p;
  }
  return { encoded, offset };
}

describe('ECharts map decoding', () => {
  it('decodes zigzag deltas back to the quantized coordinates', () => {
    const square: [number, number][] = [
      [121.5, 31.25],
      [121.5078125, 31.25],
      [121.5078125, 31.2578125],
      [121.5, 31.25],
    ];
    const { encoded, offset } = encodeRing(square);
    expect(decodeRing(encoded, offset)).toEqual(square);
  });

  it('handles negative deltas and a custom scale', () => {
    const pts: [number, number][] = [
      [10, 10],
      [9.5, 9.75],
      [10.25, 9],
    ];
    const { encoded, offset } = encodeRing(pts, 4);
    expect(decodeRing(encoded, offset, 4)).toEqual(pts);
  });

  it('rejects a ring with an odd number of characters', () => {
    expect(() => decodeRing('@@A', [0, 0])).toThrow(/odd/);
  });

  it('decodes the shipped Shanghai map into 16 closed districts inside Shanghai', () => {
    const require = createRequire(import.meta.url);
    const map = JSON.parse(readFileSync(require.resolve('echarts/map/json/province/shanghai.json'), 'utf8')) as EchartsMap;
    const fc = decodeEchartsMap(map);
    expect(fc.features).toHaveLength(16);
    const names = fc.features.map((f) => f.properties.name);
    expect(names).toContain('崇明区');
    expect(fc.features.find((f) => f.properties.name === '崇明区')?.properties.echartsId).toBeNull();
    for (const f of fc.features) {
      const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const ring of polygons.flat()) {
        expect(ring[0]).toEqual(ring[ring.length - 1]);
        for (const [x, y] of ring) {
          expect(x).toBeGreaterThan(120.8);
          expect(x).toBeLessThan(122.3);
          expect(y).toBeGreaterThan(30.6);
          expect(y).toBeLessThan(32.0);
        }
      }
    }
  });
});
