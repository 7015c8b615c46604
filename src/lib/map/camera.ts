/** Camera comparisons for the map shell: pure, so the "does this view move the map?" rule is tested. */
import type { MapView } from '../url/view-state.ts';

/** Views closer than the URL's own rounding are the same view: moving would only loop. */
export function sameView(a: MapView, b: MapView): boolean {
  return (
    Math.abs(a.center[0] - b.center[0]) < 1e-5 &&
    Math.abs(a.center[1] - b.center[1]) < 1e-5 &&
    Math.abs(a.zoom - b.zoom) < 0.01 &&
    Math.abs(a.bearing - b.bearing) < 0.1 &&
    Math.abs(a.pitch - b.pitch) < 0.1
  );
}

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}

/**
 * How far to pan so a point (page coordinates) under the card is no longer under it: to the middle
 * of the part of the map the card leaves free (left of it, or above it); null when it is clear.
 */
export function clearOfCard(point: { x: number; y: number }, map: Rect, card: Rect, margin = 24): [number, number] | null {
  const { x, y } = point;
  if (x < card.left - margin || x > card.right + margin || y < card.top - margin || y > card.bottom + margin) return null;
  const freeRight = card.left - map.left;
  const freeBottom = card.top - map.top;
  const target = freeRight > map.width * 0.4 ? { x: freeRight / 2, y: map.height / 2 } : { x: map.width / 2, y: freeBottom / 2 };
  return [x - map.left - target.x, y - map.top - target.y];
}
