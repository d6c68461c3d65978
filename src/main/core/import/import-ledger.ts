import { open, readFile, type FileHandle } from 'node:fs/promises';
import { writeFileAtomic } from '../fs/atomic-write';

/** What main remembers about one file content. */
export interface LedgerEntry {
  /** SHA-256 of the content, or a `stat:` fingerprint for a file refused without reading it. */
  readonly hash: string;
  readonly file: string;
  readonly outcome: 'imported' | 'rejected';
  readonly at: string;
  readonly papers: number;
  /**
   * Ids of the libraries (IndexedDB) that received this content's papers. Absent on entries
   * written before libraries had ids; such entries are claimed once by the first library that
   * already holds papers (see `adoptLegacy`).
   */
  readonly libraries?: readonly string[];
}

/** Tuning, injectable for tests. */
export interface LedgerOptions {
  /** Most refused (non-dump) contents remembered; the oldest are forgotten first. */
  readonly maxRefused?: number;
  /** Journal lines after which the snapshot is rewritten and the journal emptied. */
  readonly compactAfterLines?: number;
}

const DEFAULT_MAX_REFUSED = 500;
const DEFAULT_COMPACT_AFTER = 1000;

/**
 * The record of which dump contents are fully imported (and into which library), kept in the
 * user-data folder as a snapshot (`import-ledger.json`, a JSON array) plus an append-only journal
 * (`import-ledger.json.journal`, one JSON entry per line; later lines win). Recording a file
 * appends one line; entries recorded while a write is under way are written together with the
 * next one (one write and one fsync per group), so a drop of hundreds of files costs a few small
 * appends instead of a rewrite of the whole ledger per file. Once the journal is long, the snapshot
 * is rewritten atomically and the journal emptied; a crash in between only replays entries the
 * snapshot already has.
 *
 * Invariants: a hash is recorded as 'imported' only after the renderer acknowledged every batch
 * holding its papers (the coordinator's duty), so an interrupted import is retried on the next
 * start; merging is idempotent, so a retry never duplicates papers. Refused contents are
 * remembered too, so a non-dump left in the inbox is explained once rather than at every start,
 * but only the most recent `maxRefused` of them: the ledger does not grow without bound.
 */
export class ImportLedger {
  private readonly entries = new Map<string, LedgerEntry>();
  private refusedCount = 0;
  private journalLines = 0;
  private journal: FileHandle | null = null;
  private readonly unwritten: LedgerEntry[] = [];
  private writing: Promise<void> = Promise.resolve();
  private nextWrite: Promise<void> | null = null;
  private compactRequested = false;
  private readonly maxRefused: number;
  private readonly compactAfterLines: number;

  private constructor(
    private readonly path: string,
    options: LedgerOptions,
  ) {
    this.maxRefused = options.maxRefused ?? DEFAULT_MAX_REFUSED;
    this.compactAfterLines = options.compactAfterLines ?? DEFAULT_COMPACT_AFTER;
  }

  private get journalPath(): string {
    return `${this.path}.journal`;
  }

  /**
   * Opens the ledger at `path` (snapshot) and replays its journal. A missing or damaged snapshot
   * starts empty, and a torn last journal line is ignored: the files concerned are simply
   * considered again, which is safe because merging is idempotent.
   */
  static async open(path: string, options: LedgerOptions = {}): Promise<ImportLedger> {
    const ledger = new ImportLedger(path, options);
    const snapshot = await readFile(path, 'utf8').catch(() => '[]');
    try {
      const parsed: unknown = JSON.parse(snapshot);
      if (Array.isArray(parsed)) for (const entry of parsed) ledger.load(entry);
    } catch {
      // A damaged snapshot: every inbox file is considered again.
    }
    const journal = await readFile(ledger.journalPath, 'utf8').catch(() => '');
    // A torn last line would swallow the next append: start the next write with a compaction.
    ledger.compactRequested = journal.length > 0 && !journal.endsWith('\n');
    for (const line of journal.split('\n')) {
      if (line.trim() === '') continue;
      ledger.journalLines += 1;
      try {
        ledger.load(JSON.parse(line));
      } catch {
        // A line torn by a crash mid-append.
      }
    }
    return ledger;
  }

  get(hash: string): LedgerEntry | undefined {
    return this.entries.get(hash);
  }

  /** Whether `hash` was imported into library `libraryId`. */
  importedInto(hash: string, libraryId: string): boolean {
    const entry = this.entries.get(hash);
    return entry?.outcome === 'imported' && (entry.libraries ?? []).includes(libraryId);
  }

  /** Records that `hash` is fully imported into `libraryId` (other libraries that have it stay). */
  recordImported(
    entry: Omit<LedgerEntry, 'outcome' | 'libraries'>,
    libraryId: string,
  ): Promise<void> {
    const previous = this.entries.get(entry.hash);
    const libraries = previous?.outcome === 'imported' ? (previous.libraries ?? []) : [];
    return this.record({
      ...entry,
      outcome: 'imported',
      libraries: libraries.includes(libraryId) ? libraries : [...libraries, libraryId],
    });
  }

  /** Records that `hash` (content or fingerprint) is not a dump, so it is not reported again. */
  recordRefused(entry: Omit<LedgerEntry, 'outcome' | 'libraries' | 'papers'>): Promise<void> {
    return this.record({ ...entry, outcome: 'rejected', papers: 0 });
  }

  /**
   * Gives entries written before libraries had ids to `libraryId` (the library the app used then
   * is the one that holds papers now). Returns how many were claimed.
   */
  async adoptLegacy(libraryId: string): Promise<number> {
    const legacy = [...this.entries.values()].filter(
      (entry) => entry.outcome === 'imported' && entry.libraries === undefined,
    );
    for (const entry of legacy) this.entries.set(entry.hash, { ...entry, libraries: [libraryId] });
    if (legacy.length > 0) await this.enqueueWrite(true);
    return legacy.length;
  }

  /** Resolves once every recorded entry was written (or its write failed). */
  async flush(): Promise<void> {
    await this.writing;
  }

  /**
   * Writes what is pending, folds the journal into the snapshot (after a clean shutdown the
   * ledger is one file) and closes the journal.
   */
  async close(): Promise<void> {
    if (this.journalLines > 0 || this.unwritten.length > 0) {
      await this.enqueueWrite(true).catch(() => undefined);
    }
    await this.flush();
    const journal = this.journal;
    this.journal = null;
    await journal?.close().catch(() => undefined);
  }

  /** Applies an entry in memory and persists it with the next group write. */
  private record(entry: LedgerEntry): Promise<void> {
    this.apply(entry);
    this.unwritten.push(entry);
    return this.enqueueWrite(false);
  }

  private load(value: unknown): void {
    if (isLedgerEntry(value)) this.apply(value);
  }

  /** Sets an entry (moving it to the end of the order) and forgets the oldest refusals past the cap. */
  private apply(entry: LedgerEntry): void {
    const previous = this.entries.get(entry.hash);
    if (previous?.outcome === 'rejected') this.refusedCount -= 1;
    this.entries.delete(entry.hash);
    this.entries.set(entry.hash, entry);
    if (entry.outcome === 'rejected') this.refusedCount += 1;
    if (this.refusedCount <= this.maxRefused) return;
    for (const [hash, stored] of this.entries) {
      if (stored.outcome !== 'rejected') continue;
      this.entries.delete(hash);
      this.refusedCount -= 1;
      if (this.refusedCount <= this.maxRefused) break;
    }
  }

  /**
   * Schedules one write after the current one; everything recorded until it starts goes into it.
   * A failed write keeps its entries for the next write (they stay valid in memory meanwhile).
   */
  private enqueueWrite(compact: boolean): Promise<void> {
    if (compact) this.compactRequested = true;
    if (!this.nextWrite) {
      const write = this.writing.then(() => {
        this.nextWrite = null;
        return this.writePending();
      });
      this.nextWrite = write;
      this.writing = write.catch(() => undefined);
    }
    return this.nextWrite;
  }

  private async writePending(): Promise<void> {
    const entries = this.unwritten.splice(0);
    const compact =
      this.compactRequested || this.journalLines + entries.length > this.compactAfterLines;
    try {
      if (compact) {
        await this.compact();
        this.compactRequested = false;
      } else if (entries.length > 0) {
        this.journal ??= await open(this.journalPath, 'a');
        await this.journal.write(entries.map((entry) => `${JSON.stringify(entry)}\n`).join(''));
        await this.journal.datasync();
        this.journalLines += entries.length;
      }
    } catch (error) {
      this.unwritten.unshift(...entries);
      throw error;
    }
  }

  /** Rewrites the snapshot from memory, then empties the journal. */
  private async compact(): Promise<void> {
    const snapshot = `${JSON.stringify([...this.entries.values()], null, 1)}\n`;
    await writeFileAtomic(this.path, snapshot);
    const journal = this.journal ?? (await open(this.journalPath, 'a'));
    this.journal = journal;
    await journal.truncate(0);
    await journal.datasync();
    this.journalLines = 0;
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
    typeof entry.papers === 'number' &&
    (entry.libraries === undefined ||
      (Array.isArray(entry.libraries) && entry.libraries.every((id) => typeof id === 'string')))
  );
}
