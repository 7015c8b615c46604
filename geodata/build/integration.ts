/**
 * The two-industry integration build: reads integration.json (000 Shanghai and 004 Zhejiang
 * aligned row by row, 002's demonstration types) and zhejiang.json (places 004 names), validates
 * them against the plan model, checks that every record's words are in the lines it cites (the plan
 * texts are stored in geodata/sources/documents/), and joins Zhejiang's cities from ECharts with the
 * same code as Shanghai's districts. Every error names the file, the record, the field and what was
 * expected.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { area as turfArea, polygon as turfPolygon, simplify as turfSimplify } from '@turf/turf';
import {
  type BuiltIntegration, type Citation, DemonstrationType, type DocKey, IntegrationAbsence, IntegrationDocument, IntegrationEntry, IntegrationRow,
  type PublishedCitation, type ServiceMode, ZhejiangPlace,
} from '../../src/lib/plan/model.ts';
import { INTEGRATION_DOCS, INTEGRATION_THEMES } from '../../src/lib/plan/vocabulary.ts';
import { ZHEJIANG_CITIES } from '../../src/lib/zhejiang.ts';
import { DataError } from './errors.ts';
import { expandCitations, PLAN_DIR, readJson, validate } from './plan.ts';
import { round7 } from './coords.ts';
import type { AdminUnits } from './districts.ts';
import type { z } from 'zod';

export const DOCUMENTS_DIR = 'geodata/sources/documents';
/** The plan texts stored with the project (the others are cited by line range only). */
export const STORED_DOCUMENTS = ['000', '002', '004'] as const;

export type StoredDocuments = ReadonlyMap<DocKey, readonly string[]>;

export function loadDocuments(root: string): StoredDocuments {
  return new Map(STORED_DOCUMENTS.map((key) => [key as DocKey, readFileSync(join(root, DOCUMENTS_DIR, `${key}.txt`), 'utf8').replace(/\n$/, '').split('\n')]));
}

const compact = (text: string) => text.replace(/\s+/g, '');

/**
 * The citation resolves: `quote` (whitespace ignored, since the texts break lines inside words) is
 * in the lines one of `cites` gives, in a stored document.
 */
export function checkQuote(documents: StoredDocuments, file: string, record: string, field: string, quote: string, cites: readonly Citation[]): void {
  const stored = cites.filter((c): c is Extract<Citation, { type: 'plan' }> => c.type === 'plan' && documents.has(c.doc));
  if (stored.length === 0) {
    throw new DataError(file, record, field.replace(/[^.]+$/, 'cite'), `a citation of a stored plan text (${STORED_DOCUMENTS.join(', ')})`, cites);
  }
  const found = stored.some((c) => compact(documents.get(c.doc)!.slice(c.lines[0] - 1, c.lines[1]).join('')).includes(compact(quote)));
  if (!found) {
    const where = stored.map((c) => `${c.doc} L${c.lines[0]}-${c.lines[1]}`).join(', ');
    throw new DataError(file, record, field, `words found in the cited lines (${where})`, quote);
  }
}

export interface IntegrationSources {
  documents: z.infer<typeof IntegrationDocument>[];
  rows: z.infer<typeof IntegrationRow>[];
  entries: z.infer<typeof IntegrationEntry>[];
  absences: z.infer<typeof IntegrationAbsence>[];
  demonstrationTypes: z.infer<typeof DemonstrationType>[];
  places: z.infer<typeof ZhejiangPlace>[];
}

export const INTEGRATION_FILE = 'integration.json';
export const ZHEJIANG_FILE = 'zhejiang.json';

export function loadIntegrationSources(root: string, published: Record<string, z.infer<typeof PublishedCitation>>): IntegrationSources {
  const dir = join(root, PLAN_DIR);
  const list = <S extends z.ZodType>(file: string, doc: Record<string, unknown>, key: string, schema: S, idOf: (raw: unknown, i: number) => string): z.infer<S>[] => {
    const records = doc[key];
    if (!Array.isArray(records)) throw new DataError(file, '(file)', key, 'an array', records);
    return records.map((raw, i) => {
      const record = idOf(raw, i);
      return validate(schema, expandCitations(raw, published, file, record), file, record);
    });
  };
  const byId = (raw: unknown, i: number) => {
    const v = raw as Record<string, unknown> | null;
    return typeof v?.id === 'string' ? v.id : typeof v?.doc === 'string' && typeof v?.row === 'string' ? `${v.doc}/${v.row}` : `#${i + 1}`;
  };
  const integration = readJson(dir, INTEGRATION_FILE);
  const zhejiang = readJson(dir, ZHEJIANG_FILE);
  return {
    documents: list(INTEGRATION_FILE, integration, 'documents', IntegrationDocument, (raw, i) => ((raw as { doc?: string })?.doc ?? `#${i + 1}`)),
    rows: list(INTEGRATION_FILE, integration, 'rows', IntegrationRow, byId),
    entries: list(INTEGRATION_FILE, integration, 'entries', IntegrationEntry, byId),
    absences: list(INTEGRATION_FILE, integration, 'absences', IntegrationAbsence, byId),
    demonstrationTypes: list(INTEGRATION_FILE, integration, 'demonstration_types', DemonstrationType, byId),
    places: list(ZHEJIANG_FILE, zhejiang, 'places', ZhejiangPlace, byId),
  };
}

/** What a schema cannot check: ids, references, rows covered, words in their lines, places in Zhejiang. */
export function checkIntegration(sources: IntegrationSources, modes: readonly ServiceMode[], documents: StoredDocuments): void {
  const F = INTEGRATION_FILE;
  const unique = (file: string, ids: string[], what: string) => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) throw new DataError(file, id, 'id', `a unique ${what} id`, id);
      seen.add(id);
    }
    return seen;
  };
  for (const doc of INTEGRATION_DOCS) {
    if (!sources.documents.some((d) => d.doc === doc)) throw new DataError(F, doc, 'documents', `a description of document ${doc}`, 'missing');
  }
  const rowIds = unique(F, sources.rows.map((r) => r.id), 'row');
  const entryIds = unique(F, sources.entries.map((e) => e.id), 'entry');
  unique(ZHEJIANG_FILE, sources.places.map((p) => p.id), 'place');
  const modeIds = new Set(modes.map((m) => m.id));
  const covered = new Set<string>();
  for (const e of sources.entries) {
    if (!rowIds.has(e.row)) throw new DataError(F, e.id, 'row', 'the id of a row in rows', e.row);
    for (const [i, c] of e.cite.entries()) {
      if (c.type === 'plan' && c.doc !== e.doc) throw new DataError(F, e.id, `cite.${i}`, `a citation of its own document ${e.doc}`, `${c.doc} L${c.lines.join('-')}`);
    }
    checkQuote(documents, F, e.id, 'quote_zh', e.quote_zh, e.cite);
    e.industries.forEach((l, i) => checkQuote(documents, F, e.id, `industries.${i}.term_zh`, l.term_zh, l.cite));
    // a figure's number is in its lines too (the text_zh of a qualitative one is a paraphrase)
    e.targets.forEach((t, i) => t.value !== null && checkQuote(documents, F, e.id, `targets.${i}.value`, String(t.value), t.cite));
    e.modes.forEach((m, i) => {
      if (!modeIds.has(m)) throw new DataError(F, e.id, `modes.${i}`, 'a mode id from modes.json', m);
    });
    if (sources.rows.find((r) => r.id === e.row)!.theme === 'industries' && e.industries.length === 0 && !e.industry_note) {
      throw new DataError(F, e.id, 'industry_note', 'a note saying why an industry path has no 3+6 counterpart', undefined);
    }
    covered.add(`${e.doc}/${e.row}`);
  }
  for (const a of sources.absences) {
    const record = `${a.doc}/${a.row}`;
    if (!rowIds.has(a.row)) throw new DataError(F, record, 'row', 'the id of a row in rows', a.row);
    if (covered.has(record)) throw new DataError(F, record, 'row', `a row document ${a.doc} has no entry on`, a.row);
    covered.add(record);
  }
  // Every theme speaks for both documents: an entry, or an absence saying so.
  for (const theme of INTEGRATION_THEMES) {
    const rows = sources.rows.filter((r) => r.theme === theme);
    if (rows.length === 0) throw new DataError(F, theme, 'rows', `at least one row under the theme ${theme}`, 'none');
    for (const doc of INTEGRATION_DOCS) {
      if (!sources.entries.some((e) => e.doc === doc && rows.some((r) => r.id === e.row))) {
        throw new DataError(F, theme, 'entries', `an entry of document ${doc} under the theme ${theme}`, 'none');
      }
    }
  }
  for (const t of sources.demonstrationTypes) {
    checkQuote(documents, F, t.id, 'quote_zh', t.quote_zh, t.cite);
    t.modes.forEach((m, i) => {
      if (!modeIds.has(m.mode)) throw new DataError(F, t.id, `modes.${i}.mode`, 'a mode id from modes.json', m.mode);
      checkQuote(documents, F, t.id, `modes.${i}.term_zh`, m.term_zh, t.cite);
    });
    t.conditions.forEach((c, i) => checkQuote(documents, F, t.id, `conditions.${i}.quote_zh`, c.quote_zh, c.cite));
  }
  for (const m of modes) {
    checkQuote(documents, 'modes.json', m.id, 'quote_zh', m.quote_zh, m.cite);
    m.industries.forEach((l, i) => checkQuote(documents, 'modes.json', m.id, `industries.${i}.term_zh`, l.term_zh, l.cite));
  }
  const cityCodes = new Set(ZHEJIANG_CITIES.map((c) => c.code));
  for (const p of sources.places) {
    p.entries.forEach((id, i) => {
      const entry = sources.entries.find((e) => e.id === id);
      if (!entry || entry.doc !== '004') throw new DataError(ZHEJIANG_FILE, p.id, `entries.${i}`, 'the id of a 004 entry in integration.json', id);
      if (!entryIds.has(id)) throw new DataError(ZHEJIANG_FILE, p.id, `entries.${i}`, 'an entry id', id);
    });
    if (p.placement.type === 'city') {
      p.placement.codes.forEach((code, i) => {
        if (!cityCodes.has(code)) {
          throw new DataError(ZHEJIANG_FILE, p.id, `placement.codes.${i}`, `a city of Zhejiang (src/lib/zhejiang.ts: ${[...cityCodes].join(', ')})`, code);
        }
      });
    }
    checkQuote(documents, ZHEJIANG_FILE, p.id, 'quote_zh', p.quote_zh, p.cite);
  }
}

/**
 * Zhejiang's cities as the comparison page draws them: ~500 m detail is plenty for a page-wide map,
 * and the thousands of islets under 1 km² (invisible at that scale, and degenerate once simplified)
 * are left out.
 */
export function zhejiangOutline(units: AdminUnits['units']): FeatureCollection<Polygon | MultiPolygon> {
  const round = (ring: Position[]) => ring.map((p) => [round7(p[0]!), round7(p[1]!)]);
  return {
    type: 'FeatureCollection',
    features: units.features.map((f) => {
      const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      const kept = polygons
        .filter((rings) => rings[0]!.length >= 4)
        .map((rings) => rings.filter((ring) => ring.length >= 4))
        .filter((rings) => turfArea(turfPolygon(rings)) >= 1e6)
        .map((rings) => turfSimplify(turfPolygon(rings), { tolerance: 0.004, highQuality: false }).geometry.coordinates.map(round));
      return { ...f, geometry: { type: 'MultiPolygon', coordinates: kept } as MultiPolygon };
    }),
  };
}

export function integrationOutputs(
  sources: IntegrationSources,
  cities: AdminUnits,
  locatedModes: number,
): BuiltIntegration {
  return {
    generator: 'npm run geodata',
    documents: sources.documents,
    rows: sources.rows,
    entries: sources.entries,
    absences: sources.absences,
    demonstration_types: sources.demonstrationTypes,
    modes_located: {
      count: locatedModes,
      note:
        locatedModes === 0
          ? {
              zh: '没有规划条文把这些模式落到具体地点或要素，因此地图上不标注任何模式。',
              en: 'No plan line ties these modes to a place or a feature, so no mode is located on the map.',
            }
          : { zh: `${locatedModes} 个要素带有规划所述的模式。`, en: `${locatedModes} features carry a mode a plan line gives them.` },
    },
    cities: ZHEJIANG_CITIES.map((c) => {
      const at = cities.labelPoints.get(c.code);
      if (!at) throw new DataError('echarts/map/json/province/zhejiang.json', c.code, 'properties.cp', 'a label point for every city', undefined);
      return { code: c.code, name: c.name, label_point: [round7(at[0]!), round7(at[1]!)] as [number, number] };
    }),
    places: sources.places,
  };
}

