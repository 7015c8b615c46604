/**
 * The one layer registry: every toggleable plan layer, the group it sits in, which feature kinds
 * it draws, how it draws them and what its legend says. The style builder, the layer panel, the
 * legend and the URL codec all read this list, so they cannot disagree.
 */
import type { FeatureKind } from '../plan/model.ts';
import type { PlainStringKey } from '../i18n/strings.ts';

export type LayerGroupId = 'manufacturing' | 'parks' | 'service' | 'districts' | 'context' | 'transport';

/** How a layer's features are drawn: areas (fill + outline), lines, or points. */
export type LayerShape = 'area' | 'line' | 'point';

export interface PlanLayerDef {
  id: string;
  group: LayerGroupId;
  name: { zh: string; en: string };
  /** Feature kinds drawn; 'district' is the district key-industry marks, not a plan feature kind. */
  kinds: readonly (FeatureKind | 'district')[];
  shape: LayerShape;
  /** Fill / line colour when no industry colours the feature. */
  colour: string;
  defaultOn: boolean;
  /**
   * Set for basemap layers (transport): drawn from the basemap archive, not from plan features, and
   * shown in the panel as solid lines in these colours (a metro line's own colours, a road class).
   */
  basemap?: { colours: readonly string[] };
}

export interface LayerGroupDef {
  id: LayerGroupId;
  name: { zh: string; en: string };
}

export const LAYER_GROUPS: readonly LayerGroupDef[] = [
  { id: 'manufacturing', name: { zh: '制造业布局 一极三带五新城', en: 'Manufacturing layout' } },
  { id: 'parks', name: { zh: '特色产业园区', en: 'Featured industrial parks' } },
  { id: 'service', name: { zh: '服务业布局 一核两带三极', en: 'Service layout' } },
  { id: 'districts', name: { zh: '各区重点产业', en: 'District key industries' } },
  { id: 'context', name: { zh: '其他规划地点', en: 'Other named places' } },
  { id: 'transport', name: { zh: '交通', en: 'Transport' } },
];

export const PLAN_LAYERS: readonly PlanLayerDef[] = [
  {
    id: 'belts',
    group: 'manufacturing',
    name: { zh: '三带', en: 'Three belts' },
    kinds: ['belt'],
    shape: 'area',
    colour: '#4477aa',
    defaultOn: true,
  },
  {
    id: 'belt-members',
    group: 'manufacturing',
    name: { zh: '三带成员区域', en: 'Belt member areas' },
    kinds: ['belt-member'],
    shape: 'area',
    colour: '#6688bb',
    defaultOn: false,
  },
  {
    id: 'pole',
    group: 'manufacturing',
    name: { zh: '一极 临港新片区', en: 'The pole: Lingang' },
    kinds: ['pole'],
    shape: 'area',
    colour: '#cc3311',
    defaultOn: true,
  },
  {
    id: 'new-towns',
    group: 'manufacturing',
    name: { zh: '五个新城', en: 'Five new towns' },
    kinds: ['new-town'],
    shape: 'area',
    colour: '#228833',
    defaultOn: true,
  },
  {
    id: 'bases',
    group: 'manufacturing',
    name: { zh: '产业基地', en: 'Industrial bases' },
    kinds: ['industrial-base'],
    shape: 'area',
    colour: '#aa3377',
    defaultOn: true,
  },
  {
    id: 'transformation-areas',
    group: 'manufacturing',
    name: { zh: '重点转型区域', en: 'Transformation areas' },
    kinds: ['transformation-area'],
    shape: 'area',
    colour: '#bb5566',
    defaultOn: false,
  },
  {
    id: 'brand-parks',
    group: 'manufacturing',
    name: { zh: '品牌园区', en: 'Brand parks' },
    kinds: ['brand-park'],
    shape: 'area',
    colour: '#ee7733',
    defaultOn: false,
  },
  {
    id: 'featured-parks',
    group: 'parks',
    name: { zh: '市级特色产业园区', en: 'Municipal featured parks' },
    kinds: ['featured-park'],
    shape: 'area',
    colour: '#7733aa',
    defaultOn: true,
  },
  {
    id: 'service-core',
    group: 'service',
    name: { zh: '一核 中央活动区', en: 'Core: CAZ' },
    kinds: ['service-core'],
    shape: 'area',
    colour: '#ee7733',
    defaultOn: false,
  },
  {
    id: 'service-belts',
    group: 'service',
    name: { zh: '两带', en: 'Two service belts' },
    kinds: ['service-belt'],
    shape: 'line',
    colour: '#ee3377',
    defaultOn: false,
  },
  {
    id: 'service-clusters',
    group: 'service',
    name: { zh: '滨江集聚区', en: 'Riverside clusters' },
    kinds: ['service-cluster'],
    shape: 'area',
    colour: '#ee3377',
    defaultOn: false,
  },
  {
    id: 'service-poles',
    group: 'service',
    name: { zh: '三极', en: 'Three service poles' },
    kinds: ['service-pole'],
    shape: 'area',
    colour: '#009988',
    defaultOn: false,
  },
  {
    id: 'service-areas',
    group: 'service',
    name: { zh: '服务业片区与功能区', en: 'Service areas and zones' },
    kinds: ['service-area', 'functional-zone'],
    shape: 'area',
    colour: '#33bbee',
    defaultOn: false,
  },
  {
    id: 'district-industries',
    group: 'districts',
    name: { zh: '各区重点产业 (色点)', en: 'Key industries of each district (dots)' },
    kinds: ['district'],
    shape: 'point',
    colour: '#555555',
    defaultOn: true,
  },
  {
    id: 'context',
    group: 'context',
    name: { zh: '创新、设计、健康、文体与交通节点', en: 'Innovation, design, health, culture, transport' },
    kinds: ['innovation-cluster', 'design-cluster', 'health-cluster', 'sports-base', 'culture-base', 'transport-hub', 'facility'],
    shape: 'area',
    colour: '#777777',
    defaultOn: false,
  },
  {
    id: 'metro',
    group: 'transport',
    name: { zh: '地铁线路', en: 'Metro lines' },
    kinds: [],
    shape: 'line',
    colour: '#e4002b',
    defaultOn: true,
    basemap: { colours: ['#e4002b', '#97d700', '#ffd100', '#5f259f'] },
  },
  {
    id: 'stations',
    group: 'transport',
    name: { zh: '地铁车站（不完整）', en: 'Metro stations (incomplete)' },
    kinds: [],
    shape: 'point',
    colour: '#38342e',
    defaultOn: true,
    basemap: { colours: ['#ffffff'] },
  },
  {
    id: 'roads',
    group: 'transport',
    name: { zh: '高速公路与高架', en: 'Expressways and elevated roads' },
    kinds: [],
    shape: 'line',
    colour: '#f2b25c',
    defaultOn: true,
    basemap: { colours: ['#f2b25c', '#f6cf8a'] },
  },
];

/** The basemap's transport layers (their toggles travel to the map as the `transport` global state). */
export const TRANSPORT_LAYER_IDS = ['metro', 'stations', 'roads'] as const;
export type TransportLayerId = (typeof TRANSPORT_LAYER_IDS)[number];

export const PLAN_LAYER_IDS: ReadonlySet<string> = new Set(PLAN_LAYERS.map((l) => l.id));

export const DEFAULT_LAYERS: readonly string[] = PLAN_LAYERS.filter((l) => l.defaultOn).map((l) => l.id);

export function layerForKind(kind: FeatureKind | 'district'): PlanLayerDef | undefined {
  return PLAN_LAYERS.find((l) => l.kinds.includes(kind));
}

/** How each precision is drawn, and what the legend says it means. */
export const PRECISION_STYLE = {
  surveyed: { dash: null, legend: 'precisionLegend_surveyed' },
  approximate: { dash: [1.5, 1.5] as [number, number], legend: 'precisionLegend_approximate' },
  schematic: { dash: [4, 3] as [number, number], legend: 'precisionLegend_schematic' },
} as const satisfies Record<string, { dash: [number, number] | null; legend: PlainStringKey }>;

/** The layers on after switching one layer on or off, in registry order. */
export function setLayer(layersOn: readonly string[], id: string, on: boolean): string[] {
  return PLAN_LAYERS.map((l) => l.id).filter((x) => (x === id ? on : layersOn.includes(x)));
}

/** The layers on after switching a whole group on or off, in registry order. */
export function setGroup(layersOn: readonly string[], group: LayerGroupId, on: boolean): string[] {
  const ids = PLAN_LAYERS.filter((l) => l.group === group).map((l) => l.id);
  return PLAN_LAYERS.map((l) => l.id).filter((x) => (ids.includes(x) ? on : layersOn.includes(x)));
}

/** Whether all, some or none of a group's layers are on (the group checkbox's state). */
export function groupState(layersOn: readonly string[], group: LayerGroupId): 'all' | 'some' | 'none' {
  const ids = PLAN_LAYERS.filter((l) => l.group === group).map((l) => l.id);
  const n = ids.filter((id) => layersOn.includes(id)).length;
  return n === ids.length ? 'all' : n === 0 ? 'none' : 'some';
}
