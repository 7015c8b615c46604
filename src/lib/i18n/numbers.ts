/**
 * Big numbers as each language writes them: Chinese counts in 万 (10⁴) and 亿 (10⁸) — 10000000000 is
 * 100亿 — and English groups thousands (10,000,000,000). Below 100,000 Chinese keeps the digits
 * (figures like 80 or 2550 are read as they are). Pure; every page that prints a plan figure uses it.
 */
import type { Language } from './language.ts';
import { t } from './strings.ts';

const trim = (x: number) => String(Math.round(x * 100) / 100);

/** A figure as the language writes it; a missing figure reads "no data", never a zero or "null". */
export function formatNumber(value: number | null, language: Language): string {
  if (value === null) return t(language, 'noData');
  if (!Number.isFinite(value)) return String(value);
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  if (language === 'zh') {
    if (abs >= 1e8) return `${sign}${trim(abs / 1e8)}亿`;
    if (abs >= 1e5) return `${sign}${trim(abs / 1e4)}万`;
    return `${sign}${trim(abs)}`;
  }
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** A stored size in MB (one decimal) or KB, with the number written as the language writes it. */
export function formatBytes(bytes: number, language: Language): string {
  if (bytes >= 1e6) return `${formatNumber(Math.round(bytes / 1e5) / 10, language)} MB`;
  return `${formatNumber(Math.max(1, Math.round(bytes / 1e3)), language)} KB`;
}
