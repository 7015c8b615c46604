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
  /** Where a reader checks the licence or the copyright holders (a link, never a request the app makes). */
  url?: string;
}

export const OSM_COPYRIGHT_URL = 'https://www.openstreetmap.org/copyright';

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
    licence: 'ODbL-1.0',
    url: OSM_COPYRIGHT_URL,
  },
  {
    id: 'osm-transport',
    short: '© OpenStreetMap contributors (ODbL)',
    what: { zh: '地铁线路、车站、高速公路与高架', en: 'Metro lines, stations, expressways and elevated roads' },
    source: '© OpenStreetMap contributors, Geofabrik extract 2026-07-28, via luiszengii/shanghai-property-sector-map@019c637',
    licence: 'ODbL-1.0',
    url: OSM_COPYRIGHT_URL,
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

/** The licensed sources grouped by what the line shows: one "© OpenStreetMap contributors" for all OSM data. */
function attributionParts(language: 'zh' | 'en'): { text: string; url?: string; what: string[] }[] {
  const parts: { text: string; url?: string; what: string[] }[] = [];
  for (const s of BASEMAP_SOURCES.filter((x) => x.short)) {
    const same = parts.find((p) => p.text === s.short);
    if (same) same.what.push(s.what[language]);
    else parts.push({ text: s.short, url: s.url, what: [s.what[language]] });
  }
  return parts;
}

const schematicNote = (language: 'zh' | 'en') => (language === 'zh' ? '河湖港口为示意' : 'rivers, lake and ports schematic');
const joinWhat = (what: string[], language: 'zh' | 'en') => what.join(language === 'zh' ? '、' : ', ');

/** The attribution as plain text (exported images): every licensed source, and the schematic reminder. */
export function attributionText(language: 'zh' | 'en'): string {
  const licensed = attributionParts(language).map((p) => `${joinWhat(p.what, language)} ${p.text}`);
  return [...licensed, schematicNote(language)].join(' · ');
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The map's attribution control: the same text, with the copyright holders' page as a link the reader may follow. */
export function attributionHtml(language: 'zh' | 'en'): string {
  const licensed = attributionParts(language).map((p) => {
    const label = escapeHtml(p.text);
    const linked = p.url ? `<a href="${escapeHtml(p.url)}" target="_blank" rel="noopener noreferrer">${label}</a>` : label;
    return `${escapeHtml(joinWhat(p.what, language))} ${linked}`;
  });
  return [...licensed, escapeHtml(schematicNote(language))].join(' · ');
}
