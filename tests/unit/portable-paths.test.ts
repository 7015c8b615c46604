/**
 * The repository must work from any folder on any machine: no tracked source, test, config or build
 * script may name an absolute path of a machine (a home folder, this checkout's folder, a temp dir).
 * A committed scratch script once imported the test helpers by the absolute path of the checkout it was
 * written in and broke `npm test` on every other machine; this test names the file and line of any such path.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { absolutePathsIn } from '../support/portable-paths.ts';

const ROOT = join(import.meta.dirname, '../..');
const CODE = /\.(ts|js|mjs|cjs|svelte|json|html|css)$|^\.ci\/|^\.npmrc$/;

function trackedCodeFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' });
  return out
    .split('\0')
    .filter(Boolean)
    .filter(
      (f) => CODE.test(f) && f !== 'package-lock.json' && !f.startsWith('geodata/sources/') && f !== 'tests/unit/portable-paths.test.ts',
    );
}

describe('absolute machine paths', () => {
  it('finds them where they are written (the rule itself)', () => {
    // the examples are assembled here, so this file names no machine path itself
    const path = (...parts: string[]) => `/${parts.join('/')}`;
    const checkout = path('work', 'main', 'tests', 'support', 'browser.ts');
    expect(absolutePathsIn(`import { launch } from '${checkout}';`)).toEqual([checkout]);
    const home = path('home', 'ana', 'project', 'out.png');
    expect(absolutePathsIn(`const out = '${home}';`)).toEqual([home]);
    const temp = path('tmp', 'ex1.png');
    expect(absolutePathsIn(`await page.screenshot({ path: "${temp}" });`)).toEqual([temp]);
    const drive = ['C:', 'Users', 'ana', 'x.csv'].join('\\\\');
    expect(absolutePathsIn(`readFileSync('${drive}')`)).toEqual([drive]);
  });

  it('leaves URL paths, system tools and relative paths alone', () => {
    for (const ok of [
      "fetch(`${base}/data/plan.json')",
      "const CHROMIUM = '/usr/bin/chromium';",
      "existsSync('/usr/share/fonts/opentype/noto')",
      "import x from '../support/browser.ts';",
      "href='/about?lang=en'",
      "'https://www.openstreetmap.org/copyright'",
    ]) {
      expect(absolutePathsIn(ok), ok).toEqual([]);
    }
  });

  it('no tracked source, test, config or script names one', () => {
    const files = trackedCodeFiles();
    expect(files.length).toBeGreaterThan(50);
    const found: string[] = [];
    for (const file of files) {
      readFileSync(join(ROOT, file), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          for (const path of absolutePathsIn(line)) found.push(`${file}:${i + 1}: ${path}`);
        });
    }
    expect(found, `absolute machine paths in tracked files:\n${found.join('\n')}`).toEqual([]);
  });
});
