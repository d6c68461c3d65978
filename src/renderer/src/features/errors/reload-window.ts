import { flushNoteDrafts } from '../notes/note-drafts';

/** Longest a reload waits for note drafts to be saved. */
const FLUSH_BEFORE_RELOAD_MS = 2000;

/**
 * Reloads the window (the way out of a failed render or a library closed by another window),
 * first saving the note drafts a reload would lose, waiting for that at most 2 s.
 */
export function reloadWindow(): void {
  const limit = new Promise<void>((resolve) => setTimeout(resolve, FLUSH_BEFORE_RELOAD_MS));
  void Promise.race([flushNoteDrafts(), limit]).finally(() => window.location.reload());
}
