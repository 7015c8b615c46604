/**
 * The installable app's icons and manifests, written by the geodata build beside the data: the icons
 * are the favicon's shape (static/favicon.svg — a unit test keeps the two the same) drawn at the sizes
 * browsers install (192, 512, and a maskable 512 whose shape sits inside the safe zone); the manifests
 * take the app's name from the one string table, one per language.
 */
import { PNG } from 'pngjs';
import { t } from '../../src/lib/i18n/strings.ts';
import type { Language } from '../../src/lib/i18n/language.ts';

/** The favicon, in its 32-unit square: a rounded tile and a skyline of peaks. */
export const ICON_SHAPE = {
  tile: { size: 32, radius: 6, colour: '#1d4e89' },
  peaks: { points: [[6, 22], [12, 10], [17, 18], [21, 13], [26, 22]] as [number, number][], colour: '#f2c14e' },
};

export const THEME_COLOUR = ICON_SHAPE.tile.colour;

function rgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function insidePolygon(x: number, y: number, points: readonly [number, number][]): boolean {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i]!;
    const [xj, yj] = points[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function insideRoundedSquare(x: number, y: number, size: number, r: number): boolean {
  if (x < 0 || y < 0 || x > size || y > size) return false;
  const cx = Math.min(Math.max(x, r), size - r);
  const cy = Math.min(Math.max(y, r), size - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/**
 * The icon as PNG bytes, `size` pixels square, 4×4 samples per pixel. A maskable icon fills the whole
 * square with the tile colour (the platform cuts its own shape) and draws the peaks inside the central
 * 80% safe zone.
 */
export function renderIcon(size: number, maskable = false): Uint8Array {
  const png = new PNG({ width: size, height: size });
  const { tile, peaks } = ICON_SHAPE;
  const [tr, tg, tb] = rgb(tile.colour);
  const [pr, pg, pb] = rgb(peaks.colour);
  const scale = maskable ? (size * 0.8) / tile.size : size / tile.size;
  const offset = maskable ? size * 0.1 : 0;
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n - offset) / scale;
          const y = (py + (sy + 0.5) / n - offset) / scale;
          if (insidePolygon(x, y, peaks.points)) {
            r += pr;
            g += pg;
            b += pb;
            a += 255;
          } else if (maskable || insideRoundedSquare(x, y, tile.size, tile.radius)) {
            r += tr;
            g += tg;
            b += tb;
            a += 255;
          }
        }
      }
      const i = (py * size + px) * 4;
      const k = n * n;
      // colours are averaged over the covered samples (no dark fringe at the tile's edge)
      const covered = a / 255 || 1;
      png.data[i] = Math.round(r / covered);
      png.data[i + 1] = Math.round(g / covered);
      png.data[i + 2] = Math.round(b / covered);
      png.data[i + 3] = Math.round(a / k);
    }
  }
  return new Uint8Array(PNG.sync.write(png));
}

export const APP_ICONS = [
  { file: 'app/icon-192.png', size: 192, maskable: false },
  { file: 'app/icon-512.png', size: 512, maskable: false },
  { file: 'app/maskable-512.png', size: 512, maskable: true },
] as const;

export const manifestFile = (language: Language) => `app/manifest-${language}.webmanifest`;

/** The web app manifest in one language; paths are relative to the manifest, so any base path works. */
export function webManifest(language: Language): string {
  return (
    JSON.stringify(
      {
        name: t(language, 'appTitle'),
        short_name: t(language, 'appShortName'),
        description: t(language, 'appSubtitle'),
        lang: language === 'zh' ? 'zh-CN' : 'en',
        start_url: language === 'zh' ? '../' : '../?lang=en',
        scope: '../',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: THEME_COLOUR,
        icons: APP_ICONS.map((icon) => ({
          src: icon.file.replace('app/', ''),
          sizes: `${icon.size}x${icon.size}`,
          type: 'image/png',
          purpose: icon.maskable ? 'maskable' : 'any',
        })),
      },
      null,
      1,
    ) + '\n'
  );
}
