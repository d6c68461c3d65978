import { constants } from 'node:fs';
import { mkdir, open, readFile } from 'node:fs/promises';
import { extname, join, basename } from 'node:path';
import { describeFsError } from '../fs/atomic-write';

/**
 * Reduces an untrusted name to a safe single path segment (no separators, control characters,
 * reserved Windows characters or leading dots), keeping it recognisable for the user.
 */
export function sanitizeFileName(name: string): string {
  const cleaned = basename(name.replace(/\\/g, '/'))
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\p{Cc}/gu, '_')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 180);
  return cleaned.length > 0 ? cleaned : 'dump.txt';
}

/** `name.txt`, `name (2).txt`, `name (3).txt`, … */
function candidateName(name: string, attempt: number): string {
  if (attempt === 1) return name;
  const extension = extname(name);
  return `${name.slice(0, name.length - extension.length)} (${attempt})${extension}`;
}

/**
 * Writes bytes into the inbox folder under `name`, resolving clashes without ever overwriting:
 * if a file of that name already holds exactly these bytes it is reused, otherwise the first free
 * `name (N).ext` is created exclusively (O_EXCL), so two concurrent drops cannot clobber each other.
 * Returns the path written (or reused). Errors carry a readable message (disk full, no access…).
 */
export async function writeIntoInbox(
  folder: string,
  name: string,
  bytes: Uint8Array,
): Promise<string> {
  const safeName = sanitizeFileName(name);
  try {
    await mkdir(folder, { recursive: true });
    for (let attempt = 1; attempt < 10_000; attempt++) {
      const path = join(folder, candidateName(safeName, attempt));
      try {
        const handle = await open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL);
        try {
          await handle.writeFile(bytes);
          await handle.sync();
        } finally {
          await handle.close();
        }
        return path;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        if (await holdsSameBytes(path, bytes)) return path;
      }
    }
  } catch (error) {
    throw new Error(
      `Could not save ${safeName} into the inbox: ${describeFsError(error, folder)}`,
      { cause: error },
    );
  }
  throw new Error(`Could not find a free name for ${safeName} in the inbox.`);
}

async function holdsSameBytes(path: string, bytes: Uint8Array): Promise<boolean> {
  try {
    const existing = await readFile(path);
    return existing.length === bytes.length && Buffer.compare(existing, bytes) === 0;
  } catch {
    return false;
  }
}
