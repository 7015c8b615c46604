/**
 * The plan model's vocabulary: the constant lists the types are built from. Plain data with no
 * dependencies, so pages can use it without loading the runtime schemas (model.ts builds its zod
 * schemas from these lists; everything else imports them from here).
 */

/** The "3+6" industries of 001 L316-322: three leading (先导) and six key (重点) industries. */
export const INDUSTRY_IDS = ['IC', 'BIO', 'AI', 'EI', 'LH', 'AUTO', 'HEE', 'MAT', 'FASHION'] as const;
export type IndustryId = (typeof INDUSTRY_IDS)[number];

/** The five plan documents, keyed as the seeds are, with their line counts (citations must fit). */
export const DOCUMENTS = {
  '000': {
    lines: 535,
    title_zh: '上海市推动先进制造业和现代服务业深度融合发展的实施意见',
    ref: '沪经信生〔2021〕766号',
    date: '2021-09-23',
  },
  '001': { lines: 1544, title_zh: '上海市先进制造业发展“十四五”规划', ref: '沪府办发〔2021〕12号', date: '2021-07-05' },
  '002': { lines: 366, title_zh: '关于开展上海市第五批服务型制造示范遴选工作的通知', ref: '沪经信生〔2023〕556号', date: '2023-07-06' },
  '003': { lines: 1653, title_zh: '上海市服务业发展“十四五”规划', ref: '沪府办发〔2021〕7号', date: '2021-06-16' },
  '004': {
    lines: 103,
    title_zh: '浙江省推动先进制造业和现代服务业深度融合发展的实施意见（征求意见稿）',
    ref: '征求意见稿',
    date: 'undated',
  },
} as const;

/**
 * The two integration plans (两业融合) shown side by side: Shanghai's (000) and Zhejiang's draft
 * (004), both answers to the national opinion 发改产业〔2019〕1762号.
 */
export const INTEGRATION_DOCS = ['000', '004'] as const;
export type IntegrationDoc = (typeof INTEGRATION_DOCS)[number];

/** The themes the comparison aligns the two plans by, in the order the page shows them. */
export const INTEGRATION_THEMES = ['aims', 'targets', 'fields', 'industries', 'implementers', 'pilots', 'measures'] as const;
export type IntegrationTheme = (typeof INTEGRATION_THEMES)[number];

/** 002's three kinds of service-oriented manufacturing demonstration (L15-21). */
export const DEMONSTRATION_TYPES = ['enterprise', 'platform', 'district'] as const;

export const PRECISION_LEVELS = ['surveyed', 'approximate', 'schematic'] as const;

export const FEATURE_KINDS = [
  'pole',
  'belt',
  'belt-member',
  'new-town',
  'industrial-base',
  'transformation-area',
  'brand-park',
  'featured-park',
  'innovation-cluster',
  'service-core',
  'service-belt',
  'service-cluster',
  'service-pole',
  'service-area',
  'functional-zone',
  'design-cluster',
  'health-cluster',
  'sports-base',
  'culture-base',
  'transport-hub',
  'facility',
] as const;
export type FeatureKind = (typeof FEATURE_KINDS)[number];

/** Which layer group a kind belongs to (the layer panel's groups). */
export const LAYER_GROUP_OF: Record<FeatureKind, 'manufacturing' | 'parks' | 'service' | 'context'> = {
  pole: 'manufacturing',
  belt: 'manufacturing',
  'belt-member': 'manufacturing',
  'new-town': 'manufacturing',
  'industrial-base': 'manufacturing',
  'transformation-area': 'manufacturing',
  'brand-park': 'manufacturing',
  'featured-park': 'parks',
  'innovation-cluster': 'context',
  'service-core': 'service',
  'service-belt': 'service',
  'service-cluster': 'service',
  'service-pole': 'service',
  'service-area': 'service',
  'functional-zone': 'service',
  'design-cluster': 'context',
  'health-cluster': 'context',
  'sports-base': 'context',
  'culture-base': 'context',
  'transport-hub': 'context',
  facility: 'context',
};

/** 002's 服务型制造示范区 attributes (table 3): present as fields, values unknown ("no data"). */
export const DEMONSTRATION_FIELDS = [
  { id: 'gdp', zh: 'GDP', en: 'GDP', unit: '亿元' },
  { id: 'industrial-value-added', zh: '规模以上工业增加值', en: 'Value added of large industrial firms', unit: '亿元' },
  { id: 'industrial-profit-margin', zh: '规模以上工业企业利润率', en: 'Profit margin of large industrial firms', unit: '%' },
  { id: 'producer-service-value-added', zh: '生产性服务业增加值', en: 'Producer-service value added', unit: '亿元' },
  { id: 'special-funds', zh: '专项资金累计总额', en: 'Cumulative special funds', unit: '万元' },
  { id: 'rd-share', zh: '全社会研发投入占GDP比重', en: 'R&D spending, share of GDP', unit: '%' },
  { id: 'patents-per-million', zh: '每百万人发明专利授权数', en: 'Invention patents per million people', unit: '件' },
  { id: 'little-giants', zh: '市级专精特新“小巨人”数量', en: 'Municipal “little giant” firms', unit: '家' },
  { id: 'service-manufacturers', zh: '服务型制造企业数量/总产值', en: 'Service-oriented manufacturers / output', unit: '家 / 亿元' },
  { id: 'demonstrations', zh: '市级/区级服务型制造示范数量', en: 'Municipal / district demonstrations', unit: '个' },
] as const;
export type DemonstrationFieldId = (typeof DEMONSTRATION_FIELDS)[number]['id'];
