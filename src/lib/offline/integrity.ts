/**
 * Is a stored file whole? A half-downloaded or altered copy must never be served as a broken map: the
 * geodata build's manifest (basemap/manifest.json) gives every data file's size and SHA-256; any other
 * file is checked against the Content-Length it was served with; a PMTiles archive's header must also
 * point inside the file.
 */

export interface ManifestEntry {
  path: string;
  bytes: number;
  sha256: string;
}

/** The problem with a stored copy, or null when it is whole. */
export type StoredProblem = 'size' | 'hash' | 'archive' | null;

/** The byte ranges a PMTiles v3 header says the archive holds (root, metadata, leaves, tiles). */
export function pmtilesSections(header: Uint8Array): { offset: number; length: number }[] | null {
  if (header.length < 127) return null;
  const magic = String.fromCharCode(...header.subarray(0, 7));
  if (magic !== 'PMTiles' || header[7] !== 3) return null;
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
  const u64 = (at: number) => Number(view.getBigUint64(at, true));
  return [8, 24, 40, 56].map((at) => ({ offset: u64(at), length: u64(at + 8) }));
}

/** Whether an archive of `size` bytes holds every section its header names. */
export function pmtilesWhole(header: Uint8Array, size: number): boolean {
  const sections = pmtilesSections(header);
  return sections !== null && sections.every((s) => s.offset + s.length <= size);
}

const hex = (bytes: ArrayBuffer) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');

/**
 * Checks a stored copy of `path` (bytes as stored) against what it should be: the manifest entry when
 * the build made the file, else the Content-Length it was served with.
 */
export async function storedProblem(
  path: string,
  bytes: ArrayBuffer,
  expected: { entry?: ManifestEntry; contentLength?: string | null; contentEncoding?: string | null },
): Promise<StoredProblem> {
  if (expected.entry) {
    if (bytes.byteLength !== expected.entry.bytes) return 'size';
    const digest = hex(await crypto.subtle.digest('SHA-256', bytes));
    if (digest !== expected.entry.sha256) return 'hash';
  } else if (
    expected.contentLength != null &&
    expected.contentLength !== '' &&
    // a compressed response's Content-Length counts the compressed bytes, not these
    (expected.contentEncoding ?? 'identity') === 'identity' &&
    Number(expected.contentLength) !== bytes.byteLength
  ) {
    return 'size';
  }
  if (path.endsWith('.pmtiles') && !pmtilesWhole(new Uint8Array(bytes, 0, Math.min(127, bytes.byteLength)), bytes.byteLength)) {
    return 'archive';
  }
  return null;
}
