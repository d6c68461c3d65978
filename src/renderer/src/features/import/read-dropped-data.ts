import type { IncomingFile } from '../../../../shared/import-types';
import { MAX_DUMP_BYTES } from '../../../../shared/ipc-validators';

/** What a drop or paste carried: files to hand to main, or plain text to parse. */
export interface DroppedData {
  readonly files: readonly IncomingFile[];
  readonly oversized: readonly string[];
  readonly text: string | null;
}

/**
 * Reads dropped files into memory (main copies them into the inbox) and falls back to dropped
 * text. Files over the dump size cap are not read at all; they are reported by name.
 */
export async function readDroppedData(transfer: DataTransfer): Promise<DroppedData> {
  const files: IncomingFile[] = [];
  const oversized: string[] = [];
  for (const file of Array.from(transfer.files)) {
    if (file.size > MAX_DUMP_BYTES) {
      oversized.push(file.name);
      continue;
    }
    files.push({
      name: file.name || 'dropped.txt',
      bytes: new Uint8Array(await file.arrayBuffer()),
    });
  }
  const text = files.length === 0 && oversized.length === 0 ? transfer.getData('text/plain') : '';
  return { files, oversized, text: text.trim().length > 0 ? text : null };
}
