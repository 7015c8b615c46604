import type { BuiltFeature } from '../../src/lib/plan/model.ts';
import { decodeCompare } from '../../src/lib/url/compare-state.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_COMPARISON,
  comparisonCsv,
  comparisonTable,
  compareUnits,
  matrixFootnotes,
  districtUnitId,
  type CompareUnit,
} from '../../src/lib/plan/compare.ts';
import { BOM, parseCsvRows, toCsv } from '../../src/lib/formats/csv.ts';
import { shapeIndex } from '../../src/lib/plan/shapes.ts';
import type { DistrictProfile, Industry, IndustryId } from '../../src/lib/plan/model.ts';

const ROOT = join(import.meta.dirname, '../..');
const read = <T>(file: string) => JSON.parse(readFileSync(join(ROOT, 'static/data', file), 'utf8')) as T;
const plan = read<{ features: BuiltFeature[]; districts: DistrictProfile[]; industries: Industry[] }>('plan.json');
const units = compareUnits({
  features: plan.features,
  shapes: shapeIndex(read<FeatureCollection>('plan.geojson'), 'id', 'shape'),
  districtShapes: shapeIndex(read<FeatureCollection>('districts.geojson'), 'code'),
  districts: plan.districts,
});
const unit = (id: string) => units.find((u) => u.id === id)!;

type Expected = Partial<Record<IndustryId, ['stated' | 'inferred', string]>>;

/**
 * 001 L961-987, read by hand: what each belt and member 重点发展. "stated" where the plan uses the
 * 3+6 name (or a segment of it), "inferred" where its own term maps to one (新材料 → 先进材料,
 * 美丽健康 → 时尚消费品 and 生命健康, 北斗导航 → 高端装备 …). 现代物流 (青浦) is a service: no cell.
 */
const PLAN_001_L961_987: Record<string, Record<string, Expected>> = {
  'belt-yanjiang': {
    'belt-yanjiang': { IC: ['inferred', '芯片'], HEE: ['inferred', '大飞机'] },
    'yanjiang-pudong-north': {
      IC: ['stated', '集成电路'],
      LH: ['stated', '生命健康'],
      HEE: ['inferred', '航空及高端装备'],
      AUTO: ['stated', '汽车'],
    },
    'yanjiang-baoshan': {
      MAT: ['inferred', '新材料'],
      HEE: ['inferred', '机器人及智能硬件'],
      EI: ['inferred', '机器人及智能硬件'],
      BIO: ['stated', '生物医药'],
    },
    'yanjiang-changxing': { HEE: ['inferred', '船舶和海洋工程装备'] },
  },
  'belt-yanwan': {
    'yanwan-fengxian': { FASHION: ['inferred', '美丽健康'], LH: ['inferred', '美丽健康'], AUTO: ['inferred', '智能新能源汽车'] },
    'yanwan-jinshan': {
      MAT: ['inferred', '新材料'],
      HEE: ['inferred', '智能装备'],
      LH: ['stated', '生命健康'],
      EI: ['inferred', '信息技术'],
    },
  },
  'belt-huxi': {
    'huxi-jiading': { AUTO: ['stated', '汽车'], EI: ['inferred', '智能传感器'], LH: ['inferred', '医疗设备'] },
    'huxi-qingpu': { EI: ['inferred', '信息技术'], HEE: ['inferred', '北斗导航'] },
    'huxi-songjiang': { HEE: ['stated', '智能制造装备'], IC: ['stated', '集成电路'], BIO: ['stated', '生物医药'] },
    'huxi-minhang': { HEE: ['inferred', '高端装备及航天'], AI: ['stated', '人工智能'], LH: ['inferred', '健康医疗'] },
  },
};

/** A built feature for the comparison's own tests: only what differs is given. */
function built(
  id: string,
  kind: BuiltFeature['kind'],
  geometry: BuiltFeature['geometry'],
  labelPoint: [number, number] | null,
  areaKm2?: number,
): BuiltFeature {
  const cite = [{ type: 'plan' as const, doc: '001' as const, lines: [1, 1] as [number, number] }];
  return {
    id,
    kind,
    name: { zh: id, en: id },
    aliases: [],
    group: 'manufacturing',
    drawn_area_km2: null,
    districts: [],
    industries: [],
    roles: [],
    figures: [],
    designations: [],
    modes: [],
    cite,
    geometry,
    precision: { level: 'surveyed', basis: { zh: '测试', en: 'test' } },
    unverified: [],
    conflicts: [],
    label_point: labelPoint,
    drawn: true,
    clipped_to_land: false,
    access: null,
    ...(areaKm2 === undefined
      ? {}
      : {
          area: {
            id: `${id}-area`,
            label: { zh: '面积', en: 'Area' },
            value: areaKm2,
            unit: 'km²',
            year: 2020,
            kind: 'published' as const,
            cite,
          },
        }),
  };
}

describe('the 3+6 allocation matrix of the three belts', () => {
  for (const [beltId, rows] of Object.entries(PLAN_001_L961_987)) {
    it(`${beltId} equals 001 L961-987 cell by cell`, () => {
      const matrix = unit(beltId).matrix;
      expect(matrix.map((r) => r.id)).toEqual(Object.keys(rows));
      for (const row of matrix) {
        const expected = rows[row.id]!;
        for (const [industry, cell] of Object.entries(row.cells) as [IndustryId, CompareUnit['matrix'][number]['cells'][IndustryId]][]) {
          const want = expected[industry];
          expect(cell.basis, `${row.id} × ${industry}`).toBe(want ? want[0] : 'none');
          if (!want) continue;
          expect(cell.terms, `${row.id} × ${industry}`).toContain(want[1]);
          // every cell cites the passage it comes from
          expect(cell.cite.length).toBeGreaterThan(0);
          for (const c of cell.cite) {
            expect(c.type === 'plan' && c.doc === '001' && c.lines[0] >= 961 && c.lines[1] <= 987, JSON.stringify(c)).toBe(true);
          }
        }
      }
    });
  }

  it('lists each belt’s members as the plan names them (沿湾 starts at 临港)', () => {
    expect(unit('belt-yanwan').members.map((m) => m.name.zh)).toEqual(['奉贤', '金山', '临港新片区']);
    expect(unit('belt-huxi').members.map((m) => m.name.zh)).toEqual(['嘉定', '青浦', '松江', '闵行']);
  });
});

describe('areas', () => {
  it('computes a lon/lat box’s area as the sphere gives it', () => {
    const box: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [121, 31],
          [121.1, 31],
          [121.1, 31.1],
          [121, 31.1],
          [121, 31],
        ],
      ],
    };
    const [u] = compareUnits({
      features: [
        built('box', 'pole', { type: 'polygon', coordinates: box.coordinates as [number, number][][] }, null, 100),
        built('inside', 'featured-park', { type: 'point', coordinates: [121.05, 31.05] }, [121.05, 31.05], 2.5),
        built('outside', 'featured-park', { type: 'point', coordinates: [121.5, 31.05] }, [121.5, 31.05]),
      ],
      shapes: new Map([['box', box]]),
      districtShapes: new Map(),
      districts: [],
    });
    // R² · Δλ · (sin φ2 − sin φ1) with turf's earth radius, 6371008.8 m
    const R = 6371008.8;
    const rad = Math.PI / 180;
    const expected = (R * R * (0.1 * rad) * (Math.sin(31.1 * rad) - Math.sin(31 * rad))) / 1e6;
    expect(u!.area.computedKm2).toBeCloseTo(expected, 0);
    expect(u!.area.differencePct).toBeCloseTo(((Math.round(expected * 10) / 10 - 100) / 100) * 100, 1);
    expect(u!.parks.map((p) => p.id)).toEqual(['inside']);
    expect(u!.parksArea).toEqual({ knownKm2: 2.5, withArea: 1, withoutArea: 0 });
  });

  it('says when a new town is a circle of its published area (equal by construction)', () => {
    const town = unit('nt-jiading');
    expect(town.area.circleOfPublished).toBe(true);
    expect(Math.abs(town.area.differencePct!)).toBeLessThan(1);
    expect(unit('belt-huxi').area.published).toBeNull();
    expect(unit('belt-huxi').area.computedKm2).toBeGreaterThan(1500);
  });

  it('finds parks inside and the service parts that overlap', () => {
    expect(unit('lingang').parks.map((p) => p.id)).toContain('dongfang-xingang');
    expect(unit(districtUnitId('310113')).parks.map((p) => p.id)).toContain('robot-park');
    expect(unit('lingang').service.length).toBeGreaterThan(0);
    expect(unit('lingang').outline).toMatch(/^M[\d.]+,[\d.]+L/);
  });
});

describe('matrix footnotes', () => {
  it('number each distinct citation once, in the order the cells first cite it', () => {
    const notes = matrixFootnotes([unit('belt-huxi')]);
    const lines = notes.list.map((c) => (c.type === 'plan' ? c.lines.join('-') : ''));
    expect(lines).toEqual(['981-983', '983-985', '985-987', '987-987']);
    expect(notes.numberOf(unit('belt-huxi').matrix.find((r) => r.id === 'huxi-songjiang')!.cells.IC.cite[0]!)).toBe(3);
  });
});

describe('comparison CSV', () => {
  it('writes UTF-8 with a BOM and parses back to the same table', () => {
    const chosen = ['belt-yanwan', 'belt-huxi'].map(unit);
    const csv = comparisonCsv(chosen, plan.industries);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(parseCsvRows(csv)).toEqual(comparisonTable(chosen, plan.industries));
    expect(csv).toContain('沪西高端产业集群发展带');
  });

  it('quotes commas, quotes and line breaks', () => {
    const rows = [
      ['a,b', 'say "hi"', 'two\nlines', '中文', ''],
      ['1', ' padded ', '-2.5', '', ''],
    ];
    expect(parseCsvRows(toCsv(rows))).toEqual(rows);
    // a cell a spreadsheet would run as a formula is written as text (OWASP CSV injection)
    expect(parseCsvRows(toCsv([['=x', '@y']]))).toEqual([["'=x", "'@y"]]);
  });
});

describe('the comparison in the URL', () => {
  const known = new Set(units.map((u) => u.id));
  it('defaults to the three belts and keeps known ids in order, at most six', () => {
    const decode = (q: string) => decodeCompare(new URLSearchParams(q), known);
    expect(decode('').state.units).toEqual(DEFAULT_COMPARISON);
    expect(decode('units=belt-yanwan,belt-huxi').state.units).toEqual(['belt-yanwan', 'belt-huxi']);
    expect(decode('units=belt-huxi,nope,belt-huxi')).toEqual({
      state: { language: 'zh', units: ['belt-huxi'] },
      dropped: [{ param: 'units', value: 'nope', reason: 'drop_unit' }],
    });
    const seven = ['lingang', 'belt-yanjiang', 'belt-yanwan', 'belt-huxi', 'nt-jiading', 'nt-qingpu', 'nt-songjiang'];
    const many = decode(`units=${seven.join(',')}`);
    expect(many.state.units).toEqual(seven.slice(0, 6));
    expect(many.dropped.map((d) => d.value)).toEqual(['nt-songjiang']);
  });
});
