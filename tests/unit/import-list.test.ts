/**
 * Bringing one's own list: the encodings Chinese Excel saves in, a table pasted from a spreadsheet,
 * coordinates from Amap (GCJ-02) or Baidu (BD-09), numbers with their units, output and year giving
 * a density by the plan's own rule, and the hint when the points sit where a known offset puts them.
 */
import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { decodeTableText } from '../../src/lib/formats/text-encoding.ts';
import {
  areaDifferencePercent,
  coordinateHint,
  importedColumns,
  importedListGeojson,
  headerSignature,
  parseImport,
  parseImportTable,
  quantityFromText,
  sheetNoteIssues,
  toWgs84,
  type ImportContext,
} from '../../src/lib/plan/import-parks.ts';
import { readWorkbook } from '../../src/lib/formats/xlsx.ts';
import { densityOf } from '../../src/lib/plan/density.ts';
import { neutraliseFormula, parseCsvRows, toCsv } from '../../src/lib/formats/csv.ts';
import { gb18030 } from '../support/gbk.ts';
import { gcjToBd, wgsToGcj } from '../support/chinese-coords.ts';

const ctx: ImportContext = {
  industries: [
    { id: 'IC', name: { zh: '集成电路', en: 'Integrated circuits' } },
    { id: 'AUTO', name: { zh: '汽车', en: 'Automotive' } },
    { id: 'HEE', name: { zh: '高端装备', en: 'High-end equipment' } },
  ],
  features: [
    { id: 'robot-park', kind: 'featured-park', name: { zh: '上海机器人产业园', en: 'Shanghai Robot Industrial Park' }, aliases: [] },
  ],
  districtCentres: { '310114': [121.25, 31.35] },
};

/** Metres between two lon/lat points (equirectangular: fine at these distances). */
const metres = (a: [number, number], b: [number, number]) =>
  Math.hypot((a[0] - b[0]) * 111_320 * Math.cos((a[1] * Math.PI) / 180), (a[1] - b[1]) * 110_540);

describe('the text of a table file', () => {
  const header = '名称,产业,区\n嘉定汽车园,汽车,嘉定区\n';
  it('detects UTF-8 and GBK (what Chinese Excel saves as CSV), and says which it used', () => {
    expect(decodeTableText(new TextEncoder().encode(header))).toEqual({ ok: true, text: header, encoding: 'utf-8', detected: true });
    expect(decodeTableText(gb18030(header))).toEqual({ ok: true, text: header, encoding: 'gb18030', detected: true });
    expect(decodeTableText(gb18030(header), 'gb18030')).toMatchObject({ ok: true, text: header, detected: false });
  });

  it('refuses GBK bytes read as UTF-8 when the user chose UTF-8, instead of showing mojibake', () => {
    const r = decodeTableText(gb18030(header), 'utf-8');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.en).toMatch(/not valid UTF-8.*GBK/);
  });

  it('reads Excel’s “Unicode text” (UTF-16 with its byte-order mark)', () => {
    const text = '名称\t产业\n园\t汽车\n';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) bytes.set([text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8], 2 + i * 2);
    expect(decodeTableText(bytes)).toEqual({ ok: true, text, encoding: 'utf-16le', detected: true });
  });
});

describe('a table pasted from a spreadsheet', () => {
  it('reads tab-separated rows, with a quoted cell holding a tab or a line break', () => {
    const pasted = '名称\t产业\t经度\t纬度\n上海机器人产业园\t高端装备\t121.37\t31.36\n"多行\n名称"\t汽车\t121.2\t31.3\n';
    const r = parseImport(pasted, 'pasted', ctx, { format: 'tsv' });
    expect(r.issues).toEqual([]);
    expect(r.accepted.map((p) => p.name)).toEqual(['上海机器人产业园', '多行\n名称']);
    expect(r.accepted[0]!.match?.id).toBe('robot-park');
  });
});

describe('coordinates from Chinese map services', () => {
  const places: [number, number][] = [
    [121.4737, 31.2304],
    [121.2, 31.37],
    [121.93, 30.9],
    [121.6, 31.2],
  ];
  it('converts GCJ-02 (Amap, Tencent) and BD-09 (Baidu) to WGS84 within a metre of the truth', () => {
    for (const wgs of places) {
      const gcj = wgsToGcj(wgs);
      const bd = gcjToBd(gcj);
      expect(metres(gcj, wgs)).toBeGreaterThan(300);
      expect(metres(bd, wgs)).toBeGreaterThan(800);
      expect(metres(toWgs84(gcj, 'gcj02'), wgs)).toBeLessThan(1);
      expect(metres(toWgs84(bd, 'bd09'), wgs)).toBeLessThan(1);
      expect(toWgs84(wgs, 'wgs84')).toEqual(wgs);
    }
  });

  it('stores the converted point and keeps the original, and checks Shanghai after converting', () => {
    const gcj = wgsToGcj([121.2, 31.37]);
    const r = parseImport(
      toCsv([
        ['名称', '产业', '经度', '纬度'],
        ['嘉定某园', '汽车', gcj[0].toFixed(6), gcj[1].toFixed(6)],
        ['太远的园', '汽车', '122.32', '31.2'],
      ]),
      'list.csv',
      ctx,
      { coordinates: 'gcj02' },
    );
    expect(r.accepted).toHaveLength(1);
    expect(metres(r.accepted[0]!.point, [121.2, 31.37])).toBeLessThan(1);
    expect(r.accepted[0]!.original).toEqual({ point: [Number(gcj[0].toFixed(6)), Number(gcj[1].toFixed(6))], system: 'gcj02' });
    expect(r.issues).toEqual([
      {
        row: 3,
        column: 'lon',
        reason: {
          zh: '坐标 (122.32, 31.2) 转换为 WGS84 后不在上海范围内',
          en: '(122.32, 31.2) is not in Shanghai once converted to WGS84',
        },
      },
    ]);
  });

  it('hints at GCJ-02 when the rows fall inside their stated districts only when read as GCJ-02', () => {
    // a district that is a box, and points that are inside it only once the GCJ-02 offset is removed
    const box = { west: 121.2, east: 121.3, south: 31.3, north: 31.4 };
    const inDistrict = ([lon, lat]: [number, number], code: string) =>
      code === '310114' && lon >= box.west && lon <= box.east && lat >= box.south && lat <= box.north;
    const nearEdge: [number, number][] = [
      [121.298, 31.35],
      [121.297, 31.32],
      [121.299, 31.38],
      [121.296, 31.36],
    ];
    const rows = [
      ['名称', '产业', '经度', '纬度', '区'],
      ...nearEdge.map((p, i) => [`园${i}`, '汽车', ...wgsToGcj(p).map((x) => x.toFixed(6)), '嘉定区']),
    ];
    const asWgs = parseImport(toCsv(rows), 'list.csv', ctx, { coordinates: 'wgs84' });
    expect(coordinateHint(asWgs.accepted, inDistrict)).toEqual({
      chosen: 'wgs84',
      chosenInside: 0,
      better: 'gcj02',
      betterInside: 4,
      checked: 4,
    });
    const asGcj = parseImport(toCsv(rows), 'list.csv', ctx, { coordinates: 'gcj02' });
    expect(coordinateHint(asGcj.accepted, inDistrict)).toBeNull();
  });
});

describe('numbers with units, output and density', () => {
  it('reads a number with its unit in the cell or the header', () => {
    expect(quantityFromText('3.2平方公里', 'area')).toEqual({ value: 3.2, unit: 'km²' });
    expect(quantityFromText('50 公顷', 'area')).toEqual({ value: 50, unit: '公顷' });
    expect(quantityFromText('1,200', 'output', '万元')).toEqual({ value: 1200, unit: '万元' });
    expect(quantityFromText('120亿元', 'output', '万元')).toEqual({ value: 120, unit: '亿元' });
    expect(quantityFromText('约3平方公里', 'area')).toMatchObject({ error: { en: '"约3平方公里" is not a number' } });
    expect(quantityFromText('3 acres', 'area')).toMatchObject({ error: { en: expect.stringContaining('unknown unit "acres"') } });
  });

  it('gives an imported park its density by the plan’s rule, the year from the file, never a zero for no data', () => {
    const r = parseImport(
      toCsv([
        ['名称', '产业', '面积(公顷)', '产值(万元)', '年份', '区', '批次'],
        ['甲园', '汽车', '250', '2000000', '2022', '嘉定区', '第一批'],
        ['乙园', '汽车', '', '900000', '2022', '嘉定区', ''],
        ['丙园', '汽车', '100', '', '', '嘉定区', ''],
        ['丁园', '汽车', '1', '5亿元', '', '嘉定区', ''],
      ]),
      'list.csv',
      ctx,
    );
    const [a, b, c, d] = r.accepted;
    // 200 亿元 over 2.5 km² = 80: at the target, as densityOf says for the same figures
    expect(a!.areaKm2).toBe(2.5);
    expect(a!.output).toEqual({ value: 2_000_000, unit: '万元', year: 2022 });
    expect(a!.density).toEqual({ value: 80, tier: 'above', year: 2022 });
    expect(a!.batch).toBe('第一批');
    const rule = densityOf(
      {
        id: 'o',
        label: { zh: 'o', en: 'o' },
        value: 200,
        unit: '亿元',
        year: 2022,
        kind: 'published',
        cite: [{ type: 'plan', doc: '001', lines: [1, 1] }],
      },
      {
        id: 'a',
        label: { zh: 'a', en: 'a' },
        value: 2.5,
        unit: 'km²',
        year: 2022,
        kind: 'published',
        cite: [{ type: 'plan', doc: '001', lines: [1, 1] }],
      },
    );
    expect(rule).toMatchObject({ status: 'ok', density: { value: a!.density!.value, tier: a!.density!.tier } });
    expect(b!.density).toBeNull();
    expect(b!.densityReason).toBe('no-area');
    expect(c!.density).toBeNull();
    expect(c!.densityReason).toBe('no-output');
    // an output with no year is kept (said so), and its density says the year is not given
    expect(d!.density).toEqual({ value: 500, tier: 'above', year: null });
    expect(r.issues).toEqual([
      {
        row: 5,
        column: 'year',
        reason: { zh: '产值没有年份：已载入，但密度的年份不详', en: 'the output has no year: loaded, but its density has no year' },
        kept: true,
      },
    ]);
  });

  it('reports duplicate headers, bad units and bad years by row and column', () => {
    const r = parseImport(
      toCsv([
        ['名称', '产业', '面积', '面积', '产值', '年份', '经度', '纬度'],
        ['甲园', '汽车', '3', '4', '120亿美元', '2022', '121.2', '31.3'],
        ['乙园', '汽车', '3平方英里', '', '', '22', '121.2', '31.3'],
      ]),
      'list.csv',
      ctx,
    );
    expect(r.accepted).toEqual([]);
    expect(r.issues.map((i) => `${i.row} ${i.column}: ${i.reason.en}`)).toEqual([
      '1 面积: repeats "面积"; only the first is used',
      '2 output: output: unknown unit "亿美元" (use one of 亿元, 亿, 万元, 万亿元, 万亿)',
      '3 area_km2: area: unknown unit "平方英里" (use one of km2, km², 平方公里, 平方千米, 公顷, ha, 亩, m2, m², 平方米)',
      '3 year: the year must be a whole number from 1990 to 2035, found "22"',
    ]);
  });
});

describe('Excel workbooks', () => {
  const workbook = async (sheets: { name: string; rows: (string | number | Date | null)[][] }[]): Promise<ArrayBuffer> => {
    const { default: writeXlsxFile } = await import('write-excel-file/node');
    const data = sheets.map((s) =>
      s.rows.map((row) =>
        row.map((value) => (value === null ? null : value instanceof Date ? { value, format: 'yyyy-mm-dd' } : { value })),
      ),
    );
    const buffer = await writeXlsxFile(data.map((rows, i) => ({ data: rows, sheet: sheets[i]!.name }))).toBuffer();
    return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
  };

  it('reads every sheet as text the way Excel shows it, and a sheet’s rows import like a CSV', async () => {
    const gcj = wgsToGcj([121.2, 31.37]);
    const sheets = await readWorkbook(
      await workbook([
        { name: '说明', rows: [['本表为示例']] },
        {
          name: '园区',
          rows: [
            ['名称', '产业', '面积', '产值', '年份', '经度', '纬度', '批次'],
            ['嘉定某园', '汽车', 2.5, 200, 2022, gcj[0], gcj[1], '第一批'],
            ['日期单元格园', '汽车', 1, null, new Date(Date.UTC(2022, 11, 31)), 121.3, 31.2, null],
          ],
        },
      ]),
    );
    expect(sheets.map((s) => s.name)).toEqual(['说明', '园区']);
    expect(sheets[1]!.rows[1]!.slice(0, 5)).toEqual(['嘉定某园', '汽车', '2.5', '200', '2022']);
    expect(sheets[1]!.rows[2]![4]).toBe('2022-12-31');
    const r = parseImportTable(sheets[1]!.rows, ctx, { coordinates: 'gcj02' });
    expect(r.accepted[0]).toMatchObject({
      name: '嘉定某园',
      areaKm2: 2.5,
      density: { value: 80, tier: 'above', year: 2022 },
      batch: '第一批',
    });
    expect(metres(r.accepted[0]!.point, [121.2, 31.37])).toBeLessThan(1);
    // a date where a year belongs is reported with its row and column, not read as a year
    expect(r.issues).toEqual([
      expect.objectContaining({ row: 3, column: 'year', reason: expect.objectContaining({ en: expect.stringContaining('2022-12-31') }) }),
    ]);
  });

  it('fills a merged 区 cell into every row it spans and reports a formula with no saved result, by row and column', async () => {
    const { default: writeXlsxFile } = await import('write-excel-file/node');
    // 区 merged over three rows (as district lists often are); 面积 of the last row a formula the writer never calculated
    const buffer = await writeXlsxFile([
      [{ value: '名称' }, { value: '产业' }, { value: '区' }, { value: '面积' }],
      [{ value: '甲园' }, { value: '汽车' }, { value: '嘉定区', rowSpan: 3 }, { value: 1 }],
      [{ value: '乙园' }, { value: '汽车' }, null, { value: 2 }],
      [{ value: '丙园' }, { value: '汽车' }, null, { type: 'Formula', value: '=D2+D3' }],
    ]).toBuffer();
    const [sheet] = await readWorkbook(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer);
    expect(sheet!.rows.map((r) => r[2])).toEqual(['区', '嘉定区', '嘉定区', '嘉定区']);
    expect(sheet!.rows[3]![3] ?? '').toBe('');
    const issues = sheetNoteIssues(sheet!.notes!, sheet!.rows[0]!);
    expect(issues.map((i) => [i.row, i.column, i.kept])).toEqual([
      [2, '区 (C)', true],
      [4, '面积 (D)', true],
    ]);
    expect(issues[0]!.reason.en).toBe('merged cells C2:C4: each of its rows was given its value "嘉定区"');
    expect(issues[1]!.reason.en).toMatch(/formula with no saved result, read as empty/);
    // the rows then load with their district
    expect(parseImportTable(sheet!.rows, ctx).accepted.map((p) => p.district)).toEqual(['310114', '310114', '310114']);
  });

  it('reports an empty sheet, and text cells that would run as formulas stay text in every exported CSV', async () => {
    expect(parseImportTable([], ctx).fatal?.en).toBe('The file or sheet is empty');
    expect(parseImportTable([['', '']], ctx).fatal?.en).toBe('The file or sheet is empty');
    expect(neutraliseFormula('=HYPERLINK("http://x","园")')).toBe('\'=HYPERLINK("http://x","园")');
    expect(['+1 园', '-园', '@SUM(A1)', '\tx'].map(neutraliseFormula)).toEqual(["'+1 园", "'-园", "'@SUM(A1)", "'\tx"]);
    expect(['-3.5', '+2', '园区=1', ''].map(neutraliseFormula)).toEqual(['-3.5', '+2', '园区=1', '']);
    const csv = toCsv([['name'], ['=1+1']]);
    expect(parseCsvRows(csv)[1]).toEqual(["'=1+1"]);
  });
});

describe('headers the importer does not know', () => {
  const table = [
    ['园区全称', '主导产业', '规划面积', 'X坐标', 'Y坐标', '备注'],
    ['嘉定某园', '汽车', '2.5', '121.2', '31.37', '二期'],
  ];
  it('says which it understood, with the first rows, so the user can map the rest', () => {
    const r = parseImportTable(table, ctx);
    expect(r.fatal?.en).toMatch(/^No name column/);
    expect(r.columns).toEqual([
      { header: '园区全称', column: null },
      { header: '主导产业', column: 'industries' },
      { header: '规划面积', column: null },
      { header: 'X坐标', column: null },
      { header: 'Y坐标', column: null },
      { header: '备注', column: null },
    ]);
    expect(r.preview).toEqual([table[1]]);
  });

  it('reads the table with the user’s mapping, ignoring what they ignore, and keys it by the header set', () => {
    const mapping = { 园区全称: 'name', 规划面积: 'area_km2', X坐标: 'lon', Y坐标: 'lat', 备注: '' } as const;
    const r = parseImportTable(table, ctx, { mapping });
    expect(r.fatal).toBeNull();
    expect(r.issues).toEqual([]);
    expect(r.accepted[0]).toMatchObject({ name: '嘉定某园', industries: ['AUTO'], areaKm2: 2.5, point: [121.2, 31.37] });
    expect(headerSignature(table[0]!)).toBe(headerSignature([' 园区全称', '主导产业 ', '规划面积', 'X坐标', 'Y坐标', '备注']));
    expect(headerSignature(table[0]!)).not.toBe(headerSignature(table[0]!.slice(1)));
  });
});

describe('park boundaries from GeoJSON', () => {
  // a 1 km × 1 km square near Jiading (WGS84): 0.01° of longitude is ~953 m here, of latitude ~1109 m
  const [x, y] = [121.25, 31.35];
  const square = (dx = 0.0105, dy = 0.009): [number, number][] => [
    [x, y],
    [x + dx, y],
    [x + dx, y + dy],
    [x, y + dy],
    [x, y],
  ];
  const collection = (geometry: object, properties: object = { 名称: '嘉定某园', 产业: '汽车' }) =>
    JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties, geometry }] });

  it('computes a polygon’s area (turf, geodesic) beside the stated one, and places the marker inside it', () => {
    const r = parseImport(
      collection({ type: 'Polygon', coordinates: [square()] }, { 名称: '嘉定某园', 产业: '汽车', 面积: '1.2' }),
      'b.geojson',
      ctx,
    );
    expect(r.issues).toEqual([]);
    const park = r.accepted[0]!;
    expect(park.boundaryAreaKm2).toBeGreaterThan(0.98);
    expect(park.boundaryAreaKm2).toBeLessThan(1.02);
    expect(park.areaKm2).toBe(1.2);
    expect(areaDifferencePercent(park.areaKm2, park.boundaryAreaKm2!)).toBeCloseTo(
      ((1.2 - park.boundaryAreaKm2!) / park.boundaryAreaKm2!) * 100,
      0,
    );
    expect(park.point[0]).toBeGreaterThan(x);
    expect(park.point[0]).toBeLessThan(x + 0.0105);
    expect(park.point[1]).toBeGreaterThan(y);
    expect(park.point[1]).toBeLessThan(y + 0.009);
    // exported as the boundary, with its computed area
    const exported = importedListGeojson(r.accepted).features[0] as { geometry: { type: string }; properties: Record<string, unknown> };
    expect(exported.geometry.type).toBe('Polygon');
    expect(exported.properties.boundary_area_km2).toBe(park.boundaryAreaKm2);
  });

  it('divides the output by the boundary’s area when the file states none, and says so', () => {
    const r = parseImport(
      collection({ type: 'Polygon', coordinates: [square()] }, { 名称: '嘉定某园', 产业: '汽车', 产值: '80亿元', 年份: 2022 }),
      'b.geojson',
      ctx,
    );
    const park = r.accepted[0]!;
    expect(park.areaKm2).toBeNull();
    expect(park.areaBasis).toBe('boundary');
    expect(park.density!.value).toBeCloseTo(80 / park.boundaryAreaKm2!, 1);
  });

  it('converts a GCJ-02 boundary vertex by vertex and keeps the marker’s original', () => {
    const gcj = square().map((p) => wgsToGcj(p));
    const park = parseImport(collection({ type: 'Polygon', coordinates: [gcj] }), 'b.geojson', ctx, { coordinates: 'gcj02' }).accepted[0]!;
    const ring = (park.boundary as Polygon).coordinates[0] as [number, number][];
    ring.forEach((p, i) => expect(metres(p, square()[i]!)).toBeLessThan(1));
    expect(park.original!.system).toBe('gcj02');
    expect(metres(park.original!.point, park.point)).toBeGreaterThan(300);
  });

  it('reads a MultiPolygon (a park in two parts) as one park with the parts’ total area', () => {
    const second = square().map(([a, b]) => [a + 0.03, b] as [number, number]);
    const park = parseImport(collection({ type: 'MultiPolygon', coordinates: [[square()], [second]] }), 'b.geojson', ctx).accepted[0]!;
    expect(park.boundary!.type).toBe('MultiPolygon');
    expect(park.boundaryAreaKm2).toBeGreaterThan(1.96);
    expect(park.boundaryAreaKm2).toBeLessThan(2.04);
  });

  it('refuses open, self-intersecting, enormous and out-of-Shanghai polygons, by row with the reason', () => {
    const reason = (geometry: object) => {
      const r = parseImport(collection(geometry), 'b.geojson', ctx);
      expect(r.accepted).toEqual([]);
      expect(r.issues).toHaveLength(1);
      expect(r.issues[0]).toMatchObject({ row: 1, column: 'geometry' });
      return r.issues[0]!.reason.en;
    };
    expect(reason({ type: 'Polygon', coordinates: [square().slice(0, 4)] })).toMatch(/open/);
    const bowtie: [number, number][] = [
      [x, y],
      [x + 0.01, y + 0.01],
      [x + 0.01, y],
      [x, y + 0.01],
      [x, y],
    ];
    expect(reason({ type: 'Polygon', coordinates: [bowtie] })).toMatch(/intersects itself/);
    expect(reason({ type: 'Polygon', coordinates: [square(0.6, 0.5)] })).toMatch(/too large for a park/);
    expect(reason({ type: 'Polygon', coordinates: [square().map(([a, b]) => [a + 2, b])] })).toMatch(/not in Shanghai/);
    expect(
      reason({
        type: 'Polygon',
        coordinates: [
          [
            [x, y],
            [x, y],
            [x, y],
          ],
        ],
      }),
    ).toMatch(/3 positions/);
    expect(
      reason({
        type: 'Polygon',
        coordinates: [
          [
            ['121.2', '31.3'],
            [x, y],
            [x, y],
            [x, y],
          ],
        ],
      }),
    ).toMatch(/pair of numbers/);
    expect(reason({ type: 'LineString', coordinates: square() })).toMatch(/Point, Polygon or MultiPolygon/);
  });
});

describe('imported parks in 3D density', () => {
  it('become columns of their own figure, marked as the user’s, only those the chosen industries show', () => {
    const r = parseImport(
      '名称,产业,面积,产值,年份,经度,纬度\n高产出园,汽车,2,200,2022,121.2,31.3\n芯片园,集成电路,1,30,2022,121.3,31.2\n没有产值的园,汽车,1,,,121.4,31.1\n',
      'list.csv',
      ctx,
    );
    const reach = { AUTO: ['AUTO'], IC: ['EI', 'IC'], HEE: ['HEE'] } as unknown as Parameters<typeof importedColumns>[2];
    expect(importedColumns(r.accepted, [], reach).map((c) => [c.name.zh, c.density, c.tier, c.imported])).toEqual([
      ['高产出园', 100, 'above', true],
      ['芯片园', 30, 'below', true],
    ]);
    expect(importedColumns(r.accepted, ['EI' as never], reach).map((c) => c.name.zh)).toEqual(['芯片园']);
  });
});
