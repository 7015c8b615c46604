import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { buildGlyphRanges, charactersOf, glyphIdsOf, rangesFor } from '../../geodata/build/glyphs.ts';

describe('glyph ranges', () => {
  it('asks for Latin-1 always and one range per CJK block the labels touch', () => {
    const ranges = rangesFor(charactersOf(['浦东新区', 'Pudong']));
    expect(ranges.get(0)?.size).toBe(256);
    const pu = '浦'.codePointAt(0)!;
    expect(ranges.get(pu - (pu % 256))?.has(pu)).toBe(true);
    expect([...ranges.keys()].every((start) => start % 256 === 0)).toBe(true);
  });

  it('builds SDF glyphs from Noto Sans SC and keeps only the characters used', async () => {
    const require = createRequire(import.meta.url);
    const font = readFileSync(require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'));
    const files = await buildGlyphRanges(font, 'Test', charactersOf(['黄浦江']));
    const huang = '黄'.codePointAt(0)!;
    const start = huang - (huang % 256);
    const file = files.get(`${start}-${start + 255}.pbf`);
    expect(file).toBeDefined();
    const ids = glyphIdsOf(file!);
    expect(ids).toContain(huang);
    expect(ids.length).toBeLessThanOrEqual(3);
    expect(file!.length).toBeLessThan(20_000);
    expect(glyphIdsOf(files.get('0-255.pbf')!)).toContain('A'.codePointAt(0));
  });
});
