/**
 * The page palette as a stylesheet: every colour a page shows beside text — an industry's, a density
 * tier's, a finder criterion's — as a rule keyed by a data attribute, so components write
 * `data-colour="industry-AUTO"` instead of a `style` attribute. The Content-Security-Policy forbids style
 * attributes (src/lib/security/policy.js); the geodata build writes this stylesheet from the same
 * industry data the map is coloured from, so there is still one colour scale per industry.
 */
import { DENSITY_COLOURS, type DensityTier } from '../plan/density.ts';
import { MAX_COMPARED } from '../plan/compare.ts';
import type { Criterion } from '../plan/site-finder.ts';

/** The site finder's score parts, one colour each (bars, parts, legend). */
export const CRITERION_COLOURS: Record<Criterion, string> = {
  industry: '#1d4e89',
  area: '#44aa99',
  proximity: '#ddaa33',
  designation: '#aa3377',
  rail: '#e4002b',
  road: '#c98a3a',
};

/** Colour when an industry id is unknown (an imported row's free text). */
export const UNKNOWN_INDUSTRY_COLOUR = '#888888';

const HEX = /^#[0-9a-f]{6}$/i;
const ID = /^[A-Za-z][\w-]*$/;

function checked(kind: string, id: string, colour: string): void {
  // Both land in CSS: only plain ids and hex colours may, so no data can write a rule of its own.
  if (!ID.test(id)) throw new Error(`palette: ${kind} id "${id}" is not a plain identifier`);
  if (!HEX.test(colour)) throw new Error(`palette: ${kind} "${id}" has colour "${colour}", not #rrggbb`);
}

export function paletteCss(industries: readonly { id: string; colour: string }[]): string {
  const rules: string[] = [
    '/* Written by `npm run geodata` from the industry data and src/lib/style/palette.ts. */',
    `[data-colour^="industry-"] { --c: ${UNKNOWN_INDUSTRY_COLOUR}; }`,
  ];
  for (const { id, colour } of industries) {
    checked('industry', id, colour);
    rules.push(`[data-colour="industry-${id}"] { --c: ${colour}; }`);
  }
  for (const [tier, colour] of Object.entries(DENSITY_COLOURS) as [DensityTier | 'none', string][]) {
    checked('density tier', tier, colour);
    rules.push(`[data-colour="tier-${tier}"] { --c: ${colour}; }`);
  }
  for (const [criterion, colour] of Object.entries(CRITERION_COLOURS)) {
    checked('criterion', criterion, colour);
    rules.push(`[data-colour="criterion-${criterion}"] { --c: ${colour}; }`);
  }
  for (let n = 1; n <= MAX_COMPARED; n++) rules.push(`[data-columns="${n}"] { --n: ${n}; }`);
  return rules.join('\n') + '\n';
}

/**
 * A count drawn as a shade (the Zhejiang map: how many of 004's places a city has): five steps of
 * one blue, light to dark, the lightest for none, so a city with places never looks empty.
 */
export const COUNT_SHADES = ['#f4f1ea', '#d6e4f0', '#a7c6e2', '#6a9fcf', '#2f6ea8'] as const;

export function countShade(count: number): string {
  const step = count <= 0 ? 0 : count === 1 ? 1 : count <= 3 ? 2 : count <= 5 ? 3 : 4;
  return COUNT_SHADES[step]!;
}
