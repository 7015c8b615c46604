/**
 * Headless Debian Chromium for the browser tests and the benchmark, with the flags that give WebGL
 * on SwiftShader and keep Chromium from reaching for the (closed) network.
 */
import { chromium, type BrowserContext } from 'playwright-core';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-dev-shm-usage',
];

const INSTALL_COMMAND = 'apt-get update && apt-get install -y chromium fonts-noto-cjk';

/** Installs Debian's chromium (and a CJK font for the HTML UI) when missing and running as root. */
export function ensureChromium(): void {
  if (existsSync(CHROMIUM) && existsSync('/usr/share/fonts/opentype/noto')) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`Chromium or a CJK font is missing. Install them with:\n  sudo sh -c '${INSTALL_COMMAND}'`);
  }
  // the log stays in the checkout (ignored test-results/), never in a machine-wide folder
  const log = join(import.meta.dirname, '../../test-results/e2e-apt.log');
  mkdirSync(dirname(log), { recursive: true });
  console.log(`[e2e] installing Debian chromium and fonts-noto-cjk: ${INSTALL_COMMAND}`);
  execFileSync('sh', ['-c', `${INSTALL_COMMAND} >"${log}" 2>&1`], { stdio: 'inherit' });
  if (!existsSync(CHROMIUM)) throw new Error(`apt-get did not install ${CHROMIUM}; see ${log}`);
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launch(
  options: {
    viewport?: { width: number; height: number };
    javaScriptEnabled?: boolean;
    extraArgs?: string[];
    /**
     * The service worker (offline copy) is off unless a test is about it: it would store the whole
     * app in every fresh profile, and answer requests a test stubs with page.route.
     */
    serviceWorkers?: 'allow' | 'block';
  } = {},
): Promise<Browser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'explorer-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, ...(options.extraArgs ?? [])],
    viewport: options.viewport ?? { width: 1280, height: 800 },
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    serviceWorkers: options.serviceWorkers ?? 'block',
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
