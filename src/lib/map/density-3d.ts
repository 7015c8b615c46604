/**
 * The 3D density mode: deck.gl columns over the MapLibre map, one per feature with a density,
 * as tall as its density, with a wireframe column at the target's height beside the bar so a
 * reader sees at once whether it reaches 80. Imported dynamically, so deck.gl is fetched only
 * when a user switches the mode on. Picking stays with the map's one click handler, which asks
 * this overlay first.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import { ColumnLayer } from '@deck.gl/layers';
import { DENSITY_COLOURS, DENSITY_TARGET, METRES_PER_DENSITY_UNIT, hexToRgb, type DensityColumn } from '../plan/density.ts';

export interface DensityOverlay {
  update(columns: readonly DensityColumn[]): void;
  /** The column under a screen point, if any. */
  pick(x: number, y: number): DensityColumn | null;
  remove(): void;
}

const RADIUS_M = 1200;

function layers(columns: readonly DensityColumn[]) {
  return [
    new ColumnLayer<DensityColumn>({
      id: 'density-target',
      data: columns,
      diskResolution: 24,
      radius: RADIUS_M * 1.25,
      extruded: true,
      filled: false,
      wireframe: true,
      getPosition: (c) => c.position,
      getElevation: () => DENSITY_TARGET * METRES_PER_DENSITY_UNIT,
      getLineColor: [60, 60, 60, 160],
      pickable: false,
    }),
    new ColumnLayer<DensityColumn>({
      id: 'density-columns',
      data: columns,
      diskResolution: 24,
      radius: RADIUS_M,
      extruded: true,
      getPosition: (c) => c.position,
      getElevation: (c) => c.density * METRES_PER_DENSITY_UNIT,
      getFillColor: (c) => [...hexToRgb(DENSITY_COLOURS[c.tier]), c.planned ? 140 : 235],
      pickable: true,
    }),
    // a park from the user's file: its column ringed in the imported layer's green, as its marker is
    new ColumnLayer<DensityColumn>({
      id: 'density-imported-rings',
      data: columns.filter((c) => c.imported),
      diskResolution: 24,
      radius: RADIUS_M * 1.08,
      extruded: true,
      filled: false,
      wireframe: true,
      getPosition: (c) => c.position,
      getElevation: (c) => c.density * METRES_PER_DENSITY_UNIT,
      getLineColor: [17, 119, 51, 255],
      pickable: false,
    }),
  ];
}

export function createDensityOverlay(map: MapLibreMap, columns: readonly DensityColumn[], onframe: () => void): DensityOverlay {
  // Overlaid (its own canvas), not interleaved: deck.gl's interleaved mode on MapLibre 6 garbles the
  // basemap's labels (deck.gl #10700).
  const overlay = new MapLibreOverlay({ interleaved: false, layers: layers(columns), onAfterRender: onframe });
  map.addControl(overlay);
  return {
    update: (next) => overlay.setProps({ layers: layers(next) }),
    pick: (x, y) => (overlay.pickObject({ x, y, radius: 4, layerIds: ['density-columns'] })?.object as DensityColumn | undefined) ?? null,
    remove: () => map.removeControl(overlay),
  };
}
