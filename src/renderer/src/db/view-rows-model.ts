/**
 * A loaded list kept current without reading the whole view again: a full read (the base) plus
 * patches of the few papers that changed since, plus the user's unconfirmed status changes. A
 * key press in a 50k-paper list therefore costs a native array copy and a binary search, not a
 * 50k-row query.
 */
import { mergeSorted, rowInView, type LibraryView, type PaperRow } from './list-rows';
import { statusChanged, stillPending, type PendingStatus } from './optimistic-status';

type Compare = (a: PaperRow, b: PaperRow) => number;

/** Up to this many changed papers are moved one by one; more are merged in one pass. */
const SPLICE_LIMIT = 32;

/** The first index whose row sorts after `row` (rows are sorted by `compare`). */
function insertionIndex(rows: readonly PaperRow[], row: PaperRow, compare: Compare): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compare(rows[middle] as PaperRow, row) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

function indexOfId(rows: readonly PaperRow[], id: string): number {
  for (let i = 0; i < rows.length; i += 1) if ((rows[i] as PaperRow).id === id) return i;
  return -1;
}

/**
 * `sorted` with the rows of `changes` replaced: a changed paper leaves its old place and, when it
 * (still) belongs in `view`, goes in at its sorted place; null means the paper is gone.
 */
export function patchRows(
  sorted: readonly PaperRow[],
  changes: ReadonlyMap<string, PaperRow | null>,
  view: LibraryView,
  compare: Compare,
): PaperRow[] {
  if (changes.size > SPLICE_LIMIT) {
    const kept = sorted.filter((row) => !changes.has(row.id));
    const added: PaperRow[] = [];
    for (const row of changes.values()) if (row !== null && rowInView(view, row)) added.push(row);
    return mergeSorted(kept, added.sort(compare), compare);
  }
  const out = sorted.slice();
  for (const [id, row] of changes) {
    const old = indexOfId(out, id);
    if (old >= 0) out.splice(old, 1);
    if (row !== null && rowInView(view, row)) out.splice(insertionIndex(out, row, compare), 0, row);
  }
  return out;
}

/** A full read of the view and the change sequence it started at. */
export interface RowsBase {
  readonly rows: readonly PaperRow[];
  readonly since: number;
}

/**
 * The committed rows of one view and sort: the latest base with every later patch applied.
 * `appliedSeq` is the change sequence the rows are current to.
 */
export class ViewRowsModel {
  private base: RowsBase | null = null;
  private readonly patches = new Map<string, { seq: number; row: PaperRow | null }>();
  private committed: PaperRow[] | null = null;
  private shown: { committed: PaperRow[]; live: string; rows: PaperRow[] } | null = null;

  /** Whether a full read of the view has arrived (not just the provisional rows). */
  fullyRead = false;

  /**
   * `provisional` (remembered first rows of an earlier run) is shown until the first full read;
   * changes meanwhile are patched into it and re-applied to that read.
   */
  constructor(
    private readonly view: LibraryView,
    private readonly compare: Compare,
    public appliedSeq: number,
    provisional: readonly PaperRow[] | null = null,
  ) {
    if (provisional) this.setBase({ rows: provisional, since: -1 });
    this.fullyRead = false;
  }

  /** Installs a new full read; patches it already contains are dropped, later ones re-applied. */
  setBase(base: RowsBase): void {
    this.base = base;
    this.fullyRead = true;
    const later = new Map<string, PaperRow | null>();
    for (const [id, patch] of this.patches) {
      if (patch.seq <= base.since) this.patches.delete(id);
      else later.set(id, patch.row);
    }
    this.committed = patchRows(base.rows, later, this.view, this.compare);
  }

  /** Applies the current rows of papers announced as change `seq`. */
  applyPatch(seq: number, rows: ReadonlyMap<string, PaperRow | null>): void {
    this.appliedSeq = Math.max(this.appliedSeq, seq);
    if (this.base === null || seq <= this.base.since) return;
    for (const [id, row] of rows) this.patches.set(id, { seq, row });
    if (this.committed) this.committed = patchRows(this.committed, rows, this.view, this.compare);
  }

  /** Marks change `seq` as handled without a patch (a full read will cover it). */
  skip(seq: number): void {
    this.appliedSeq = Math.max(this.appliedSeq, seq);
  }

  /**
   * The committed rows with the unconfirmed status changes shown on top; null before any read.
   * Returns the same array as last time while neither the rows nor the changes shown differ.
   */
  display(pending: readonly PendingStatus[]): PaperRow[] | null {
    const committed = this.committed;
    if (committed === null) return null;
    const live = pending.filter((change) => stillPending(change, this.appliedSeq));
    const liveKey = live.map((change) => change.token).join(',');
    if (this.shown && this.shown.committed === committed && this.shown.live === liveKey)
      return this.shown.rows;
    let rows = committed;
    if (live.length > 0) {
      const changes = new Map<string, PaperRow | null>();
      for (const change of live) {
        for (const id of change.from.keys()) {
          const changed = changes.get(id);
          const index = changed ? -1 : indexOfId(committed, id);
          const row = changed ?? committed[index];
          if (row) changes.set(id, statusChanged(row, change.status, change.at));
        }
      }
      rows = patchRows(committed, changes, this.view, this.compare);
    }
    this.shown = { committed, live: liveKey, rows };
    return rows;
  }
}
