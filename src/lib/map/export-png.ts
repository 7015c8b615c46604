/**
 * The current map as a PNG with what makes it usable off screen: title, legend, scale bar, north
 * arrow, attribution and date. At print resolution the map is redrawn at twice the pixel density
 * first. The map's pixels are copied inside its own render event, while the WebGL drawing buffer is
 * still valid (MapLibre does not keep it otherwise).
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { metresPerPixel, scaleBar, type LegendEntry } from '../style/export-legend.ts';

export interface PngOptions {
  title: string;
  subtitle: string;
  legend: LegendEntry[];
  attribution: string;
  note: string;
  date: string;
  /** 1: the screen's CSS pixels; 2: twice that (print). */
  scale: 1 | 2;
}

function whenIdle(map: MapLibreMap): Promise<void> {
  return new Promise((resolve) => {
    map.once('idle', () => resolve());
    map.triggerRepaint();
  });
}

function grab(map: MapLibreMap, target: CanvasRenderingContext2D, x: number, y: number, w: number, h: number): Promise<void> {
  return new Promise((resolve) => {
    map.once('render', () => {
      target.drawImage(map.getCanvas(), x, y, w, h);
      resolve();
    });
    map.triggerRepaint();
  });
}

export async function exportMapPng(map: MapLibreMap, options: PngOptions): Promise<Blob> {
  const k = options.scale;
  const before = map.getPixelRatio();
  if (k === 2) {
    map.setPixelRatio(Math.max(2, before));
    await whenIdle(map);
  }
  const css = map.getContainer().getBoundingClientRect();
  const mapW = Math.round(css.width);
  const mapH = Math.round(css.height);
  const legendW = 260;
  const header = 56;
  const footer = 44;
  const canvas = document.createElement('canvas');
  canvas.width = (mapW + legendW) * k;
  canvas.height = (mapH + header + footer) * k;
  const ctx = canvas.getContext('2d')!;
  ctx.scale(k, k);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, mapW + legendW, mapH + header + footer);
  try {
    await grab(map, ctx, 0, header, mapW, mapH);
  } finally {
    if (k === 2) map.setPixelRatio(before);
  }
  const font = (size: number, weight = 400) =>
    `${weight} ${size}px "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif`;

  // title
  ctx.fillStyle = '#1f2328';
  ctx.font = font(20, 700);
  ctx.fillText(options.title, 12, 26);
  ctx.font = font(13);
  ctx.fillStyle = '#5b6168';
  ctx.fillText(options.subtitle, 12, 46);

  // legend
  const lx = mapW + 14;
  let ly = header + 18;
  ctx.fillStyle = '#1f2328';
  ctx.font = font(14, 700);
  ctx.fillText('图例 Legend', lx, ly);
  ly += 10;
  ctx.font = font(12);
  for (const entry of options.legend) {
    ly += 22;
    ctx.strokeStyle = entry.colour;
    ctx.fillStyle = entry.colour;
    if (entry.shape === 'point') {
      ctx.beginPath();
      ctx.arc(lx + 10, ly - 4, 5, 0, Math.PI * 2);
      ctx.fill();
    } else if (entry.shape === 'line') {
      ctx.lineWidth = 3;
      ctx.beginPath();
      ctx.moveTo(lx, ly - 4);
      ctx.lineTo(lx + 22, ly - 4);
      ctx.stroke();
    } else {
      ctx.globalAlpha = 0.55;
      ctx.fillRect(lx, ly - 11, 22, 14);
      ctx.globalAlpha = 1;
      ctx.lineWidth = 1.5;
      ctx.strokeRect(lx, ly - 11, 22, 14);
    }
    ctx.fillStyle = '#1f2328';
    ctx.fillText(entry.label, lx + 30, ly, legendW - 44);
  }
  ctx.fillStyle = '#5b6168';
  ctx.font = font(11);
  wrap(ctx, options.note, lx, ly + 28, legendW - 24, 15);

  // scale bar (bottom left of the map)
  const centre = map.getCenter();
  const bar = scaleBar(metresPerPixel(centre.lat, map.getZoom()), 140);
  const sx = 14;
  const sy = header + mapH - 18;
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.fillRect(sx - 6, sy - 20, bar.px + 40, 28);
  ctx.strokeStyle = '#1f2328';
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(sx, sy - 6);
  ctx.lineTo(sx, sy);
  ctx.lineTo(sx + bar.px, sy);
  ctx.lineTo(sx + bar.px, sy - 6);
  ctx.stroke();
  ctx.fillStyle = '#1f2328';
  ctx.font = font(12);
  ctx.fillText(bar.label, sx + 4, sy - 8);

  // north arrow (top right of the map), turned with the map's bearing
  ctx.save();
  ctx.translate(mapW - 34, header + 40);
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.beginPath();
  ctx.arc(0, 0, 22, 0, Math.PI * 2);
  ctx.fill();
  ctx.rotate((-map.getBearing() * Math.PI) / 180);
  ctx.fillStyle = '#1f2328';
  ctx.beginPath();
  ctx.moveTo(0, -16);
  ctx.lineTo(7, 8);
  ctx.lineTo(0, 3);
  ctx.lineTo(-7, 8);
  ctx.closePath();
  ctx.fill();
  ctx.font = font(11, 700);
  ctx.fillText('N', -4, -18 + 0);
  ctx.restore();

  // footer: attribution and date
  ctx.fillStyle = '#5b6168';
  ctx.font = font(11);
  wrap(ctx, `${options.attribution} · ${options.date}`, 12, header + mapH + 18, mapW + legendW - 24, 14);

  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
}

function wrap(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, width: number, lineHeight: number) {
  let line = '';
  let yy = y;
  for (const ch of text) {
    if (ctx.measureText(line + ch).width > width) {
      ctx.fillText(line, x, yy);
      line = ch;
      yy += lineHeight;
    } else line += ch;
  }
  if (line) ctx.fillText(line, x, yy);
}
