import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Path of the installed Electron binary, or null when it was never downloaded (as on machines
 * without internet access). Reads electron's path.txt instead of requiring 'electron', which
 * would try to download the binary.
 */
export function findElectronBinary(): string | null {
  try {
    const packageJson = createRequire(import.meta.url).resolve('electron/package.json');
    const pathFile = join(dirname(packageJson), 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = join(dirname(packageJson), 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}
