import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  ensureElectron,
  type ElectronInstallSteps,
  type InstallerOutcome,
} from '../../../scripts/lib/electron-install';
import { findElectronBinary } from '../../e2e/support/electron-binary';

/** What electron's install.js prints when the CDN cannot be reached. */
const OFFLINE_STDERR = `TypeError: fetch failed
    at node:internal/deps/undici/undici:14976:13
    at async FetchDownloader.download (file:///x/node_modules/@electron/get/dist/FetchDownloader.js:46:30)
    at async downloadArtifact (file:///x/node_modules/@electron/get/dist/index.js:154:12)
`;

function steps(
  outcome: InstallerOutcome,
  env: Record<string, string> = {},
  executables: readonly string[] = [],
): ElectronInstallSteps & { runInstaller: ReturnType<typeof vi.fn> } {
  return {
    env,
    isExecutable: (path) => executables.includes(path),
    runInstaller: vi.fn(async () => outcome),
  };
}

describe('ensureElectron', () => {
  it('is quiet when the installer succeeds (binary present or downloaded)', async () => {
    expect(await ensureElectron(steps({ status: 0, stderr: '' }))).toBeNull();
  });

  it('turns a failed download into one short line with the remedy, without the stack', async () => {
    const message = await ensureElectron(steps({ status: 1, stderr: OFFLINE_STDERR }));
    expect(message).toBe(
      'Electron could not be downloaded: fetch failed (the download server could not be reached). ' +
        'Check the network or set ELECTRON_MIRROR to a reachable mirror / use a local Electron ' +
        '(ELECTRON_EXEC_PATH=/path/to/electron npm start).',
    );
  });

  it('keeps the reason of other failures, such as a mirror without this version', async () => {
    const stderr =
      'HTTPError: Response code 404 (Not Found) for https://mirror.example/v45.5.0/electron.zip\n    at x\n';
    const message = await ensureElectron(steps({ status: 1, stderr }));
    expect(message).toMatch(
      /^Electron could not be downloaded: Response code 404 \(Not Found\) for https:\/\/mirror\.example\/.*ELECTRON_MIRROR/,
    );
    expect(message).not.toContain('at x');
  });

  it('names the exit status when the installer printed nothing', async () => {
    expect(await ensureElectron(steps({ status: 3, stderr: '\n' }))).toMatch(
      /could not be downloaded: the installer exited with status 3\./,
    );
  });

  it('uses a local Electron named by ELECTRON_EXEC_PATH without downloading', async () => {
    const local = steps(
      { status: 1, stderr: OFFLINE_STDERR },
      { ELECTRON_EXEC_PATH: '/opt/e/electron' },
      ['/opt/e/electron'],
    );
    expect(await ensureElectron(local)).toBeNull();
    expect(local.runInstaller).not.toHaveBeenCalled();
  });

  it('reports an ELECTRON_EXEC_PATH that is not executable instead of downloading', async () => {
    const wrong = steps({ status: 0, stderr: '' }, { ELECTRON_EXEC_PATH: '/nowhere/electron' });
    expect(await ensureElectron(wrong)).toMatch(
      /^ELECTRON_EXEC_PATH=\/nowhere\/electron is not an executable file/,
    );
    expect(wrong.runInstaller).not.toHaveBeenCalled();
  });
});

describe('scripts/install-electron.ts', () => {
  const installed = findElectronBinary() !== null;

  it.skipIf(installed)(
    'exits 1 with the one-line message when the download server refuses (a closed local port)',
    async () => {
      const cache = await mkdtemp(join(tmpdir(), 'pq-electron-cache-'));
      try {
        const run = spawnSync('npx', ['tsx', 'scripts/install-electron.ts'], {
          encoding: 'utf8',
          env: {
            ...process.env,
            ELECTRON_MIRROR: 'http://127.0.0.1:9/',
            electron_config_cache: cache,
          },
        });
        expect(run.status).toBe(1);
        const lines = run.stderr.trim().split('\n');
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(/^Electron could not be downloaded: .*ELECTRON_MIRROR/);
      } finally {
        await rm(cache, { recursive: true, force: true });
      }
    },
  );
});
