/**
 * A slow link in front of a server: every response body is paced to `bytesPerSecond` (headers pass
 * as the server sent them, compression included), so a first visit's offline copy takes as long to
 * store as it would on a site visit's mobile connection. Loopback only; it stops with `stop()`.
 */
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { listenOnLoopback } from './server.ts';

export interface SlowLink {
  url: string;
  stop(): Promise<void>;
}

const TICK_MS = 50;

async function paced(up: IncomingMessage, res: ServerResponse, bytesPerSecond: number) {
  const slice = Math.max(1, Math.round((bytesPerSecond * TICK_MS) / 1000));
  for await (const chunk of up as AsyncIterable<Buffer>) {
    for (let at = 0; at < chunk.length; at += slice) {
      if (res.destroyed) return;
      res.write(chunk.subarray(at, at + slice));
      await sleep(TICK_MS);
    }
  }
  res.end();
}

export async function startSlowLink(target: string, bytesPerSecond: number): Promise<SlowLink> {
  const upstream = new URL(target);
  const server = createServer((req, res) => {
    const forward = request(
      { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: { ...req.headers, host: upstream.host } },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        paced(up, res, bytesPerSecond).catch(() => res.destroy());
      },
    );
    forward.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(forward);
  });
  const url = await listenOnLoopback(server);
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
