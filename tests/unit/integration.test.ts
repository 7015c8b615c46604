/**
 * Two-industry integration (000 Shanghai, 004 Zhejiang) and 002's demonstrations: every record
 * cited to lines that say what it says, industries linked as stated or as our reading, rows
 * aligned with an explicit "no counterpart", Zhejiang's cities decoded by the same code as
 * Shanghai's districts, and bad data stopped with file, record and field.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { booleanPointInPolygon } from '@turf/turf';
import { loadPlanSources, PLAN_DIR } from '../../geodata/build/plan.ts';
import {
  checkIntegration,
  DOCUMENTS_DIR,
  integrationOutputs,
  loadDocuments,
  loadIntegrationSources,
  STORED_DOCUMENTS,
  zhejiangOutline,
  type IntegrationSources,
} from '../../geodata/build/integration.ts';
import { adminUnitsFromEcharts } from '../../geodata/build/districts.ts';
import { decodeEchartsMap, type EchartsMap } from '../../geodata/build/echarts.ts';
import { ZHEJIANG_CITIES } from '../../src/lib/zhejiang.ts';
import { DOCUMENTS, INTEGRATION_THEMES } from '../../src/lib/plan/vocabulary.ts';
import {
  alignRows,
  filterRows,
  industryIntegration,
  integrationCsv,
  placeIndustries,
  placesByCity,
} from '../../src/lib/plan/integration.ts';
import { decodeIntegration, encodeIntegration } from '../../src/lib/url/integration-state.ts';
import { countShade, COUNT_SHADES } from '../../src/lib/style/palette.ts';
import { parseCsvRows } from '../../src/lib/formats/csv.ts';
import type { Citation, DocKey } from '../../src/lib/plan/model.ts';
import { dataError } from '../support/errors.ts';
import { ROOT } from '../support/server.ts';

const require = createRequire(import.meta.url);
const ZHEJIANG_SOURCE = 'echarts/map/json/province/zhejiang.json';
const zhejiangMap = JSON.parse(readFileSync(require.resolve(ZHEJIANG_SOURCE), 'utf8')) as EchartsMap;
const plan = loadPlanSources(ROOT);
const documents = loadDocuments(ROOT);
const sources = loadIntegrationSources(ROOT, plan.published);
const zhejiang = adminUnitsFromEcharts(zhejiangMap, ZHEJIANG_CITIES, ZHEJIANG_SOURCE);
const built = integrationOutputs(sources, zhejiang, 0);

const planCites = (c: readonly Citation[]) => c.filter((x): x is Extract<Citation, { type: 'plan' }> => x.type === 'plan');
const linesOf = (doc: DocKey, [from, to]: readonly [number, number]) =>
  documents
    .get(doc)!
    .slice(from - 1, to)
    .join('')
    .replace(/\s+/g, '');

describe('the stored plan texts', () => {
  it('are the documents the citations count lines in (same line counts), with 002’s contact details removed', () => {
    for (const key of STORED_DOCUMENTS) expect(documents.get(key)!.length, key).toBe(DOCUMENTS[key].lines);
    const text002 = readFileSync(join(ROOT, DOCUMENTS_DIR, '002.txt'), 'utf8');
    expect(text002).not.toMatch(/@|\d{7,}|联系人及电话：\S/);
    expect(text002).toContain('联系方式已略去');
  });
});

describe('every 000, 004 and 002 record is cited and its citation resolves', () => {
  it('cites lines inside its own document that contain its words', () => {
    const records = [
      ...sources.entries.map((e) => ({ id: e.id, doc: e.doc as DocKey, quote: e.quote_zh, cite: e.cite })),
      ...sources.places.map((p) => ({ id: p.id, doc: '004' as DocKey, quote: p.quote_zh, cite: p.cite })),
      ...sources.demonstrationTypes.flatMap((d) => [
        { id: d.id, doc: '002' as DocKey, quote: d.quote_zh, cite: d.cite },
        ...d.conditions.map((c, i) => ({ id: `${d.id}#${i}`, doc: '002' as DocKey, quote: c.quote_zh, cite: c.cite })),
      ]),
      ...plan.modes.map((m) => ({ id: m.id, doc: '002' as DocKey, quote: m.quote_zh, cite: m.cite })),
    ];
    expect(records.length).toBeGreaterThan(100);
    for (const r of records) {
      const cites = planCites(r.cite);
      expect(cites.length, r.id).toBeGreaterThan(0);
      for (const c of cites) {
        expect(c.doc, r.id).toBe(r.doc);
        expect(c.lines[1], r.id).toBeLessThanOrEqual(DOCUMENTS[c.doc].lines);
      }
      expect(
        cites.some((c) => linesOf(c.doc, c.lines).includes(r.quote.replace(/\s+/g, ''))),
        `${r.id}: “${r.quote}”`,
      ).toBe(true);
    }
  });

  it('passes the build’s own checks', () => {
    expect(() => checkIntegration(sources, plan.modes, documents)).not.toThrow();
  });

  it('gives 002’s 11 modes their definitions in both languages, and never a contact', () => {
    expect(plan.modes.map((m) => m.id)).toEqual(Array.from({ length: 11 }, (_, i) => `mode-${i + 1}`));
    for (const m of plan.modes) {
      expect(m.definition.zh.length, m.id).toBeGreaterThan(20);
      expect(m.definition.en.length, m.id).toBeGreaterThan(20);
    }
    const all = JSON.stringify([built, plan.modes]);
    expect(all).not.toMatch(/罗椿桥|陆光杰|sheitc|126\.com|23112650/);
  });
});

describe('industry links', () => {
  const entry = (id: string) => sources.entries.find((e) => e.id === id)!;
  it('are stated where the plan names the 3+6 industry and our reading (with a note) where it does not', () => {
    expect(entry('000-automobile').industries).toMatchObject([{ industry: 'AUTO', basis: 'stated', term_zh: '汽车' }]);
    expect(entry('004-automobile').industries).toMatchObject([{ industry: 'AUTO', basis: 'stated' }]);
    expect(entry('004-electronics').industries).toMatchObject([{ industry: 'EI', basis: 'interpretive', term_zh: '消费电子' }]);
    expect(entry('004-equipment').industries).toMatchObject([{ industry: 'HEE', basis: 'interpretive', term_zh: '装备制造' }]);
    for (const e of sources.entries) {
      if (e.industries.some((l) => l.basis === 'interpretive')) expect(e.industry_note, e.id).toBeDefined();
    }
  });

  it('cover the six industries of 000’s fusion paths as stated, and say so where a field has no 3+6 counterpart', () => {
    const stated000 = sources.entries
      .filter((e) => e.doc === '000')
      .flatMap((e) => e.industries.filter((l) => l.basis === 'stated').map((l) => l.industry));
    expect(new Set(stated000)).toEqual(new Set(['EI', 'IC', 'LH', 'AUTO', 'HEE', 'MAT', 'FASHION']));
    for (const id of ['004-logistics', '004-e-commerce', '004-rd-design', '004-other-fields']) {
      expect(entry(id).industries, id).toEqual([]);
      expect(entry(id).industry_note?.en, id).toBeTruthy();
    }
  });
});

describe('the aligned rows', () => {
  const themes = alignRows(built);
  it('have every theme, each with what both documents say or an explicit absence', () => {
    expect(themes.map((t) => t.theme)).toEqual([...INTEGRATION_THEMES]);
    for (const t of themes) {
      for (const doc of ['000', '004'] as const) {
        expect(
          t.rows.some((r) => r.cells[doc].kind === 'entries'),
          `${t.theme} ${doc}`,
        ).toBe(true);
      }
      for (const r of t.rows) for (const doc of ['000', '004'] as const) expect(['entries', 'absent']).toContain(r.cells[doc].kind);
    }
    // every absence in the data carries its reason; rows both plans speak to have no absence
    const logistics = themes.find((t) => t.theme === 'industries')!.rows.find((r) => r.row.id === 'logistics')!;
    expect(logistics.cells['000']).toMatchObject({ kind: 'absent', note: { en: expect.stringContaining('supply-chain') } });
    const land = themes.find((t) => t.theme === 'measures')!.rows.find((r) => r.row.id === 'land')!;
    expect(land.cells['000'].kind).toBe('entries');
    expect(land.cells['004'].kind).toBe('entries');
  });

  it('leave only the automobile rows among the industry paths under the 汽车 filter, the other themes whole', () => {
    const filtered = filterRows(themes, ['AUTO']);
    expect(filtered.find((t) => t.theme === 'industries')!.rows.map((r) => r.row.id)).toEqual(['automobile']);
    for (const t of filtered.filter((x) => x.theme !== 'industries')) {
      expect(t.rows.length, t.theme).toBe(themes.find((x) => x.theme === t.theme)!.rows.length);
    }
    expect(filterRows(themes, ['AI']).find((t) => t.theme === 'industries')!.rows).toEqual([]);
    expect(filterRows(themes, []).flatMap((t) => t.rows).length).toBe(built.rows.length);
  });

  it('export as a CSV with a BOM that parses back, one line per row shown', () => {
    const csv = integrationCsv(filterRows(themes, ['AUTO']), built.documents, 'en');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsvRows(csv);
    expect(rows[0]).toEqual([
      'Theme',
      'Row',
      '3+6 industries',
      'Shanghai (000)',
      'Shanghai (000): citation',
      'Zhejiang (004)',
      'Zhejiang (004): citation',
    ]);
    const shown = filterRows(themes, ['AUTO']).flatMap((t) => t.rows).length;
    expect(rows.length - 1).toBe(shown);
    const auto = rows.find((r) => r[1] === 'Automobiles')!;
    expect(auto[2]).toBe('AUTO');
    expect(auto[4]).toBe('000 · §三(三) L346-357');
    expect(auto[6]).toBe('004 · §二(二) L41-43');
    const sharing = rows.find((r) => r[1] === 'Shared manufacturing')!;
    expect(sharing[3]).toMatch(/^No counterpart: /);
  });
});

describe('an industry’s fusion paths (its profile)', () => {
  it('gives Shanghai’s and Zhejiang’s paths for 汽车, none for 人工智能, and the 002 modes naming an industry', () => {
    const auto = industryIntegration(built, plan.modes, 'AUTO');
    expect(auto.paths['000'].map((p) => p.entry.id)).toEqual(['000-automobile']);
    expect(auto.paths['004'].map((p) => p.entry.id)).toEqual(['004-automobile']);
    const ai = industryIntegration(built, plan.modes, 'AI');
    expect(ai.paths['000']).toEqual([]);
    expect(ai.paths['004']).toEqual([]);
    expect(ai.modes.map((m) => m.id)).toEqual(['mode-5']);
    const ei = industryIntegration(built, plan.modes, 'EI');
    expect(ei.paths['004'][0]).toMatchObject({ basis: 'interpretive', term_zh: '消费电子' });
  });
});

describe('Zhejiang, from the same build as Shanghai', () => {
  it('decodes 11 cities with their codes, converted from GCJ-02 to WGS84, inside the province', () => {
    expect(zhejiang.units.features.map((f) => f.properties.code)).toEqual(ZHEJIANG_CITIES.map((c) => c.code));
    const raw = decodeEchartsMap(zhejiangMap);
    const rawFirst = (raw.features[0]!.geometry.coordinates[0] as number[][])[0]!;
    const converted = (zhejiang.units.features[0]!.geometry.coordinates[0] as number[][])[0]!;
    // GCJ-02 lies ~500 m north-east of WGS84 around here: the conversion moved every vertex back
    expect(rawFirst[0]! - converted[0]!).toBeGreaterThan(0.003);
    expect(rawFirst[1]! - converted[1]!).toBeLessThan(0);
    for (const f of zhejiang.units.features) {
      const rings = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const p of rings.flat(2) as unknown as number[][]) {
        expect(p[0]).toBeGreaterThan(118);
        expect(p[0]).toBeLessThan(123.3);
        expect(p[1]).toBeGreaterThan(27);
        expect(p[1]).toBeLessThan(31.2);
      }
    }
  });

  it('puts each city’s label point inside the city, and keeps the outline for the page small', () => {
    const outline = zhejiangOutline(zhejiang.units);
    for (const c of built.cities) {
      const city = outline.features.find((f) => f.properties?.code === c.code)!;
      expect(booleanPointInPolygon(c.label_point, city), c.code).toBe(true);
    }
    expect(JSON.stringify(outline).length).toBeLessThan(150_000);
  });

  it('places 004’s places by city, a place in two cities in both, the free-trade zone not placed', () => {
    const industriesOf = placeIndustries(built);
    const all = placesByCity(built, industriesOf);
    const city = (code: string) => all.cities.find((c) => c.code === code)!.places.map((p) => p.id);
    expect(city('330200')).toContain('ningbo-zhoushan-port');
    expect(city('330900')).toContain('ningbo-zhoushan-port');
    expect(city('330700')).toEqual(expect.arrayContaining(['yiwu-port', 'yiwu-market']));
    expect(all.unplaced.map((p) => p.id)).toEqual(['zhejiang-ftz']);
    const auto = placesByCity(built, industriesOf, ['AUTO']);
    expect(auto.cities.flatMap((c) => c.places.map((p) => p.id))).toEqual([
      'smart-vehicle-test-bases',
      'smart-vehicle-test-bases',
      'smart-vehicle-test-bases',
    ]);
    expect(countShade(0)).toBe(COUNT_SHADES[0]);
    expect(countShade(1)).not.toBe(countShade(0));
    expect(countShade(6)).toBe(COUNT_SHADES[4]);
  });
});

describe('bad integration data stops the build, naming file, record and field', () => {
  const clone = (): IntegrationSources => structuredClone(sources);

  /** Copies the plan sources, lets `edit` change one file, and loads them. */
  function loadWith(file: string, edit: (doc: Record<string, Record<string, unknown>[]>) => void): () => void {
    const root = mkdtempSync(join(tmpdir(), 'integration-'));
    cpSync(join(ROOT, PLAN_DIR), join(root, PLAN_DIR), { recursive: true });
    const path = join(root, PLAN_DIR, file);
    const doc = JSON.parse(readFileSync(path, 'utf8')) as Record<string, Record<string, unknown>[]>;
    edit(doc);
    writeFileSync(path, JSON.stringify(doc));
    return () => loadIntegrationSources(root, plan.published);
  }

  it('a record citing lines outside its document', () => {
    const err = dataError(
      loadWith('integration.json', (doc) => {
        doc.entries!.find((e) => e.id === '004-land')!.cite = ['004 L140'];
      }),
    );
    expect([err.file, err.record, err.field]).toEqual(['integration.json', '004-land', 'cite.0.lines']);
    expect(err.message).toMatch(/past the end/);
  });

  it('a record whose cited lines do not say what it says', () => {
    const s = clone();
    s.entries.find((e) => e.id === '000-land')!.cite = [{ type: 'plan', doc: '000', lines: [499, 508] }];
    const err = dataError(() => checkIntegration(s, plan.modes, documents));
    expect([err.file, err.record, err.field]).toEqual(['integration.json', '000-land', 'quote_zh']);
  });

  it('a path linked to an unknown industry', () => {
    const err = dataError(
      loadWith('integration.json', (doc) => {
        (doc.entries!.find((e) => e.id === '000-automobile')!.industries as Record<string, unknown>[])[0]!.industry = 'CARS';
      }),
    );
    expect([err.file, err.record, err.field]).toEqual(['integration.json', '000-automobile', 'industries.0.industry']);
  });

  it('a mode id that does not exist', () => {
    const s = clone();
    s.entries.find((e) => e.id === '000-digital')!.modes = ['mode-12'];
    const err = dataError(() => checkIntegration(s, plan.modes, documents));
    expect([err.file, err.record, err.field]).toEqual(['integration.json', '000-digital', 'modes.0']);
  });

  it('a Zhejiang place outside Zhejiang', () => {
    const s = clone();
    const port = s.places.find((p) => p.id === 'hangzhou-air-hub')!;
    port.placement = { type: 'city', codes: ['310115'], basis: 'stated' };
    const err = dataError(() => checkIntegration(s, plan.modes, documents));
    expect([err.file, err.record, err.field]).toEqual(['zhejiang.json', 'hangzhou-air-hub', 'placement.codes.0']);
    expect(err.message).toMatch(/a city of Zhejiang/);
  });

  it('an interpretive link without its reason, and a row left with neither an entry nor an absence for a theme', () => {
    const err = dataError(
      loadWith('integration.json', (doc) => {
        delete doc.entries!.find((e) => e.id === '004-electronics')!.industry_note;
      }),
    );
    expect([err.record, err.field]).toEqual(['004-electronics', 'industry_note']);
    const s = clone();
    s.entries = s.entries.filter((e) => !(e.doc === '004' && ['chain-leaders', 'smes', 'platform-firms', 'ecosystem'].includes(e.row)));
    const missing = dataError(() => checkIntegration(s, plan.modes, documents));
    expect([missing.record, missing.field]).toEqual(['implementers', 'entries']);
  });
});

describe('the comparison page’s link', () => {
  it('keeps the industries and the language, and reports what it cannot use', () => {
    const { state, dropped } = decodeIntegration(new URLSearchParams('ind=AUTO,XYZ,EI&lang=en&zoom=3'));
    expect(state).toEqual({ language: 'en', industries: ['EI', 'AUTO'] });
    expect(dropped.map((d) => `${d.param}=${d.value}`)).toEqual(['ind=XYZ', 'zoom=3']);
    expect(encodeIntegration(state)).toBe('ind=EI,AUTO&lang=en');
    expect(decodeIntegration(new URLSearchParams(encodeIntegration(state))).dropped).toEqual([]);
    expect(encodeIntegration({ language: 'zh', industries: [] })).toBe('');
  });
});
