import type { IncomingFile } from '../../../../shared/import-types';
import { MAX_DUMP_BYTES, MAX_FILES_PER_REQUEST } from '../../../../shared/ipc-validators';

/** What a drop or paste carried: files to hand to main, or plain text to parse. */
export interface DroppedData {
  readonly files: readonly File[];
  readonly oversized: readonly string[];
  readonly text: string | null;
}

/** Most bytes handed to main in one request: a drop of hundreds of dumps goes in parts. */
export const REQUEST_BYTES = 4 * 1024 * 1024;

/**
 * Takes what a drop carried, synchronously (a DataTransfer is readable only during its event):
 * the files, apart from those over the dump size cap (reported by name, never read), or else the
 * dropped text.
 */
export function droppedData(transfer: DataTransfer): DroppedData {
  const all = Array.from(transfer.files);
  const files = all.filter((file) => file.size <= MAX_DUMP_BYTES);
  const oversized = all.filter((file) => file.size > MAX_DUMP_BYTES).map((file) => file.name);
  const text = all.length === 0 ? transfer.getData('text/plain') : '';
  return { files, oversized, text: text.trim().length > 0 ? text : null };
}

/**
 * Reads files into requests of at most `MAX_FILES_PER_REQUEST` files and about `REQUEST_BYTES`
 * (a single larger file goes alone), so a drop of a year of dumps neither exceeds what one request
 * may carry nor holds every file in memory at once.
 */
export async function* readInParts(
  files: readonly File[],
  maxBytes: number = REQUEST_BYTES,
): AsyncGenerator<IncomingFile[]> {
  let part: IncomingFile[] = [];
  let bytes = 0;
  for (const file of files) {
    if (part.length > 0 && (part.length >= MAX_FILES_PER_REQUEST || bytes + file.size > maxBytes)) {
      yield part;
      part = [];
      bytes = 0;
    }
    part.push({
      name: file.name || 'dropped.txt',
      bytes: new Uint8Array(await file.arrayBuffer()),
    });
    bytes += file.size;
  }
  if (part.length > 0) yield part;
}
