import { toCsv } from '$lib/formats/csv';
import { TEMPLATE_CSV_ROWS } from '$lib/plan/import-parks';

// Built from the importer's own column list, so the template and the validator cannot disagree.
export const prerender = true;

export function GET() {
  return new Response(toCsv(TEMPLATE_CSV_ROWS), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
}
