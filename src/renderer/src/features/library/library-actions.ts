import {
  addTagByName,
  beginStatusChange,
  deleteTag,
  describeDbError,
  getLibrary,
  mergeTags,
  moveInQueue,
  moveToQueueBottom,
  moveToQueueTop,
  removeTagFromPapers,
  renameTag,
  restoreEntries,
  restoreTag,
  setStatus,
  setTagColor,
  type PaperStatus,
  type UndoRecord,
} from '../../db';
import { errorMessage } from '../../../../shared/error-message';
import type { PaperQueueApi } from '../../../../shared/ipc-contract';
import { showToast } from '../toasts/toast-store';
import { pushUndo, undoWaitsFor } from '../undo/undo-stack';

const STATUS_VERBS: Readonly<Record<PaperStatus, string>> = {
  inbox: 'Moved back to the inbox',
  queued: 'Added to the queue',
  reading: 'Started reading',
  read: 'Marked read',
  dismissed: 'Dismissed',
};

function papers(count: number): string {
  return count === 1 ? '1 paper' : `${count} papers`;
}

/** Runs a library write; failures become an error toast (nothing is half-written: each is one transaction). */
async function attempt<T>(title: string, write: () => Promise<T>): Promise<T | undefined> {
  try {
    return await write();
  } catch (error) {
    showToast({ kind: 'error', title, detail: describeDbError(error) });
    return undefined;
  }
}

function undoable(label: string, undo: UndoRecord | undefined): void {
  if (
    !undo ||
    (undo.entries.length === 0 &&
      undo.tagsToRestore.length === 0 &&
      undo.tagIdsToDelete.length === 0)
  )
    return;
  pushUndo({ label, undo: () => restoreEntries(getLibrary(), undo) });
}

/** A paper an action applies to, with the status it has now (for the optimistic counts). */
export interface PaperRef {
  readonly id: string;
  readonly status: PaperStatus;
}

let statusWrites: Promise<unknown> = Promise.resolve();

/**
 * Changes the status of papers, with Undo. The views show the change at once; the writes follow
 * one after another in the order they were asked for (so fast key repeat applies every press in
 * order), and a write that fails is taken back on screen and explained.
 */
export function changeStatus(targets: readonly PaperRef[], status: PaperStatus): Promise<void> {
  const changing = targets.filter((paper) => paper.status !== status);
  if (changing.length === 0) return Promise.resolve();
  const shown = beginStatusChange(changing, status);
  const ids = changing.map((paper) => paper.id);
  const done = statusWrites.then(async () => {
    const undo = await attempt('Could not change the status', () =>
      setStatus(getLibrary(), ids, status),
    );
    shown.settle();
    undoable(`${STATUS_VERBS[status]}: ${papers(ids.length)}`, undo);
  });
  statusWrites = done;
  undoWaitsFor(done);
  return done;
}

/** Moves a queued paper to a position (0-based), to the top or to the bottom, with Undo. */
export async function moveQueued(id: string, target: number | 'top' | 'bottom'): Promise<void> {
  const db = getLibrary();
  const undo = await attempt('Could not reorder the queue', () =>
    target === 'top'
      ? moveToQueueTop(db, id)
      : target === 'bottom'
        ? moveToQueueBottom(db, id)
        : moveInQueue(db, id, target),
  );
  if (undo) undoable('Reordered the queue', undo);
}

let tagWrites: Promise<unknown> = Promise.resolve();

/**
 * Adds a tag by name (creating it if needed) to papers, with Undo for bulk tagging. Tags typed in
 * quick succession are written one after another in the order typed. Returns whether it worked.
 */
export function tagPapers(ids: readonly string[], name: string): Promise<boolean> {
  const done = tagWrites.then(async () => {
    const result = await attempt(`Could not add the tag “${name}”`, () =>
      addTagByName(getLibrary(), ids, name),
    );
    if (!result) return false;
    if (ids.length > 1) undoable(`Tagged ${papers(ids.length)} “${result.tag.name}”`, result.undo);
    return true;
  });
  tagWrites = done;
  undoWaitsFor(done);
  return done;
}

/** Removes a tag from papers, with Undo for bulk removals. */
export async function untagPapers(
  ids: readonly string[],
  tagId: string,
  tagName: string,
): Promise<void> {
  const undo = await attempt('Could not remove the tag', () =>
    removeTagFromPapers(getLibrary(), tagId, ids),
  );
  if (ids.length > 1) undoable(`Removed “${tagName}” from ${papers(ids.length)}`, undo);
}

/** Renames a tag; a clash with another tag's name is explained (merge is the way to combine). */
export async function renameTagTo(tagId: string, name: string): Promise<boolean> {
  const undo = await attempt('Could not rename the tag', () =>
    renameTag(getLibrary(), tagId, name),
  );
  if (!undo) return false;
  undoable(`Renamed tag to “${name.trim()}”`, undo);
  return true;
}

/** Merges one tag into another, with Undo. */
export async function mergeTagInto(fromId: string, intoId: string, label: string): Promise<void> {
  const undo = await attempt('Could not merge the tags', () =>
    mergeTags(getLibrary(), fromId, intoId),
  );
  undoable(label, undo);
}

/** Recolours a tag. */
export async function recolorTag(tagId: string, color: string): Promise<void> {
  await attempt('Could not change the colour', () => setTagColor(getLibrary(), tagId, color));
}

/** Deletes a tag (removing it from every paper), with Undo that restores it everywhere. */
export async function removeTag(tagId: string, name: string): Promise<void> {
  const snapshot = await attempt('Could not delete the tag', () => deleteTag(getLibrary(), tagId));
  if (!snapshot) return;
  pushUndo({
    label: `Deleted tag “${name}” from ${papers(snapshot.paperIds.length)}`,
    undo: () => restoreTag(getLibrary(), snapshot),
  });
}

/**
 * Opens a link outside the app (the browser; the mail program for mailto). Main refuses anything
 * but http(s) and plain mailto links; a refusal or a failure is explained, never left unhandled.
 */
export function openExternalLink(api: Pick<PaperQueueApi, 'openExternal'>, url: string): void {
  const title = 'Could not open the link';
  api.openExternal(url).then(
    (opened) => {
      if (!opened) {
        showToast({
          kind: 'error',
          title,
          detail: `Paper Queue opens only web (http, https) and e-mail (mailto) links: ${url}`,
        });
      }
    },
    (error: unknown) => showToast({ kind: 'error', title, detail: errorMessage(error) }),
  );
}
