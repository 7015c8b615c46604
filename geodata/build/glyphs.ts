/**
 * Builds MapLibre glyph PBFs (SDF) from a TTF with fontnik, subset to the characters the labels use.
 *
 * A full CJK range is ~200 KB; the labels use a few hundred characters, so each range file keeps only
 * the glyphs that some label needs (Latin-1 is kept whole for English names and numbers). Because the
 * style sets `localIdeographFontFamily: false`, MapLibre draws every character from these files and
 * Chinese renders on clients with no CJK font.
 */
import fontnik from 'fontnik';
import { PbfReader, PbfWriter } from 'pbf';

export const RANGE_SIZE = 256;

/** The 256-codepoint range files needed for `chars`, each with the codepoints it must hold. */
export function rangesFor(chars: Iterable<string>): Map<number, Set<number>> {
  const ranges = new Map<number, Set<number>>();
  const add = (cp: number) => {
    const start = cp - (cp % RANGE_SIZE);
    let set = ranges.get(start);
    if (!set) ranges.set(start, (set = new Set()));
    set.add(cp);
  };
  for (let cp = 0; cp < RANGE_SIZE; cp++) add(cp);
  for (const ch of chars) {
    const cp = ch.codePointAt(0);
    if (cp !== undefined && cp <= 0xffff) add(cp);
  }
  return ranges;
}

/** Every distinct character in `strings`. */
export function charactersOf(strings: Iterable<string>): Set<string> {
  const set = new Set<string>();
  for (const s of strings) for (const ch of s) set.add(ch);
  return set;
}

interface RawGlyph {
  id: number;
  bytes: Uint8Array;
}

/** Keeps only the glyphs whose id is in `keep` in a glyphs PBF (one fontstack). */
export function subsetGlyphPbf(pbf: Uint8Array, keep: ReadonlySet<number>, fontstackName: string): Uint8Array {
  const reader = new PbfReader(pbf);
  const stack = { range: '', glyphs: [] as RawGlyph[] };
  reader.readFields((tag, _r, r) => {
    if (tag !== 1) return;
    const end = r.readVarint() + r.pos;
    r.readFields(
      (t, s, rr) => {
        if (t === 2) s.range = rr.readString();
        else if (t === 3) {
          const bytes = rr.readBytes();
          const id = glyphId(bytes);
          if (keep.has(id)) s.glyphs.push({ id, bytes });
        }
      },
      stack,
      end,
    );
  }, stack);
  stack.glyphs.sort((a, b) => a.id - b.id);
  const writer = new PbfWriter();
  writer.writeMessage(
    1,
    (s: typeof stack, w: PbfWriter) => {
      w.writeStringField(1, fontstackName);
      w.writeStringField(2, s.range);
      for (const g of s.glyphs) w.writeBytesField(3, g.bytes);
    },
    stack,
  );
  return writer.finish();
}

function glyphId(glyphMessage: Uint8Array): number {
  const r = new PbfReader(glyphMessage);
  const out = { id: -1 };
  r.readFields((tag, o, rr) => {
    if (tag === 1) o.id = rr.readVarint();
    else if (tag === 2) rr.readBytes();
  }, out);
  return out.id;
}

/** Glyph ids present in a glyphs PBF (for tests and reports). */
export function glyphIdsOf(pbf: Uint8Array): number[] {
  const ids: number[] = [];
  const reader = new PbfReader(pbf);
  reader.readFields((tag, _r, r) => {
    if (tag !== 1) return;
    const end = r.readVarint() + r.pos;
    r.readFields(
      (t, _s, rr) => {
        if (t === 3) ids.push(glyphId(rr.readBytes()));
      },
      {},
      end,
    );
  }, {});
  return ids;
}

function fontnikRange(font: Buffer, start: number, end: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    fontnik.range({ font, start, end }, (err: Error | null, data?: Buffer) => {
      if (err || !data) reject(err ?? new Error('fontnik returned no data'));
      else resolve(new Uint8Array(data));
    });
  });
}

/** Range files (`"0-255.pbf"` → bytes) for one font, subset to `chars`. */
export async function buildGlyphRanges(
  font: Buffer,
  fontstackName: string,
  chars: Iterable<string>,
): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  const ranges = [...rangesFor(chars)].sort((a, b) => a[0] - b[0]);
  for (const [start, keep] of ranges) {
    const end = start + RANGE_SIZE - 1;
    const full = await fontnikRange(font, start, end);
    out.set(`${start}-${end}.pbf`, subsetGlyphPbf(full, keep, fontstackName));
  }
  return out;
}
