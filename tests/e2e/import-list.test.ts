/**
 * An officer's own list, as it comes out of Chinese Excel and Amap: a GBK CSV read without
 * mojibake, a table pasted from a spreadsheet, GCJ-02 coordinates converted so the park lands where
 * it is, and the list's output and year giving each park its density, drawn in density 2D and said
 * to come from the file.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, type Browser } from '../support/browser.ts';
import { openPage } from '../support/pages.ts';
import { Screenshot, distance, hexToRgb, idle, loadFile, openImportPanel, openMap, project, importedDrawn } from './map-page.ts';
import { parseCsvRows, toCsv } from '../../src/lib/formats/csv.ts';
import { DENSITY_COLOURS } from '../../src/lib/plan/density.ts';
import { gb18030 } from '../support/gbk.ts';
import { wgsToGcj } from '../support/chinese-coords.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

/** Where the park is (WGS84), and the same place as Amap gives it (GCJ-02, ~500 m off). */
const TRUE_PLACE: [number, number] = [121.17, 31.31];
const AMAP_PLACE = wgsToGcj(TRUE_PLACE).map((x) => x.toFixed(6));

describe('an officer’s own list', () => {
  it('reads a GBK CSV (Chinese Excel’s “CSV”) without mojibake and says how it read it', async () => {
    const page = await openPage(browser.context);
    await openMap(page, `${baseUrl}/test/explorer`);
    const csv = toCsv(
      [
        ['名称', '产业', '面积', '经度', '纬度', '区'],
        ['嘉定智能网联汽车园', '汽车', '2.4', '121.17', '31.31', '嘉定区'],
      ],
      { bom: false },
    );
    await loadFile(page, '园区名单.csv', gb18030(csv));
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toContain('已导入 1 行');
    expect(await page.getByTestId('import-encoding-used').textContent()).toContain('GBK / GB18030');
    expect(await page.getByTestId('import-encoding-used').textContent()).toContain('自动识别');
    await expect.poll(() => importedDrawn(page), { timeout: 20_000 }).toEqual(['imported-2']);
    // summarised by the layout area it sits in (Jiading lies in the 沪西 belt), and by district
    const layout = page.getByTestId('import-summary-layout');
    expect(await layout.locator('tr[data-area="belt-huxi"] th').textContent()).toContain('沪西');
    expect(await layout.locator('tbody tr').count()).toBe(1);
    const at = await project(page, TRUE_PLACE);
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => page.getByTestId('imported-card').locator('h2').textContent()).toBe('嘉定智能网联汽车园');

    // told it is UTF-8, the same bytes are refused with the reason, and the list already loaded stays
    await page.getByTestId('import-encoding').selectOption('utf-8');
    await loadFile(page, '园区名单.csv', gb18030(csv));
    await expect.poll(() => page.getByTestId('import-fatal').textContent()).toContain('不是有效的 UTF-8');
    expect(await importedDrawn(page)).toEqual(['imported-2']);
  });

  it('loads a table pasted from a spreadsheet', async () => {
    const page = await openPage(browser.context);
    await openMap(page, `${baseUrl}/test/explorer`);
    await openImportPanel(page);
    await page.getByTestId('import-paste-open').click();
    await page
      .getByTestId('import-paste')
      .fill('名称\t产业\t经度\t纬度\n粘贴的园区甲\t生物医药\t121.6\t31.2\n粘贴的园区乙\t汽车\t121.17\t31.31\n');
    await page.getByTestId('import-paste-load').click();
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toContain('已导入 2 行');
    await expect.poll(() => importedDrawn(page), { timeout: 20_000 }).toEqual(['imported-2', 'imported-3']);
  });

  it('lands an Amap (GCJ-02) point where the park is, keeping the original coordinates', async () => {
    const page = await openPage(browser.context);
    await openMap(page, `${baseUrl}/test/explorer?v=121.17,31.31,14`);
    await openImportPanel(page);
    await page.getByTestId('import-coordinates').selectOption('gcj02');
    await loadFile(
      page,
      'amap.csv',
      toCsv([
        ['名称', '产业', '经度', '纬度'],
        ['高德坐标的园区', '汽车', ...AMAP_PLACE],
      ]),
    );
    await expect.poll(() => page.getByTestId('import-converted').textContent()).toContain('GCJ-02');
    await expect.poll(() => importedDrawn(page), { timeout: 20_000 }).toEqual(['imported-2']);
    // drawn at the true place: at z14 the Amap coordinates would be ~40 px away
    const drawnAt = await page.evaluate(() => {
      type Map = { queryRenderedFeatures(o: object): { geometry: { coordinates: [number, number] } }[] };
      return (window as unknown as { __map: Map }).__map.queryRenderedFeatures({ layers: ['overlay-imported'] })[0]!.geometry.coordinates;
    });
    expect(Math.abs(drawnAt[0] - TRUE_PLACE[0])).toBeLessThan(0.00002);
    expect(Math.abs(drawnAt[1] - TRUE_PLACE[1])).toBeLessThan(0.00002);
    const amapPx = await project(page, [Number(AMAP_PLACE[0]), Number(AMAP_PLACE[1])]);
    const truePx = await project(page, TRUE_PLACE);
    expect(Math.hypot(amapPx.x - truePx.x, amapPx.y - truePx.y)).toBeGreaterThan(25);
    await page.mouse.click(truePx.x, truePx.y);
    await expect.poll(() => page.getByTestId('imported-original').textContent()).toContain(AMAP_PLACE[0]);
    expect(await page.getByTestId('imported-original').textContent()).toContain('GCJ-02');
  });

  it('colours an imported park by its own output density in density 2D, stands it as a column in 3D, and its card says the figure is the file’s', async () => {
    const page = await openPage(browser.context);
    await openMap(page, `${baseUrl}/test/explorer?v=121.17,31.31,12`);
    await loadFile(
      page,
      'output.csv',
      toCsv([
        ['名称', '产业', '面积(公顷)', '产值(亿元)', '年份', '经度', '纬度'],
        ['高产出园区', '汽车', '250', '200', '2022', '121.17', '31.31'],
      ]),
    );
    await expect.poll(() => importedDrawn(page), { timeout: 20_000 }).toEqual(['imported-2']);
    const at = await project(page, TRUE_PLACE);
    const off = new Screenshot(await page.screenshot());
    await page.click('[data-density-mode="2d"]');
    await page.waitForURL(/density=2d/);
    await idle(page);
    const on = new Screenshot(await page.screenshot());
    const above = hexToRgb(DENSITY_COLOURS.above);
    expect(distance(on.pixel(at.x, at.y), above)).toBeLessThan(40);
    expect(distance(off.pixel(at.x, at.y), above)).toBeGreaterThan(100);
    await page.mouse.click(at.x, at.y);
    const density = page.getByTestId('imported-density');
    await expect.poll(() => density.textContent()).toContain('80 亿元/km²');
    expect(await density.textContent()).toContain('2022');
    expect(await page.getByTestId('imported-card').textContent()).toContain('来自您的文件');

    // kept across a reload, figure and all
    await page.reload();
    await page.waitForSelector('[data-map-idle="true"]', { state: 'attached', timeout: 60_000 });
    await expect.poll(() => page.getByTestId('imported-density').textContent()).toContain('80 亿元/km²');

    // in 3D it stands as a column of its own figure: a click on the column's body (above its foot,
    // where the flat map has nothing of it) opens its card
    await page.getByTestId('imported-card').getByRole('button').first().click();
    await page.click('[data-density-mode="3d"]');
    await page.waitForSelector('[data-density3d="drawn"]', { state: 'attached', timeout: 60_000 });
    await page.waitForURL(/v=[\d.]+,[\d.]+,[\d.]+,-?[\d.]+,(?:[2-8]\d)/, { timeout: 20_000 });
    await idle(page);
    const foot = await project(page, TRUE_PLACE);
    const tilted = new Screenshot(await page.screenshot());
    expect(tilted.nearest(foot.x, foot.y - 30, DENSITY_COLOURS.above, 4)).toBeLessThan(60);
    await page.mouse.click(foot.x, foot.y - 30);
    await expect.poll(() => page.getByTestId('imported-card').locator('h2').textContent()).toBe('高产出园区');
  });

  it('draws a park boundary from GeoJSON, selectable anywhere inside it, its computed area beside the stated one', async () => {
    const page = await openPage(browser.context);
    await openMap(page, `${baseUrl}/test/explorer?v=121.175,31.315,14`);
    // ~1 km²: 0.0105° of longitude × 0.009° of latitude here
    const [x, y] = TRUE_PLACE;
    const ring = [
      [x, y],
      [x + 0.0105, y],
      [x + 0.0105, y + 0.009],
      [x, y + 0.009],
      [x, y],
    ];
    const geojson = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { 名称: '有边界的园区', 产业: '汽车', 面积: '1.5' },
          geometry: { type: 'Polygon', coordinates: [ring] },
        },
      ],
    };
    const before = new Screenshot(await page.screenshot());
    await loadFile(page, 'boundary.geojson', JSON.stringify(geojson));
    await expect.poll(() => importedDrawn(page), { timeout: 20_000 }).toEqual(['imported-1']);
    await idle(page);
    // the outline is drawn in the imported green on the boundary's west edge
    const west = await project(page, [x, y + 0.0045]);
    const after = new Screenshot(await page.screenshot());
    expect(distance(after.pixel(west.x, west.y), hexToRgb('#117733'))).toBeLessThan(60);
    expect(distance(before.pixel(west.x, west.y), hexToRgb('#117733'))).toBeGreaterThan(60);
    // a click near a corner, far from the marker, selects the park
    const corner = await project(page, [x + 0.001, y + 0.001]);
    await page.mouse.click(corner.x, corner.y);
    await expect.poll(() => page.getByTestId('imported-card').locator('h2').textContent()).toBe('有边界的园区');
    const computed = await page.getByTestId('imported-boundary-area').textContent();
    expect(computed).toMatch(/(0\.99|1|1\.01) km²/);
    expect(computed).toMatch(/文件所填面积 1\.5 km²，与边界计算面积相差 \+(4[89]|5[012])(\.\d)? %/);
  });

  it('reads an Excel workbook (choosing its sheet) with Amap coordinates, fetching the parser only then', async () => {
    const page = await openPage(browser.context);
    const scripts: string[] = [];
    page.on('response', async (res) => {
      if ((res.headers()['content-type'] ?? '').includes('javascript')) scripts.push(await res.text().catch(() => ''));
    });
    await openMap(page, `${baseUrl}/test/explorer?v=121.17,31.31,13`);
    const isParser = (body: string) => body.includes('sharedStrings');
    expect(scripts.filter(isParser)).toEqual([]);

    const { default: writeXlsxFile } = await import('write-excel-file/node');
    const rows = (names: string[]) => [
      ['名称', '产业', '面积', '产值', '年份', '经度', '纬度'].map((value) => ({ value })),
      ...names.map((name) => [name, '汽车', 2.5, 200, 2022, Number(AMAP_PLACE[0]), Number(AMAP_PLACE[1])].map((value) => ({ value }))),
    ];
    const xlsx = await writeXlsxFile([
      { data: [[{ value: '填表说明' }]], sheet: '说明' },
      { data: rows(['工作簿里的园区']), sheet: '2022年名单' },
      { data: rows(['另一张表的园区甲', '另一张表的园区乙']), sheet: '2023年名单' },
    ]).toBuffer();
    await openImportPanel(page);
    await page.getByTestId('import-coordinates').selectOption('gcj02');
    await loadFile(page, '特色园区名单.xlsx', new Uint8Array(xlsx));
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toContain('已导入 1 行');
    await expect.poll(() => scripts.filter(isParser).length).toBe(1);
    // the notes sheet comes first, but the first sheet with a name column is the one read; all are offered
    expect(await page.getByTestId('import-sheet').locator('option').allTextContents()).toEqual(['说明', '2022年名单', '2023年名单']);
    expect(await page.getByTestId('import-sheet').inputValue()).toBe('2022年名单');
    await expect.poll(() => importedDrawn(page), { timeout: 20_000 }).toEqual(['imported-2']);
    const at = await project(page, TRUE_PLACE);
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => page.getByTestId('imported-card').locator('h2').textContent()).toBe('工作簿里的园区');
    expect(await page.getByTestId('imported-density').textContent()).toContain('80 亿元/km²');

    await page.getByTestId('import-sheet').selectOption('2023年名单');
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toContain('已导入 2 行');
  });

  it('offers an Excel template that the importer accepts as downloaded', async () => {
    const page = await openPage(browser.context);
    await openMap(page, `${baseUrl}/test/explorer`);
    const res = await page.request.get(`${baseUrl}/templates/parks-template.xlsx`);
    expect(res.headers()['content-type']).toContain('spreadsheetml');
    await loadFile(page, 'parks-template.xlsx', new Uint8Array(await res.body()));
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toContain('已导入 2 行');
    expect(await page.getByTestId('import-issues').count()).toBe(0);
  });

  it('shows which rows the data knows, which are new, and where the file and the source differ, and exports it', async () => {
    const page = await openPage(browser.context);
    await openMap(page, `${baseUrl}/test/explorer?lang=en`);
    await loadFile(
      page,
      'catalog.csv',
      toCsv([
        ['名称', '产业', '面积', '产值(亿元)', '年份', '区', '批次', '经度', '纬度'],
        ['上海机器人产业园', '高端装备', '4.2', '300', '2022', '宝山区', '第二批', '121.38', '31.35'],
        ['某某新材料产业园', '先进材料', '1.5', '60', '2022', '宝山区', '', '121.45', '31.4'],
      ]),
    );
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toContain('2');
    await page.getByTestId('import-check').locator('summary').click();
    expect(await page.getByTestId('import-check-counts').textContent()).toBe(
      'Same name as a park in the data: 1 (1 with differences); a held park nearby: 0; not in the data: 1.',
    );
    const robot = page.getByTestId('import-check').locator('li[data-row="2"]');
    expect(await robot.locator('[data-field="area"]').textContent()).toContain('4.2 km² / 3.09 km²');
    expect(await robot.locator('[data-field="batch"]').textContent()).toContain('2 / 1');
    expect(await page.getByTestId('import-check').locator('li[data-row="3"]').getAttribute('data-status')).toBe('new');
    // Baoshan: both rows have output and area: (300 + 60) ÷ (4.2 + 1.5) = 63.2
    expect(await page.getByTestId('import-summary-districts').locator('tr[data-district="310113"]').textContent()).toContain('63.2');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-check-export').click()]);
    const rows = parseCsvRows(readFileSync((await download.path())!, 'utf8'));
    expect(rows.map((r) => r[2])).toEqual(['Result', 'same name', 'new park']);
  });

  it('keeps several named lists in IndexedDB: shown one at a time, renamed, exported, deleted, kept across a reload', async () => {
    const context = await launch();
    const page = await openPage(context.context);
    await openMap(page, `${baseUrl}/test/explorer?lang=en`);
    const list = (name: string) =>
      toCsv([
        ['名称', '产业', '经度', '纬度'],
        [name, '汽车', '121.17', '31.31'],
      ]);
    await loadFile(page, '2022年名单.csv', list('名单一的园区'));
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toContain('1');
    await loadFile(page, '企业名单.csv', list('名单二的园区'));
    const select = page.getByTestId('import-list-select');
    await expect.poll(() => select.locator('option').allTextContents()).toEqual(['(none)', '企业名单 (1 parks)', '2022年名单 (1 parks)']);
    const at = await project(page, TRUE_PLACE);
    const cardName = async () => {
      await page.mouse.click(at.x, at.y);
      return page.getByTestId('imported-card').locator('h2').textContent();
    };
    await expect.poll(cardName, { timeout: 20_000 }).toBe('名单二的园区');

    await select.selectOption({ label: '2022年名单 (1 parks)' });
    await expect.poll(cardName, { timeout: 20_000 }).toBe('名单一的园区');
    await page.getByTestId('import-list-name').fill('特色园区 2022');
    await page.getByTestId('import-list-rename').click();
    await expect.poll(() => select.locator('option:checked').textContent()).toBe('特色园区 2022 (1 parks)');
    expect(await page.getByTestId('import-store-problem').count()).toBe(0);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-list-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^特色园区 2022-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = parseCsvRows(readFileSync((await download.path())!, 'utf8'));
    expect(rows[0]!.slice(0, 6)).toEqual(['name', 'industries', 'category', 'area_km2', 'lon', 'lat']);
    expect(rows[1]![0]).toBe('名单一的园区');

    // the real IndexedDB holds them: a reload brings both lists and the one shown back
    await page.reload();
    await page.waitForSelector('[data-map-idle="true"]', { state: 'attached', timeout: 60_000 });
    await expect.poll(() => page.getByTestId('import-list-select').locator('option:checked').textContent()).toBe('特色园区 2022 (1 parks)');
    expect(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).toContain('shanghai-explorer');

    await page.getByTestId('import-clear').click();
    await expect
      .poll(() => page.getByTestId('import-list-select').locator('option').allTextContents())
      .toEqual(['(none)', '企业名单 (1 parks)']);
    await expect.poll(() => importedDrawn(page)).toEqual([]);
  });

  it('lets the user say what unknown headers mean, and reads the next list with the same headers that way', async () => {
    const page = await openPage(browser.context);
    await openMap(page, `${baseUrl}/test/explorer`);
    const file = (name: string) =>
      toCsv([
        ['园区全称', '主导产业', 'X坐标', 'Y坐标', '备注'],
        [name, '汽车', '121.17', '31.31', '二期'],
      ]);
    await loadFile(page, '区里的名单.csv', file('区里的园区'));
    const mapping = page.getByTestId('import-mapping');
    await expect.poll(() => mapping.count()).toBe(1);
    expect(await page.getByTestId('import-fatal').textContent()).toContain('缺少名称列');
    await mapping.locator('select[data-header="园区全称"]').selectOption('name');
    await mapping.locator('select[data-header="X坐标"]').selectOption('lon');
    await mapping.locator('select[data-header="Y坐标"]').selectOption('lat');
    await page.getByTestId('import-mapping-apply').click();
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toContain('已导入 1 行');
    // 备注 was left as ignored in the mapping step: nothing is reported about it now
    expect(await page.getByTestId('import-issues').count()).toBe(0);

    await loadFile(page, '区里的名单二.csv', file('第二份名单的园区'));
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toContain('已导入 1 行');
    const at = await project(page, TRUE_PLACE);
    await expect
      .poll(async () => {
        await page.mouse.click(at.x, at.y);
        return page.getByTestId('imported-card').locator('h2').textContent();
      })
      .toBe('第二份名单的园区');
  });
});
