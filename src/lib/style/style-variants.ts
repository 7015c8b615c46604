/**
 * Every style the app can hand MapLibre — each theme and language, with and without a street-level
 * archive, with a user's enterprise list added beside it — and what MapLibre's own validator
 * (@maplibre/maplibre-gl-style-spec, the version the engine ships with) says of each. Build time and
 * tests only: the app never loads the validator. The build fails on any problem (vite.config.ts).
 */
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { StyleSpecification } from 'maplibre-gl';
import { LANGUAGES } from '../i18n/language.ts';
import { INDUSTRY_IDS } from '../plan/vocabulary.ts';
import { basemapStyle, FONTSTACK } from './basemap-style.ts';
import { ENTERPRISE_SOURCE, enterpriseLayers, enterpriseSource } from './enterprise-layers.ts';
import { THEMES } from './themes.ts';

// paths on the app's own origin, as the page gives them (nothing is fetched: the styles are only validated)
const ASSETS = {
  basemapUrl: '/basemap/shanghai.pmtiles',
  planUrl: '/basemap/plan.pmtiles',
  glyphsUrl: 'glyphs://{fontstack}/{range}',
};

export interface StyleVariant {
  name: string;
  style: StyleSpecification;
}

/** The enterprise layer as the map adds it at run time: every 3+6 industry alone, and two together. */
function withEnterprises(style: StyleSpecification): StyleSpecification {
  const sets = [...INDUSTRY_IDS.map((id) => [id]), ['AUTO', 'HEE'] as const, []];
  const colours = Object.fromEntries(INDUSTRY_IDS.map((id) => [id, '#117733']));
  return {
    ...style,
    sources: { ...style.sources, [ENTERPRISE_SOURCE]: enterpriseSource(sets, { type: 'FeatureCollection', features: [] }) },
    layers: [...style.layers, ...enterpriseLayers(sets, colours, [FONTSTACK])],
  };
}

export function styleVariants(): StyleVariant[] {
  return (Object.keys(THEMES) as (keyof typeof THEMES)[]).flatMap((theme) =>
    LANGUAGES.flatMap((language) =>
      [null, '/basemap/streets.pmtiles'].flatMap((streetsUrl) => {
        const name = `${theme}/${language}${streetsUrl ? '/streets' : ''}`;
        const style = basemapStyle({ theme, language, assets: { ...ASSETS, streetsUrl } });
        return [
          { name, style },
          { name: `${name}/enterprises`, style: withEnterprises(style) },
        ];
      }),
    ),
  );
}

/**
 * The validator's findings, each naming the variant, the layer by its id and the property
 * ("light/zh: layer 'districts-fill' (layers[3]) paint.fill-color: …"). Empty when every style is valid.
 */
export function styleProblems(variants: readonly StyleVariant[] = styleVariants()): string[] {
  return variants.flatMap(({ name, style }) =>
    validateStyleMin(style).map(
      (error) =>
        `${name}: ${error.message.replace(/^layers\[(\d+)\]/, (whole, index: string) => `layer '${style.layers[Number(index)]?.id}' (${whole})`)}`,
    ),
  );
}
