import { describe, expect, it } from 'vitest';
import { glyphFileUrl, glyphSource } from '../../src/lib/map/glyphs.ts';

describe('glyphs through the glyphs:// protocol', () => {
  const root = 'http://app.test/fonts/';
  it('maps a range URL to its file on the app’s origin, and refuses anything else', () => {
    expect(glyphFileUrl('glyphs://NotoSansSC-Regular/19968-20223', root)).toBe('http://app.test/fonts/NotoSansSC-Regular/19968-20223.pbf');
    expect(() => glyphFileUrl('https://elsewhere.test/x.pbf', root)).toThrow(/not a glyph range/);
  });

  it('prefetches the listed ranges once and serves MapLibre’s later request from them', async () => {
    const calls: string[] = [];
    const fetcher = (async (url: string) => {
      calls.push(url);
      if (url.endsWith('prefetch.json')) return new Response(JSON.stringify({ fontstack: 'F', ranges: ['0-255', '256-511'] }));
      return new Response(new Uint8Array([1, 2, 3]));
    }) as typeof fetch;
    const source = glyphSource(root, 'http://app.test/prefetch.json', fetcher);
    source.prefetch();
    source.prefetch();
    await new Promise((r) => setTimeout(r, 10));
    expect(calls).toEqual(['http://app.test/prefetch.json', `${root}F/0-255.pbf`, `${root}F/256-511.pbf`]);
    expect(new Uint8Array(await source.get('glyphs://F/0-255'))).toEqual(new Uint8Array([1, 2, 3]));
    expect(calls).toHaveLength(3);
  });

  it('does not keep a failed range: the next request fetches it again', async () => {
    let status = 500;
    const fetcher = (async () => new Response(new Uint8Array([9]), { status })) as unknown as typeof fetch;
    const source = glyphSource(root, 'http://app.test/prefetch.json', fetcher);
    await expect(source.get('glyphs://F/0-255')).rejects.toThrow('HTTP 500');
    status = 200;
    expect(new Uint8Array(await source.get('glyphs://F/0-255'))).toEqual(new Uint8Array([9]));
  });

  it('answers a range the font subset does not hold as empty, without a request that would 404', async () => {
    const calls: string[] = [];
    const fetcher = (async (url: string) => {
      calls.push(url);
      if (url.endsWith('prefetch.json'))
        return new Response(JSON.stringify({ fontstack: 'F', ranges: [], built: ['0-255', '19968-20223'] }));
      return new Response(new Uint8Array([7]));
    }) as typeof fetch;
    const source = glyphSource(root, 'http://app.test/prefetch.json', fetcher);
    // MapLibre asks for the vertical punctuation forms beside CJK labels
    expect((await source.get('glyphs://F/65024-65279')).byteLength).toBe(0);
    expect(new Uint8Array(await source.get('glyphs://F/19968-20223'))).toEqual(new Uint8Array([7]));
    expect(calls).toEqual(['http://app.test/prefetch.json', `${root}F/19968-20223.pbf`]);
  });
});
