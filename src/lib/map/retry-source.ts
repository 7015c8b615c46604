/**
 * A PMTiles byte source that tries a failed read once more before it gives up. A range read can fail
 * once for reasons that are gone a moment later (a connection reset while the offline copy is being
 * stored, a server restarting), and PMTiles keeps a failed header read for the archive's lifetime, so
 * one lost request would otherwise leave the whole basemap blank. A read the map aborted (the tile
 * left the view) or a changed archive (ETag mismatch, which PMTiles handles itself) is not retried.
 */
import type { RangeResponse, Source } from 'pmtiles';

export class RetryOnceSource implements Source {
  constructor(
    private readonly inner: Source,
    /** Failures asking again cannot mend (PMTiles' `EtagMismatch`, which it handles itself). */
    private readonly permanent: (error: unknown) => boolean,
    /** Told of each retried failure (the page notes it; it is not an error yet). */
    private readonly onRetry: (error: unknown) => void = () => {},
  ) {}

  getKey(): string {
    return this.inner.getKey();
  }

  async getBytes(offset: number, length: number, signal?: AbortSignal, etag?: string): Promise<RangeResponse> {
    try {
      return await this.inner.getBytes(offset, length, signal, etag);
    } catch (error) {
      if (signal?.aborted || isAbort(error) || this.permanent(error)) throw error;
      this.onRetry(error);
      return this.inner.getBytes(offset, length, signal, etag);
    }
  }
}

function isAbort(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'AbortError';
}
