/** Helpers for driving the map page the way a user sees it. */
import type { BrowserContext, Page, Request } from 'playwright-core';
import { PNG } from 'pngjs';

export interface OpenedPage {
  page: Page;
  requests: string[];
}

export async function openMap(page: Page, url: string): Promise<OpenedPage> {
  const requests: string[] = [];
  page.on('request', (r: Request) => requests.push(r.url()));
  await page.goto(url);
  await page.waitForSelector('[data-map-idle="true"]', { state: 'attached', timeout: 60_000 });
  return { page, requests };
}

/** Screen position of a longitude/latitude on the live map. */
export async function project(page: Page, lngLat: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate((ll) => {
    const map = (window as unknown as { __map: { project(p: [number, number]): { x: number; y: number } } }).__map;
    const p = map.project(ll);
    return { x: p.x, y: p.y };
  }, lngLat);
}

export function hexToRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export class Screenshot {
  readonly png: PNG;
  constructor(buffer: Buffer) {
    this.png = PNG.sync.read(buffer);
  }
  pixel(x: number, y: number): [number, number, number] {
    const i = (Math.round(y) * this.png.width + Math.round(x)) * 4;
    return [this.png.data[i]!, this.png.data[i + 1]!, this.png.data[i + 2]!];
  }
  /** Smallest colour distance to `hex` among pixels within `radius` of (x, y). */
  nearest(x: number, y: number, hex: string, radius: number): number {
    const target = hexToRgb(hex);
    let best = Infinity;
    for (let dy = -radius; dy <= radius; dy++) {
      for (let dx = -radius; dx <= radius; dx++) {
        best = Math.min(best, distance(this.pixel(x + dx, y + dy), target));
      }
    }
    return best;
  }
  distinctColours(): number {
    const set = new Set<number>();
    for (let i = 0; i < this.png.data.length; i += 4 * 97)
      set.add((this.png.data[i]! << 16) | (this.png.data[i + 1]! << 8) | this.png.data[i + 2]!);
    return set.size;
  }
}

export function distance(a: readonly number[], b: readonly number[]): number {
  return Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);
}

/** Resolves when the map has redrawn after the latest change (its next idle). */
export function idle(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = (window as unknown as { __map: { once(e: string, f: () => void): void; triggerRepaint(): void } }).__map;
        map.once('idle', () => resolve());
        map.triggerRepaint();
      }),
  );
}

/** The imported parks the map has drawn (ids, sorted): what a user sees of an imported list. */
export function importedDrawn(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    type Map = { getLayer(id: string): unknown; queryRenderedFeatures(o: object): { properties: { id: string } }[] };
    const map = (window as unknown as { __map: Map }).__map;
    return map.getLayer('overlay-imported')
      ? [...new Set(map.queryRenderedFeatures({ layers: ['overlay-imported'] }).map((f) => f.properties.id))].sort()
      : [];
  });
}

/** Opens the import panel (it is open already when this browser holds an imported list). */
export async function openImportPanel(page: Page): Promise<void> {
  const panel = page.getByTestId('import-panel');
  if (!(await panel.evaluate((d) => (d as HTMLDetailsElement).open))) await panel.locator(':scope > summary').click();
}

/** Loads a CSV into the import panel as a user picks a file (text is saved as UTF-8; bytes as they are). */
export async function loadFile(page: Page, name: string, content: string | Uint8Array): Promise<void> {
  await openImportPanel(page);
  const buffer = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'text/csv', buffer });
}

export interface PolicyViolation {
  directive: string;
  blocked: string;
  source: string;
}

/** Records, in every page of the context, each Content-Security-Policy violation it reports. */
export async function watchPolicyViolations(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const seen: unknown[] = [];
    (window as unknown as { __violations: unknown[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push({ directive: e.effectiveDirective, blocked: e.blockedURI, source: `${e.sourceFile}:${e.lineNumber}` }),
    );
  });
}

/** The violations the page has reported so far (see watchPolicyViolations). */
export const policyViolations = (page: Page): Promise<PolicyViolation[]> =>
  page.evaluate(() => (window as unknown as { __violations: PolicyViolation[] }).__violations);
