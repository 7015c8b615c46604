/**
 * Citations: the authoring shorthand ("001 L961-967 §四(二)") and how a citation reads in the UI
 * ("001 · §四(二) L961-967" or a published source's title, publisher and date).
 */
import type { Citation, DocKey } from './model.ts';
import { DOCUMENTS } from './vocabulary.ts';

const SHORTHAND = /^(00[0-4]) L(\d+)(?:-(\d+))? ?(?:§?(.+))?$/;

/** Parses the plan-citation shorthand; null when the text is not in that form. */
export function parsePlanShorthand(text: string): Extract<Citation, { type: 'plan' }> | null {
  const m = SHORTHAND.exec(text.trim());
  if (!m) return null;
  const from = Number(m[2]);
  const to = m[3] ? Number(m[3]) : from;
  const section = m[4]?.trim();
  return { type: 'plan', doc: m[1] as DocKey, lines: [from, to], ...(section ? { section } : {}) };
}

export function formatCitation(c: Citation, language: 'zh' | 'en'): string {
  if (c.type === 'plan') {
    const lines = c.lines[0] === c.lines[1] ? `L${c.lines[0]}` : `L${c.lines[0]}-${c.lines[1]}`;
    return [c.doc, c.section ? `§${c.section.replace(/^§/, '')}` : '', lines].filter(Boolean).join(' · ').replace(' · L', ' L');
  }
  const note = c.note ? (language === 'zh' ? `（${c.note.zh}）` : ` (${c.note.en})`) : '';
  return `${c.title} — ${c.publisher}, ${c.date}${note}`;
}

export function documentTitle(doc: DocKey): string {
  return DOCUMENTS[doc].title_zh;
}
