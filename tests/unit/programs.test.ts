import { describe, expect, it } from 'vitest';
import { createExpression, latest as spec } from '@maplibre/maplibre-gl-style-spec';
import { basemapStyle } from '../../src/lib/style/basemap-style.ts';
import { SHARED_PER_FEATURE, asComposite, asPerFeature, perFeature } from '../../src/lib/style/programs.ts';

const assets = { basemapUrl: 'http://x/b.pmtiles', planUrl: 'http://x/p.pmtiles', glyphsUrl: 'glyphs://{fontstack}/{range}' };
const evaluate = (value: unknown, property: string, zoom: number, properties: Record<string, unknown> = {}) => {
  const group = property.split('-')[0] === 'circle' ? 'paint_circle' : property.startsWith('line') ? 'paint_line' : 'paint_fill';
  const e = createExpression(value, property, (spec as unknown as Record<string, Record<string, never>>)[group]![property]);
  if (e.result !== 'success') throw new Error(JSON.stringify(e.value));
  return e.value.evaluate({ zoom }, { type: 'Point', properties } as never);
};

describe('one shader program per layer type', () => {
  it('makes every fill, line and circle layer vary per feature in the same properties', () => {
    const style = basemapStyle({ theme: 'light', language: 'zh', assets });
    for (const type of ['fill', 'line', 'circle'] as const) {
      const keys = new Set(
        style.layers
          .filter((l) => l.type === type)
          .map((l) => {
            const paint = (l as { paint?: Record<string, unknown> }).paint ?? {};
            return Object.keys(SHARED_PER_FEATURE[type])
              .filter((p) => perFeature(paint[p]))
              .join(',');
          }),
      );
      expect([...keys], type).toEqual([Object.keys(SHARED_PER_FEATURE[type]).join(',')]);
    }
  });

  it('leaves every value as it was: constants, zoom curves and per-feature values', () => {
    expect(evaluate(asPerFeature(0.16), 'fill-opacity', 10)).toBe(0.16);
    const curve = ['interpolate', ['linear'], ['zoom'], 7, 1.5, 10, 4, 13, 12];
    for (const z of [7, 8.5, 10, 13])
      expect(evaluate(asComposite(curve), 'line-width', z)).toBeCloseTo(evaluate(curve, 'line-width', z) as number);
    expect(evaluate(asComposite(2.5), 'line-width', 11)).toBe(2.5);
    const byKind = ['match', ['get', 'kind'], 'belt', 2.5, 1.6];
    expect(asPerFeature(byKind)).toBe(byKind);
    expect(evaluate(asComposite(byKind), 'line-width', 9, { kind: 'belt' })).toBe(2.5);
  });

  it('refuses to make a value that reads global state alone per feature (it would re-lay out its source)', () => {
    expect(() => asPerFeature(['case', ['global-state', 'byDensity'], 1, 0])).toThrow(/global-state/);
  });
});
