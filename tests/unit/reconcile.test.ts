/**
 * An imported list checked against the data held: which rows the product knows (by name, or a held
 * park nearby), which are new, and where the file and the sourced value differ; and the file's
 * parks summed by district (output over area, only rows with both).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseImport, type ImportContext } from '../../src/lib/plan/import-parks.ts';
import {
  batchNumber,
  districtSummary,
  layoutSummary,
  kmBetween,
  reconcile,
  reconcileCounts,
  reconcileCsv,
} from '../../src/lib/plan/reconcile.ts';
import { featureIndex } from '../../src/lib/plan/feature-index.ts';
import { outputIn100m } from '../../src/lib/plan/density.ts';
import { parseCsvRows, toCsv } from '../../src/lib/formats/csv.ts';
import type { BuiltPlan } from '../../src/lib/plan/model.ts';
import { ROOT } from '../support/server.ts';

const plan = JSON.parse(readFileSync(join(ROOT, 'static/data/plan.json'), 'utf8')) as BuiltPlan;
const held = featureIndex(plan.features, plan.industries);
const ctx: ImportContext = { industries: plan.industries, features: held, districtCentres: { '310113': [121.4, 31.35] } };

const robot = held.find((f) => f.id === 'robot-park')!;
const list = parseImport(
  toCsv([
    ['名称', '产业', '面积', '产值(亿元)', '年份', '区', '批次', '经度', '纬度'],
    // the data's robot park, with another area, district and batch, 5 km away
    ['上海机器人产业园', '高端装备', '4.2', '300', '2022', '嘉定区', '第二批', '121.33', '31.35'],
    // not the data's name, but 300 m from the IC design park
    ['张江集成电路设计园区', '集成电路', '', '', '', '浦东新区', '', '121.643', '31.2045'],
    // a park the data does not hold
    ['某某新材料产业园', '先进材料', '1.5', '60', '2022', '宝山区', '', '121.45', '31.4'],
    ['只有区的园区', '先进材料', '2', '', '', '宝山区', '', '', ''],
  ]),
  'list.csv',
  ctx,
);

describe('checking an imported list against the data held', () => {
  const rows = reconcile(list.accepted, held);

  it('finds the held park by name and shows every field where the file and the source differ, with both values', () => {
    expect(rows[0]).toMatchObject({ status: 'matched', held: { id: 'robot-park' } });
    expect(rows[0]!.differences).toEqual([
      { field: 'area', file: '4.2 km²', held: `${robot.areaKm2} km²` },
      { field: 'district', file: '310114', held: '310113' },
      { field: 'batch', file: '2', held: '1' },
      { field: 'location', file: '121.33, 31.35', held: `${robot.labelPoint![0]}, ${robot.labelPoint![1]}` },
    ]);
    expect(rows[0]!.distanceKm).toBeCloseTo(kmBetween([121.33, 31.35], robot.labelPoint!), 1);
  });

  it('offers a held park within a kilometre for a row whose name it does not know, and calls the rest new', () => {
    expect(rows[1]).toMatchObject({ status: 'nearby', held: { id: 'ic-design-park' }, distanceKm: 0.3, differences: [] });
    expect(rows[2]).toMatchObject({ status: 'new', held: null, differences: [] });
    // a row placed at its district's centre is never "nearby" anything
    expect(rows[3]!.status).toBe('new');
    expect(reconcileCounts(rows)).toEqual({ matched: 1, differing: 1, nearby: 1, new: 2 });
  });

  it('exports the check as a CSV with district names, that parses back', () => {
    const csv = parseCsvRows(reconcileCsv(rows, 'en'));
    expect(csv[0]!.slice(0, 5)).toEqual(['Row', 'Name in the file', 'Result', 'Park in the data', 'Apart (km)']);
    expect(csv[1]!.slice(2, 4)).toEqual(['same name', 'Shanghai Robot Industrial Park (robot-park)']);
    expect(csv[1]![7]).toBe('Jiading');
    expect(csv[1]![8]).toBe('Baoshan');
    expect(csv.length).toBe(5);
  });
});

describe('batches as files write them', () => {
  it('reads 第二批, 第2批, 2 and batch 2 alike, and nothing else', () => {
    expect(['第二批', '第2批', '2', 'batch 2', '二', '第二'].map(batchNumber)).toEqual([2, 2, 2, 2, 2, 2]);
    expect(['', '2022', '0', 'abc', undefined].map(batchNumber)).toEqual([null, null, null, null, null]);
  });
});

describe('the file’s parks by district', () => {
  it('sums output over area for the rows with both, counting the others apart, never a zero for no data', () => {
    const summary = districtSummary(list.accepted, outputIn100m);
    const baoshan = summary.find((d) => d.key === '310113')!;
    // 某某新材料产业园 has both (60 亿元 over 1.5 km² = 40); 只有区的园区 has no output
    expect(baoshan).toEqual({
      key: '310113',
      parks: 2,
      withBoth: 1,
      output100m: 60,
      areaKm2: 1.5,
      density: { value: 40, tier: 'below' },
    });
    const pudong = summary.find((d) => d.key === '310115')!;
    expect(pudong).toMatchObject({ parks: 1, withBoth: 0, output100m: null, density: null });
  });
});

describe('the file’s parks by belt, pole and new town', () => {
  it('groups each park under every layout area its point is in, in the layout’s order, the rest last', () => {
    const park = (name: string, within: string[], output: number | null, area: number | null) => ({
      ...list.accepted[0]!,
      name,
      within,
      output: output === null ? null : { value: output, unit: '亿元', year: 2022 },
      areaKm2: area,
      boundaryAreaKm2: null,
    });
    const parks = [
      park('沿江甲', ['yanjiang-baoshan', 'belt-yanjiang'], 100, 1),
      park('沿江乙', ['belt-yanjiang'], null, 2),
      park('临港丙', ['lingang'], 30, 1),
      park('别处丁', ['robot-park'], 50, 1),
    ];
    const rows = layoutSummary(parks, ['belt-yanjiang', 'belt-huxi', 'lingang'], outputIn100m);
    expect(rows.map((r) => [r.key, r.parks, r.withBoth, r.density?.value ?? null])).toEqual([
      ['belt-yanjiang', 2, 1, 100],
      ['lingang', 1, 1, 30],
      [null, 1, 1, 50],
    ]);
  });
});
