/**
 * A loaded list kept current without reading the whole view again: a full read (the base) plus
 * patches of the few papers that changed since, plus the user's unconfirmed status changes. A
 * key press in a 50k-paper list therefore costs one pass over the array, not a 50k-row query.
 */
import { mergeSorted, rowInView, type LibraryView, type SortableRow } from './list-rows';
import { statusChanged, stillPending, type PendingStatus } from './optimistic-status';

type Compare = (a: SortableRow, b: SortableRow) => number;

/**
 * `sorted` with the rows of `changes` replaced: a changed paper leaves its old place and, when it
 * (still) belongs in `view`, is merged in at its sorted place; null means the paper is gone.
 */
export function patchRows(
  sorted: readonly SortableRow[],
  changes: ReadonlyMap<string, SortableRow | null>,
  view: LibraryView,
  compare: Compare,
): SortableRow[] {
  if (changes.size === 0) return [...sorted];
  const kept = sorted.filter((item) => !changes.has(item.row.id));
  const added: SortableRow[] = [];
  for (const item of changes.values())
    if (item !== null && rowInView(view, item.row)) added.push(item);
  return mergeSorted(kept, added.sort(compare), compare);
}

/** A full read of the view and the change sequence it started at. */
export interface RowsBase {
  readonly rows: readonly SortableRow[];
  readonly since: number;
}

/**
 * The committed rows of one view and sort: the latest base with every later patch applied.
 * `appliedSeq` is the change sequence the rows are current to.
 */
export class ViewRowsModel {
  private base: RowsBase | null = null;
  private readonly patches = new Map<string, { seq: number; row: SortableRow | null }>();
  private committed: SortableRow[] | null = null;

  constructor(
    private readonly view: LibraryView,
    private readonly compare: Compare,
    public appliedSeq: number,
  ) {}

  /** Installs a new full read; patches it already contains are dropped, later ones re-applied. */
  setBase(base: RowsBase): void {
    this.base = base;
    const later = new Map<string, SortableRow | null>();
    for (const [id, patch] of this.patches) {
      if (patch.seq <= base.since) this.patches.delete(id);
      else later.set(id, patch.row);
    }
    this.committed = patchRows(base.rows, later, this.view, this.compare);
  }

  /** Applies the current rows of papers announced as change `seq`. */
  applyPatch(seq: number, rows: ReadonlyMap<string, SortableRow | null>): void {
    this.appliedSeq = Math.max(this.appliedSeq, seq);
    if (this.base === null || seq <= this.base.since) return;
    for (const [id, row] of rows) this.patches.set(id, { seq, row });
    if (this.committed) this.committed = patchRows(this.committed, rows, this.view, this.compare);
  }

  /** Marks change `seq` as handled without a patch (a full read will cover it). */
  skip(seq: number): void {
    this.appliedSeq = Math.max(this.appliedSeq, seq);
  }

  /** The committed rows with the unconfirmed status changes shown on top; null before any read. */
  display(pending: readonly PendingStatus[]): SortableRow[] | null {
    const committed = this.committed;
    if (committed === null) return null;
    const live = pending.filter((change) => stillPending(change, this.appliedSeq));
    if (live.length === 0) return committed;
    const ids = new Set(live.flatMap((change) => [...change.from.keys()]));
    const current = new Map<string, SortableRow>();
    for (const item of committed) if (ids.has(item.row.id)) current.set(item.row.id, item);
    const changes = new Map<string, SortableRow | null>();
    for (const change of live) {
      for (const id of change.from.keys()) {
        const item = changes.get(id) ?? current.get(id);
        if (!item) continue;
        changes.set(id, { ...item, row: statusChanged(item.row, change.status, change.at) });
      }
    }
    return patchRows(committed, changes, this.view, this.compare);
  }
}
