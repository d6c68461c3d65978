import { accessSync, constants, statSync } from 'node:fs';

/** True for an existing regular file the current user may execute (not a folder, not missing). */
export function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
