/**
 * Payloads of the backup, snapshot, restore and export channels. Main owns every path: the
 * renderer names a session, a snapshot by its file name or asks for a dialog, never a path.
 */
import type { BackupHeader, BackupKind, BackupTrailer, SnapshotKind } from './backup-format';

/** Starts writing a backup: `manual` asks the user where (a save dialog), others are snapshots. */
export interface BackupBeginRequest {
  readonly kind: BackupKind;
  /** Library schema version of the rows that follow. */
  readonly schemaVersion: number;
}

/** A file being written: its session and the name it will have. */
export interface WriteSessionInfo {
  readonly sessionId: string;
  readonly fileName: string;
}

/** One chunk of text for a write session; `seq` counts from 0 so main appends in order. */
export interface AppendRequest {
  readonly sessionId: string;
  readonly seq: number;
  readonly text: string;
}

/** Finishes a backup: the rows per table the renderer sent (main checks the line count). */
export interface BackupCommitRequest {
  readonly sessionId: string;
  readonly tables: Readonly<Record<string, number>>;
}

/** A session that names only itself (commit of an export, abort). */
export interface SessionRequest {
  readonly sessionId: string;
}

/** A finished file. */
export interface SavedFile {
  readonly path: string;
  readonly fileName: string;
  readonly bytes: number;
}

/** One automatic snapshot in the snapshots folder. */
export interface SnapshotInfo {
  readonly name: string;
  readonly kind: SnapshotKind;
  readonly createdAt: string;
  readonly bytes: number;
}

/** What to restore from: a file the user picks, or a snapshot by name. */
export type BackupSource =
  { readonly kind: 'file' } | { readonly kind: 'snapshot'; readonly name: string };

/** Main's answer to opening a backup: checked envelope and a reader, a refusal, or a cancel. */
export type OpenBackupResult =
  | {
      readonly status: 'opened';
      readonly readerId: string;
      readonly fileName: string;
      readonly bytes: number;
      readonly header: BackupHeader;
      readonly trailer: BackupTrailer;
    }
  | { readonly status: 'refused'; readonly fileName: string; readonly reason: string }
  | { readonly status: 'cancelled' };

/** The next whole record lines of an open backup; `done` when none are left. */
export interface ReadChunk {
  readonly text: string;
  /** 1-based file line number of the first line in `text`. */
  readonly firstLine: number;
  readonly done: boolean;
}

/** Formats the library can be exported to. */
export type ExportFormat = 'markdown' | 'csv' | 'bibtex' | 'csl-json';

/** Starts an export: one file (save dialog) or a folder of files (folder dialog). */
export interface ExportBeginRequest {
  readonly format: ExportFormat;
  readonly layout: 'file' | 'folder';
  /** File name proposed in the save dialog, or the name of the folder created for the files. */
  readonly suggestedName: string;
}

/** One whole file of a folder export. */
export interface ExportFileRequest {
  readonly sessionId: string;
  readonly name: string;
  readonly text: string;
}

/** A finished export: where it is and how many files it wrote. */
export interface ExportResult {
  readonly path: string;
  readonly files: number;
}
