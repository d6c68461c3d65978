import { constants } from 'node:fs';
import { mkdir, open, stat, unlink } from 'node:fs/promises';
import { extname, join, basename } from 'node:path';
import { describeFsError } from '../fs/atomic-write';
import { readDumpFile } from '../import/read-dump-file';
import { isIgnoredInboxName } from './inbox-watcher';

/** Longest file name the inbox writer produces, in UTF-8 bytes (file systems allow 255). */
const MAX_NAME_BYTES = 200;

/** The few file-system calls the inbox writer makes; tests inject failures (a full disk). */
export interface InboxFs {
  open(
    path: string,
    flags: number,
  ): Promise<{
    writeFile(data: Uint8Array): Promise<void>;
    sync(): Promise<void>;
    close(): Promise<void>;
  }>;
  unlink(path: string): Promise<void>;
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
}

/** The real file system. */
export const NODE_INBOX_FS: InboxFs = { open, unlink, mkdir };

/** `text` cut to at most `maxBytes` of UTF-8, never inside a character. */
function truncateUtf8(text: string, maxBytes: number): string {
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    bytes += Buffer.byteLength(char);
    if (bytes > maxBytes) break;
    end += char.length;
  }
  return text.slice(0, end);
}

/**
 * Reduces an untrusted name to a safe single path segment that the inbox watcher will import: no
 * separators, control characters or reserved Windows characters; no leading dots, `~` or spaces
 * (a dotfile or an editor's lock file is ignored by the watcher); `.txt` added to names the watcher
 * ignores (`x.part` → `x.part.txt`); at most `MAX_NAME_BYTES` UTF-8 bytes, the extension kept, so a
 * long non-ASCII name never fails with ENAMETOOLONG.
 */
export function sanitizeFileName(name: string): string {
  let cleaned = basename(name.replace(/\\/g, '/'))
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\p{Cc}/gu, '_')
    .replace(/^[.~\s]+/u, '')
    .trim();
  if (cleaned.length === 0) cleaned = 'dump.txt';
  if (isIgnoredInboxName(cleaned)) cleaned = `${cleaned}.txt`;
  if (Buffer.byteLength(cleaned) <= MAX_NAME_BYTES) return cleaned;
  const extension = extname(cleaned);
  const keep = Buffer.byteLength(extension) <= 16 ? extension : '';
  const stem = cleaned.slice(0, cleaned.length - keep.length);
  return `${truncateUtf8(stem, MAX_NAME_BYTES - Buffer.byteLength(keep)).trimEnd()}${keep}`;
}

/** `name.txt`, `name (2).txt`, `name (3).txt`, … */
function candidateName(name: string, attempt: number): string {
  if (attempt === 1) return name;
  const extension = extname(name);
  return `${name.slice(0, name.length - extension.length)} (${attempt})${extension}`;
}

/** True for errors meaning the disk (or the user's quota on it) is full. */
function isDiskFull(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}

/** A failed inbox write; `diskFull` tells the caller to try again once there is space. */
export class InboxWriteError extends Error {
  constructor(
    message: string,
    readonly diskFull: boolean,
    options?: { cause: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Writes bytes into the inbox folder under the sanitised `name`, resolving clashes without ever
 * overwriting: if a file of that name already holds exactly these bytes it is reused, otherwise the
 * first free `name (N).ext` is created exclusively (O_EXCL), so two concurrent drops cannot clobber
 * each other. A write that fails (a full disk) removes the file it created, so nothing empty or
 * partial is left and a retry gets the same name. Returns the path written (or reused);
 * `onCreated` hears of the path as soon as it exists, before its bytes are written.
 */
export async function writeIntoInbox(
  folder: string,
  name: string,
  bytes: Uint8Array,
  fs: InboxFs = NODE_INBOX_FS,
  onCreated: (path: string) => void = () => undefined,
): Promise<string> {
  const safeName = sanitizeFileName(name);
  try {
    await fs.mkdir(folder, { recursive: true });
    for (let attempt = 1; attempt < 10_000; attempt++) {
      const path = join(folder, candidateName(safeName, attempt));
      let handle;
      try {
        handle = await fs.open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        if (await holdsSameBytes(path, bytes)) return path;
        continue;
      }
      onCreated(path);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } catch (error) {
        await handle.close().catch(() => undefined);
        await fs.unlink(path).catch(() => undefined);
        throw error;
      }
      await handle.close();
      return path;
    }
  } catch (error) {
    const diskFull = isDiskFull(error);
    const reason = diskFull ? 'the disk is full.' : describeFsError(error, folder);
    throw new InboxWriteError(`Could not save ${safeName} into the inbox: ${reason}`, diskFull, {
      cause: error,
    });
  }
  throw new InboxWriteError(`Could not find a free name for ${safeName} in the inbox.`, false);
}

/**
 * Whether `path` holds exactly `bytes`. Type and size are checked before anything is read: a
 * symbolic link to /dev/zero, a FIFO or a file of another size is "different" without a byte read.
 */
async function holdsSameBytes(path: string, bytes: Uint8Array): Promise<boolean> {
  try {
    const info = await stat(path);
    if (!info.isFile() || info.size !== bytes.byteLength) return false;
    const existing = await readDumpFile(path);
    return existing.kind === 'read' && Buffer.compare(existing.bytes, bytes) === 0;
  } catch {
    return false;
  }
}
