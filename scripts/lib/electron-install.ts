import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { isExecutableFile } from './executable-file';

/** How Electron's own installer ended. */
export interface InstallerOutcome {
  readonly status: number | null;
  readonly stderr: string;
}

/** What ensureElectron may consult; injected so tests can make the download fail. */
export interface ElectronInstallSteps {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly isExecutable: (path: string) => boolean;
  /** Runs electron's install.js: returns at once when the binary is there, else downloads it. */
  readonly runInstaller: () => Promise<InstallerOutcome>;
}

/** Where to turn when the download fails; shared by every failure message. */
const REMEDY =
  'Check the network or set ELECTRON_MIRROR to a reachable mirror / use a local Electron ' +
  '(ELECTRON_EXEC_PATH=/path/to/electron npm start).';

/** The installer's first error line without its class name ("TypeError: fetch failed" → "fetch failed"). */
function firstErrorLine(stderr: string): string | null {
  const line = stderr
    .split('\n')
    .map((text) => text.trim())
    .find((text) => text !== '');
  return line === undefined ? null : line.replace(/^[A-Za-z]*Error:\s*/, '');
}

/**
 * Makes sure `electron-vite` will find an Electron binary: a local one named by ELECTRON_EXEC_PATH
 * (electron-vite's own variable), or the one electron's installer downloads on first use.
 * Resolves with null when Electron is ready, else with one short message saying what failed and
 * what to do: the installer's raw stack trace is no help to someone without network access.
 */
export async function ensureElectron(steps: ElectronInstallSteps): Promise<string | null> {
  const local = steps.env['ELECTRON_EXEC_PATH'];
  if (local !== undefined && local !== '') {
    return steps.isExecutable(local)
      ? null
      : `ELECTRON_EXEC_PATH=${local} is not an executable file. Point it at an Electron binary or unset it.`;
  }
  const outcome = await steps.runInstaller();
  if (outcome.status === 0) return null;
  const line = firstErrorLine(outcome.stderr);
  const reason =
    line === 'fetch failed'
      ? 'fetch failed (the download server could not be reached)'
      : (line ?? `the installer exited with status ${outcome.status ?? 'unknown'}`);
  return `Electron could not be downloaded: ${reason}. ${REMEDY}`;
}

/** The real steps: this process's environment and electron's own install.js in a child Node. */
export function systemElectronInstallSteps(): ElectronInstallSteps {
  return {
    env: process.env,
    isExecutable: isExecutableFile,
    runInstaller: () =>
      new Promise((resolve) => {
        const installer = createRequire(import.meta.url).resolve('electron/install.js');
        const child = spawn(process.execPath, [installer], {
          stdio: ['ignore', 'inherit', 'pipe'],
        });
        let stderr = '';
        child.stderr.setEncoding('utf8');
        child.stderr.on('data', (chunk: string) => (stderr += chunk));
        child.on('error', (error) => resolve({ status: null, stderr: error.message }));
        child.on('close', (status) => resolve({ status, stderr }));
      }),
  };
}
