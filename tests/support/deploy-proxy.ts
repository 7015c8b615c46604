/**
 * A server in front of the preview that can stand for "a new build was deployed": it passes every
 * request through, except that once `deploy(version)` is called it serves the service worker as that
 * new build would (its version changed). Used by the offline test to see an update announced; the
 * preview's own static server keeps file sizes and ETags from start-up, so the worker file on disk
 * cannot simply be edited.
 */
import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import { listenOnLoopback } from './server.ts';

export interface DeployProxy {
  url: string;
  deploy(from: string, to: string): void;
  stop(): Promise<void>;
}

export async function startDeployProxy(target: string): Promise<DeployProxy> {
  const upstream = new URL(target);
  let rewrite: { from: string; to: string } | null = null;
  const server = createServer((req, res) => {
    const worker = rewrite && req.url?.split('?')[0] === '/service-worker.js';
    const headers: IncomingHttpHeaders = { ...req.headers, host: upstream.host };
    if (worker) {
      headers['accept-encoding'] = 'identity';
      delete headers['if-none-match'];
      delete headers['if-modified-since'];
    }
    const forward = request({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers }, (up) => {
      if (!worker || !rewrite) {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
        return;
      }
      const chunks: Buffer[] = [];
      up.on('data', (c: Buffer) => chunks.push(c));
      up.on('end', () => {
        const body = Buffer.from(Buffer.concat(chunks).toString('utf8').replaceAll(rewrite!.from, rewrite!.to), 'utf8');
        const out = { ...up.headers, 'content-length': String(body.length) };
        delete out.etag;
        delete out['content-encoding'];
        res.writeHead(200, out);
        res.end(body);
      });
    });
    forward.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(forward);
  });
  const url = await listenOnLoopback(server);
  return {
    url,
    deploy(from, to) {
      rewrite = { from, to };
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
