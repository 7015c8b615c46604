/**
 * The region the basemap is built for (west, south, east, north): its land and sea are drawn only
 * inside it, so the maps never pan beyond it (outside there would be nothing but background).
 */
export const REGION_BOUNDS: [number, number, number, number] = [120.2, 30.2, 122.8, 32.2];

/** The same box as MapLibre's maxBounds. */
export const MAP_MAX_BOUNDS: [[number, number], [number, number]] = [
  [REGION_BOUNDS[0], REGION_BOUNDS[1]],
  [REGION_BOUNDS[2], REGION_BOUNDS[3]],
];
