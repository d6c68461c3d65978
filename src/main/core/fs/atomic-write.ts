import { randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';
import { errorMessage } from '../../../shared/error-message';

/**
 * Writes `data` to `path` so that readers only ever see the old or the new content, never a torn
 * file: the bytes go to a temporary sibling, are flushed to disk, then renamed over the target.
 * On failure (disk full, permissions) the temporary file is removed and the old file is intact.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${randomUUID()}.tmp`);
  try {
    const handle = await open(temporary, 'w');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Turns a Node file-system error into a sentence a user can act on. */
export function describeFsError(error: unknown, path: string): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return `${path} does not exist.`;
    case 'EACCES':
    case 'EPERM':
      return `Permission denied for ${path}.`;
    case 'ENOSPC':
      return `The disk holding ${path} is full.`;
    case 'EROFS':
      return `${path} is on a read-only disk.`;
    case 'ENOTDIR':
      return `${path} is not a folder.`;
    case 'EISDIR':
      return `${path} is a folder, not a file.`;
    case 'ENAMETOOLONG':
      return `The name ${path} is too long for this disk.`;
    default:
      return `${path}: ${errorMessage(error)}`;
  }
}
