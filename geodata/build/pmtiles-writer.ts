/**
 * A minimal PMTiles v3 writer (spec: PMTiles v3, "clustered" archives).
 *
 * No npm package writes PMTiles, and the reader (`pmtiles`) is the authority on the format, so the
 * tests read every archive back with it. Identical tile payloads are stored once, consecutive
 * identical tiles share a run-length entry, and the root directory must fit in the first 16 KiB
 * (leaf directories are not written: the archives here hold a few thousand tiles at most).
 */
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { zxyToTileId } from 'pmtiles';

export interface TileInput {
  z: number;
  x: number;
  y: number;
  /** The tile payload, already compressed as `tileCompression` says. */
  data: Uint8Array;
}

export interface ArchiveOptions {
  minZoom: number;
  maxZoom: number;
  /** [west, south, east, north] in degrees. */
  bounds: [number, number, number, number];
  center: [number, number, number];
  /** JSON metadata (vector_layers, attribution …). */
  metadata: Record<string, unknown>;
  /** 2 = gzip (what MVT tiles here use). */
  tileCompression?: number;
  /** 1 = MVT. */
  tileType?: number;
}

interface Entry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

const HEADER_BYTES = 127;
const ROOT_LIMIT = 16384 - HEADER_BYTES;
const GZIP = 2;

/** gzip with fixed header fields so identical input gives identical bytes. */
export function gzipDeterministic(data: Uint8Array): Uint8Array {
  return new Uint8Array(gzipSync(data, { level: 9 }));
}

class VarintWriter {
  private bytes: number[] = [];
  write(value: number): void {
    if (!Number.isSafeInteger(value) || value < 0) throw new Error(`varint out of range: ${value}`);
    let v = value;
    while (v >= 0x80) {
      this.bytes.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    this.bytes.push(v);
  }
  finish(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

export function serializeDirectory(entries: readonly Entry[]): Uint8Array {
  const w = new VarintWriter();
  w.write(entries.length);
  let lastId = 0;
  for (const e of entries) {
    w.write(e.tileId - lastId);
    lastId = e.tileId;
  }
  for (const e of entries) w.write(e.runLength);
  for (const e of entries) w.write(e.length);
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    if (prev && e.offset === prev.offset + prev.length) w.write(0);
    else w.write(e.offset + 1);
  });
  return w.finish();
}

function setUint64(view: DataView, pos: number, value: number): void {
  view.setBigUint64(pos, BigInt(value), true);
}

/** Builds a complete archive in memory. */
export function writePmtiles(tiles: readonly TileInput[], options: ArchiveOptions): Uint8Array {
  const sorted = tiles
    .map((t) => ({ tileId: zxyToTileId(t.z, t.x, t.y), data: t.data }))
    .sort((a, b) => a.tileId - b.tileId);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.tileId === sorted[i - 1]!.tileId) throw new Error(`duplicate tile id ${sorted[i]!.tileId}`);
  }

  const entries: Entry[] = [];
  const chunks: Uint8Array[] = [];
  const offsetsByHash = new Map<string, { offset: number; length: number }>();
  let dataLength = 0;
  for (const t of sorted) {
    const hash = createHash('sha256').update(t.data).digest('hex');
    let stored = offsetsByHash.get(hash);
    if (!stored) {
      stored = { offset: dataLength, length: t.data.length };
      offsetsByHash.set(hash, stored);
      chunks.push(t.data);
      dataLength += t.data.length;
    }
    const last = entries[entries.length - 1];
    if (last && last.offset === stored.offset && last.tileId + last.runLength === t.tileId) {
      last.runLength += 1;
    } else {
      entries.push({ tileId: t.tileId, offset: stored.offset, length: stored.length, runLength: 1 });
    }
  }

  const root = gzipDeterministic(serializeDirectory(entries));
  if (root.length > ROOT_LIMIT) {
    throw new Error(`root directory is ${root.length} bytes; leaf directories are not implemented (limit ${ROOT_LIMIT})`);
  }
  const metadata = gzipDeterministic(new TextEncoder().encode(JSON.stringify(options.metadata)));

  const rootOffset = HEADER_BYTES;
  const metadataOffset = rootOffset + root.length;
  const leafOffset = metadataOffset + metadata.length;
  const dataOffset = leafOffset;
  const total = dataOffset + dataLength;

  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  out.set(new TextEncoder().encode('PMTiles'), 0);
  out[7] = 3;
  setUint64(view, 8, rootOffset);
  setUint64(view, 16, root.length);
  setUint64(view, 24, metadataOffset);
  setUint64(view, 32, metadata.length);
  setUint64(view, 40, leafOffset);
  setUint64(view, 48, 0);
  setUint64(view, 56, dataOffset);
  setUint64(view, 64, dataLength);
  setUint64(view, 72, sorted.length);
  setUint64(view, 80, entries.length);
  setUint64(view, 88, offsetsByHash.size);
  out[96] = 1; // clustered: tile data is in tile-id order
  out[97] = GZIP; // internal (directory, metadata) compression
  out[98] = options.tileCompression ?? GZIP;
  out[99] = options.tileType ?? 1;
  out[100] = options.minZoom;
  out[101] = options.maxZoom;
  const e7 = (v: number) => Math.round(v * 1e7);
  view.setInt32(102, e7(options.bounds[0]), true);
  view.setInt32(106, e7(options.bounds[1]), true);
  view.setInt32(110, e7(options.bounds[2]), true);
  view.setInt32(114, e7(options.bounds[3]), true);
  out[118] = options.center[2];
  view.setInt32(119, e7(options.center[0]), true);
  view.setInt32(123, e7(options.center[1]), true);

  out.set(root, rootOffset);
  out.set(metadata, metadataOffset);
  let pos = dataOffset;
  for (const c of chunks) {
    out.set(c, pos);
    pos += c.length;
  }
  return out;
}
