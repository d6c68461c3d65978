/**
 * Public API of the library database. Everything outside db/ imports from here (never from
 * Dexie): record types, repository functions (writes return undo records), reads, hooks, the
 * change feed and storage helpers.
 */
export type {
  EntryRecord,
  FieldListingDates,
  HighlightRecord,
  ImportRecord,
  MetaRecord,
  PaperRecord,
  PaperSource,
  PaperStatus,
  PaperSummary,
  TagRecord,
  UpvoteSighting,
} from './types';
export { MAX_HIGHLIGHT_COMMENT_LENGTH, PAPER_STATUSES } from './types';
export {
  CURRENT_SCHEMA_VERSION,
  DEFAULT_LIBRARY_NAME,
  LibraryDb,
  getLibrary,
  openLibrary,
} from './schema';
export { mergeImportBatch } from './import-repository';
export { libraryHello } from './library-identity';
export { setImportRunWaiting } from './import-activity';
export { openLibraryChecked, type LibraryOpenOutcome } from './open-library';
export { setStatus } from './status-repository';
export {
  MIN_QUEUE_RANK_GAP,
  NotQueuedError,
  QUEUE_RANK_STEP,
  getQueueIds,
  moveInQueue,
  moveToQueueBottom,
  moveToQueueTop,
} from './queue-repository';
export { MAX_TAG_NAME_LENGTH, TAG_PALETTE } from './tag-rules';
export {
  TagNameConflictError,
  UnknownTagError,
  createTag,
  deleteTag,
  mergeTags,
  renameTag,
  restoreTag,
  setTagColor,
  type TagSnapshot,
} from './tag-repository';
export { addTagByName, addTagToPapers, removeTagFromPapers } from './tag-assignment';
export { MAX_NOTE_LENGTH, NoteTooLongError, setNote } from './note-repository';
export { UnknownPaperError } from './entry-updates';
export {
  HighlightError,
  addHighlight,
  deleteHighlight,
  listHighlights,
  restoreHighlight,
  setHighlightComment,
  type HighlightRequest,
} from './highlight-repository';
export { EMPTY_UNDO, restoreEntries, type EntrySnapshot, type UndoRecord } from './undo';
export {
  getPaperDetail,
  getTagCounts,
  getViewCounts,
  listImports,
  listPaperRows,
  type LibraryView,
  type PaperDetail,
  type PaperRow,
  type PaperSort,
  type TagCount,
  type ViewCounts,
} from './queries';
export type { InsightPaper } from './insights';
export { loadSearchDocuments, type LibrarySearchDocument } from './search-documents';
export { readPaperRows } from './list-rows';
export {
  prefetchPaperDetails,
  useImports,
  useInsightPapers,
  usePaperDetail,
  usePaperHighlights,
  useTags,
  useViewRows,
  type ViewRows,
} from './hooks';
export { useViewCounts } from './library-snapshot';
export { beginStatusChange, usePendingStatus, type PendingStatus } from './optimistic-status';
export { onLibraryChanged, type LibraryChange, type LibraryChangeListener } from './change-feed';
export {
  describeDbError,
  estimateStorage,
  isLibraryError,
  isQuotaError,
  requestPersistentStorage,
  type PersistenceAnswer,
  type StorageEstimateResult,
} from './storage';
export {
  BACKUP_SCHEMA_VERSION,
  KEPT_NOTE_MARKER,
  backUpLibrary,
  isLibraryEmpty,
  mergeRestore,
  previewRestore,
  readBackupRows,
  replaceRestore,
  snapshotBeforeUpgrade,
  type BackupRows,
  type BackupSink,
  type ReplaceCounts,
  type RestoreMergeCounts,
  type RestorePreview,
  type SnapshotWriter,
  type TableDump,
} from './backup';
export { isImportActive } from './import-activity';
export {
  EXPORT_PAGE_SIZE,
  forEachExportPage,
  type ExportHighlight,
  type ExportItem,
} from './export-items';
