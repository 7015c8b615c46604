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
  const { default: readXlsxFile } = await import('read-excel-file/universal');
  const sheets = await readXlsxFile(data);
  return sheets.map((s) => {
    const rows = s.data.map((row) => row.map(cellText));
    while (rows.length && rows[rows.length - 1]!.every((c) => c.trim() === '')) rows.pop();
    return { name: s.sheet, rows };
  });
}
