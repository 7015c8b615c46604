/**
 * The security policy: strict sources only, the server's headers complete, the README's nginx and
 * Caddy examples identical to what the app's own server sends, and no style attribute in any page
 * (colours come from the palette stylesheet instead).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  HEADER_ONLY_DIRECTIVES,
  PAGE_DIRECTIVES,
  ROUTE_ANNOUNCER_STYLE,
  caddyHeaderLines,
  headerPolicy,
  nginxHeaderLines,
  securityHeaders,
} from '../../src/lib/security/policy.js';
import { paletteCss } from '../../src/lib/style/palette.ts';
import { DENSITY_COLOURS } from '../../src/lib/plan/density.ts';

const ROOT = join(import.meta.dirname, '../..');

describe('content security policy', () => {
  it('allows only the app’s own origin, data: and blob: — no unsafe-inline, no unsafe-eval', () => {
    expect(PAGE_DIRECTIVES['default-src']).toEqual(['self']);
    expect(PAGE_DIRECTIVES['script-src']).toEqual(['self']);
    expect(PAGE_DIRECTIVES['object-src']).toEqual(['none']);
    for (const [name, sources] of Object.entries({ ...PAGE_DIRECTIVES, ...HEADER_ONLY_DIRECTIVES })) {
      for (const source of sources) {
        expect(
          ['self', 'none', 'data:', 'blob:', 'unsafe-hashes'].includes(source) || /^sha256-[A-Za-z0-9+/]+=*$/.test(source),
          `${name} ${source}`,
        ).toBe(true);
      }
    }
    expect(JSON.stringify(PAGE_DIRECTIVES)).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    // MapLibre 6's tile worker is a file of the build: workers and frames only from the app itself
    expect(PAGE_DIRECTIVES['worker-src']).toEqual(['self']);
    expect(PAGE_DIRECTIVES['child-src']).toEqual(['self']);
  });

  it('sends what a <meta> policy cannot, with every keyword and hash quoted', () => {
    const policy = headerPolicy();
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("base-uri 'self'");
    expect(policy).not.toMatch(/(^|; )(script-src|default-src) /);
    expect(policy).toMatch(/style-src-attr 'unsafe-hashes' 'sha256-[A-Za-z0-9+/]+=*'/);
    expect(
      policy.split('; ').every((d) =>
        d
          .split(' ')
          .slice(1)
          .every((s) => /^'[^']+'$|^(data|blob):$/.test(s)),
      ),
    ).toBe(true);
    expect(securityHeaders()).toMatchObject({ 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' });
  });

  it('allows the one inline style SvelteKit writes (its route announcer), exactly as this SvelteKit writes it', () => {
    const require = createRequire(import.meta.url);
    const root = readFileSync(join(require.resolve('@sveltejs/kit/package.json'), '../src/core/sync/write_root.js'), 'utf8');
    expect(root).toContain(`style="${ROUTE_ANNOUNCER_STYLE}"`);
  });

  it('is deployed the same way by the README’s nginx and Caddy examples', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const line of [...nginxHeaderLines(), ...caddyHeaderLines()]) expect(readme).toContain(line);
  });

  it('is never broken by a page: no style attribute in any component or page (colours come from the palette)', () => {
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
    const svelte = [...walk(join(ROOT, 'src')).filter((f) => f.endsWith('.svelte')), join(ROOT, 'src/app.html')];
    const offenders = svelte.filter((f) => /\sstyle=|\sstyle:[\w-]+/.test(readFileSync(f, 'utf8').replace(/<style[\s\S]*?<\/style>/g, '')));
    expect(offenders).toEqual([]);
  });
});

describe('page palette', () => {
  const industries = [
    { id: 'AUTO', colour: '#117733' },
    { id: 'IC', colour: '#332288' },
  ];

  it('gives every industry, density tier and finder criterion its colour as a rule on a data attribute', () => {
    const css = paletteCss(industries);
    expect(css).toContain('[data-colour="industry-AUTO"] { --c: #117733; }');
    expect(css).toContain(`[data-colour="tier-above"] { --c: ${DENSITY_COLOURS.above}; }`);
    expect(css).toContain('[data-colour="criterion-rail"]');
    expect(css).toContain('[data-columns="2"] { --n: 2; }');
  });

  it('refuses an id or colour that would write CSS of its own', () => {
    expect(() => paletteCss([{ id: 'X"] { } body { display:none } [a="', colour: '#117733' }])).toThrow(/plain identifier/);
    expect(() => paletteCss([{ id: 'AUTO', colour: 'red; } body { display: none' }])).toThrow(/#rrggbb/);
  });
});
