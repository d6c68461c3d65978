import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findElectronBinary } from './support/electron-binary';

const binary = findElectronBinary();

test.describe('the packaged Electron app', () => {
  test.skip(
    binary === null,
    'Electron binary not installed (its download is lazy: run `npx install-electron` on a machine with internet access); skipping tests that launch Electron.',
  );

  test('opens one secure window on the app:// origin with the preload API', async () => {
    const home = await mkdtemp(join(tmpdir(), 'paper-queue-electron-'));
    const app = await electron.launch({
      executablePath: binary ?? undefined,
      args: ['out/main/index.js', `--user-data-dir=${join(home, 'user-data')}`],
      env: { ...process.env, HOME: home },
    });
    try {
      const page = await app.firstWindow();
      await expect(page.getByTestId('empty-state')).toBeVisible();
      expect(page.url()).toBe('app://paper-queue/index.html');
      const exposed = await page.evaluate(() => ({
        api: typeof (window as unknown as { paperQueue?: unknown }).paperQueue === 'object',
        node: typeof (globalThis as { process?: unknown }).process,
        require: typeof (globalThis as { require?: unknown }).require,
      }));
      expect(exposed).toEqual({ api: true, node: 'undefined', require: 'undefined' });
      const denied = await page.evaluate(() => {
        const opened = window.open('https://example.org/');
        return opened === null;
      });
      expect(denied).toBe(true);
    } finally {
      await app.close();
      await rm(home, { recursive: true, force: true });
    }
  });
});
