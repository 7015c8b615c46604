/**
 * One shader program per layer type. MapLibre compiles a program for every combination of paint
 * properties that vary per feature (data-driven) in a layer type; on software GL (and on slow mobile
 * GPUs) each compile costs tens of milliseconds, and a style whose line layers vary in three
 * different ways compiles three line programs before the first idle. Here every fill, line and
 * circle layer is made to vary in the same set of properties: where a layer's value is the same for
 * all features, it is wrapped in an expression that reads a property no feature has and falls back to
 * that value, so the result is unchanged and only the program is shared. Measured in `npm run bench`
 * (first idle) and tested in style.test.ts (one program key per layer type).
 *
 * A property that depends on global state alone must not be wrapped (it would then re-lay out its
 * source when the state changes); the style's own layers have none, and the check below refuses one.
 */
import type { LayerSpecification } from 'maplibre-gl';

/** The per-feature paint properties each layer type shares, with MapLibre's defaults. */
export const SHARED_PER_FEATURE: Record<'fill' | 'line' | 'circle', Record<string, unknown>> = {
  fill: { 'fill-color': '#000000', 'fill-opacity': 1 },
  line: { 'line-color': '#000000', 'line-width': 1, 'line-opacity': 1 },
  circle: {
    'circle-color': '#000000',
    'circle-radius': 5,
    'circle-opacity': 1,
    'circle-stroke-color': '#000000',
    'circle-stroke-width': 0,
    'circle-stroke-opacity': 1,
  },
};

/** A property name no feature carries: reading it gives null, so `coalesce` yields the value. */
const NONE = '~';

function mentions(value: unknown, op: string): boolean {
  return Array.isArray(value) && (value[0] === op || value.some((v) => mentions(v, op)));
}

/** Whether a paint value already varies per feature (reads properties, geometry, id or feature state). */
export function perFeature(value: unknown): boolean {
  return ['get', 'has', 'feature-state', 'geometry-type', 'id', 'properties'].some((op) => mentions(value, op));
}

const isZoomCurve = (v: unknown): v is unknown[] =>
  Array.isArray(v) && (v[0] === 'interpolate' || v[0] === 'step') && JSON.stringify(v[v[0] === 'step' ? 1 : 2]) === '["zoom"]';

/** The same value, read per feature; a zoom curve keeps `zoom` on top and wraps its outputs. */
export function asPerFeature(value: unknown): unknown {
  if (perFeature(value)) return value;
  if (mentions(value, 'global-state'))
    throw new Error('a global-state-only paint value must stay uniform (it would re-lay out its source)');
  if (isZoomCurve(value)) {
    // interpolate: [op, type, zoom, z0, v0, z1, v1, …] — outputs at 4, 6, …; step: [op, zoom, v0, z1, v1, …] — at 2, 4, …
    const isOutput = (i: number) => (value[0] === 'step' ? i >= 2 && i % 2 === 0 : i >= 4 && i % 2 === 0);
    return value.map((v, i) => (isOutput(i) ? asPerFeature(v) : v));
  }
  return ['coalesce', ['get', NONE], value];
}

/**
 * The same value as a zoom-and-feature ("composite") expression. Line widths that follow the zoom
 * (rivers, boundaries) are composite; making every line width composite lets them all share one
 * program with the widths that vary by kind.
 */
export function asComposite(value: unknown): unknown {
  const v = asPerFeature(value);
  return isZoomCurve(v) ? v : ['interpolate', ['linear'], ['zoom'], 0, v, 24, v];
}

export function sharePrograms(layers: readonly LayerSpecification[]): LayerSpecification[] {
  return layers.map((layer) => {
    if (layer.type !== 'fill' && layer.type !== 'line' && layer.type !== 'circle') return layer;
    const shared = SHARED_PER_FEATURE[layer.type];
    const paint: Record<string, unknown> = { ...(layer.paint ?? {}) };
    for (const [name, fallback] of Object.entries(shared)) paint[name] = asPerFeature(paint[name] ?? fallback);
    if (layer.type === 'line') {
      paint['line-width'] = asComposite(paint['line-width']);
      // solid lines drawn by the dashed-line program with no gap: one line program instead of two
      paint['line-dasharray'] ??= [1, 0];
    }
    return { ...layer, paint } as LayerSpecification;
  });
}
