/**
 * The README's nginx and Caddy examples, run for real on loopback over the production build: the
 * browser tests check what a deployment made from them serves, not what we believe it serves. The
 * configuration is the README's fenced block, with only the build's path and the address filled in.
 * Debian's nginx and caddy are installed when missing and running as root (otherwise the exact
 * command is printed), as the browser tests do for Chromium.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT, freePort } from './server.ts';

export type HostKind = 'nginx' | 'caddy';

export interface StaticHost {
  kind: HostKind;
  url: string;
  stop(): Promise<void>;
}

const BINARY: Record<HostKind, string> = { nginx: '/usr/sbin/nginx', caddy: '/usr/bin/caddy' };
/** The folder the README's examples serve (`root …`), which the tests replace by this build. */
function readmeRoot(block: string): string {
  const root = /^\s*root\s+(?:\*\s+)?(\S+?);?$/m.exec(block)?.[1];
  if (!root) throw new Error('the README example names no root folder');
  return root;
}

/** The README's fenced block for this server (the first ```nginx or ```caddy block). */
export function readmeBlock(kind: HostKind): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = new RegExp('```' + kind + '\\n([\\s\\S]*?)```').exec(readme)?.[1];
  if (!block) throw new Error(`README.md has no \`\`\`${kind} block`);
  return block;
}

function ensureInstalled(kind: HostKind) {
  if (existsSync(BINARY[kind])) return;
  const command = `apt-get update && apt-get install -y ${kind}`;
  if (process.getuid?.() !== 0) throw new Error(`${kind} is missing. Install it with:\n  sudo sh -c '${command}'`);
  const log = join(ROOT, `test-results/${kind}-apt.log`);
  mkdirSync(dirname(log), { recursive: true });
  execFileSync('sh', ['-c', `${command} >"${log}" 2>&1`]);
  // Debian starts an installed server on port 80; these tests start their own
  execFileSync('sh', ['-c', `systemctl disable --now ${kind} >/dev/null 2>&1 || service ${kind} stop >/dev/null 2>&1 || true`]);
  if (!existsSync(BINARY[kind])) throw new Error(`apt-get did not install ${kind}; see ${log}`);
}

function nginxConfig(dir: string, port: number, build: string): string {
  const block = readmeBlock('nginx');
  const server = block.replaceAll(readmeRoot(block), build);
  // The rest is what a stock Debian nginx.conf gives a server block, plus compression of everything
  // (gzip_types *), as a host tuned for speed would: the README's block must hold its own against it.
  return `daemon off;
master_process off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  sendfile on;
  gzip on;
  gzip_types *;
  gzip_min_length 256;
  server {
    listen 127.0.0.1:${port};
${server}
  }
}
`;
}

function caddyConfig(port: number, build: string): string {
  const site = readmeBlock('caddy')
    .replaceAll(readmeRoot(readmeBlock('caddy')), build)
    .replace(/^\S+ \{/m, `http://127.0.0.1:${port} {`);
  return `{\n\tadmin off\n\tauto_https off\n}\n${site}`;
}

export async function startStaticHost(kind: HostKind): Promise<StaticHost> {
  ensureInstalled(kind);
  const build = join(ROOT, 'build');
  if (!existsSync(join(build, 'index.html'))) throw new Error('No production build found: run `npm run build` first (npm test does).');
  const dir = mkdtempSync(join(tmpdir(), `explorer-${kind}-`));
  const port = await freePort();
  let child: ChildProcess;
  if (kind === 'nginx') {
    writeFileSync(join(dir, 'nginx.conf'), nginxConfig(dir, port, build));
    child = spawn(BINARY.nginx, ['-c', join(dir, 'nginx.conf'), '-p', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
  } else {
    writeFileSync(join(dir, 'Caddyfile'), caddyConfig(port, build));
    child = spawn(BINARY.caddy, ['run', '--config', join(dir, 'Caddyfile'), '--adapter', 'caddyfile'], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir },
    });
  }
  let output = '';
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${kind} stopped at start:\n${output}`);
    try {
      if ((await fetch(`${url}/`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`${kind} did not answer within 20 seconds. It said:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    kind,
    url,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
