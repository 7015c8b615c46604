/** Palette tokens for the basemap. The style builder reads colours only from here. */
export interface Theme {
  name: 'light' | 'dark';
  background: string;
  sea: string;
  land: string;
  district: string;
  districtHover: string;
  districtHighlight: string;
  districtSelected: string;
  districtSelectedLine: string;
  districtLine: string;
  cityLine: string;
  river: string;
  lake: string;
  waterLabel: string;
  label: string;
  labelHalo: string;
  poi: string;
  poiLabel: string;
  placeLabel: string;
  expressway: string;
  expresswayCasing: string;
  elevated: string;
  roadLabel: string;
  station: string;
  stationLine: string;
  stationLabel: string;
  otherTrack: string;
  street: string;
  streetCasing: string;
  streetLabel: string;
  landuseIndustrial: string;
  landuseGreen: string;
  landuseOther: string;
}

export const THEMES: Record<Theme['name'], Theme> = {
  light: {
    name: 'light',
    background: '#b9d3e8',
    sea: '#b9d3e8',
    land: '#f3f1ea',
    district: '#f7f5ef',
    districtHover: '#ebe6d6',
    districtHighlight: '#f3d9a4',
    districtSelected: '#fbe7b0',
    districtSelectedLine: '#b7791f',
    districtLine: '#9a948a',
    cityLine: '#6b655c',
    river: '#8fb8dc',
    lake: '#a9cbe6',
    waterLabel: '#3f6f98',
    label: '#38342e',
    labelHalo: '#ffffff',
    poi: '#5b5f97',
    poiLabel: '#3d4070',
    placeLabel: '#7a6f5d',
    expressway: '#f2b25c',
    expresswayCasing: '#c98a3a',
    elevated: '#f6cf8a',
    roadLabel: '#7a5418',
    station: '#ffffff',
    stationLine: '#38342e',
    stationLabel: '#2f2b26',
    otherTrack: '#a7a39b',
    street: '#ffffff',
    streetCasing: '#d6d0c4',
    streetLabel: '#5a544b',
    landuseIndustrial: '#ebe3f0',
    landuseGreen: '#dcebd2',
    landuseOther: '#efebe3',
  },
  dark: {
    name: 'dark',
    background: '#13263a',
    sea: '#13263a',
    land: '#262b31',
    district: '#2b3037',
    districtHover: '#353c45',
    districtHighlight: '#6b5a2a',
    districtSelected: '#5a4a1f',
    districtSelectedLine: '#f2c14e',
    districtLine: '#6f7782',
    cityLine: '#9aa3ad',
    river: '#2c557c',
    lake: '#24496b',
    waterLabel: '#8fb8dc',
    label: '#e6e2d9',
    labelHalo: '#1a1d21',
    poi: '#a7abe0',
    poiLabel: '#c9ccf2',
    placeLabel: '#b5ab98',
    expressway: '#a8742f',
    expresswayCasing: '#6e4a1c',
    elevated: '#7d6337',
    roadLabel: '#e6c48e',
    station: '#1a1d21',
    stationLine: '#e6e2d9',
    stationLabel: '#e6e2d9',
    otherTrack: '#5d636b',
    street: '#4a5058',
    streetCasing: '#1f2328',
    streetLabel: '#c9c3b8',
    landuseIndustrial: '#332d3a',
    landuseGreen: '#26342a',
    landuseOther: '#2d3036',
  },
};

/** The colour of `over` painted at `opacity` on `base` (#rrggbb), for fills that fold a highlight into one layer. */
export function mix(base: string, over: string, opacity: number): string {
  const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const [a, b] = [rgb(base), rgb(over)];
  return `#${a
    .map((x, i) =>
      Math.round(x * (1 - opacity) + b[i]! * opacity)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}
