/**
 * Messages of the import pipeline. Main parses dumps and sends their papers to the renderer in
 * batches that may span several files; the renderer commits each batch in one IndexedDB
 * transaction and acknowledges it. Main records a file as imported only after every batch holding
 * its papers was acknowledged, so a crash mid-import simply re-imports the file on the next start
 * (merging is idempotent, so nothing is duplicated).
 */
import type { ListingFormat, ParseDiagnostic, ParsedPaper } from './paper';

/** Where an import came from; shown in Import History and kept as provenance. */
export type ImportOrigin =
  'watcher' | 'drop' | 'dialog' | 'paste' | 'samples' | 'startup-scan' | 'reimport';

/** Identifies the dump a segment belongs to. `hash` is the SHA-256 of the file's bytes. */
export interface ImportSource {
  readonly importId: string;
  /** The drop, scan or burst of inbox files this import belongs to (Import History groups by it). */
  readonly runId: string;
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
 * The papers of one file inside a batch. Segments of one file share `source`; `index` counts
 * from 0 to `count - 1` across batches; diagnostics travel with the last segment so the renderer
 * records them once.
 */
export interface ImportSegment {
  readonly source: ImportSource;
  readonly index: number;
  readonly count: number;
  readonly papers: readonly ParsedPaper[];
  readonly diagnostics: readonly ParseDiagnostic[];
  /** Total number of papers in the whole dump. */
  readonly totalPapers: number;
}

/**
 * Papers of one or more files, committed by the renderer in one transaction. Batches of one
 * stream are numbered from 0 and acknowledged in that order; a failed batch ends its stream (main
 * starts a new stream for what follows), so the renderer drops later batches of a failed stream.
 */
export interface ImportBatch {
  readonly streamId: string;
  readonly index: number;
  readonly segments: readonly ImportSegment[];
}

/** What the renderer's merge of a batch did, counted per file and paper id. */
export interface MergeCounts {
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
}

/** The renderer's acknowledgement that a batch is durably committed. */
export interface ImportAck {
  readonly streamId: string;
  readonly index: number;
  readonly counts: MergeCounts;
}

/** The renderer's report that committing a batch failed (disk full, quota): nothing of it is in. */
export interface ImportFailure {
  readonly streamId: string;
  readonly index: number;
  readonly message: string;
}

/** Why a file of a run produced no papers, or what went wrong around it. */
export interface ImportProblem {
  readonly file: string;
  /**
   * rejected: not a dump (or too large); already-imported: a user handed over known content;
   * failed: could not be read, written or committed (the file stays pending); warning: the papers
   * are in but something around them went wrong (e.g. the ledger could not be written).
   */
  readonly kind: 'rejected' | 'already-imported' | 'failed' | 'warning';
  readonly message: string;
}

/**
 * Progress of one import run: a drop, a dialog pick, the samples, the startup scan, a re-import of
 * the inbox, or a burst of files saved into the inbox. Files handed over while a run is open join
 * it. Sent when the run starts, at most a few times a second while it runs, and once finished.
 */
export interface ImportRunProgress {
  readonly runId: string;
  readonly origins: readonly ImportOrigin[];
  readonly startedAt: string;
  /** Set once every file of the run is imported, refused or failed. */
  readonly finishedAt: string | null;
  /** Files of the run so far (files found already imported by the watcher or scan are not counted). */
  readonly filesTotal: number;
  /** Files finished (imported, refused or failed). */
  readonly filesDone: number;
  /** Name of the file whose papers were sent most recently (null before the first). */
  readonly lastFile: string | null;
  readonly filesImported: number;
  /** Papers committed so far (per file and paper id). */
  readonly papers: number;
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Parser warnings in the imported files (listed per file in Import History). */
  readonly warnings: number;
  /** The first problems (at most `MAX_RUN_PROBLEMS`); `problemCount` counts them all. */
  readonly problems: readonly ImportProblem[];
  readonly problemCount: number;
}

/** Most problems a run progress message lists by name. */
export const MAX_RUN_PROBLEMS = 20;

/** A file handed over by the renderer (dropped or picked): its name and raw bytes. */
export interface IncomingFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** Main's immediate answer to a request to import files or text. */
export interface ImportRequestResult {
  /** Files accepted into the pipeline (their batches follow as events). */
  readonly accepted: readonly string[];
  /** Files refused right away, with the reason (each is also listed in the run's progress). */
  readonly refused: readonly { readonly file: string; readonly message: string }[];
}

/**
 * What the renderer tells main when it is ready: which library it holds (an id kept in
 * IndexedDB) and how many papers are in it. Main imports every inbox file this library has not
 * received yet, so a lost or reset IndexedDB gets its papers back.
 */
export interface RendererHello {
  readonly libraryId: string;
  readonly papers: number;
}

/** State of the watched inbox folder. */
export interface InboxStatus {
  readonly folder: string;
  readonly state: 'watching' | 'starting' | 'error';
  /** Human-readable problem when `state` is 'error' (missing folder, permission denied…). */
  readonly message: string | null;
}
