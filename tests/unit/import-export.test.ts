import { describe, expect, it } from 'vitest';
import {
  parseImport,
  matchByName,
  industriesFromText,
  districtFromText,
  TEMPLATE_CSV_ROWS,
  type ImportContext,
} from '../../src/lib/plan/import-parks.ts';
import { featuresCsv, featuresGeojson, featuresTable, FEATURE_CSV_COLUMNS } from '../../src/lib/plan/export-features.ts';
import { legendEntries, metresPerPixel, scaleBar } from '../../src/lib/style/export-legend.ts';
import { parseCsvRows, toCsv } from '../../src/lib/formats/csv.ts';
import type { PlanFeature } from '../../src/lib/plan/model.ts';

const ctx: ImportContext = {
  industries: [
    { id: 'IC', name: { zh: '集成电路', en: 'Integrated circuits' } },
    { id: 'BIO', name: { zh: '生物医药', en: 'Biomedicine' } },
    { id: 'AI', name: { zh: '人工智能', en: 'Artificial intelligence' } },
    { id: 'AUTO', name: { zh: '汽车', en: 'Automotive' } },
    { id: 'HEE', name: { zh: '高端装备', en: 'High-end equipment' } },
  ],
  features: [
    {
      id: 'dongfang-xingang',
      kind: 'featured-park',
      name: { zh: '东方芯港', en: 'Oriental Chip Port (Lingang)' },
      aliases: ['临港新片区东方芯港'],
    },
    { id: 'robot-park', kind: 'featured-park', name: { zh: '上海机器人产业园', en: 'Shanghai Robot Industrial Park' }, aliases: [] },
    {
      id: 'base-auto-city',
      kind: 'industrial-base',
      name: { zh: '国际汽车城', en: 'Shanghai International Automobile City' },
      aliases: [],
    },
  ],
  districtCentres: { '310114': [121.25, 31.35], '310120': [121.5, 30.9] },
};
const csv = (rows: string[][]) => toCsv(rows);
const HEADER = TEMPLATE_CSV_ROWS[0]!;

describe('importing a list of parks', () => {
  it('accepts the template as it is downloaded', () => {
    const r = parseImport(toCsv(TEMPLATE_CSV_ROWS), 'parks-template.csv', ctx);
    expect(r.fatal).toBeNull();
    expect(r.issues).toEqual([]);
    expect(r.accepted.map((p) => [p.row, p.industries, p.locatedBy])).toEqual([
      [2, ['HEE', 'AI'], 'coordinates'],
      [3, ['BIO'], 'district-centre'],
    ]);
    expect(r.accepted[1]!.point).toEqual([121.5, 30.9]);
  });

  it('reads Chinese headers and matches names to the parks in the data', () => {
    const r = parseImport(
      csv([
        ['名称', '产业', '面积', '经度', '纬度'],
        ['临港新片区东方芯港', '集成电路', '5.45', '121.9', '30.9'],
        ['上海机器人产业园 ', 'HEE', '3.09', '121.37', '31.36'],
      ]),
      'list.csv',
      ctx,
    );
    expect(r.issues).toEqual([]);
    expect(r.accepted.map((p) => p.match?.id)).toEqual(['dongfang-xingang', 'robot-park']);
    expect(r.accepted[0]!.areaKm2).toBe(5.45);
  });

  it('reports each kind of bad row with its row, column and reason, and keeps the good rows', () => {
    const r = parseImport(
      csv([
        [...HEADER],
        ['', 'AUTO', '', '', '121.2', '31.3', '', ''],
        ['未知产业园', '造船', '', '', '121.2', '31.3', '', ''],
        ['面积错误园', 'AUTO', '', '-3', '121.2', '31.3', '', ''],
        ['坐标颠倒园', 'AUTO', '', '', '31.3', '121.2', '', ''],
        ['境外园', 'AUTO', '', '', '116.4', '39.9', '', ''],
        ['缺纬度园', 'AUTO', '', '', '121.2', '', '', ''],
        ['无位置园', 'AUTO', '', '', '', '', '', ''],
        ['错区园', 'AUTO', '', '', '', '', '火星区', ''],
        ['好园', 'AUTO', '', '2', '121.2', '31.3', '', ''],
      ]),
      'bad.csv',
      ctx,
    );
    expect(r.accepted.map((p) => p.name)).toEqual(['好园']);
    expect(r.accepted[0]!.row).toBe(10);
    const byRow = Object.fromEntries(r.issues.map((i) => [i.row, [i.column, i.reason.en]]));
    expect(byRow[2]).toEqual(['name', 'the name is empty']);
    expect(byRow[3]![0]).toBe('industries');
    expect(byRow[3]![1]).toContain('造船');
    expect(byRow[4]![0]).toBe('area_km2');
    expect(byRow[5]![1]).toContain('swapped');
    expect(byRow[6]![1]).toContain('not in Shanghai');
    expect(byRow[7]![0]).toBe('lat');
    expect(byRow[8]![1]).toContain('no location');
    expect(byRow[9]).toEqual(['district', 'unknown district "火星区"']);
  });

  it('keeps script and HTML in names as plain text', () => {
    const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const r = parseImport(
      csv([
        ['name', 'industries', 'district'],
        [evil, 'AI', '嘉定区'],
      ]),
      'evil.csv',
      ctx,
    );
    expect(r.accepted[0]!.name).toBe(evil);
  });

  it('refuses a file it cannot read as a whole, saying why', () => {
    expect(parseImport('a,b\n"unclosed', 'x.csv', ctx).fatal?.en).toContain('cannot be read');
    expect(
      parseImport(
        csv([
          ['title', 'value'],
          ['x', '1'],
        ]),
        'x.csv',
        ctx,
      ).fatal?.en,
    ).toContain('No name column');
    expect(parseImport('{"type":"Feature"}', 'x.geojson', ctx).fatal?.en).toContain('FeatureCollection');
    expect(parseImport('not json', 'x.geojson', ctx).fatal?.en).toContain('cannot be read');
  });

  it('reads GeoJSON points, and reports a feature that is not a point', () => {
    const doc = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: '点园', industries: ['AUTO', 'AI'] },
          geometry: { type: 'Point', coordinates: [121.2, 31.3] },
        },
        { type: 'Feature', properties: { name: '面园', industries: 'AUTO' }, geometry: { type: 'Polygon', coordinates: [] } },
        { type: 'Feature', properties: { name: '无几何园', industries: 'AUTO', district: '奉贤' }, geometry: null },
      ],
    };
    const r = parseImport(JSON.stringify(doc), 'parks.geojson', ctx);
    expect(r.accepted.map((p) => [p.name, p.industries, p.locatedBy])).toEqual([
      ['点园', ['AUTO', 'AI'], 'coordinates'],
      ['无几何园', ['AUTO'], 'district-centre'],
    ]);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ row: 2, column: 'geometry' });
  });

  it('understands industry and district names in both languages', () => {
    expect(industriesFromText('集成电路、Biomedicine; ai', ctx)).toEqual({ ids: ['IC', 'BIO', 'AI'], unknown: [] });
    expect(districtFromText('嘉定')).toBe('310114');
    expect(districtFromText('Jiading')).toBe('310114');
    expect(districtFromText('310120')).toBe('310120');
    expect(matchByName('芯港', ctx.features)).toBeNull();
    expect(matchByName('上海市东方芯港', ctx.features)?.id).toBe('dongfang-xingang');
    // a match keeps its kind, so its link goes to the right profile (/layout/…, not /parks/…)
    expect(matchByName('上海国际汽车城', ctx.features)).toEqual({ id: 'base-auto-city', kind: 'industrial-base', name_zh: '国际汽车城' });
  });
});

describe('exporting the features shown', () => {
  const feature = {
    id: 'robot-park',
    kind: 'featured-park',
    name: { zh: '上海机器人产业园', en: 'Robot Park' },
    aliases: [],
    districts: ['310113'],
    industries: [{ industry: 'HEE', term_zh: '机器人', basis: 'interpretive', cite: [{ type: 'plan', doc: '001', lines: [1, 2] }] }],
    roles: [],
    figures: [],
    designations: [],
    modes: [],
    unverified: [],
    conflicts: [],
    area: {
      id: 'a',
      label: { zh: '面积', en: 'Area' },
      value: 3.09,
      unit: 'km²',
      year: 2022,
      kind: 'published',
      cite: [{ type: 'published', title: '解放日报', publisher: 'x', date: '2022' }],
    },
    cite: [{ type: 'plan', doc: '001', lines: [10, 12] }],
    geometry: { type: 'circle', center: [121.37, 31.36], area_km2: 3.09 },
    precision: { level: 'approximate', radius_km: 3, basis: 'town-level' },
    label_point: [121.37, 31.36] as [number, number],
  } as unknown as PlanFeature & { label_point: [number, number] };
  const name = (id: string) => ({ HEE: '高端装备' })[id] ?? id;

  it('writes CSV with precision and citation columns that parses back', () => {
    const rows = parseCsvRows(featuresCsv([feature], name));
    expect(rows[0]).toEqual([...FEATURE_CSV_COLUMNS]);
    const row = Object.fromEntries(rows[0]!.map((c, i) => [c, rows[1]![i]]));
    expect(row).toMatchObject({
      id: 'robot-park',
      districts: '宝山区',
      industries: '高端装备',
      area_km2: '3.09',
      precision: 'approximate',
      precision_radius_km: '3',
      citations: '001 L10-12',
      lon: '121.37',
    });
    expect(row.area_source).toContain('解放日报');
    expect(rows).toEqual(featuresTable([feature], name).map((r) => r.map((v) => (v === null ? '' : String(v)))));
  });

  it('writes GeoJSON with the drawn shape, or the label point when nothing is drawn', () => {
    const shape = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [121.3, 31.3],
          [121.4, 31.3],
          [121.4, 31.4],
          [121.3, 31.3],
        ],
      ],
    };
    const withShape = JSON.parse(JSON.stringify(featuresGeojson([feature], new Map([['robot-park', shape]]), name)));
    expect(withShape.features[0].geometry).toEqual(shape);
    expect(withShape.features[0].properties.citations).toBe('001 L10-12');
    const pointOnly = featuresGeojson([feature], new Map(), name);
    expect(pointOnly.features[0]!.geometry).toEqual({ type: 'Point', coordinates: [121.37, 31.36] });
  });
});

describe('the exported image’s legend and scale bar', () => {
  it('lists the layers on, the density tiers when density is on, and the imported parks and enterprises', () => {
    const entries = legendEntries(['belts', 'featured-parks'], true, 2, 'zh');
    expect(entries.map((e) => e.label)).toEqual([
      '三带',
      '市级特色产业园区',
      '达到或高于目标 (≥ 80)',
      '接近目标 (64–80, 目标以下 20% 内)',
      '明显低于目标 (< 64)',
      '按整个片区/新城/区的面积计, 与园区目标不可比',
      '无数据 (不计为零)',
      '导入的园区 (2)',
    ]);
    expect(legendEntries([], false, 0, 'en')).toEqual([]);
    expect(legendEntries([], false, 0, 'en', 2000)).toEqual([{ label: 'Your enterprise list (2000)', colour: '#3d4f6b', shape: 'point' }]);
  });
  it('picks a round length that fits', () => {
    const mpp = metresPerPixel(31.2, 9);
    // 512-px world at zoom 0, as MapLibre has it: 40 075 km × cos 31.2° ÷ (512 × 2⁹)
    expect(mpp).toBeCloseTo(130.8, 0);
    expect(scaleBar(mpp, 140)).toMatchObject({ metres: 10000, label: '10 km' });
    expect(scaleBar(1, 140)).toMatchObject({ metres: 100, px: 100, label: '100 m' });
    expect(scaleBar(10, 140).metres).toBe(1000);
  });
});
