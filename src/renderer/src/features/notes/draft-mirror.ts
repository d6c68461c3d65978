/**
 * A synchronous copy of the unsaved note drafts, so text typed in the last moments before the
 * window was reloaded or the renderer crashed (before the autosave ran) is saved on next start.
 */

/** Where unsaved drafts are mirrored: paper id → text. */
export interface DraftMirror {
  /** Replaces the mirrored drafts; must finish before it returns (a crash may follow). */
  write(drafts: ReadonlyMap<string, string>): void;
  read(): Map<string, string>;
}

const STORAGE_KEY = 'paper-queue:unsaved-notes';

/**
 * The mirror in localStorage, whose writes are synchronous. A full or unavailable localStorage
 * only loses this extra safety net: the drafts themselves stay in memory and are saved as usual.
 */
export const localStorageMirror: DraftMirror = {
  write(drafts) {
    try {
      if (drafts.size === 0) localStorage.removeItem(STORAGE_KEY);
      else localStorage.setItem(STORAGE_KEY, JSON.stringify([...drafts]));
    } catch {
      // See above: the mirror is a second copy, never the only one.
    }
  },
  read() {
    try {
      const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
      if (!Array.isArray(parsed)) return new Map();
      return new Map(
        parsed.filter(
          (item): item is [string, string] =>
            Array.isArray(item) && typeof item[0] === 'string' && typeof item[1] === 'string',
        ),
      );
    } catch {
      return new Map();
    }
  },
};
