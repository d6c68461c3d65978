import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH_OPTIONS } from './tests/e2e/support/chromium';

/**
 * End-to-end tests drive the built renderer (served by `vite preview` on 127.0.0.1, because
 * file:// blocks module scripts) in real Chromium, found by scripts/lib/find-chromium.ts
 * (PQ_CHROMIUM, Debian's chromium or another on PATH, else Playwright's own browser).
 */
const port = Number(process.env['PQ_E2E_PORT'] ?? 4179);

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: process.env['CI'] ? 2 : undefined,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    launchOptions: CHROMIUM_LAUNCH_OPTIONS,
  },
  webServer: {
    command: `npx vite preview --outDir out/renderer --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}/index.html`,
    reuseExistingServer: !process.env['CI'],
    timeout: 60_000,
  },
});
