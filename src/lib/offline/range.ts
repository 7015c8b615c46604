/**
 * HTTP Range requests answered from a stored whole file. PMTiles reads its archives in byte ranges;
 * the Cache API stores whole responses, so the service worker slices them (RFC 9110 §14).
 */

export type ByteRange = { start: number; end: number };

/**
 * The one range a `Range` header asks of a file of `size` bytes: `bytes=a-b`, `bytes=a-` or
 * `bytes=-n` (a suffix). Null for no header or a form this app never sends (several ranges, other
 * units): the whole file is then answered. 'unsatisfiable' for a range wholly past the end.
 */
export function parseRange(header: string | null, size: number): ByteRange | null | 'unsatisfiable' {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size) return 'unsatisfiable';
  if (end < start) return null;
  return { start, end };
}

/**
 * The response to a request for a stored file: the whole file, or for a `Range` header the slice
 * (206) or 416. `headers` are the stored response's; the body is already decoded, so a
 * Content-Encoding the server sent no longer applies.
 */
export function storedResponse(body: Blob, stored: { status: number; headers: Headers }, rangeHeader: string | null): Response {
  const headers = new Headers(stored.headers);
  headers.delete('Content-Encoding');
  headers.set('Accept-Ranges', 'bytes');
  const range = parseRange(rangeHeader, body.size);
  if (range === null) {
    headers.set('Content-Length', String(body.size));
    return new Response(body, { status: stored.status, headers });
  }
  if (range === 'unsatisfiable') {
    return new Response(null, { status: 416, headers: { 'Content-Range': `bytes */${body.size}` } });
  }
  const slice = body.slice(range.start, range.end + 1);
  headers.set('Content-Length', String(slice.size));
  headers.set('Content-Range', `bytes ${range.start}-${range.end}/${body.size}`);
  return new Response(slice, { status: 206, statusText: 'Partial Content', headers });
}
