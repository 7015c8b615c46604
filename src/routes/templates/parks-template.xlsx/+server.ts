import writeXlsxFile from 'write-excel-file/node';
import { TEMPLATE_CSV_ROWS } from '$lib/plan/import-parks';

// The same rows as the CSV template (the importer's own column list), as the workbook officers use:
// written at build time, so the app never ships an Excel writer.
export const prerender = true;

export async function GET() {
  const [header, ...rows] = TEMPLATE_CSV_ROWS;
  // numbers as numbers (an officer's sheet has them so), text as text
  const cell = (value: string) => (value === '' ? null : /^-?\d+(\.\d+)?$/.test(value) ? { value: Number(value) } : { value });
  const sheet = [header!.map((value) => ({ value, fontWeight: 'bold' as const })), ...rows.map((row) => row.map(cell))];
  const buffer = await writeXlsxFile(sheet, { sheet: 'parks' }).toBuffer();
  return new Response(new Uint8Array(buffer), {
    headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  });
}
