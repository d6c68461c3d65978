import { chromium, type Browser } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM, CHROMIUM_LAUNCH_OPTIONS } from '../../tests/e2e/support/chromium';
import { missingChromiumMessage } from '../lib/find-chromium';

/** A Chromium instance plus the `vite preview` server that serves the built renderer. */
export interface BrowserHarness {
  readonly browser: Browser;
  readonly baseUrl: string;
  close(): Promise<void>;
}

/** Port of the preview server; PQ_BENCH_PORT lets two checkouts benchmark side by side. */
const PORT = Number(process.env['PQ_BENCH_PORT'] ?? 4189);

async function waitForServer(url: string, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`vite preview did not answer at ${url}`);
}

/** Newest modification time of any file under `folder`, in ms. */
function newestMtime(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** True when out/renderer is missing or older than a source it is built from. */
function rendererBuildIsStale(): boolean {
  const built = 'out/renderer/index.html';
  if (!existsSync(built)) return true;
  const sources = Math.max(newestMtime('src/renderer'), newestMtime('src/shared'));
  return sources > statSync(built).mtimeMs;
}

/** Stops the `vite preview` process group; one that already exited is not an error. */
function stopProcessGroup(server: ChildProcess): void {
  if (server.pid === undefined || server.exitCode !== null) return;
  try {
    process.kill(-server.pid);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/**
 * Builds the renderer when it is missing or older than its sources, serves it on 127.0.0.1 and launches Chromium with the same
 * flags as the e2e tests, so benchmarks measure the real app in a real browser.
 */
export async function startBrowserHarness(): Promise<BrowserHarness> {
  if (CHROMIUM.path === null) throw new Error(missingChromiumMessage(CHROMIUM));
  if (rendererBuildIsStale()) {
    const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('electron-vite build failed');
  }
  const server: ChildProcess = spawn(
    'npx',
    [
      'vite',
      'preview',
      '--outDir',
      'out/renderer',
      '--host',
      '127.0.0.1',
      '--port',
      String(PORT),
      '--strictPort',
    ],
    { stdio: 'ignore', detached: true },
  );
  const baseUrl = `http://127.0.0.1:${PORT}`;
  await waitForServer(`${baseUrl}/index.html`, 30_000);
  const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
  console.log(`Chromium ${browser.version()}`);
  return {
    browser,
    baseUrl,
    close: async () => {
      await browser.close();
      stopProcessGroup(server);
    },
  };
}
