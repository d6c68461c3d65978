/**
 * Highlights: passages of a paper's abstract the user marked, each with an optional comment.
 * Every write is one transaction (strict durability, like every user write: see `LibraryDb`) and
 * notifies the change feed with the paper's id after it committed, so the search index and the
 * detail pane see it. Writes return what undoing them needs.
 */
import { emitLibraryChanged } from './change-feed';
import { UnknownPaperError } from './entry-updates';
import type { LibraryDb } from './schema';
import { MAX_HIGHLIGHT_COMMENT_LENGTH, type HighlightRecord } from './types';

/** Thrown when a highlight cannot be made or changed; the message can be shown as is. */
export class HighlightError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HighlightError';
  }
}

/** What a new highlight covers: `[start, end)` offsets into the paper's current abstract. */
export interface HighlightRequest {
  readonly paperId: string;
  readonly start: number;
  readonly end: number;
  readonly comment: string;
}

function checkComment(comment: string): void {
  if (comment.length > MAX_HIGHLIGHT_COMMENT_LENGTH)
    throw new HighlightError(
      `This comment has ${comment.length.toLocaleString('en')} characters; a highlight's comment can have at most ${MAX_HIGHLIGHT_COMMENT_LENGTH.toLocaleString('en')}. Nothing was saved.`,
    );
}

/**
 * Highlights `[start, end)` of the paper's abstract as it is stored now, quoting the passage.
 * Throws `UnknownPaperError` for a paper the library lacks and `HighlightError` for a range
 * outside the abstract, an empty or blank passage, or a comment that is too long.
 */
export async function addHighlight(
  db: LibraryDb,
  request: HighlightRequest,
  now: Date = new Date(),
): Promise<HighlightRecord> {
  checkComment(request.comment);
  const { paperId, start, end } = request;
  const record = await db.transaction('rw', db.papers, db.highlights, async () => {
    const paper = await db.papers.get(paperId);
    if (!paper) throw new UnknownPaperError([paperId]);
    if (
      !Number.isSafeInteger(start) ||
      !Number.isSafeInteger(end) ||
      start < 0 ||
      end > paper.abstract.length ||
      start >= end
    )
      throw new HighlightError('The selected passage is not part of the abstract.');
    const text = paper.abstract.slice(start, end);
    if (text.trim() === '') throw new HighlightError('Select some words of the abstract first.');
    const at = now.toISOString();
    const created: HighlightRecord = {
      id: crypto.randomUUID(),
      paperId,
      start,
      end,
      text,
      comment: request.comment.trim(),
      createdAt: at,
      updatedAt: at,
    };
    await db.highlights.add(created);
    return created;
  });
  emitLibraryChanged([paperId]);
  return record;
}

async function requireHighlight(db: LibraryDb, id: string): Promise<HighlightRecord> {
  const record = await db.highlights.get(id);
  if (!record) throw new HighlightError('This highlight no longer exists.');
  return record;
}

/**
 * Replaces a highlight's comment (trimmed) and sets `updatedAt`; the same comment changes
 * nothing. Returns the highlight as it was before, for undo (`restoreHighlight`).
 */
export async function setHighlightComment(
  db: LibraryDb,
  id: string,
  comment: string,
  now: Date = new Date(),
): Promise<HighlightRecord> {
  checkComment(comment);
  const trimmed = comment.trim();
  const before = await db.transaction('rw', db.highlights, async () => {
    const record = await requireHighlight(db, id);
    if (record.comment !== trimmed)
      await db.highlights.put({ ...record, comment: trimmed, updatedAt: now.toISOString() });
    return record;
  });
  if (before.comment !== trimmed) emitLibraryChanged([before.paperId]);
  return before;
}

/** Deletes a highlight; returns it, so `restoreHighlight` can undo the delete. */
export async function deleteHighlight(db: LibraryDb, id: string): Promise<HighlightRecord> {
  const removed = await db.transaction('rw', db.highlights, async () => {
    const record = await requireHighlight(db, id);
    await db.highlights.delete(id);
    return record;
  });
  emitLibraryChanged([removed.paperId]);
  return removed;
}

/**
 * Puts a highlight back as given (undo of a delete or a comment edit), stamped as changed `now`:
 * the undo is the newest change, so a later merge-restore of an older backup does not take it
 * back. Skipped when its paper is gone, so an undo never leaves a highlight without a paper.
 */
export async function restoreHighlight(
  db: LibraryDb,
  record: HighlightRecord,
  now: Date = new Date(),
): Promise<void> {
  const restored = await db.transaction('rw', db.papers, db.highlights, async () => {
    if ((await db.papers.get(record.paperId)) === undefined) return false;
    await db.highlights.put({ ...record, updatedAt: now.toISOString() });
    return true;
  });
  if (restored) emitLibraryChanged([record.paperId]);
}

/** A paper's highlights in the order their passages appear (then by creation). */
export async function listHighlights(db: LibraryDb, paperId: string): Promise<HighlightRecord[]> {
  const rows = await db.highlights.where('paperId').equals(paperId).toArray();
  return rows.sort(byPassageOrder);
}

/**
 * Orders highlights as their passages appear in the abstract (then by creation), the order the
 * detail pane, exports and search all list them in.
 */
export function byPassageOrder(a: HighlightRecord, b: HighlightRecord): number {
  return a.start - b.start || a.end - b.end || a.createdAt.localeCompare(b.createdAt);
}
