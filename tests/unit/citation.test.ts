/**
 * How a citation reads: a plan line range in the shorthand's order, a published source as title,
 * publisher and date — and what a reader must know about a source (that only part of it is readable)
 * as a note in the UI's language, never in the title.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatCitation, parsePlanShorthand } from '../../src/lib/plan/citation.ts';
import { PublishedCitation, type Citation } from '../../src/lib/plan/model.ts';
import { ROOT } from '../support/server.ts';

const SOURCES = JSON.parse(readFileSync(join(ROOT, 'geodata/sources/plan/published-sources.json'), 'utf8')) as Record<string, unknown>;
const published = Object.entries(SOURCES)
  .filter(([id]) => !id.startsWith('$'))
  .map(([id, value]) => [id, PublishedCitation.parse(value)] as const);

describe('citations as a reader sees them', () => {
  it('reads a plan line range with its section', () => {
    const c = parsePlanShorthand('001 L961-967 §四(二)')!;
    expect(formatCitation(c, 'zh')).toBe('001 · §四(二) L961-967');
    expect(formatCitation({ type: 'plan', doc: '003', lines: [12, 12] }, 'en')).toBe('003 L12');
  });

  it('gives a published source’s note in the UI language, after its title, publisher and date', () => {
    const catalog = Object.fromEntries(published)['catalog-2022']! as Citation;
    expect(formatCitation(catalog, 'zh')).toBe(
      '上海市特色产业园区公告目录（2022年版） — 上海市经济和信息化委员会, 2022-10-24（目录仅前5行以可读形式公开，其余各行无法核对）',
    );
    expect(formatCitation(catalog, 'en')).toContain("2022-10-24 (only the catalog's first 5 rows are published in a readable form");
  });

  it('keeps research notes out of source titles: no title carries an English remark', () => {
    // titles are the sources' own (Chinese) words; an English parenthesis is a note that leaked in
    for (const [id, source] of published) expect(source.title, id).not.toMatch(/\([a-z][a-z ,'-]+\d*[a-z ]*\)/i);
  });
});
