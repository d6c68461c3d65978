import { chromium, type Browser } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM_LAUNCH_OPTIONS } from '../../tests/e2e/support/chromium';

/** A Chromium instance plus the `vite preview` server that serves the built renderer. */
export interface BrowserHarness {
  readonly browser: Browser;
  readonly baseUrl: string;
  close(): Promise<void>;
}

const PORT = 4189;

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

/**
 * Builds the renderer if needed, serves it on 127.0.0.1 and launches Chromium with the same
 * flags as the e2e tests, so benchmarks measure the real app in a real browser.
 */
export async function startBrowserHarness(): Promise<BrowserHarness> {
  if (!existsSync('out/renderer/index.html')) {
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
  return {
    browser,
    baseUrl,
    close: async () => {
      await browser.close();
      if (server.pid) process.kill(-server.pid);
    },
  };
}
