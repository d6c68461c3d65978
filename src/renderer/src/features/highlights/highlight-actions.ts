/**
 * The user's highlight actions: each write shows an error toast when it fails (nothing is
 * half-written: every write is one transaction) and offers Undo once it is durable.
 */
import {
  HighlightError,
  addHighlight,
  deleteHighlight,
  describeDbError,
  getLibrary,
  restoreHighlight,
  setHighlightComment,
  type HighlightRecord,
  type HighlightRequest,
} from '../../db';
import { showToast } from '../toasts/toast-store';
import { pushUndo } from '../undo/undo-stack';

async function attempt<T>(title: string, write: () => Promise<T>): Promise<T | undefined> {
  try {
    return await write();
  } catch (error) {
    const detail = error instanceof HighlightError ? error.message : describeDbError(error);
    showToast({ kind: 'error', title, detail });
    return undefined;
  }
}

/** A short form of a passage for toasts: its first words. */
function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 40 ? `${flat.slice(0, 39)}…` : flat;
}

/** Highlights a passage; true once it is saved. Undo deletes it again. */
export async function highlightPassage(request: HighlightRequest): Promise<boolean> {
  const made = await attempt('Could not save the highlight', () =>
    addHighlight(getLibrary(), request),
  );
  if (!made) return false;
  pushUndo({
    label: `Highlighted “${excerpt(made.text)}”`,
    undo: async () => {
      await deleteHighlight(getLibrary(), made.id);
    },
  });
  return true;
}

/** Replaces a highlight's comment; true once it is saved. Undo puts the old comment back. */
export async function editHighlightComment(
  highlight: HighlightRecord,
  comment: string,
): Promise<boolean> {
  if (comment.trim() === highlight.comment) return true;
  const before = await attempt('Could not save the comment', () =>
    setHighlightComment(getLibrary(), highlight.id, comment),
  );
  if (!before) return false;
  pushUndo({
    label: 'Edited a highlight’s comment',
    undo: () => restoreHighlight(getLibrary(), before),
  });
  return true;
}

/** Deletes a highlight. Undo brings it back as it was. */
export async function removeHighlight(highlight: HighlightRecord): Promise<void> {
  const removed = await attempt('Could not delete the highlight', () =>
    deleteHighlight(getLibrary(), highlight.id),
  );
  if (!removed) return;
  pushUndo({
    label: `Deleted the highlight “${excerpt(removed.text)}”`,
    undo: () => restoreHighlight(getLibrary(), removed),
  });
}
