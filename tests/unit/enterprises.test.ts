/**
 * An enterprise list (a district's 企业名录) on the plan: rows read with the park importer's rules,
 * placed in the plan's areas and districts, counted per area under the chosen industries, and drawn
 * as clusters whose counts follow the chips exactly without re-clustering.
 */
import { describe, expect, it } from 'vitest';
import {
  featureFilter,
  createExpression,
  latest as styleSpec,
  validateStyleMin,
  type FilterSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import type { StyleSpecification } from 'maplibre-gl';
import {
  centredCount,
  countEnterprises,
  describeEnterprise,
  enterpriseLayerData,
  enterpriseListTable,
  isEnterpriseHeader,
  listsInArea,
  readEnterprises,
  type CountingShape,
  type EnterpriseContext,
} from '../../src/lib/plan/enterprises.ts';
import { csvRows, groupIssues, issuesTable, tableRows } from '../../src/lib/plan/import-parks.ts';
import {
  clusterCount,
  enterpriseLayers,
  enterpriseSource,
  ENTERPRISE_LAYERS,
  ENTERPRISE_SOURCE,
} from '../../src/lib/style/enterprise-layers.ts';
import { outputIn100m } from '../../src/lib/plan/density.ts';
import { mapGlobalState } from '../../src/lib/style/map-state.ts';
import { DEFAULT_LAYERS } from '../../src/lib/layers/registry.ts';
import type { IndustryId } from '../../src/lib/plan/model.ts';
import { wgsToGcj } from '../support/chinese-coords.ts';

const square = (x: number, y: number, d: number): CountingShape['geometry'] => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + d, y],
      [x + d, y + d],
      [x, y + d],
      [x, y],
    ],
  ],
});
const shapes: CountingShape[] = [
  { id: 'robot-park', kind: 'featured-park', precision: 'approximate', parent: null, geometry: square(121.2, 31.3, 0.02) },
  { id: 'huxi-jiading', kind: 'belt-member', precision: 'schematic', parent: 'belt-huxi', geometry: square(121.1, 31.2, 0.3) },
  // the belt is drawn itself too: a point in both is in it once
  { id: 'belt-huxi', kind: 'belt', precision: 'schematic', parent: null, geometry: square(121.05, 31.15, 0.36) },
];
// IC reaches EI in the plan (an IC enterprise shows under the EI chip too); the others reach only themselves
const reach = { IC: ['EI', 'IC'], EI: ['EI'], AUTO: ['AUTO'], HEE: ['HEE'] } as unknown as Record<IndustryId, IndustryId[]>;
const ctx: EnterpriseContext = {
  industries: [
    { id: 'IC', name: { zh: '集成电路', en: 'Integrated circuits' } },
    { id: 'EI', name: { zh: '电子信息', en: 'Electronic information' } },
    { id: 'AUTO', name: { zh: '汽车', en: 'Automotive' } },
    { id: 'HEE', name: { zh: '高端装备', en: 'High-end equipment' } },
  ],
  features: [
    { id: 'robot-park', kind: 'featured-park', name: { zh: '上海机器人产业园', en: 'Shanghai Robot Industrial Park' }, aliases: [] },
  ],
  districtCentres: { '310114': [121.25, 31.35], '310120': [121.47, 30.91] },
  // a stand-in for the outlines: everything west of 121.3 is Jiading here
  districtAt: (p) => (p[0] < 121.3 ? '310114' : null),
  shapes,
};
const read = (rows: string[][], system: 'wgs84' | 'gcj02' = 'wgs84') => readEnterprises(tableRows(rows), ctx, system);
const header = ['企业名称', '行业', '经度', '纬度', '区', '所在园区', '产值(万元)', '年份'];

describe('reading an enterprise list', () => {
  it('knows an enterprise list by its header', () => {
    expect(isEnterpriseHeader(header)).toBe(true);
    expect(isEnterpriseHeader(['Enterprise', 'industry', 'lon', 'lat'])).toBe(true);
    expect(isEnterpriseHeader(['名称', '产业', '经度', '纬度'])).toBe(false);
  });

  it('places each enterprise in the plan areas holding it, with the belt of a belt member, and its district from the point when none is stated', () => {
    const r = read([
      header,
      ['甲机器人公司', '高端装备', '121.21', '31.31', '', '', '5000', '2022'],
      ['乙公司', '汽车', '121.35', '31.35', '', '', '', ''],
    ]);
    expect(r.issues).toEqual([]);
    const [a, b] = r.enterprises;
    expect(a).toMatchObject({
      name: '甲机器人公司',
      industries: ['HEE'],
      district: '310114',
      districtBy: 'location',
      within: ['robot-park', 'huxi-jiading', 'belt-huxi'],
    });
    expect(a!.output).toEqual({ value: 5000, unit: '万元', year: 2022 });
    expect(b).toMatchObject({ within: ['huxi-jiading', 'belt-huxi'], district: null, districtBy: null });
  });

  it('converts Amap (GCJ-02) coordinates before placing, and keeps the original', () => {
    const amap = wgsToGcj([121.2005, 31.3005]).map(String);
    const wgs = read([header, ['边上的公司', '汽车', ...amap, '', '', '', '']], 'gcj02').enterprises[0]!;
    expect(wgs.within).toContain('robot-park');
    expect(wgs.original).toEqual({ point: amap.map(Number), system: 'gcj02' });
    // read as WGS84 the same numbers fall ~500 m off, outside the park's corner
    expect(read([header, ['边上的公司', '汽车', ...amap, '', '', '', '']]).enterprises[0]!.within).not.toContain('robot-park');
  });

  it('puts a row with only a district at its centre, counted for the district and in no plan area', () => {
    const e = read([header, ['只有区的公司', '汽车', '', '', '奉贤区', '', '', '']]).enterprises[0]!;
    expect(e).toMatchObject({ locatedBy: 'district-centre', district: '310120', districtBy: 'file', within: [] });
    expect(
      centredCount(
        read([header, ['只有区的公司', '汽车', '', '', '奉贤区', '', '', ''], ['有坐标的公司', '汽车', '121.2', '31.3', '', '', '', '']])
          .enterprises,
      ),
    ).toBe(1);
  });

  it('matches the park the file names to a held park', () => {
    const e = read([header, ['园外公司', '高端装备', '121.5', '31.5', '', '机器人产业园', '', '']]).enterprises[0]!;
    expect(e.parkMatch).toBe('robot-park');
    expect(e.within).toEqual([]);
  });

  it('keeps an enterprise outside the 3+6 (said so), and refuses rows without a name or a place, by row and column', () => {
    const r = read([
      header,
      ['餐饮公司', '餐饮', '121.21', '31.31', '', '', '', ''],
      ['', '汽车', '121.21', '31.31', '', '', '', ''],
      ['无处公司', '汽车', '', '', '', '', '', ''],
      ['海上公司', '汽车', '125', '31.3', '', '', '', ''],
      ['反了公司', '汽车', '31.3', '121.2', '', '', '', ''],
    ]);
    expect(r.enterprises.map((e) => [e.name, e.industries])).toEqual([['餐饮公司', []]]);
    expect(r.issues.map((i) => [i.row, i.column, i.kept ?? false])).toEqual([
      [2, 'industries', true],
      [3, 'name', false],
      [4, 'lon', false],
      [5, 'lon', false],
      [6, 'lon', false],
    ]);
    expect(r.issues[0]!.reason.en).toMatch(/not a 3\+6 industry: 餐饮/);
  });

  it('reads 100,000 rows and refuses more, with the limit in the message', () => {
    const rows = Array.from(
      { length: 100_000 },
      (_, i) => `企业${i},汽车,${(121.1 + (i % 1000) * 0.0003).toFixed(4)},${(31.2 + Math.floor(i / 1000) * 0.003).toFixed(4)}`,
    );
    const text = ['企业名称,行业,经度,纬度', ...rows].join('\n');
    const r = readEnterprises(csvRows(text, ','), ctx, 'wgs84');
    expect(r.enterprises).toHaveLength(100_000);
    expect(readEnterprises(csvRows(`${text}\n多一家,汽车,121.2,31.3`, ','), ctx, 'wgs84').fatal?.en).toMatch(/more than 100000 rows/);
  });
});

describe('counting enterprises in an area', () => {
  const list = read([
    header,
    ['芯片甲', '集成电路', '121.205', '31.305', '', '', '20000', '2022'],
    ['芯片乙', '集成电路', '121.21', '31.31', '', '', '', ''],
    ['汽车丙', '汽车', '121.215', '31.315', '', '', '30000', '2022'],
    ['园外丁', '汽车', '121.5', '31.5', '', '机器人产业园', '', ''],
    ['别处戊', '汽车', '121.35', '31.35', '', '', '', ''],
  ]).enterprises;
  const count = (area: Parameters<typeof countEnterprises>[1], chosen: IndustryId[] = []) =>
    countEnterprises(list, area, chosen, reach, outputIn100m);

  it('counts those inside the drawn shape and those the file places there by name, with their output in 亿元', () => {
    expect(count({ featureId: 'robot-park' })).toEqual({ shown: 4, total: 4, byParkName: 1, output100m: 5, withOutput: 2 });
  });

  it('counts only the chosen industries (with the plan’s reach: an IC firm shows under 电子信息)', () => {
    expect(count({ featureId: 'robot-park' }, ['AUTO'])).toMatchObject({ shown: 2, total: 4 });
    expect(count({ featureId: 'robot-park' }, ['EI'])).toMatchObject({ shown: 2, total: 4 });
    expect(count({ featureId: 'belt-huxi' }, ['AUTO'])).toMatchObject({ shown: 2, total: 4 });
  });

  it('counts a district by the stated or located district', () => {
    expect(count({ district: '310114' })).toMatchObject({ shown: 3, total: 3 });
  });

  it('exports the list with where each row was counted', () => {
    const [head, first] = enterpriseListTable(list);
    expect(head).toContain('within');
    expect(first![head!.indexOf('within')]).toBe('robot-park;huxi-jiading;belt-huxi');
  });
});

describe('the enterprise layer', () => {
  const list = read([
    ['企业名称', '行业', '经度', '纬度'],
    ['芯片', '集成电路', '121.21', '31.31'],
    ['汽车', '汽车', '121.21', '31.31'],
    ['两业', '汽车;高端装备', '121.21', '31.31'],
    ['其他', '餐饮', '121.21', '31.31'],
  ]).enterprises;
  const { features, sets } = enterpriseLayerData(list, reach);
  const layers = enterpriseLayers(sets, { IC: '#332288', AUTO: '#cc6677' }, ['NotoSansSC-Regular']);

  it('is a valid clustered source and layers', () => {
    const style = {
      version: 8,
      glyphs: '/glyphs/{fontstack}/{range}.pbf',
      state: { industries: { default: [] } },
      sources: { [ENTERPRISE_SOURCE]: enterpriseSource(sets, { type: 'FeatureCollection', features }) },
      layers,
    } as unknown as StyleSpecification;
    expect(validateStyleMin(style as never)).toEqual([]);
    expect(sets).toEqual([['EI', 'IC'], ['AUTO'], ['AUTO', 'HEE'], []]);
  });

  it('counts a cluster exactly for the chosen industries: an enterprise in two of them once, one outside the 3+6 only when none is chosen', () => {
    // a cluster as supercluster aggregates it: one count per industry set
    const cluster = { point_count: 4, s0: 1, s1: 1, s2: 1, s3: 1 };
    const evaluate = (industries: IndustryId[]) => {
      const e = createExpression(clusterCount(sets), 'circle-radius', styleSpec.paint_circle['circle-radius'] as never, { industries });
      if (e.result !== 'success') throw new Error(JSON.stringify(e.value));
      return e.value.evaluate({ zoom: 10 }, { type: 1, properties: cluster, geometry: [] } as never);
    };
    expect(evaluate([])).toBe(4);
    expect(evaluate(['AUTO'])).toBe(2);
    expect(evaluate(['AUTO', 'HEE'])).toBe(2);
    expect(evaluate(['HEE'])).toBe(1);
    expect(evaluate(['EI'])).toBe(1);
    expect(evaluate(['BIO' as IndustryId])).toBe(0);
  });

  it('shows a single enterprise under the chips as the plan’s features are shown', () => {
    const points = layers.find((l) => l.id === ENTERPRISE_LAYERS.points) as { id: string; filter: FilterSpecification };
    const shown = (industries: IndustryId[], i: number) =>
      featureFilter(points.filter, points.id, mapGlobalState({ layersOn: DEFAULT_LAYERS, industries, byDensity: false })).filter(
        { zoom: 16 },
        {
          type: 1,
          properties: features[i]!.properties,
          geometry: [],
        } as never,
      );
    expect([0, 1, 2, 3].map((i) => shown([], i))).toEqual([true, true, true, true]);
    expect([0, 1, 2, 3].map((i) => shown(['EI'], i))).toEqual([true, false, false, false]);
    expect([0, 1, 2, 3].map((i) => shown(['HEE'], i))).toEqual([false, false, true, false]);
  });
});

describe('the user’s lists in a compared area', () => {
  const list = read([
    header,
    ['芯片甲', '集成电路', '121.205', '31.305', '', '', '', ''],
    ['两业乙', '汽车;高端装备', '121.35', '31.35', '', '', '', ''],
    ['餐饮丙', '餐饮', '121.36', '31.36', '', '', '', ''],
    ['园外丁', '汽车', '121.5', '31.5', '嘉定区', '机器人产业园', '', ''],
  ]).enterprises;
  const park = (within: string[], output: number | null, area: number | null) => ({
    id: 'imported-2',
    row: 2,
    name: '园',
    industries: [],
    category: '',
    areaKm2: area,
    point: [121.3, 31.3] as [number, number],
    locatedBy: 'coordinates' as const,
    district: '310114',
    source: '',
    match: null,
    output: output === null ? null : { value: output, unit: '亿元', year: 2022 },
    within,
  });

  it('counts enterprises by their stated industries (one in two industries under both) and parks with their density', () => {
    const inBelt = listsInArea({ featureId: 'belt-huxi' }, list, [park(['belt-huxi'], 100, 2), park(['belt-huxi'], null, 1)], outputIn100m);
    expect(inBelt).toEqual({
      enterprises: { total: 3, byIndustry: { IC: 1, AUTO: 1, HEE: 1 }, noIndustry: 1 },
      parks: { count: 2, withBoth: 1, density: 50 },
    });
    // a park named in the file's park column counts there though its point lies outside
    expect(listsInArea({ featureId: 'robot-park' }, list, [], outputIn100m).enterprises.total).toBe(2);
    // the stated district, else the one the point is in (the stand-in outline ends at 121.3°E)
    expect(listsInArea({ district: '310114' }, list, [], outputIn100m).enterprises).toMatchObject({ total: 2 });
    expect(listsInArea({ featureId: 'lingang' }, list, [], outputIn100m)).toEqual({
      enterprises: { total: 0, byIndustry: {}, noIndustry: 0 },
      parks: { count: 0, withBoth: 0, density: null },
    });
  });
});

describe('an enterprise’s popup', () => {
  it('says in each language what the file says and that the row is the user’s, “no data” where it says nothing', () => {
    const [e] = read([header, ['甲机器人公司', '高端装备', '121.21', '31.31', '', '机器人产业园', '5000', '2022']]).enterprises;
    expect(describeEnterprise(e!, 'zh', ctx.industries, '嘉定名录')).toEqual([
      '甲机器人公司',
      '产业: 高端装备',
      '行政区: 嘉定区',
      '所在园区（文件）: 机器人产业园',
      '产值（来自您的文件）: 5000 万元 (2022)',
      '来自您的企业名单“嘉定名录”第 2 行',
    ]);
    const [other] = read([header, ['餐饮公司', '餐饮', '121.35', '31.35', '', '', '', '']]).enterprises;
    expect(describeEnterprise(other!, 'en', ctx.industries, 'List')).toEqual([
      '餐饮公司',
      'Industries: no 3+6 industry',
      'District: no data',
      'From your enterprise list “List”, row 2',
    ]);
  });
});

describe('a long list’s problems', () => {
  it('are one line per kind with the first rows and the count, and every one of them in the CSV', () => {
    const rows = [
      header,
      ...Array.from({ length: 300 }, (_, i) => [
        `公司${i}`,
        i % 3 === 0 ? '餐饮' : '汽车',
        '121.21',
        '31.31',
        i === 7 ? '火星区' : '',
        '',
        '',
        '',
      ]),
    ];
    const { issues } = read(rows);
    expect(issues).toHaveLength(101);
    const groups = groupIssues(issues);
    expect(groups.map((g) => [g.column, g.count, g.rows, g.kept])).toEqual([
      ['industries', 100, [2, 5, 8, 11, 14], true],
      ['district', 1, [9], false],
    ]);
    const table = issuesTable(issues, 'en');
    expect(table).toHaveLength(102);
    expect(table[0]).toEqual(['row', 'column', 'reason', 'loaded']);
    expect(table[1]).toEqual([2, 'industries', 'not a 3+6 industry: 餐饮 (counted under none of them)', 'yes']);
  });
});
