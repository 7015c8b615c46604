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
} satisfies Record<string, Record<Language, string>>;

export type StringKey = keyof typeof STRINGS;

export function t(language: Language, key: StringKey): string {
  return STRINGS[key][language];
}
