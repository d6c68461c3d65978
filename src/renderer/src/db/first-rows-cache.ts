/**
 * The first screen of recently shown lists, kept in localStorage so a cold start paints rows at
 * once instead of after reading (and sorting) every paper of a 50k-paper view. A cache only: it
 * is shown until the view's first full read arrives, which replaces it, and a missing or damaged
 * entry is simply ignored.
 */
import type { PaperRow } from './list-rows';

const STORAGE_KEY = 'paper-queue.first-rows.v2';
/** Rows kept per view: more than the tallest window shows. */
export const FIRST_ROWS = 80;
/** Views kept (the most recently shown). */
const VIEWS_KEPT = 4;

interface Stored {
  readonly key: string;
  readonly rows: readonly PaperRow[];
}

function isPaperRow(value: unknown): value is PaperRow {
  if (typeof value !== 'object' || value === null) return false;
  const fields = value as Record<string, unknown>;
  return (
    typeof fields['titleSort'] === 'string' &&
    typeof fields['id'] === 'string' &&
    typeof fields['title'] === 'string' &&
    typeof fields['status'] === 'string' &&
    Array.isArray(fields['tagIds'])
  );
}

function readAll(): Stored[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (entry: unknown): entry is Stored =>
        typeof entry === 'object' &&
        entry !== null &&
        typeof (entry as Stored).key === 'string' &&
        Array.isArray((entry as Stored).rows) &&
        (entry as Stored).rows.every(isPaperRow),
    );
  } catch {
    return [];
  }
}

/** The remembered first rows of view-and-sort `key`, or null. */
export function cachedFirstRows(key: string): readonly PaperRow[] | null {
  return readAll().find((entry) => entry.key === key)?.rows ?? null;
}

/** Remembers the first rows of view-and-sort `key` (storage errors are ignored: it is a cache). */
export function rememberFirstRows(key: string, rows: readonly PaperRow[]): void {
  const others = readAll().filter((entry) => entry.key !== key);
  const next = [{ key, rows: rows.slice(0, FIRST_ROWS) }, ...others].slice(0, VIEWS_KEPT);
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  } catch {
    // Full or unavailable storage only costs the next cold start its head start.
  }
}
