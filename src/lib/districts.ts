/**
 * The 16 districts' identities (codes and names). Geometry lives in the basemap tiles; this list is
 * what the UI needs without loading them. The geodata build checks it against its district table.
 */
export interface District {
  code: string;
  name_zh: string;
  name_en: string;
}

export const DISTRICTS: readonly District[] = [
  { code: '310101', name_zh: '黄浦区', name_en: 'Huangpu' },
  { code: '310104', name_zh: '徐汇区', name_en: 'Xuhui' },
  { code: '310105', name_zh: '长宁区', name_en: 'Changning' },
  { code: '310106', name_zh: '静安区', name_en: "Jing'an" },
  { code: '310107', name_zh: '普陀区', name_en: 'Putuo' },
  { code: '310109', name_zh: '虹口区', name_en: 'Hongkou' },
  { code: '310110', name_zh: '杨浦区', name_en: 'Yangpu' },
  { code: '310112', name_zh: '闵行区', name_en: 'Minhang' },
  { code: '310113', name_zh: '宝山区', name_en: 'Baoshan' },
  { code: '310114', name_zh: '嘉定区', name_en: 'Jiading' },
  { code: '310115', name_zh: '浦东新区', name_en: 'Pudong' },
  { code: '310116', name_zh: '金山区', name_en: 'Jinshan' },
  { code: '310117', name_zh: '松江区', name_en: 'Songjiang' },
  { code: '310118', name_zh: '青浦区', name_en: 'Qingpu' },
  { code: '310120', name_zh: '奉贤区', name_en: 'Fengxian' },
  { code: '310151', name_zh: '崇明区', name_en: 'Chongming' },
];

export const DISTRICT_CODES: ReadonlySet<string> = new Set(DISTRICTS.map((d) => d.code));

export function districtByCode(code: string | null | undefined): District | undefined {
  return DISTRICTS.find((d) => d.code === code);
}
