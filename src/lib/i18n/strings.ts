import type { Language } from './language.ts';

/** Every UI string, in both languages. A key missing in one language fails type-checking. */
const STRINGS = {
  appTitle: { zh: '上海产业空间布局', en: 'Shanghai Industrial Layout' },
  appSubtitle: { zh: '“十四五”规划 · 一极三带五新城', en: '14th Five-Year Plans · one pole, three belts, five new towns' },
  switchLanguage: { zh: 'English', en: '中文' },
  switchLanguageLabel: { zh: 'Switch to English', en: '切换到中文' },
  loadingEngine: { zh: '正在加载地图引擎…', en: 'Loading the map engine…' },
  loadingBasemap: { zh: '正在读取底图…', en: 'Reading the basemap…' },
  loadingTiles: { zh: '正在绘制底图', en: 'Drawing the basemap' },
  basemapFailed: { zh: '底图无法加载', en: 'The basemap could not be loaded' },
  basemapFailedHint: {
    zh: '底图文件 (shanghai.pmtiles) 读取失败。请确认已运行 npm run geodata，且服务器支持 HTTP Range 请求。',
    en: 'The basemap file (shanghai.pmtiles) could not be read. Check that npm run geodata has run and that the server answers HTTP Range requests.',
  },
  noWebgl: { zh: '此浏览器无法绘制地图', en: 'This browser cannot draw the map' },
  noWebglHint: {
    zh: '地图需要 WebGL，而此浏览器未提供。请换用支持 WebGL 的浏览器，或开启硬件加速。',
    en: 'The map needs WebGL, which this browser does not provide. Use a browser with WebGL, or turn on hardware acceleration.',
  },
  district: { zh: '行政区', en: 'District' },
  districtCode: { zh: '区划代码', en: 'Division code' },
  boundarySource: { zh: '边界来源', en: 'Boundary source' },
  boundarySourceText: {
    zh: 'ECharts 4.9 上海地图，GCJ-02 转 WGS84，约 100 米精度',
    en: 'ECharts 4.9 Shanghai map, GCJ-02 converted to WGS84, ~100 m precision',
  },
  close: { zh: '关闭', en: 'Close' },
  mapLabel: { zh: '上海地图', en: 'Map of Shanghai' },
  dataLink: { zh: '数据与来源', en: 'Data & sources' },
  layers: { zh: '图层', en: 'Layers' },
  search: { zh: '搜索', en: 'Search' },
  searchPlaceholder: { zh: '搜索园区、区域、地点…', en: 'Search parks, areas, places…' },
  loading: { zh: '加载中…', en: 'Loading…' },
  noData: { zh: '无数据', en: 'no data' },
  unverified: { zh: '未经来源证实', en: 'unverified' },
  industries: { zh: '产业', en: 'Industries' },
  noneStated: { zh: '规划未列明', en: 'none stated' },
  area: { zh: '面积', en: 'Area' },
  density: { zh: '产出密度', en: 'Output density' },
  densityTarget: { zh: '2025年工业园区目标 80 亿元/平方公里, 001 L265-270', en: '2025 target for industrial parks: 80 亿元/km², 001 L265-270' },
  precision: { zh: '几何精度', en: 'Geometry' },
  conflicts: { zh: '来源不一致', en: 'Sources disagree' },
  sources: { zh: '来源', en: 'Sources' },
  interpretiveNote: { zh: '带 * 的产业对应关系为本项目的解读, 规划原文未直接列明。', en: 'Industries marked * are this project’s reading of the plan’s term, not stated by the plan.' },
  precisionLegend: { zh: '几何精度', en: 'Geometry precision' },
  industryFilter: { zh: '“3+6”产业筛选', en: '“3+6” industry filter' },
  allIndustries: { zh: '全部', en: 'All' },
  leadingIndustries: { zh: '三大先导产业', en: 'Three leading industries' },
  keyIndustries: { zh: '六大重点产业', en: 'Six key industries' },
  inView: { zh: '视图内要素数', en: 'features in view' },
  dataTitle: { zh: '数据与来源', en: 'Data and sources' },
  dataIntro: {
    zh: '本图的每个要素和数字都注明出处（规划文件及行号，或公开来源及日期）和几何精度。以下列出数据收录情况、规划点名地点的上图情况和全部来源。',
    en: 'Every feature and figure on this map cites its source (plan document and lines, or a published source with its date) and says how precise its geometry is. Below: what the data holds, which of the places the plans name are on the map, and every source.',
  },
  backToMap: { zh: '返回地图', en: 'Back to the map' },
  dataHoldings: { zh: '数据收录', en: 'What the data holds' },
  precisionOfDrawn: { zh: '上图要素的几何精度', en: 'Geometry precision of drawn features' },
  coverageTitle: { zh: '规划点名地点的上图情况', en: 'Coverage of the places the plans name' },
  place: { zh: '地点', en: 'Place' },
  status: { zh: '状态', en: 'Status' },
  precisionOrReason: { zh: '精度 / 原因', en: 'Precision / reason' },
  sourcesTitle: { zh: '来源', en: 'Sources' },
  planDocuments: { zh: '规划文件', en: 'Plan documents' },
  publishedSources: { zh: '公开来源', en: 'Published sources' },
  basemapSources: { zh: '底图数据', en: 'Basemap data' },
} satisfies Record<string, Record<Language, string>>;

export type StringKey = keyof typeof STRINGS;

export function t(language: Language, key: StringKey): string {
  return STRINGS[key][language];
}
