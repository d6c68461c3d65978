/**
 * Messages of the import pipeline. Main parses dumps and sends them to the renderer in batches;
 * the renderer commits each batch in one IndexedDB transaction and acknowledges it. Main records a
 * file as imported only after every batch of it was acknowledged, so a crash mid-import simply
 * re-imports the file on the next start (merging is idempotent, so nothing is duplicated).
 */
import type { ListingFormat, ParseDiagnostic, ParsedPaper } from './paper';

/** Where an import came from; shown in the Imports view and kept as provenance. */
export type ImportOrigin = 'watcher' | 'drop' | 'dialog' | 'paste' | 'samples' | 'startup-scan';

/** Identifies the dump a batch belongs to. `hash` is the SHA-256 of the file's bytes. */
export interface ImportSource {
  readonly importId: string;
  /** File name inside the inbox folder (not a full path: the folder may move). */
  readonly file: string;
  readonly hash: string;
  readonly origin: ImportOrigin;
  readonly format: ListingFormat;
  readonly listingDate: string | null;
  /** ISO timestamp at which main started this import. */
  readonly startedAt: string;
}

/**
 * One slice of a parsed dump. Batches of one import share `source`; `index` counts from 0 to
 * `count - 1`; diagnostics travel with the last batch so the renderer can record them once.
 */
export interface ImportBatch {
  readonly source: ImportSource;
  readonly index: number;
  readonly count: number;
  readonly papers: readonly ParsedPaper[];
  readonly diagnostics: readonly ParseDiagnostic[];
  /** Total number of papers in the whole dump, for progress display. */
  readonly totalPapers: number;
}

/** What the renderer's merge of one batch did. */
export interface MergeCounts {
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
}

/** The renderer's acknowledgement that a batch is durably committed. */
export interface ImportAck {
  readonly importId: string;
  readonly index: number;
  readonly counts: MergeCounts;
}

/**
 * Outcome of a file that produced no batches: not a dump, already imported, unreadable, too big.
 * Sent so the UI can explain it; nothing in the library changes.
 */
export interface ImportNotice {
  readonly file: string;
  readonly origin: ImportOrigin;
  readonly kind: 'rejected' | 'already-imported' | 'failed';
  readonly message: string;
  readonly at: string;
}

/** A file handed over by the renderer (dropped or picked): its name and raw bytes. */
export interface IncomingFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** Main's immediate answer to a request to import files or text. */
export interface ImportRequestResult {
  /** Files accepted into the pipeline (their batches follow as events). */
  readonly accepted: readonly string[];
  /** Files refused right away, with the reason (each also arrives as an ImportNotice). */
  readonly refused: readonly { readonly file: string; readonly message: string }[];
}

/** State of the watched inbox folder. */
export interface InboxStatus {
  readonly folder: string;
  readonly state: 'watching' | 'starting' | 'error';
  /** Human-readable problem when `state` is 'error' (missing folder, permission denied…). */
  readonly message: string | null;
}
