/**
 * The data sources the basemap is built from, with their licences. The map's attribution control
 * and the geodata build's archive metadata both read this list, so they cannot disagree.
 */
export interface DataSource {
  id: string;
  /** What the map's attribution line shows (short). */
  short: string;
  what: { zh: string; en: string };
  source: string;
  licence: string;
}

export const BASEMAP_SOURCES: readonly DataSource[] = [
  {
    id: 'echarts-shanghai',
    short: 'ECharts 4.9 (Apache-2.0)',
    what: { zh: '区界', en: 'District boundaries' },
    source: 'ECharts 4.9 Shanghai map (echarts@4.9.0), GCJ-02 → WGS84',
    licence: 'Apache-2.0',
  },
  {
    id: 'earth-seas-10m',
    short: '© OpenStreetMap contributors (ODbL)',
    what: { zh: '海域与海岸线', en: 'Sea and coastline' },
    source: '© OpenStreetMap contributors, via @geo-maps/earth-seas-10m (2017)',
    licence: 'ODbL',
  },
  {
    id: 'authored-orientation',
    short: '',
    what: { zh: '河湖、港口、机场（示意）', en: 'Rivers, lake, ports, airports (schematic)' },
    source: 'authored for this project',
    licence: 'Apache-2.0',
  },
  {
    id: 'noto-sans-sc',
    short: 'Noto Sans SC (OFL)',
    what: { zh: '字体', en: 'Font' },
    source: 'Noto Sans SC',
    licence: 'OFL-1.1',
  },
];

/** The map's attribution line: every licensed source, and a reminder that authored features are schematic. */
export function attributionText(language: 'zh' | 'en'): string {
  const licensed = BASEMAP_SOURCES.filter((s) => s.short).map((s) => `${s.what[language]} ${s.short}`);
  const schematic = language === 'zh' ? '河湖港口为示意' : 'rivers, lake and ports schematic';
  return [...licensed, schematic].join(' · ');
}
