/**
 * The plan data as the product's specification: what 001 and 003 state must be what the data says.
 * Reads the built data (static/data/plan.json), so it checks what the app loads.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { booleanPointInPolygon } from '@turf/turf';
import type { Citation, Industry, Indicator, DistrictProfile, TermMapping } from '../../src/lib/plan/model.ts';
import type { PlanFeature } from '../../src/lib/plan/model.ts';
import { INDUSTRY_IDS } from '../../src/lib/plan/vocabulary.ts';
import { primaryDensity } from '../../src/lib/plan/density.ts';
import { matchesIndustries } from '../../src/lib/plan/rules.ts';
import { coverageMarkdown, type CoverageRow } from '../../geodata/build/plan.ts';
import { DISTRICTS } from '../../src/lib/districts.ts';
import { builtGeodata } from '../support/geodata.ts';
import { ROOT } from '../support/server.ts';

type Feature = PlanFeature & { group: string; drawn: boolean; drawn_area_km2: number | null; clipped_to_land: boolean };
interface Plan {
  industries: Industry[];
  terms: TermMapping[];
  features: Feature[];
  districts: DistrictProfile[];
  indicators: Indicator[];
  density: {
    target: { value: number; year: number };
    baselines: { id: string; value: number; year: number; scope?: { zh: string; en: string } }[];
  };
  parks_programme: { total_municipal: number; held: number };
  coverage: CoverageRow[];
}

let plan: Plan;
let data: Awaited<ReturnType<typeof builtGeodata>>;
beforeAll(async () => {
  data = await builtGeodata();
  plan = data.plan as unknown as Plan;
}, 180_000);

const byId = (id: string) => plan.features.find((f) => f.id === id)!;
const termsOf = (f: Feature) => [...new Set(f.industries.map((l) => l.term_zh))];
const planLines = (cites: Citation[]) => cites.filter((c): c is Extract<Citation, { type: 'plan' }> => c.type === 'plan');

describe('manufacturing layout (001 L936-1020)', () => {
  it('has the pole 临港新片区 with 集成电路, 人工智能, 生物医药, 航空航天 (001 L950-954)', () => {
    const pole = byId('lingang');
    expect(pole.kind).toBe('pole');
    expect(termsOf(pole)).toEqual(['集成电路', '人工智能', '生物医药', '航空航天']);
    expect(pole.industries.map((l) => l.industry)).toEqual(['IC', 'AI', 'BIO', 'HEE']);
    expect(pole.figures.find((f) => f.id === 'lingang.growth-share')?.text_zh).toBe('1/3以上');
    // its area is the whole special area: its density (2.9) is not set against the park target of 80
    expect(pole.area?.land_basis).toBe('zone-area');
    expect(primaryDensity(pole)).toMatchObject({ status: 'ok', density: { tier: 'not-comparable' } });
  });

  const belts: [string, [string, string, string[]][]][] = [
    [
      'belt-yanjiang',
      [
        ['yanjiang-pudong-north', '浦东北部', ['集成电路', '生命健康', '航空及高端装备', '汽车']],
        ['yanjiang-baoshan', '宝山', ['新材料', '机器人及智能硬件', '生物医药']],
        ['yanjiang-changxing', '崇明长兴岛', ['船舶和海洋工程装备']],
      ],
    ],
    [
      'belt-yanwan',
      [
        ['yanwan-fengxian', '奉贤', ['美丽健康', '智能新能源汽车']],
        ['yanwan-jinshan', '金山', ['新材料', '智能装备', '生命健康', '信息技术']],
      ],
    ],
    [
      'belt-huxi',
      [
        ['huxi-jiading', '嘉定', ['汽车', '智能传感器', '医疗设备']],
        ['huxi-qingpu', '青浦', ['信息技术', '北斗导航']],
        ['huxi-songjiang', '松江', ['智能制造装备', '集成电路', '生物医药']],
        ['huxi-minhang', '闵行', ['高端装备及航天', '人工智能', '健康医疗']],
      ],
    ],
  ];
  it.each(belts)('%s: members and their key industries are exactly 001 L961-987', (beltId, members) => {
    const belt = byId(beltId);
    expect(belt.kind).toBe('belt');
    const memberIds = (belt.geometry as { of: string[] }).of;
    const expected = members.map(([id]) => id);
    expect(memberIds.filter((id) => id !== 'lingang')).toEqual(expected);
    for (const [id, name, terms] of members) {
      const m = byId(id);
      expect(m.name.zh).toBe(name);
      expect(m.parent).toBe(beltId);
      expect(termsOf(m)).toEqual(terms);
      for (const c of planLines(m.cite)) {
        expect(c.doc).toBe('001');
        expect(c.lines[0]).toBeGreaterThanOrEqual(961);
        expect(c.lines[1]).toBeLessThanOrEqual(987);
      }
    }
  });

  it('starts the 沿湾 belt at 临港新片区 (001 L971-975) and keeps 现代物流 as a role of 青浦, outside the 3+6', () => {
    expect((byId('belt-yanwan').geometry as { of: string[] }).of[0]).toBe('lingang');
    expect(
      byId('huxi-qingpu')
        .roles.map((r) => r.text_zh)
        .join(),
    ).toContain('现代物流');
  });

  it('has the five new towns, the five bases, the five transformation areas and the four brand parks of 001', () => {
    const names = (kind: string) => plan.features.filter((f) => f.kind === kind).map((f) => f.name.zh);
    expect(names('new-town')).toEqual(['嘉定新城', '青浦新城', '松江新城', '奉贤新城', '南汇新城']);
    expect(names('industrial-base')).toEqual(
      expect.arrayContaining(['上海化工区', '长兴岛船舶和海洋装备基地', '宝山精品钢材基地', '祝桥民用航空基地', '国际汽车城']),
    );
    expect(names('transformation-area')).toEqual(['桃浦', '南大', '吴淞', '吴泾', '高桥']);
    expect(names('brand-park')).toEqual(['临港', '张江', '金桥', '漕河泾']);
  });

  it('sizes each new town to its published area, and only the sea cuts a circle smaller', () => {
    for (const f of plan.features.filter((x) => x.kind === 'new-town')) {
      expect(f.drawn_area_km2! / f.area!.value!, f.id).toBeLessThan(1.03);
      if (!f.clipped_to_land) expect(f.drawn_area_km2! / f.area!.value!, f.id).toBeGreaterThan(0.97);
    }
    // 南汇新城's circle reaches into the East China Sea: drawn on land only, flagged as clipped.
    const nanhui = plan.features.find((x) => x.name.zh === '南汇新城')!;
    expect(nanhui.clipped_to_land).toBe(true);
    expect(nanhui.drawn_area_km2!).toBeLessThan(nanhui.area!.value! * 0.9);
  });
});

describe('every record', () => {
  it('is cited, says how precise its geometry is, and uses only known industries', () => {
    for (const f of plan.features) {
      expect(f.cite.length, f.id).toBeGreaterThan(0);
      expect(['surveyed', 'approximate', 'schematic']).toContain(f.precision.level);
      expect(f.precision.basis.zh.length, f.id).toBeGreaterThan(4);
      expect(f.precision.basis.en.length, f.id).toBeGreaterThan(10);
      for (const l of f.industries) {
        expect(INDUSTRY_IDS).toContain(l.industry);
        expect(l.cite.length).toBeGreaterThan(0);
      }
    }
  });

  it('marks schematic what the plans draw as schematic: belts, the CAZ and the service belts', () => {
    for (const id of ['belt-yanjiang', 'belt-yanwan', 'belt-huxi', 'caz', 'svc-belt-huangpu', 'svc-belt-yanan-century', 'lingang']) {
      expect(byId(id).precision.level, id).toBe('schematic');
    }
  });

  it('places every drawn park inside its stated district', () => {
    const admin = new Map(data.districtsAdmin.features.map((f) => [f.properties.code, f]));
    const parks = plan.features.filter((f) => f.kind === 'featured-park' && f.drawn && f.districts.length > 0);
    expect(parks.length).toBeGreaterThan(10);
    for (const p of parks) {
      const g = p.geometry as { type: string; center?: [number, number]; coordinates?: [number, number] };
      const point = g.center ?? g.coordinates!;
      expect(
        p.districts.some((code) => booleanPointInPolygon(point, admin.get(code)!)),
        p.id,
      ).toBe(true);
    }
  });

  it('has every data text a reader sees in both languages: precision, scopes, notes, conflicts, reasons', () => {
    type T = { zh: string; en: string };
    const texts: [string, T][] = [];
    for (const f of plan.features) {
      texts.push([`${f.id} precision`, f.precision.basis]);
      if (f.area?.scope) texts.push([`${f.id} area scope`, f.area.scope]);
      for (const x of f.figures) if (x.scope) texts.push([`${x.id} scope`, x.scope]);
      for (const u of f.unverified) texts.push([`${f.id} unverified ${u.field}`, u.note]);
      for (const c of f.conflicts) texts.push([`${f.id} conflict ${c.field}`, c.note]);
      if (f.geometry.type === 'none') texts.push([`${f.id} reason`, f.geometry.reason]);
    }
    for (const t of plan.terms) texts.push([`term ${t.term_zh}`, t.note]);
    for (const r of plan.coverage) if (r.reason) texts.push([`coverage ${r.n}`, r.reason]);
    expect(texts.length).toBeGreaterThan(250);
    const cjk = /[\u4e00-\u9fff]/;
    for (const [where, t] of texts) {
      expect(t.zh.trim().length, where).toBeGreaterThan(0);
      expect(t.en.trim().length, where).toBeGreaterThan(0);
    }
    // the long texts really are in each language, not one copied into the other
    for (const [where, t] of texts.filter(([, t]) => t.en.length > 30)) {
      expect(t.zh, where).toMatch(cjk);
      expect(t.en, where).toMatch(/[A-Za-z]{4,}/);
      expect(t.zh, where).not.toBe(t.en);
    }
  });

  it('maps every plan term outside the 3+6 interpretively, with a note, and never hides it as stated', () => {
    for (const t of plan.terms) expect(t.note.en.length && t.note.zh.length).toBeGreaterThan(5);
    const beauty = plan.terms.find((t) => t.term_zh === '美丽健康')!;
    expect(beauty.industries).toEqual(['FASHION', 'LH']);
    for (const f of plan.features) {
      for (const l of f.industries) if (l.term_zh === '美丽健康' || l.term_zh === '北斗导航') expect(l.basis).toBe('interpretive');
    }
  });
});

describe('industries (001 §三)', () => {
  it('has the 3+6 with the leading three apart, each with one colour', () => {
    expect(plan.industries.map((i) => i.id)).toEqual([...INDUSTRY_IDS]);
    expect(plan.industries.filter((i) => i.group === 'leading').map((i) => i.id)).toEqual(['IC', 'BIO', 'AI']);
    expect(new Set(plan.industries.map((i) => i.colour)).size).toBe(9);
  });

  it('says 集成电路 is a segment of 电子信息 and 生物医药 of 生命健康', () => {
    const ei = plan.industries.find((i) => i.id === 'EI')!;
    const lh = plan.industries.find((i) => i.id === 'LH')!;
    expect(ei.segments.find((s) => s.same_as === 'IC')?.name.zh).toBe('集成电路');
    expect(lh.segments.find((s) => s.same_as === 'BIO')).toBeDefined();
  });

  it('holds the 2025 scale targets as 001 states them', () => {
    const target = (seg: string, id: string) =>
      plan.industries
        .flatMap((i) => i.segments)
        .find((s) => s.id === seg)!
        .targets.find((t) => t.id === id)!;
    expect(target('AUTO.nev', 'AUTO.nev.2025')).toMatchObject({ value: 3500, unit: '亿元', qualifier_zh: '突破', year: 2025 });
    expect(target('AUTO.nev', 'AUTO.nev.units-2025')).toMatchObject({ value: 120, unit: '万辆', qualifier_zh: '超过' });
    expect(target('HEE.ships-offshore', 'HEE.ships-offshore.2025')).toMatchObject({ value: 1000, unit: '亿元' });
    const ic = plan.industries.find((i) => i.id === 'IC')!.targets[0]!;
    expect(ic.value).toBeNull();
    expect(ic.text_zh).toContain('倍增');
  });
});

describe('districts', () => {
  it('profiles all 16 with the 002 demonstration fields present and empty (no data)', () => {
    expect(plan.districts.map((d) => d.code).sort()).toEqual(DISTRICTS.map((d) => d.code).sort());
    for (const d of plan.districts) {
      expect(Object.keys(d.demonstration.values)).toHaveLength(10);
      expect(Object.values(d.demonstration.values).every((v) => v === null)).toBe(true);
    }
  });

  it('puts the belt districts in their belts and leaves the central city out', () => {
    const belts = Object.fromEntries(plan.districts.map((d) => [d.code, d.belts]));
    expect(belts['310114']).toEqual(['belt-huxi']);
    expect(belts['310151']).toEqual(['belt-yanjiang']);
    expect(belts['310115']).toEqual(['belt-yanjiang', 'belt-yanwan']);
    for (const code of ['310101', '310104', '310105', '310106', '310107', '310109', '310110']) expect(belts[code]).toEqual([]);
  });

  it('finds 嘉定, 奉贤 and 浦东 when filtering by 汽车 (001 L965-983)', () => {
    const auto = plan.districts.filter((d) => matchesIndustries(d.industries, new Set(['AUTO']), plan.industries)).map((d) => d.code);
    expect(auto.sort()).toEqual(['310114', '310115', '310120']);
  });
});

describe('indicators and density', () => {
  it("has 001's 18-row table and 003's 10-row table in order", () => {
    const rows = (table: string) => plan.indicators.filter((i) => i.table === table).map((i) => i.row);
    expect(rows('001-main')).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
    expect(rows('003-main')).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    const row5 = plan.indicators.find((i) => i.id === '001-5')!;
    expect(row5.target).toMatchObject({ value: 80, unit: '亿元/平方公里', year: 2025, binding: '预期性' });
    expect(row5.baseline).toMatchObject({ value: 76.7, year: 2020 });
    expect(plan.indicators.find((i) => i.id === '001-6')!.target.binding).toBe('约束性');
  });

  it('keeps each density figure with its year and scope', () => {
    expect(plan.density.target).toMatchObject({ value: 80, year: 2025 });
    const b = Object.fromEntries(plan.density.baselines.map((x) => [x.id, x]));
    expect(b['park-density-2020']).toMatchObject({ value: 76.7, year: 2020 });
    expect(b['featured-parks-density-2021']).toMatchObject({ value: 141, year: 2021 });
    expect(b['featured-parks-density-2021']!.scope!.en).toMatch(/first two batches/);
    expect(b['pss-density-2020']).toMatchObject({ value: 319, year: 2020 });
  });
});

describe('featured parks and coverage', () => {
  it('says how many of the 53 municipal featured parks it holds', () => {
    expect(plan.parks_programme.total_municipal).toBe(53);
    const held = plan.features.filter((f) => f.designations.some((d) => d.programme === 'municipal-featured-park')).length;
    expect(plan.parks_programme.held).toBe(held);
    expect(held).toBe(27);
  });

  it('adds the parks the second search sourced, keeps UNCONFIRMED leads out of the count, and records the second block of 氢能港', () => {
    const park = (id: string) => plan.features.find((f) => f.id === id)!;
    const municipal = (id: string) => park(id).designations.find((d) => d.programme === 'municipal-featured-park');
    expect(municipal('jinqiao-5g-park')).toMatchObject({ batch: 1, basis: 'stated' });
    expect(park('jinqiao-5g-park').area!.value).toBe(5.4);
    expect(municipal('waigaoqiao-smart-manufacturing-service')).toMatchObject({ batch: 1 });
    expect(municipal('shuzhi-nanda')).toMatchObject({ batch: 3 });
    expect(municipal('oriental-beauty-valley-cosmetics')).toMatchObject({ batch: 3 });
    expect(municipal('online-zhangjiang')).toMatchObject({ batch: 2 });
    expect(municipal('online-changyang-xiudai')).toMatchObject({ batch: 2 });
    // the two 东方美谷 parks stay apart; a park no source places is listed, not drawn
    expect(municipal('oriental-beauty-valley')).toMatchObject({ batch: 1 });
    expect(park('oriental-beauty-valley-cosmetics').drawn).toBe(false);
    expect(park('xinshishang-city').drawn).toBe(false);
    // 碳谷绿湾 is an UNCONFIRMED lead: kept as a record, out of the municipal count, and said so
    expect(municipal('carbon-valley-green-bay')).toBeUndefined();
    expect(park('carbon-valley-green-bay').unverified.map((u) => u.field)).toContain('designations');
    const hydrogen = park('jiading-hydrogen-port').conflicts.find((c) => c.field === 'location')!;
    expect(hydrogen.values.map((v) => v.value).join()).toMatch(/北部制造区域/);
  });

  it('records conflicting sources instead of hiding them (东方芯港 5.45 vs 10 km²)', () => {
    const conflict = byId('dongfang-xingang').conflicts.find((c) => c.field === 'area')!;
    expect(conflict.values.map((v) => v.value).join(' ')).toMatch(/5\.45.*10 km²/);
  });

  it('accounts for all 128 named places, with a reason for each one not placed, and the committed report is current', () => {
    expect(plan.coverage).toHaveLength(128);
    for (const row of plan.coverage) {
      if (row.status === 'placed') expect(row.precision).toBeTruthy();
      else expect(row.reason, row.name_zh).toBeTruthy();
    }
    const placed = plan.coverage.filter((r) => r.status === 'placed' || r.status === 'district').length;
    expect(placed).toBeGreaterThanOrEqual(90);
    expect(readFileSync(join(ROOT, 'geodata/coverage.md'), 'utf8')).toBe(coverageMarkdown(plan.coverage));
  });
});
