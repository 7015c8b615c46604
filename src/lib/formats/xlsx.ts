/**
 * Reading an Excel workbook (.xlsx) into plain tables of text, one per sheet. The parser,
 * read-excel-file (MIT; fflate for the zip, a SAX parser for the XML; no eval, no prototype writes), is
 * loaded only when a user opens a workbook: the map never downloads it otherwise. The npm `xlsx`
 * 0.18.5 was not used: it has published prototype-pollution and ReDoS advisories, and SheetJS's
 * fixed versions are not on the npm registry.
 */
export interface SheetTable {
  name: string;
  rows: string[][];
  /** What the parser does not say and a reader must know: merged cells (filled in) and formulas without a saved value. */
  notes?: SheetNote[];
}

/** A cell (1-based row as Excel numbers it, column letter) and what was done with it. */
export interface SheetNote {
  row: number;
  column: string;
  /** The column's index (0-based), to name it by the sheet's header. */
  columnIndex: number;
  kind: 'merged' | 'formula-without-value';
  /** For a merged range: its reference (A2:A5) and the value each cell of it was given. */
  range?: string;
  value?: string;
}

/** The structure the parser leaves out, per sheet name: merged ranges and formula cells with no saved value. */
export interface SheetStructure {
  merged: string[];
  formulasWithoutValue: string[];
}

const decodeXml = (s: string) =>
  s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);
const attribute = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] ?? null;

/**
 * Reads what read-excel-file does not report from the workbook's own XML (unzipped with fflate, the
 * library the parser and pmtiles already use): each sheet's merged ranges (<mergeCell ref>) and the
 * cells holding a formula but no saved value (<c><f>…</f></c> without <v>: a file written by a tool
 * that never calculated it), which the parser reads as empty.
 */
export function sheetStructure(zip: Uint8Array, unzip: (zip: Uint8Array) => Record<string, Uint8Array>): Map<string, SheetStructure> {
  const files = unzip(zip);
  const text = (path: string) => (files[path] ? new TextDecoder().decode(files[path]) : '');
  const targets = new Map<string, string>();
  for (const [tag] of text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attribute(tag, 'Id');
    const target = attribute(tag, 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const out = new Map<string, SheetStructure>();
  for (const [tag] of text('xl/workbook.xml').matchAll(/<sheet\b[^>]*>/g)) {
    const name = attribute(tag, 'name');
    const path = targets.get(attribute(tag, 'r:id') ?? '');
    if (name === null || !path) continue;
    const xml = text(path);
    const merged = [...xml.matchAll(/<mergeCell\b[^>]*\bref="([A-Z]+\d+:[A-Z]+\d+)"/g)].map((m) => m[1]!);
    const formulasWithoutValue = [...xml.matchAll(/<c\b([^>]*?)>([\s\S]*?)<\/c>/g)]
      .filter(([, , inner]) => /<f[\s>/]/.test(inner!) && !/<v[\s>]/.test(inner!))
      .map(([, attrs]) => attribute(attrs!, 'r'))
      .filter((r): r is string => r !== null);
    out.set(decodeXml(name), { merged, formulasWithoutValue });
  }
  return out;
}

/** "AB12" → row 12, column index 27 (0-based). */
function cellRef(ref: string): { row: number; col: number; letters: string } {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(m[2]), col, letters: m[1]! };
}

/**
 * A sheet's rows with every merged range filled with its top-left value (Chinese lists often merge
 * the 区 or 园区 cell over the rows it applies to; the parser gives the other rows empty), and a note
 * for each merged range and each formula without a saved value.
 */
export function applyStructure(rows: string[][], structure: SheetStructure | undefined): { rows: string[][]; notes: SheetNote[] } {
  if (!structure) return { rows, notes: [] };
  const filled = rows.map((r) => [...r]);
  const notes: SheetNote[] = [];
  for (const range of structure.merged) {
    const [from, to] = range.split(':').map(cellRef) as [ReturnType<typeof cellRef>, ReturnType<typeof cellRef>];
    const value = filled[from.row - 1]?.[from.col] ?? '';
    for (let r = from.row; r <= to.row; r++)
      for (let c = from.col; c <= to.col; c++) {
        const row = filled[r - 1];
        if (!row) continue;
        while (row.length <= c) row.push('');
        row[c] = value;
      }
    notes.push({ row: from.row, column: from.letters, columnIndex: from.col, kind: 'merged', range, value });
  }
  for (const ref of structure.formulasWithoutValue) {
    const { row, letters, col } = cellRef(ref);
    notes.push({ row, column: letters, columnIndex: col, kind: 'formula-without-value' });
  }
  return { rows: filled, notes };
}

/** A cell as the text a user would see in Excel for the values a list holds. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'number') return Number.isFinite(value) ? String(Number(value.toPrecision(15))) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

/** Every sheet of a workbook as rows of text (empty rows at the end dropped). */
export async function readWorkbook(data: ArrayBuffer): Promise<SheetTable[]> {
  const [{ default: readXlsxFile }, { unzipSync }] = await Promise.all([import('read-excel-file/universal'), import('fflate')]);
  const sheets = await readXlsxFile(data);
  // only the workbook, its relations and the sheets are unzipped again (not the shared strings or styles)
  const structure = sheetStructure(new Uint8Array(data), (zip) =>
    unzipSync(zip, { filter: (f) => /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|worksheets\/[^/]+\.xml)$/.test(f.name) }),
  );
  return sheets.map((s) => {
    const read = s.data.map((row) => row.map(cellText));
    const { rows, notes } = applyStructure(read, structure.get(s.sheet));
    while (rows.length && rows[rows.length - 1]!.every((c) => c.trim() === '')) rows.pop();
    return { name: s.sheet, rows, notes };
  });
}
