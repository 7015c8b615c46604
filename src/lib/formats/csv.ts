/**
 * RFC 4180 CSV: parsing (quoted fields, doubled quotes, CRLF, a UTF-8 BOM) into rows or
 * header-keyed records, and writing. Used by the geodata build (the gazetteer), the exports and
 * the import of a user's file, so all three read and write CSV the same way.
 */

/** A UTF-8 byte-order mark: without it Excel reads a UTF-8 CSV as the local code page and garbles Chinese. */
export const BOM = '\ufeff';

/**
 * A text cell that a spreadsheet would run as a formula (=, +, -, @, or a tab or return first) gets a
 * leading apostrophe (OWASP "CSV injection"): a park name like `=HYPERLINK(…)` from an imported list
 * must stay text in every file the product writes. Plain numbers (-3.5) are left as they are.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) && !/^[+-]?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
}

function field(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : typeof value === 'number' ? String(value) : neutraliseFormula(value);
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to CSV text (CRLF line ends, as RFC 4180 has them), with a BOM unless told otherwise. */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[], options: { bom?: boolean } = {}): string {
  const body = rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
  return ((options.bom ?? true) ? BOM : '') + body;
}

/** Rows of a CSV, or with `delimiter` '\t' of a table pasted from a spreadsheet (same quoting rules). */
export function parseCsvRows(text: string, delimiter: ',' | '\t' = ','): string[][] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (quoted) throw new Error('CSV ends inside a quoted field');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

export function parseCsv(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsvRows(text);
  if (!header) return [];
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}
