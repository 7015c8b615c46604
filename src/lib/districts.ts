/**
 * The 16 districts' identities (codes and names). Geometry lives in the basemap tiles; this list is
 * what the UI needs without loading them. The geodata build checks it against its district table.
 */
import type { Language } from './i18n/language.ts';

export interface District {
  code: string;
  /** The same { zh, en } shape as every other name in the product. */
  name: { zh: string; en: string };
}

export const DISTRICTS: readonly District[] = [
  { code: '310101', name: { zh: '黄浦区', en: 'Huangpu' } },
  { code: '310104', name: { zh: '徐汇区', en: 'Xuhui' } },
  { code: '310105', name: { zh: '长宁区', en: 'Changning' } },
  { code: '310106', name: { zh: '静安区', en: "Jing'an" } },
  { code: '310107', name: { zh: '普陀区', en: 'Putuo' } },
  { code: '310109', name: { zh: '虹口区', en: 'Hongkou' } },
  { code: '310110', name: { zh: '杨浦区', en: 'Yangpu' } },
  { code: '310112', name: { zh: '闵行区', en: 'Minhang' } },
  { code: '310113', name: { zh: '宝山区', en: 'Baoshan' } },
  { code: '310114', name: { zh: '嘉定区', en: 'Jiading' } },
  { code: '310115', name: { zh: '浦东新区', en: 'Pudong' } },
  { code: '310116', name: { zh: '金山区', en: 'Jinshan' } },
  { code: '310117', name: { zh: '松江区', en: 'Songjiang' } },
  { code: '310118', name: { zh: '青浦区', en: 'Qingpu' } },
  { code: '310120', name: { zh: '奉贤区', en: 'Fengxian' } },
  { code: '310151', name: { zh: '崇明区', en: 'Chongming' } },
];

export const DISTRICT_CODES: ReadonlySet<string> = new Set(DISTRICTS.map((d) => d.code));

export function districtByCode(code: string | null | undefined): District | undefined {
  return DISTRICTS.find((d) => d.code === code);
}

/** A district's name in a language; the code itself for an unknown code. */
export function districtName(code: string, language: Language): string {
  return DISTRICTS.find((d) => d.code === code)?.name[language] ?? code;
}
