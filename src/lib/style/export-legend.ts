/**
 * What an exported map image carries besides the map: its legend entries (from the one layer
 * registry and the density scale), a scale bar of a round length and the ground resolution it
 * needs. Pure, so the legend in a PNG is the legend on screen.
 */
import { PLAN_LAYERS, type LayerShape } from '../layers/registry.ts';
import { DENSITY_COLOURS } from '../plan/density.ts';
import { TIER_LABEL, TIER_ORDER } from '../plan/labels.ts';
import type { Language } from '../i18n/language.ts';
import { t } from '../i18n/strings.ts';
import { ENTERPRISE_COLOUR } from './enterprise-layers.ts';

export interface LegendEntry {
  label: string;
  colour: string;
  shape: LayerShape;
}

export function legendEntries(
  layersOn: readonly string[],
  densityOn: boolean,
  importedCount: number,
  language: Language,
  enterpriseCount = 0,
): LegendEntry[] {
  const entries: LegendEntry[] = PLAN_LAYERS.filter((l) => layersOn.includes(l.id)).map((l) => ({
    label: l.name[language],
    colour: l.colour,
    shape: l.shape,
  }));
  if (densityOn) {
    entries.push(
      ...TIER_ORDER.map((tier) => ({ label: t(language, TIER_LABEL[tier]), colour: DENSITY_COLOURS[tier], shape: 'area' as const })),
    );
  }
  if (importedCount > 0) entries.push({ label: `${t(language, 'importedLayer')} (${importedCount})`, colour: '#117733', shape: 'point' });
  if (enterpriseCount > 0)
    entries.push({ label: `${t(language, 'enterpriseLayer')} (${enterpriseCount})`, colour: ENTERPRISE_COLOUR, shape: 'point' });
  return entries;
}

/** Metres per CSS pixel at a latitude and zoom (web Mercator, 512 px tiles as MapLibre uses). */
export function metresPerPixel(latitude: number, zoom: number): number {
  return (40_075_016.686 * Math.cos((latitude * Math.PI) / 180)) / (512 * 2 ** zoom);
}

/** The longest round length (1, 2 or 5 × 10ⁿ m) that fits in `maxPx`, and its length in pixels. */
export function scaleBar(mpp: number, maxPx: number): { metres: number; px: number; label: string } {
  const max = mpp * maxPx;
  const pow = 10 ** Math.floor(Math.log10(max));
  const metres = [5, 2, 1].map((m) => m * pow).find((m) => m <= max) ?? pow;
  return { metres, px: metres / mpp, label: metres >= 1000 ? `${metres / 1000} km` : `${metres} m` };
}
