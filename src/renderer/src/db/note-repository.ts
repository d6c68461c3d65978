/** Markdown notes on papers. */
import { updateEntries } from './entry-updates';
import type { LibraryDb } from './schema';
import type { UndoRecord } from './undo';

/** Longest note accepted, in UTF-16 code units (string length). Keeps entries small to load. */
export const MAX_NOTE_LENGTH = 200_000;

/** Thrown when a note exceeds `MAX_NOTE_LENGTH`; the message can be shown as is. */
export class NoteTooLongError extends Error {
  constructor(readonly length: number) {
    super(
      `This note has ${length.toLocaleString('en')} characters; notes can have at most ${MAX_NOTE_LENGTH.toLocaleString('en')}. Nothing was saved.`,
    );
    this.name = 'NoteTooLongError';
  }
}

/**
 * Replaces a paper's note (markdown, stored as given) and sets `changedAt`; an identical note is a
 * no-op. Returns the undo record. Throws `NoteTooLongError` / `UnknownPaperError`.
 */
export async function setNote(
  db: LibraryDb,
  paperId: string,
  markdown: string,
  now: Date = new Date(),
): Promise<UndoRecord> {
  if (markdown.length > MAX_NOTE_LENGTH) throw new NoteTooLongError(markdown.length);
  const at = now.toISOString();
  return updateEntries(db, [paperId], ['note', 'changedAt'], (entry) =>
    entry.note === markdown ? null : { ...entry, note: markdown, changedAt: at },
  );
}
