import { describe, expect, it } from 'vitest';
import { PMTiles, type RangeResponse, type Source } from 'pmtiles';
import { writePmtiles, type TileInput } from '../../geodata/build/pmtiles-writer.ts';

/** A pmtiles Source over bytes in memory, so the reference reader reads what the writer wrote. */
export class BytesSource implements Source {
  constructor(
    private readonly bytes: Uint8Array,
    private readonly key = 'memory',
  ) {}
  getKey() {
    return this.key;
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    const slice = this.bytes.slice(offset, offset + length);
    return { data: slice.buffer };
  }
}

const tile = (z: number, x: number, y: number, text: string): TileInput => ({ z, x, y, data: new TextEncoder().encode(text) });
const options = {
  minZoom: 0,
  maxZoom: 3,
  bounds: [120, 30, 123, 32] as [number, number, number, number],
  center: [121.5, 31.2, 2] as [number, number, number],
  metadata: { name: 'fixture', vector_layers: [] },
  tileCompression: 1,
};

describe('PMTiles writer, read back with the pmtiles package', () => {
  it('writes a v3 header the reader accepts, with zooms, bounds and counts', async () => {
    const archive = writePmtiles([tile(0, 0, 0, 'root'), tile(1, 1, 0, 'a'), tile(3, 6, 3, 'b')], options);
    const reader = new PMTiles(new BytesSource(archive));
    const h = await reader.getHeader();
    expect(h.specVersion).toBe(3);
    expect([h.minZoom, h.maxZoom]).toEqual([0, 3]);
    expect([h.minLon, h.minLat, h.maxLon, h.maxLat]).toEqual([120, 30, 123, 32]);
    expect([h.centerLon, h.centerLat, h.centerZoom]).toEqual([121.5, 31.2, 2]);
    expect(h.numAddressedTiles).toBe(3);
    expect(h.clustered).toBe(true);
    expect(await reader.getMetadata()).toEqual(options.metadata);
  });

  it('returns each tile by z/x/y and nothing for tiles it does not hold', async () => {
    const archive = writePmtiles([tile(0, 0, 0, 'root'), tile(1, 1, 0, 'a'), tile(3, 6, 3, 'b')], options);
    const reader = new PMTiles(new BytesSource(archive));
    const text = async (z: number, x: number, y: number) => {
      const r = await reader.getZxy(z, x, y);
      return r ? new TextDecoder().decode(r.data) : undefined;
    };
    expect(await text(0, 0, 0)).toBe('root');
    expect(await text(1, 1, 0)).toBe('a');
    expect(await text(3, 6, 3)).toBe('b');
    expect(await text(1, 0, 0)).toBeUndefined();
  });

  it('stores identical tiles once and run-length encodes consecutive ones', async () => {
    // z1 tiles in Hilbert order (0,0),(0,1),(1,1),(1,0) have consecutive ids.
    const same = [tile(1, 0, 0, 'sea'), tile(1, 0, 1, 'sea'), tile(1, 1, 1, 'sea'), tile(1, 1, 0, 'land')];
    const archive = writePmtiles(same, { ...options, minZoom: 1, maxZoom: 1 });
    const reader = new PMTiles(new BytesSource(archive));
    const h = await reader.getHeader();
    expect(h.numAddressedTiles).toBe(4);
    expect(h.numTileContents).toBe(2);
    expect(h.numTileEntries).toBe(2);
    for (const [x, y] of [
      [0, 0],
      [0, 1],
      [1, 1],
    ] as const) {
      expect(new TextDecoder().decode((await reader.getZxy(1, x, y))!.data)).toBe('sea');
    }
    expect(new TextDecoder().decode((await reader.getZxy(1, 1, 0))!.data)).toBe('land');
  });

  it('refuses two tiles at the same z/x/y', () => {
    expect(() => writePmtiles([tile(2, 1, 1, 'x'), tile(2, 1, 1, 'y')], options)).toThrow(/duplicate/);
  });
});
