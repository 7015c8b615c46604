/**
 * The two-industry integration comparison: Shanghai's plan (000) and Zhejiang's draft (004) aligned
 * row by row under themes, each cell either what the plan says (cited) or that it has no
 * counterpart; the 3+6 filter on industry rows; an industry's fusion paths for its profile; 004's
 * places by city; and the CSV the page exports. Pure: takes the built integration.json.
 */
import type { BuiltIntegration, Citation, IntegrationEntry, IntegrationRow, Name, Text, ZhejiangPlace } from './model.ts';
import {
  INDUSTRY_IDS,
  INTEGRATION_DOCS,
  INTEGRATION_THEMES,
  type IndustryId,
  type IntegrationDoc,
  type IntegrationTheme,
} from './vocabulary.ts';
import { formatCitation } from './citation.ts';
import { toCsv } from '../formats/csv.ts';
import { t } from '../i18n/strings.ts';
import type { Language } from '../i18n/language.ts';

export type IntegrationCell =
  | { kind: 'entries'; entries: IntegrationEntry[] }
  /** The plan has nothing on this row; `note` says where it comes closest, when it does. */
  | { kind: 'absent'; note: Text | null; cite: Citation[] };

export interface AlignedRow {
  row: IntegrationRow;
  cells: Record<IntegrationDoc, IntegrationCell>;
  /** The 3+6 industries either plan's entries on this row concern, in 3+6 order. */
  industries: IndustryId[];
}

export interface AlignedTheme {
  theme: IntegrationTheme;
  rows: AlignedRow[];
}

/** Every row under its theme, in the authored order, with a cell for each plan. */
export function alignRows(data: Pick<BuiltIntegration, 'rows' | 'entries' | 'absences'>): AlignedTheme[] {
  const aligned = (row: IntegrationRow): AlignedRow => {
    const cellOf = (doc: IntegrationDoc): IntegrationCell => {
      const entries = data.entries.filter((e) => e.row === row.id && e.doc === doc);
      if (entries.length) return { kind: 'entries', entries };
      const absence = data.absences.find((a) => a.row === row.id && a.doc === doc);
      return { kind: 'absent', note: absence?.note ?? null, cite: absence?.cite ?? [] };
    };
    const cells = { '000': cellOf('000'), '004': cellOf('004') };
    const linked = new Set(
      Object.values(cells).flatMap((c) => (c.kind === 'entries' ? c.entries.flatMap((e) => e.industries.map((l) => l.industry)) : [])),
    );
    return { row, cells, industries: INDUSTRY_IDS.filter((id) => linked.has(id)) };
  };
  return INTEGRATION_THEMES.map((theme) => ({ theme, rows: data.rows.filter((r) => r.theme === theme).map(aligned) })).filter(
    (t) => t.rows.length,
  );
}

/**
 * The 3+6 filter: industry rows that concern a chosen industry stay, the other industry rows go
 * (those with no 3+6 counterpart too); the other themes are about every industry and stay whole.
 */
export function filterRows(themes: readonly AlignedTheme[], selected: readonly IndustryId[]): AlignedTheme[] {
  if (selected.length === 0) return [...themes];
  return themes.map((t) =>
    t.theme === 'industries' ? { ...t, rows: t.rows.filter((r) => r.industries.some((id) => selected.includes(id))) } : t,
  );
}

export interface IndustryIntegration {
  /** Each plan's fusion paths that concern the industry (stated or interpretive, as the links say). */
  paths: Record<IntegrationDoc, { entry: IntegrationEntry; basis: 'stated' | 'interpretive'; term_zh: string }[]>;
  /** 002 modes whose description names the industry. */
  modes: { id: string; name: Name; term_zh: string }[];
}

/** What the two integration plans and 002 say about one 3+6 industry (for its profile page). */
export function industryIntegration(
  data: Pick<BuiltIntegration, 'rows' | 'entries'>,
  modes: readonly { id: string; name: Name; industries: { industry: IndustryId; term_zh: string }[] }[],
  industry: IndustryId,
): IndustryIntegration {
  const industryRows = new Set(data.rows.filter((r) => r.theme === 'industries').map((r) => r.id));
  const pathsOf = (doc: IntegrationDoc) =>
    data.entries
      .filter((e) => e.doc === doc && industryRows.has(e.row))
      .flatMap((entry) => {
        const link = entry.industries.find((l) => l.industry === industry);
        return link ? [{ entry, basis: link.basis, term_zh: link.term_zh }] : [];
      });
  return {
    paths: { '000': pathsOf('000'), '004': pathsOf('004') },
    modes: modes.flatMap((m) => {
      const link = m.industries.find((l) => l.industry === industry);
      return link ? [{ id: m.id, name: m.name, term_zh: link.term_zh }] : [];
    }),
  };
}

export interface CityPlaces {
  code: string;
  name: Name;
  label_point: [number, number];
  places: ZhejiangPlace[];
}

/** The 3+6 industries each of 004's places concerns, through the entries that name it. */
export function placeIndustries(data: Pick<BuiltIntegration, 'places' | 'entries'>): Record<string, IndustryId[]> {
  return Object.fromEntries(
    data.places.map((p) => {
      const linked = new Set(p.entries.flatMap((id) => data.entries.find((e) => e.id === id)?.industries.map((l) => l.industry) ?? []));
      return [p.id, INDUSTRY_IDS.filter((id) => linked.has(id))];
    }),
  );
}

/**
 * 004's places grouped by the cities they are placed in (a place in two cities is in both), and
 * those not placed; with industries chosen, only the places that concern one of them.
 */
export function placesByCity(
  data: Pick<BuiltIntegration, 'cities' | 'places'>,
  industriesOf: Readonly<Record<string, readonly IndustryId[]>>,
  selected: readonly IndustryId[] = [],
): { cities: CityPlaces[]; unplaced: ZhejiangPlace[] } {
  const shown = data.places.filter((p) => selected.length === 0 || (industriesOf[p.id] ?? []).some((id) => selected.includes(id)));
  return {
    cities: data.cities.map((c) => ({
      ...c,
      places: shown.filter((p) => p.placement.type === 'city' && p.placement.codes.includes(c.code)),
    })),
    unplaced: shown.filter((p) => p.placement.type === 'none'),
  };
}

/** A theme's heading (in the string table, like every UI word). */
export function themeName(theme: IntegrationTheme, language: Language): string {
  return t(language, `integrationTheme_${theme}`);
}

/** A cell as one line of text (the CSV's and the no-counterpart wording the page shares). */
export function cellText(cell: IntegrationCell, language: Language): string {
  if (cell.kind === 'absent') return [t(language, 'noCounterpart'), cell.note?.[language]].filter(Boolean).join(': ');
  return cell.entries.map((e) => `${e.title[language]}: ${e.summary[language]}`).join(' / ');
}

export function cellCitations(cell: IntegrationCell, language: Language): string {
  const cites = cell.kind === 'absent' ? cell.cite : cell.entries.flatMap((e) => e.cite);
  return cites.map((c) => formatCitation(c, language)).join('; ');
}

/** The comparison as a CSV (UTF-8 with BOM, so Excel opens the Chinese right): one line per row shown. */
export function integrationCsv(themes: readonly AlignedTheme[], documents: BuiltIntegration['documents'], language: Language): string {
  const region = (doc: IntegrationDoc) => `${documents.find((d) => d.doc === doc)?.region[language] ?? doc} (${doc})`;
  const header = [
    t(language, 'integrationTheme'),
    t(language, 'integrationRow'),
    t(language, 'industriesColumn'),
    ...INTEGRATION_DOCS.flatMap((d) => [region(d), t(language, 'citationOf', { what: region(d) })]),
  ];
  const lines = themes.flatMap((th) =>
    th.rows.map((r) => [
      themeName(th.theme, language),
      r.row.name[language],
      r.industries.join(' '),
      ...INTEGRATION_DOCS.flatMap((d) => [cellText(r.cells[d], language), cellCitations(r.cells[d], language)]),
    ]),
  );
  return toCsv([header, ...lines], { bom: true });
}
