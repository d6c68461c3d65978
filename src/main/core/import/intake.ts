import type {
  ImportNotice,
  ImportOrigin,
  ImportRequestResult,
  IncomingFile,
} from '../../../shared/import-types';
import { errorMessage } from '../../../shared/error-message';
import { MAX_DUMP_BYTES } from '../../../shared/ipc-validators';
import { describeFsError } from '../fs/atomic-write';
import { writeIntoInbox } from '../inbox/inbox-writer';
import { parseDump } from '../parser';
import type { EventSender } from './event-sender';
import { hashBytes, type ImportCoordinator } from './import-coordinator';
import { readDumpFile } from './read-dump-file';
import { sendNotice } from './send-notice';

/** Why a handed-over file did not enter the pipeline. */
interface Refusal {
  readonly kind: ImportNotice['kind'];
  readonly message: string;
}

/**
 * Intake of data the user hands over (dropped files, pasted text, picked files, the samples).
 * Invariant: the data is parsed before anything is written, so a non-dump is refused with its
 * reason and never reaches the inbox; accepted data is copied into the inbox (never overwriting)
 * and queued with its parse result, taking the same pipeline as a file the watcher found.
 */
export class Intake {
  constructor(
    private readonly coordinator: ImportCoordinator,
    private readonly send: EventSender,
    private readonly inboxFolder: () => string,
  ) {}

  /** Takes every file it can; each refusal is returned and also sent as a notice. */
  async acceptAll(
    files: readonly IncomingFile[],
    origin: ImportOrigin,
  ): Promise<ImportRequestResult> {
    const accepted: string[] = [];
    const refused: { file: string; message: string }[] = [];
    for (const file of files) {
      const refusal = await this.accept(file, origin);
      if (refusal === null) {
        accepted.push(file.name);
      } else {
        refused.push({ file: file.name, message: refusal.message });
        sendNotice(this.send, { file: file.name, origin, ...refusal });
      }
    }
    return { accepted, refused };
  }

  /** Reads files chosen in a dialog or bundled as samples; unreadable ones become notices. */
  async readFiles(paths: readonly string[], origin: ImportOrigin): Promise<IncomingFile[]> {
    const files: IncomingFile[] = [];
    for (const path of paths) {
      const name = path.split(/[\\/]/).pop() ?? path;
      let problem: string;
      try {
        const dump = await readDumpFile(path);
        if (!dump.tooLarge) {
          files.push({ name, bytes: dump.bytes });
          continue;
        }
        problem = dump.tooLarge;
      } catch (error) {
        problem = error instanceof Error ? error.message : describeFsError(error, path);
      }
      sendNotice(this.send, { file: name, origin, kind: 'failed', message: problem });
    }
    return files;
  }

  private async accept(file: IncomingFile, origin: ImportOrigin): Promise<Refusal | null> {
    const { name, bytes } = file;
    if (bytes.byteLength > MAX_DUMP_BYTES) {
      const cap = MAX_DUMP_BYTES / (1024 * 1024);
      return { kind: 'rejected', message: `${name} is larger than ${cap} MB and was refused.` };
    }
    const hash = hashBytes(bytes);
    if (this.coordinator.knows(hash)) {
      return {
        kind: 'already-imported',
        message: `${name} was already imported; nothing changed.`,
      };
    }
    const result = parseDump(bytes, { referenceDate: new Date() });
    if (result.rejection !== null)
      return { kind: 'rejected', message: `${name} ${result.rejection}.` };
    try {
      const path = await writeIntoInbox(this.inboxFolder(), name, bytes);
      this.coordinator.enqueue(path, origin, { hash, result });
      return null;
    } catch (error) {
      return { kind: 'failed', message: errorMessage(error) };
    }
  }
}
