/**
 * Zhejiang's 11 prefecture-level cities (codes and names): the second region the product draws, as
 * context for the Zhejiang integration plan (004). Like src/lib/districts.ts for Shanghai, the
 * geodata build joins this table to ECharts' province map and checks it unit by unit.
 */
import type { District } from './districts.ts';

export const ZHEJIANG_CITIES: readonly District[] = [
  { code: '330100', name: { zh: '杭州市', en: 'Hangzhou' } },
  { code: '330200', name: { zh: '宁波市', en: 'Ningbo' } },
  { code: '330300', name: { zh: '温州市', en: 'Wenzhou' } },
  { code: '330400', name: { zh: '嘉兴市', en: 'Jiaxing' } },
  { code: '330500', name: { zh: '湖州市', en: 'Huzhou' } },
  { code: '330600', name: { zh: '绍兴市', en: 'Shaoxing' } },
  { code: '330700', name: { zh: '金华市', en: 'Jinhua' } },
  { code: '330800', name: { zh: '衢州市', en: 'Quzhou' } },
  { code: '330900', name: { zh: '舟山市', en: 'Zhoushan' } },
  { code: '331000', name: { zh: '台州市', en: 'Taizhou' } },
  { code: '331100', name: { zh: '丽水市', en: 'Lishui' } },
];
