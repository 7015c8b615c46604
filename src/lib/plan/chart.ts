/**
 * The 3+6 2025 scale-target chart's data: one bar per segment target in 亿元, grouped by industry;
 * qualitative targets (倍增, 若干百亿级 …) become text rows, never bars. Pure: the page draws SVG from it.
 */
import type { Citation, Industry } from './model.ts';
import type { Language } from '../i18n/language.ts';
import { formatNumber } from '../i18n/numbers.ts';

const POSTFIX = ['左右', '以上'];

/**
 * A number with the plan's qualifier where Chinese puts it: 超过40, 900左右, 1.5以上, and templates
 * with … for the value (保持…左右 → 保持1000左右).
 */
export function withQualifier(value: number, qualifier: string | null | undefined, language: Language = 'zh'): string {
  const n = formatNumber(value, language);
  if (!qualifier) return n;
  if (qualifier.includes('…')) return qualifier.replace('…', n);
  return POSTFIX.includes(qualifier) ? `${n}${qualifier}` : `${qualifier}${n}`;
}

export interface ChartRow {
  industry: Industry['id'];
  label: { zh: string; en: string };
  /** Null for a qualitative target (then `text` says it). */
  value: number | null;
  qualifier: string | null;
  text: string | null;
  cite: Citation[];
}

export interface ChartGroup {
  industry: Industry['id'];
  name: { zh: string; en: string };
  colour: string;
  rows: ChartRow[];
}

/** Scale targets in 亿元 become bars; other units (万辆, revenue counted apart) and qualitative ones become text. */
export function scaleTargetChart(industries: readonly Industry[]): { groups: ChartGroup[]; max: number } {
  let max = 0;
  const groups = industries.map((ind) => {
    const rows: ChartRow[] = [];
    for (const t of ind.targets) {
      rows.push({
        industry: ind.id,
        label: t.label,
        value: null,
        qualifier: t.qualifier_zh ?? null,
        text: t.text_zh ?? (t.value !== null ? `${t.value} ${t.unit}` : null),
        cite: t.cite,
      });
    }
    for (const seg of ind.segments) {
      for (const t of seg.targets) {
        const bar = t.value !== null && t.unit === '亿元';
        if (bar) max = Math.max(max, t.value!);
        rows.push({
          industry: ind.id,
          label: {
            zh: `${seg.name.zh}${t.label.zh === '产业规模' ? '' : ` · ${t.label.zh}`}`,
            en: `${seg.name.en}${t.label.en === 'Scale' ? '' : ` · ${t.label.en}`}`,
          },
          value: bar ? t.value : null,
          qualifier: t.qualifier_zh ?? null,
          text: bar ? null : (t.text_zh ?? `${t.value ?? ''} ${t.unit}`.trim()),
          cite: t.cite,
        });
      }
    }
    return { industry: ind.id, name: ind.name, colour: ind.colour, rows };
  });
  return { groups, max };
}
