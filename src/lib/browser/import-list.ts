/**
 * Reading a user's list in the browser: the file's bytes decoded in its encoding (detected or
 * chosen), the table read in the coordinate system the user named, and the hint computed against
 * the district outlines. The rules are pure (formats/text-encoding.ts, plan/import-parks.ts); this
 * only strings them together with the browser's file and fetch.
 */
import { parseCsvRows } from '../formats/csv.ts';
import { decodeTableText, type TextEncodingChoice, type TextEncodingUsed } from '../formats/text-encoding.ts';
import {
  coordinateHint,
  csvRows,
  hasNameColumn,
  headerSignature,
  parseImport,
  parseImportTable,
  sheetNoteIssues,
  tableRows,
  type CoordinateSystem,
  type ColumnMapping,
  type ImportContext,
  type ImportResult,
} from '../plan/import-parks.ts';
import type { SheetTable } from '../formats/xlsx.ts';
import { districtLocator, districtLookup } from './district-lookup.ts';
import {
  ENTERPRISE_LIMITS,
  isEnterpriseHeader,
  readEnterprises,
  shapeLocator,
  type CountingShape,
  type ImportedEnterprise,
} from '../plan/enterprises.ts';
import type { ListKind } from './imported-store.ts';
import { loadPlanGeojson } from './plan-data.ts';

/** What the user chose before loading: the file's encoding and its coordinates' system. */
export interface ImportChoices {
  encoding: TextEncodingChoice;
  coordinates: CoordinateSystem;
  /** What the list holds; 'auto': enterprises when the header names them (企业名称, enterprise, …). */
  listKind: ListKindChoice;
}

export const LIST_KIND_CHOICES = ['auto', 'parks', 'enterprises'] as const;
export type ListKindChoice = (typeof LIST_KIND_CHOICES)[number];

/** A read list as the panel shows it: the rows, how the text was read, the system, and the hint. */
export type ImportOutcome = ImportResult & {
  filename: string;
  encoding: { used: TextEncodingUsed; detected: boolean } | null;
  coordinates: CoordinateSystem;
  hint: ReturnType<typeof coordinateHint>;
  /** A workbook's sheets that hold a table, and the one read. */
  sheets?: string[];
  sheet?: string;
  /** What the list was read as; an enterprise list's rows are in `enterprises` (`accepted` is empty). */
  kind: ListKind;
  enterprises?: ImportedEnterprise[];
};

/** A workbook is refused above this size (compressed: some 100,000 rows of an enterprise list). */
export const WORKBOOK_MAX_BYTES = 20_000_000;

/** What was read, kept so the same input can be read again (another coordinate system, another sheet). */
export type ImportInput =
  | { kind: 'text'; text: string; filename: string; format: 'csv' | 'tsv' | 'geojson'; encoding: ImportOutcome['encoding'] }
  | { kind: 'workbook'; filename: string; sheets: SheetTable[]; sheet: string };

export function formatOf(filename: string): 'csv' | 'tsv' | 'geojson' {
  if (/\.(geo)?json$/i.test(filename)) return 'geojson';
  if (/\.(tsv|txt)$/i.test(filename)) return 'tsv';
  return 'csv';
}

const fatal = (filename: string, choices: ImportChoices, reason: { zh: string; en: string }): ImportOutcome => ({
  accepted: [],
  issues: [],
  fatal: reason,
  filename,
  encoding: null,
  coordinates: choices.coordinates,
  hint: null,
  kind: choices.listKind === 'enterprises' ? 'enterprises' : 'parks',
});

/** A file as text in its encoding, or a workbook's sheets; a fatal outcome (with the reason) when it cannot be read. */
export async function inputFromFile(file: File, choices: ImportChoices): Promise<ImportInput | ImportOutcome> {
  if (/\.xlsx$/i.test(file.name)) {
    if (file.size > WORKBOOK_MAX_BYTES) return fatal(file.name, choices, { zh: '工作簿超过 20 MB', en: 'The workbook is over 20 MB' });
    const { readWorkbook } = await import('../formats/xlsx.ts');
    let sheets: SheetTable[];
    try {
      sheets = await readWorkbook(await file.arrayBuffer());
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      return fatal(file.name, choices, { zh: `无法读取 Excel 工作簿（${why}）`, en: `The Excel workbook cannot be read (${why})` });
    }
    const withData = sheets.filter((s) => s.rows.length > 0 && s.rows[0]!.some((c) => c.trim() !== ''));
    if (withData.length === 0)
      return fatal(file.name, choices, {
        zh: '工作簿中没有数据（所有工作表都为空）',
        en: 'The workbook holds no data (every sheet is empty)',
      });
    // the first sheet with a name column: a workbook often opens with a notes or cover sheet
    const first = withData.find((s) => hasNameColumn(s.rows[0]!)) ?? withData[0]!;
    return { kind: 'workbook', filename: file.name, sheets: withData, sheet: first.name };
  }
  if (/\.xls$/i.test(file.name)) {
    return fatal(file.name, choices, {
      zh: '不支持旧版 Excel（.xls）格式：请在 Excel 中另存为 .xlsx 或 CSV UTF-8',
      en: 'The old Excel format (.xls) is not supported: save it from Excel as .xlsx or CSV UTF-8',
    });
  }
  const decoded = decodeTableText(new Uint8Array(await file.arrayBuffer()), choices.encoding);
  if (!decoded.ok) return fatal(file.name, choices, decoded.reason);
  return {
    kind: 'text',
    text: decoded.text,
    filename: file.name,
    format: formatOf(file.name),
    encoding: { used: decoded.encoding, detected: decoded.detected },
  };
}

const MAPPINGS_KEY = 'shanghai-explorer.column-mappings.v1';

function savedMappings(): Record<string, ColumnMapping> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(MAPPINGS_KEY) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, ColumnMapping>) : {};
  } catch {
    return {};
  }
}

/** Remembers what the user said a set of headers means, for the next list with the same header. */
export function rememberMapping(header: readonly string[], mapping: ColumnMapping): void {
  try {
    localStorage.setItem(MAPPINGS_KEY, JSON.stringify({ ...savedMappings(), [headerSignature(header)]: mapping }));
  } catch {
    // not remembered: the mapping still applies to this list
  }
}

/**
 * Reads a table with the user's mapping, or, when they gave none, with the mapping they gave this
 * header set before (park and enterprise lists alike).
 */
function withRememberedMapping<T extends { columns?: { header: string }[] }>(read: (m?: ColumnMapping) => T, mapping?: ColumnMapping): T {
  const first = read(mapping);
  const remembered = !mapping && first.columns ? savedMappings()[headerSignature(first.columns.map((c) => c.header))] : undefined;
  return remembered ? read(remembered) : first;
}

/** The plan's areas rows are placed in (enterprises counted, parks summarised by belt), and the district locator; without them (offline, not yet stored) rows still load, unplaced. */
async function placingContext(ctx: ImportContext) {
  const [districtAt, plan] = await Promise.all([districtLocator().catch(() => null), loadPlanGeojson().catch(() => null)]);
  const shapes: CountingShape[] = (plan?.features ?? [])
    .filter((f) => f.properties?.role === 'shape' && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon'))
    .map((f) => ({
      id: String(f.properties!.id),
      kind: String(f.properties!.kind),
      precision: String(f.properties!.precision),
      parent: (f.properties!.parent as string | null) ?? null,
      geometry: f.geometry as CountingShape['geometry'],
    }));
  return { industries: ctx.industries, features: ctx.features, districtCentres: ctx.districtCentres, districtAt, shapes };
}

/** What the list is: as the user chose, else enterprises when its header names them. */
function listKindOf(input: ImportInput, choice: ListKindChoice): ListKind {
  if (choice !== 'auto') return choice;
  return isEnterpriseHeader(headerOf(input)) ? 'enterprises' : 'parks';
}

/** The header row as the table reader will see it (the CSV parser on the first line: quoted headers stay whole). */
function headerOf(input: ImportInput): string[] {
  if (input.kind === 'workbook') return input.sheets.find((s) => s.name === input.sheet)?.rows[0] ?? [];
  if (input.format === 'geojson') return [];
  try {
    return parseCsvRows(input.text.split(/\r?\n/, 1)[0] ?? '', input.format === 'tsv' ? '\t' : ',')[0] ?? [];
  } catch {
    // a header the parser refuses is reported when the table is read
    return [];
  }
}

export async function readList(
  input: ImportInput,
  coordinates: CoordinateSystem,
  ctx: ImportContext,
  mapping?: ColumnMapping,
  kindChoice: ListKindChoice = 'auto',
): Promise<ImportOutcome> {
  const kind = listKindOf(input, kindChoice);
  if (kind === 'enterprises') return readEnterpriseList(input, coordinates, ctx, mapping);
  const read = (m?: ColumnMapping) => {
    const options = { coordinates, ...(m ? { mapping: m } : {}) };
    return input.kind === 'workbook'
      ? parseImportTable(input.sheets.find((s) => s.name === input.sheet)!.rows, ctx, options)
      : parseImport(input.text, input.filename, ctx, { ...options, format: input.format });
  };
  let result = withRememberedMapping(read, mapping);
  result = { ...result, issues: [...sheetIssues(input), ...result.issues] };
  let hint: ImportOutcome['hint'] = null;
  if (result.accepted.some((p) => p.original && p.district)) {
    // the hint is a help, not a condition: without the outlines (offline before they were stored) there is none
    hint = await districtLookup()
      .then((inDistrict) => coordinateHint(result.accepted, inDistrict))
      .catch(() => null);
  }
  // where each park sits in the plan's areas (belts, the pole, new towns …), for the summaries; a
  // district centre is no place in them
  if (result.accepted.length) {
    const locate = shapeLocator((await placingContext(ctx)).shapes);
    for (const park of result.accepted) park.within = park.locatedBy === 'coordinates' ? locate(park.point) : [];
  }
  return { ...result, ...described(input, coordinates), hint, kind: 'parks' };
}

/** The read sheet's merged cells and formulas without a saved value, as row issues. */
function sheetIssues(input: ImportInput) {
  if (input.kind !== 'workbook') return [];
  const sheet = input.sheets.find((s) => s.name === input.sheet);
  return sheet?.notes?.length ? sheetNoteIssues(sheet.notes, sheet.rows[0] ?? []) : [];
}

/** How the input was read, as the panel shows it: file (and sheet), encoding, coordinate system. */
function described(input: ImportInput, coordinates: CoordinateSystem) {
  const sheetInfo = input.kind === 'workbook' ? { sheets: input.sheets.map((s) => s.name), sheet: input.sheet } : {};
  return {
    filename: input.kind === 'workbook' ? `${input.filename} · ${input.sheet}` : input.filename,
    encoding: input.kind === 'text' ? input.encoding : null,
    coordinates,
    ...sheetInfo,
  };
}

async function readEnterpriseList(
  input: ImportInput,
  coordinates: CoordinateSystem,
  ctx: ImportContext,
  mapping?: ColumnMapping,
): Promise<ImportOutcome> {
  const about = { ...described(input, coordinates), hint: null, kind: 'enterprises' as const, accepted: [] };
  if (input.kind === 'text' && input.format === 'geojson')
    return {
      ...about,
      issues: [],
      fatal: { zh: '企业名单请用表格（Excel、CSV 或粘贴的表格）', en: 'Read enterprise lists from a table (Excel, CSV or a pasted table)' },
    };
  if (input.kind === 'text' && input.text.length > ENTERPRISE_LIMITS.bytes)
    return { ...about, issues: [], fatal: { zh: '文件超过 30 MB', en: 'The file is over 30 MB' } };
  const read = (m?: ColumnMapping) =>
    input.kind === 'workbook'
      ? tableRows(input.sheets.find((s) => s.name === input.sheet)!.rows, m)
      : csvRows(input.text, input.format === 'tsv' ? '\t' : ',', m);
  const table = withRememberedMapping(read, mapping);
  const result = readEnterprises(table, await placingContext(ctx), coordinates);
  return {
    ...about,
    issues: [...sheetIssues(input), ...result.issues],
    fatal: result.fatal,
    enterprises: result.enterprises,
    ...(table.columns ? { columns: table.columns, preview: table.preview ?? [] } : {}),
  };
}
