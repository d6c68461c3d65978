/**
 * What a restore would do, computed without writing: the records a merge-restore writes, and the
 * counts the preview shows for both modes. Pure (no Dexie): the repository reads the library's
 * state, plans, and writes the plan in one transaction.
 */
import { defaultEntry } from '../import-repository';
import { QUEUE_RANK_STEP } from '../queue-repository';
import type {
  EntryRecord,
  HighlightRecord,
  ImportRecord,
  MetaRecord,
  PaperRecord,
  TagRecord,
} from '../types';
import type { BackupRows } from './backup-records';
import { isPristine, mergeEntries, mergePaperRecords } from './merge-records';

/** The parts of the library a plan compares against. */
export interface LibraryState {
  /** Stored papers that the backup also has, by id. */
  readonly papers: ReadonlyMap<string, PaperRecord>;
  /** Every stored entry, by paper id. */
  readonly entries: ReadonlyMap<string, EntryRecord>;
  readonly tags: readonly TagRecord[];
  /** Ids of every stored paper. */
  readonly paperIds: ReadonlySet<string>;
  readonly importIds: ReadonlySet<string>;
  readonly metaKeys: ReadonlySet<string>;
  /** `updatedAt` of every stored highlight, by id. */
  readonly highlights: ReadonlyMap<string, string>;
}

/** Counts shown before a merge-restore. */
export interface MergeCounts {
  readonly papersAdded: number;
  readonly papersUpdated: number;
  readonly entriesUpdated: number;
  readonly notesAdded: number;
  readonly notesChanged: number;
  readonly tagsAdded: number;
  readonly importsAdded: number;
  readonly highlightsAdded: number;
  /** Highlights whose comment was edited later in the backup than in the library. */
  readonly highlightsUpdated: number;
}

/** Counts shown before a replace-restore (what the library gains, changes and loses). */
export interface ReplaceCounts {
  readonly papersAdded: number;
  readonly papersRemoved: number;
  readonly entriesChanged: number;
  readonly notesAdded: number;
  readonly notesChanged: number;
  readonly notesRemoved: number;
  readonly tagsAdded: number;
  readonly tagsChanged: number;
  readonly tagsRemoved: number;
  readonly highlightsAdded: number;
  readonly highlightsRemoved: number;
}

/** The records a merge-restore writes. */
export interface MergeWrites {
  readonly papers: readonly PaperRecord[];
  readonly entries: readonly EntryRecord[];
  readonly tags: readonly TagRecord[];
  readonly imports: readonly ImportRecord[];
  readonly meta: readonly MetaRecord[];
  readonly highlights: readonly HighlightRecord[];
}

/** Backup tag ids → library tag ids (same name key), and the backup tags the library lacks. */
function mapTags(
  backupTags: readonly TagRecord[],
  library: readonly TagRecord[],
): { readonly ids: ReadonlyMap<string, string>; readonly added: TagRecord[] } {
  const byKey = new Map(library.map((tag) => [tag.nameKey, tag]));
  const usedIds = new Set(library.map((tag) => tag.id));
  const ids = new Map<string, string>();
  const added: TagRecord[] = [];
  for (const tag of backupTags) {
    const existing = byKey.get(tag.nameKey);
    if (existing) {
      ids.set(tag.id, existing.id);
      continue;
    }
    const id = usedIds.has(tag.id) ? crypto.randomUUID() : tag.id;
    usedIds.add(id);
    ids.set(tag.id, id);
    added.push({ ...tag, id });
  }
  return { ids, added };
}

/**
 * Plans a merge of `rows` into the library. Bibliographic data: `mergePaperRecords`; user data:
 * `mergeEntries` (newer change wins, tags united, notes kept). Papers the backup queues that were
 * not queued in the library join the end of the library's queue in the backup's order. Tags the
 * library has (same name) keep the library's colour; import history and settings rows are added
 * when the library does not have them. Highlights the library lacks are added (one deleted since
 * the backup comes back: a merge never removes user data); of one highlight on both sides, the
 * later edited wins.
 */
export function planMerge(
  rows: BackupRows,
  library: LibraryState,
): { readonly writes: MergeWrites; readonly counts: MergeCounts } {
  const tags = mapTags(rows.tags, library.tags);
  const backupEntries = new Map(rows.entries.map((entry) => [entry.paperId, entry]));
  const papers: PaperRecord[] = [];
  const entries: EntryRecord[] = [];
  const joiningQueue: { entry: EntryRecord; rank: number }[] = [];
  let papersAdded = 0;
  let entriesUpdated = 0;
  let notesAdded = 0;
  let notesChanged = 0;
  let lastRank = 0;
  for (const entry of library.entries.values())
    if (entry.queueRank !== null) lastRank = Math.max(lastRank, entry.queueRank);

  for (const paper of rows.papers) {
    const stored = library.papers.get(paper.id);
    const merged = stored ? mergePaperRecords(stored, paper) : paper;
    if (!stored) papersAdded += 1;
    if (merged !== stored) papers.push(merged);
    const raw = backupEntries.get(paper.id) ?? defaultEntry(paper.id, paper.firstSeenAt);
    const backup = { ...raw, tagIds: raw.tagIds.map((id) => tags.ids.get(id) ?? id) };
    const current = library.entries.get(paper.id);
    let next: EntryRecord;
    if (current && stored) {
      const pristine = { current: isPristine(current, stored), backup: isPristine(raw, paper) };
      const outcome = mergeEntries(current, backup, pristine);
      if (!outcome.changed) continue;
      next = outcome.entry;
      if (next.note !== current.note) {
        if (current.note === '') notesAdded += 1;
        else notesChanged += 1;
      }
      if (next.status === 'queued' && current.status === 'queued')
        next = { ...next, queueRank: current.queueRank };
    } else {
      next = backup;
      if (next.note !== '') notesAdded += 1;
    }
    entriesUpdated += 1;
    if (next.status === 'queued' && (current?.status !== 'queued' || !stored))
      joiningQueue.push({ entry: next, rank: next.queueRank ?? 0 });
    else entries.push(next);
  }
  joiningQueue.sort((a, b) => a.rank - b.rank);
  joiningQueue.forEach(({ entry }, i) =>
    entries.push({ ...entry, queueRank: lastRank + (i + 1) * QUEUE_RANK_STEP }),
  );
  const imports = rows.imports.filter((row) => !library.importIds.has(row.importId));
  const meta = rows.meta.filter((row) => !library.metaKeys.has(row.key));
  const highlights = rows.highlights.filter((row) => {
    const stored = library.highlights.get(row.id);
    return stored === undefined || row.updatedAt > stored;
  });
  const highlightsAdded = highlights.filter((row) => !library.highlights.has(row.id)).length;
  return {
    writes: { papers, entries, tags: tags.added, imports, meta, highlights },
    counts: {
      papersAdded,
      papersUpdated: papers.length - papersAdded,
      entriesUpdated,
      notesAdded,
      notesChanged,
      tagsAdded: tags.added.length,
      importsAdded: imports.length,
      highlightsAdded,
      highlightsUpdated: highlights.length - highlightsAdded,
    },
  };
}

/** Counts what replacing the library by `rows` would add, change and remove. */
export function countReplace(rows: BackupRows, library: LibraryState): ReplaceCounts {
  const backupIds = new Set(rows.papers.map((paper) => paper.id));
  const backupEntries = new Map(rows.entries.map((entry) => [entry.paperId, entry]));
  let entriesChanged = 0;
  let notesAdded = 0;
  let notesChanged = 0;
  let notesRemoved = 0;
  const libraryTagNames = new Map(library.tags.map((tag) => [tag.id, tag.nameKey]));
  const backupTagNames = new Map(rows.tags.map((tag) => [tag.id, tag.nameKey]));
  const names = (ids: readonly string[], by: ReadonlyMap<string, string>): string =>
    ids
      .map((id) => by.get(id) ?? id)
      .sort()
      .join('\n');
  for (const [paperId, current] of library.entries) {
    const backup = backupEntries.get(paperId);
    if (!backup) {
      if (current.note !== '') notesRemoved += 1;
      continue;
    }
    if (
      backup.status !== current.status ||
      backup.note !== current.note ||
      backup.queueRank !== current.queueRank ||
      names(backup.tagIds, backupTagNames) !== names(current.tagIds, libraryTagNames)
    )
      entriesChanged += 1;
    if (backup.note === current.note) continue;
    if (current.note === '') notesAdded += 1;
    else if (backup.note === '') notesRemoved += 1;
    else notesChanged += 1;
  }
  for (const entry of rows.entries)
    if (!library.entries.has(entry.paperId) && entry.note !== '') notesAdded += 1;
  const libraryTags = new Map(library.tags.map((tag) => [tag.nameKey, tag]));
  const backupKeys = new Set(rows.tags.map((tag) => tag.nameKey));
  const backupHighlights = new Set(rows.highlights.map((row) => row.id));
  let tagsChanged = 0;
  for (const tag of rows.tags) {
    const current = libraryTags.get(tag.nameKey);
    if (current && (current.name !== tag.name || current.color !== tag.color)) tagsChanged += 1;
  }
  return {
    papersAdded: rows.papers.filter((paper) => !library.paperIds.has(paper.id)).length,
    papersRemoved: [...library.paperIds].filter((id) => !backupIds.has(id)).length,
    entriesChanged,
    notesAdded,
    notesChanged,
    notesRemoved,
    tagsAdded: rows.tags.filter((tag) => !libraryTags.has(tag.nameKey)).length,
    tagsChanged,
    tagsRemoved: library.tags.filter((tag) => !backupKeys.has(tag.nameKey)).length,
    highlightsAdded: rows.highlights.filter((row) => !library.highlights.has(row.id)).length,
    highlightsRemoved: [...library.highlights.keys()].filter((id) => !backupHighlights.has(id))
      .length,
  };
}
