import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../fs/atomic-write';

/** What main remembers about one file content (keyed by its SHA-256). */
export interface LedgerEntry {
  readonly hash: string;
  readonly file: string;
  readonly outcome: 'imported' | 'rejected';
  readonly at: string;
  readonly papers: number;
}

/**
 * The record of which dump contents are fully imported, persisted as JSON in the user-data
 * folder. Invariant: a hash is recorded as 'imported' only after the renderer acknowledged every
 * batch of it, so an interrupted import is retried on the next start; merging is idempotent, so a
 * retry never duplicates papers. Rejected contents are remembered too, so a non-dump left in the
 * inbox is explained once rather than on every start.
 */
export class ImportLedger {
  private readonly entries = new Map<string, LedgerEntry>();
  private writing: Promise<void> = Promise.resolve();

  private constructor(private readonly path: string) {}

  /** Opens the ledger at `path`; a missing or unreadable file starts an empty ledger. */
  static async open(path: string): Promise<ImportLedger> {
    const ledger = new ImportLedger(path);
    try {
      const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
      if (Array.isArray(parsed)) {
        for (const entry of parsed) {
          if (isLedgerEntry(entry)) ledger.entries.set(entry.hash, entry);
        }
      }
    } catch {
      // No ledger yet (first run) or a damaged one: every inbox file is simply considered again.
    }
    return ledger;
  }

  get(hash: string): LedgerEntry | undefined {
    return this.entries.get(hash);
  }

  /** Records an outcome and persists the ledger; writes are serialised so none is lost. */
  async record(entry: LedgerEntry): Promise<void> {
    this.entries.set(entry.hash, entry);
    const snapshot = `${JSON.stringify([...this.entries.values()], null, 1)}\n`;
    const write = this.writing.then(() => writeFileAtomic(this.path, snapshot));
    this.writing = write.catch(() => undefined);
    await write;
  }
}

function isLedgerEntry(value: unknown): value is LedgerEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry.hash === 'string' &&
    typeof entry.file === 'string' &&
    (entry.outcome === 'imported' || entry.outcome === 'rejected') &&
    typeof entry.at === 'string' &&
    typeof entry.papers === 'number'
  );
}
