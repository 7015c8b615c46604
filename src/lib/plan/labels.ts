/** How feature kinds read in the UI, in both languages. */
import type { FeatureKind } from './model.ts';

export const KIND_LABELS: Record<FeatureKind, { zh: string; en: string }> = {
  pole: { zh: '一极', en: 'Pole' },
  belt: { zh: '产业集群发展带', en: 'Industry belt' },
  'belt-member': { zh: '发展带成员区域', en: 'Belt member area' },
  'new-town': { zh: '新城', en: 'New town' },
  'industrial-base': { zh: '产业基地', en: 'Industrial base' },
  'transformation-area': { zh: '重点转型区域', en: 'Transformation area' },
  'brand-park': { zh: '品牌园区', en: 'Brand park' },
  'featured-park': { zh: '特色产业园区', en: 'Featured industrial park' },
  'innovation-cluster': { zh: '创新集聚区', en: 'Innovation cluster' },
  'service-core': { zh: '一核', en: 'Service core' },
  'service-belt': { zh: '服务业发展带', en: 'Service belt' },
  'service-cluster': { zh: '服务业集聚区', en: 'Service cluster' },
  'service-pole': { zh: '服务业极', en: 'Service pole' },
  'service-area': { zh: '服务业片区', en: 'Service area' },
  'functional-zone': { zh: '生产性服务业功能区', en: 'Producer-service zone' },
  'design-cluster': { zh: '设计集群', en: 'Design cluster' },
  'health-cluster': { zh: '健康服务集聚区', en: 'Health cluster' },
  'sports-base': { zh: '体育产业基地', en: 'Sports industry base' },
  'culture-base': { zh: '文化产业基地', en: 'Culture industry base' },
  'transport-hub': { zh: '交通枢纽', en: 'Transport hub' },
  facility: { zh: '设施', en: 'Facility' },
};
