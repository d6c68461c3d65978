import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  listPaperRows,
  mergeImportBatch,
  setStatus,
  type PaperRow,
} from '../../../src/renderer/src/db';
import { changeSequence } from '../../../src/renderer/src/db/change-feed';
import { readPaperRows, rowComparator } from '../../../src/renderer/src/db/list-rows';
import type { PendingStatus } from '../../../src/renderer/src/db/optimistic-status';
import { patchRows, ViewRowsModel } from '../../../src/renderer/src/db/view-rows-model';
import { at, batch, freshLibrary, paper } from './helpers';

function row(id: string, status: PaperRow['status'], listingDate: string): PaperRow {
  return {
    id,
    title: `Paper ${id}`,
    titleSort: `paper ${id}`,
    organization: null,
    authors: null,
    published: null,
    listingDate,
    upvotes: null,
    status,
    tagIds: [],
    queueRank: null,
    readAt: null,
    changedAt: '2025-01-01T00:00:00.000Z',
    hasNote: false,
  };
}

const byListing = rowComparator('inbox', 'listing');
const ids = (rows: readonly PaperRow[] | null) => (rows ?? []).map((item) => item.id);

describe('patchRows', () => {
  it('equals sorting the list with the changed rows replaced, for any change', () => {
    const arbitraryRow = fc
      .tuple(fc.integer({ min: 0, max: 60 }), fc.boolean(), fc.integer({ min: 1, max: 28 }))
      .map(([n, inbox, day]) =>
        row(`p${n}`, inbox ? 'inbox' : 'read', `2025-01-${String(day).padStart(2, '0')}`),
      );
    fc.assert(
      fc.property(
        fc.uniqueArray(arbitraryRow, { selector: (item) => item.id }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.option(arbitraryRow))),
        (all, edits) => {
          const base = all.filter((item) => item.status === 'inbox').sort(byListing);
          const changes = new Map<string, PaperRow | null>();
          for (const [n, edit] of edits)
            changes.set(`p${n}`, edit ? { ...edit, id: `p${n}` } : null);
          const expected = [
            ...base.filter((item) => !changes.has(item.id)),
            ...[...changes.values()].filter(
              (item): item is PaperRow => item !== null && item.status === 'inbox',
            ),
          ].sort(byListing);
          expect(ids(patchRows(base, changes, 'inbox', byListing))).toEqual(ids(expected));
        },
      ),
    );
  });
});

describe('ViewRowsModel', () => {
  const base = [row('a', 'inbox', '2025-01-05'), row('b', 'inbox', '2025-01-04')];

  it('shows an unconfirmed status change at once and keeps it until a patch confirms it', () => {
    const model = new ViewRowsModel('inbox', byListing, 0);
    model.setBase({ rows: base, since: 0 });
    const pending: PendingStatus[] = [
      {
        token: 1,
        from: new Map([['a', 'inbox']]),
        status: 'queued',
        at: '2025-02-01T00:00:00.000Z',
        settledSeq: null,
        settledAt: null,
      },
    ];
    expect(ids(model.display(pending))).toEqual(['b']);
    // Settled at sequence 2 but the views have only seen 1: still shown.
    const settled = [{ ...pending[0], settledSeq: 2, settledAt: 1 } as PendingStatus];
    model.applyPatch(1, new Map());
    expect(ids(model.display(settled))).toEqual(['b']);
    // The patch of change 2 (the committed state) takes over.
    model.applyPatch(2, new Map([['a', { ...row('a', 'queued', '2025-01-05') }]]));
    expect(ids(model.display(settled))).toEqual(['b']);
    expect(ids(model.display([]))).toEqual(['b']);
  });

  it('shows the committed rows again when the write failed (settled without a change)', () => {
    const model = new ViewRowsModel('inbox', byListing, 5);
    model.setBase({ rows: base, since: 5 });
    const failed: PendingStatus = {
      token: 2,
      from: new Map([['a', 'inbox']]),
      status: 'dismissed',
      at: '2025-02-01T00:00:00.000Z',
      settledSeq: 5,
      settledAt: 1,
    };
    expect(ids(model.display([failed]))).toEqual(['a', 'b']);
  });

  it('re-applies patches newer than a full read that started before them', () => {
    const model = new ViewRowsModel('inbox', byListing, 0, [row('x', 'inbox', '2025-01-09')]);
    expect(model.fullyRead).toBe(false);
    expect(ids(model.display([]))).toEqual(['x']);
    model.applyPatch(3, new Map([['b', null]]));
    // A full read that started at sequence 2 still has b: the patch of change 3 removes it.
    model.setBase({ rows: base, since: 2 });
    expect(model.fullyRead).toBe(true);
    expect(ids(model.display([]))).toEqual(['a']);
    // A read that started after change 3 is taken as it is.
    model.setBase({ rows: [row('c', 'inbox', '2025-01-01')], since: 3 });
    expect(ids(model.display([]))).toEqual(['c']);
  });

  it('returns the same array while nothing shown changes', () => {
    const model = new ViewRowsModel('inbox', byListing, 0);
    model.setBase({ rows: base, since: 0 });
    expect(model.display([])).toBe(model.display([]));
  });
});

describe('reading changed rows back', () => {
  it('gives the committed rows of the named papers, null for unknown ones', async () => {
    const db = freshLibrary();
    await mergeImportBatch(db, batch([paper({ title: 'One' }), paper({ title: 'Two' })]), at(0));
    const before = changeSequence();
    await setStatus(db, ['one'], 'read', at(1));
    expect(changeSequence()).toBe(before + 1);
    const rows = await readPaperRows(db, ['one', 'two', 'missing']);
    expect(rows.get('one')?.status).toBe('read');
    expect(rows.get('two')?.status).toBe('inbox');
    expect(rows.get('missing')).toBeNull();
    const model = new ViewRowsModel('inbox', byListing, before);
    model.setBase({ rows: await listPaperRows(db, 'inbox', 'listing'), since: changeSequence() });
    expect(ids(model.display([]))).toEqual(['two']);
  });
});
