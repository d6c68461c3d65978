/**
 * `npm start` and `npm run dev` begin here instead of electron's bare `install-electron`: the same
 * download on first use, but a failure prints one line saying what to do and exits 1, without
 * @electron/get's stack trace.
 */
import { ensureElectron, systemElectronInstallSteps } from './lib/electron-install';

const problem = await ensureElectron(systemElectronInstallSteps());
if (problem !== null) {
  console.error(problem);
  process.exit(1);
}
