/**
 * The attribution is data, not markup: built only from the project's own source list, it holds text
 * and links to licence pages and nothing else, and no other part of the app writes HTML from strings.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { attributionHtml, attributionText, BASEMAP_SOURCES } from '../../src/lib/attribution.ts';
import { ROOT } from '../support/server.ts';

const LINK = /<a href="(https:\/\/[^"<>]+)" target="_blank" rel="noopener noreferrer">([^<>]*)<\/a>/g;

describe('the map attribution', () => {
  it.each(['zh', 'en'] as const)('%s: is text and https links with rel="noopener", nothing else', (language) => {
    const html = attributionHtml(language);
    const links = [...html.matchAll(LINK)];
    expect(links.length).toBeGreaterThan(0);
    for (const [, href] of links) expect(BASEMAP_SOURCES.map((s) => s.url)).toContain(href);
    // with the links taken out, not one tag, attribute or entity other than the escaped text remains
    expect(html.replace(LINK, '$2')).not.toMatch(/[<>"]|&(?!amp;|lt;|gt;|quot;)/);
    // and it says what the plain-text attribution of exported images says
    expect(html.replace(LINK, '$2').replace(/&amp;/g, '&')).toBe(attributionText(language));
  });
});

describe('HTML from strings', () => {
  it('is written nowhere in the app: no {@html}, innerHTML or insertAdjacentHTML in any source file', () => {
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
    const offenders = walk(join(ROOT, 'src'))
      .filter((f) => /\.(ts|js|svelte)$/.test(f))
      .filter((f) => /\{@html|\.innerHTML\s*=|outerHTML\s*=|insertAdjacentHTML|setHTMLUnsafe/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
