import { describe, expect, it } from 'vitest';
import { loadPlanGeojson } from '../../src/lib/browser/plan-data.ts';

describe('the browser data loader', () => {
  it('fetches once, and after a failed fetch tries again on the next call instead of keeping the failure', async () => {
    const calls: string[] = [];
    let fail = true;
    const fetcher = (async (url: string) => {
      calls.push(url);
      if (fail) return new Response('down', { status: 503 });
      return new Response(JSON.stringify({ type: 'FeatureCollection', features: [] }), { status: 200 });
    }) as typeof fetch;
    await expect(loadPlanGeojson(fetcher)).rejects.toThrow('plan.geojson: HTTP 503');
    fail = false;
    await expect(loadPlanGeojson(fetcher)).resolves.toEqual({ type: 'FeatureCollection', features: [] });
    await loadPlanGeojson(fetcher);
    expect(calls).toEqual(['/data/plan.geojson', '/data/plan.geojson']);
  });
});
