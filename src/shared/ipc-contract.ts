/**
 * The one IPC contract between main and renderer. Every channel is declared here once, with its
 * payload types, its run-time payload validator and the name of the preload API function that
 * carries it. Main registers handlers only through the typed helper that applies these validators;
 * the preload and the test bridge build `window.paperQueue` from the same maps, so the API the
 * renderer sees can never drift from what main handles.
 */
import type {
  AppendRequest,
  BackupBeginRequest,
  BackupCommitRequest,
  BackupSource,
  ExportBeginRequest,
  ExportFileRequest,
  ExportResult,
  OpenBackupResult,
  ReadChunk,
  SavedFile,
  SessionRequest,
  SnapshotInfo,
  WriteSessionInfo,
} from './backup-types';
import {
  isAppendRequest,
  isBackupBeginRequest,
  isBackupCommitRequest,
  isBackupSource,
  isExportBeginRequest,
  isExportFileRequest,
  isReaderRequest,
  isSessionRequest,
} from './backup-validators';
import type {
  ImportAck,
  ImportBatch,
  ImportFailure,
  ImportRequestResult,
  ImportRunProgress,
  InboxStatus,
  IncomingFile,
  RendererHello,
} from './import-types';
import type { AppInfo, AppSettings, MenuCommand, UiPreferences } from './settings';
import {
  isFlushAnswer,
  isImportAck,
  isImportFailure,
  isIncomingFileList,
  isNoPayload,
  isPastedText,
  isUiPreferences,
  isRendererHello,
  isUrlRequest,
  type FlushAnswer,
  type FlushRequest,
} from './ipc-validators';

/** Request/response channels (renderer → main, awaited). `null` means "no payload". */
export interface InvokeContract {
  'app:info': { request: null; response: AppInfo };
  'settings:get': { request: null; response: AppSettings };
  'settings:set-preferences': { request: UiPreferences; response: AppSettings };
  'inbox:choose-folder': { request: null; response: AppSettings | null };
  'inbox:reveal': { request: null; response: null };
  'import:pick-files': { request: null; response: ImportRequestResult };
  'import:files': { request: readonly IncomingFile[]; response: ImportRequestResult };
  'import:text': { request: string; response: ImportRequestResult };
  'import:samples': { request: null; response: ImportRequestResult };
  'import:ack': { request: ImportAck; response: null };
  'import:fail': { request: ImportFailure; response: null };
  'renderer:ready': { request: RendererHello; response: InboxStatus };
  'inbox:reimport': { request: null; response: { readonly queued: number } };
  'shell:open-external': { request: string; response: boolean };
  'backup:begin': { request: BackupBeginRequest; response: WriteSessionInfo | null };
  'backup:append': { request: AppendRequest; response: null };
  'backup:commit': { request: BackupCommitRequest; response: SavedFile };
  'backup:abort': { request: SessionRequest; response: null };
  'backup:list-snapshots': { request: null; response: readonly SnapshotInfo[] };
  'backup:reveal-snapshots': { request: null; response: null };
  'backup:open': { request: BackupSource; response: OpenBackupResult };
  'backup:read': { request: { readonly readerId: string }; response: ReadChunk };
  'backup:close': { request: { readonly readerId: string }; response: null };
  'export:begin': { request: ExportBeginRequest; response: WriteSessionInfo | null };
  'export:append': { request: AppendRequest; response: null };
  'export:add-file': { request: ExportFileRequest; response: null };
  'export:commit': { request: SessionRequest; response: ExportResult };
  'export:abort': { request: SessionRequest; response: null };
  /** The answer to `renderer:flush-request` (pending edits saved, or not). */
  'renderer:flushed': { request: FlushAnswer; response: null };
}

/** Event channels (main → renderer, fire and forget). */
export interface EventContract {
  'import:batch': ImportBatch;
  'import:progress': ImportRunProgress;
  'inbox:status': InboxStatus;
  'menu:command': MenuCommand;
  /** Save pending edits now (the window is closing); answered with `renderer:flushed`. */
  'renderer:flush-request': FlushRequest;
}

export type InvokeChannel = keyof InvokeContract;
export type EventChannel = keyof EventContract;
export type RequestOf<C extends InvokeChannel> = InvokeContract[C]['request'];
export type ResponseOf<C extends InvokeChannel> = InvokeContract[C]['response'];

/** Run-time validators: a payload that fails its validator is rejected before any handler runs. */
export const REQUEST_VALIDATORS: {
  readonly [C in InvokeChannel]: (payload: unknown) => payload is RequestOf<C>;
} = {
  'app:info': isNoPayload,
  'settings:get': isNoPayload,
  'settings:set-preferences': isUiPreferences,
  'inbox:choose-folder': isNoPayload,
  'inbox:reveal': isNoPayload,
  'import:pick-files': isNoPayload,
  'import:files': isIncomingFileList,
  'import:text': isPastedText,
  'import:samples': isNoPayload,
  'import:ack': isImportAck,
  'import:fail': isImportFailure,
  'renderer:ready': isRendererHello,
  'inbox:reimport': isNoPayload,
  'shell:open-external': isUrlRequest,
  'backup:begin': isBackupBeginRequest,
  'backup:append': isAppendRequest,
  'backup:commit': isBackupCommitRequest,
  'backup:abort': isSessionRequest,
  'backup:list-snapshots': isNoPayload,
  'backup:reveal-snapshots': isNoPayload,
  'backup:open': isBackupSource,
  'backup:read': isReaderRequest,
  'backup:close': isReaderRequest,
  'export:begin': isExportBeginRequest,
  'export:append': isAppendRequest,
  'export:add-file': isExportFileRequest,
  'export:commit': isSessionRequest,
  'export:abort': isSessionRequest,
  'renderer:flushed': isFlushAnswer,
};

/** Preload function name for each invoke channel: one function per message. */
export const INVOKE_FUNCTIONS = {
  getAppInfo: 'app:info',
  getSettings: 'settings:get',
  setPreferences: 'settings:set-preferences',
  chooseInboxFolder: 'inbox:choose-folder',
  revealInboxFolder: 'inbox:reveal',
  pickFilesToImport: 'import:pick-files',
  importFiles: 'import:files',
  importText: 'import:text',
  importSamples: 'import:samples',
  acknowledgeBatch: 'import:ack',
  reportBatchFailure: 'import:fail',
  rendererReady: 'renderer:ready',
  reimportInbox: 'inbox:reimport',
  openExternal: 'shell:open-external',
  beginBackup: 'backup:begin',
  appendBackup: 'backup:append',
  commitBackup: 'backup:commit',
  abortBackup: 'backup:abort',
  listSnapshots: 'backup:list-snapshots',
  revealSnapshots: 'backup:reveal-snapshots',
  openBackup: 'backup:open',
  readBackup: 'backup:read',
  closeBackup: 'backup:close',
  beginExport: 'export:begin',
  appendExport: 'export:append',
  addExportFile: 'export:add-file',
  commitExport: 'export:commit',
  abortExport: 'export:abort',
  answerFlushRequest: 'renderer:flushed',
} as const satisfies Record<string, InvokeChannel>;

/** Preload subscription name for each event channel. */
export const EVENT_FUNCTIONS = {
  onImportBatch: 'import:batch',
  onImportProgress: 'import:progress',
  onInboxStatus: 'inbox:status',
  onMenuCommand: 'menu:command',
  onFlushRequest: 'renderer:flush-request',
} as const satisfies Record<string, EventChannel>;

type InvokeFunctions = typeof INVOKE_FUNCTIONS;
type EventFunctions = typeof EVENT_FUNCTIONS;

/** Removes a subscription made through the preload API. */
export type Unsubscribe = () => void;

/**
 * The object the preload exposes as `window.paperQueue`. Functions without a payload take no
 * argument; subscriptions return their unsubscribe function.
 */
export type PaperQueueApi = {
  readonly [F in keyof InvokeFunctions]: RequestOf<InvokeFunctions[F]> extends null
    ? () => Promise<ResponseOf<InvokeFunctions[F]>>
    : (payload: RequestOf<InvokeFunctions[F]>) => Promise<ResponseOf<InvokeFunctions[F]>>;
} & {
  readonly [F in keyof EventFunctions]: (
    listener: (payload: EventContract[EventFunctions[F]]) => void,
  ) => Unsubscribe;
};

/** Name under which the preload exposes the API on `window`. */
export const API_GLOBAL_NAME = 'paperQueue';
