import { Dexie } from 'dexie';
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  addHighlight,
  deleteHighlight,
  mergeImportBatch,
  mergeRestore,
  previewRestore,
  replaceRestore,
  setHighlightComment,
  type LibraryDb,
} from '../../../src/renderer/src/db';
import { dumpTables } from '../../../src/renderer/src/db/backup/dump-tables';
import { SCHEMA_V4 } from '../../../src/renderer/src/db/schema';
import {
  backUpLibraryTo,
  loadBackup,
  writeBackup,
} from '../../../src/renderer/src/features/backup/backup-runner';
import { at, batch, freshLibrary, paper } from '../db/helpers';
import { startBackupHarness, type BackupHarness } from './backup-harness';

const PAPERS = [
  paper({ id: 'alpha', title: 'Alpha', abstract: 'Alpha shows that small models suffice.' }),
  paper({ id: 'beta', title: 'Beta', abstract: 'Beta measures everything twice.', line: 2 }),
];

async function imported(): Promise<LibraryDb> {
  const db = freshLibrary();
  await mergeImportBatch(db, batch(PAPERS), at(0));
  return db;
}

async function backUp(harness: BackupHarness, db: LibraryDb, name: string) {
  harness.dialogs.savePath = join(harness.root, name);
  await backUpLibraryTo(harness.api, db, 'manual');
  harness.dialogs.backupFile = harness.dialogs.savePath;
  const loaded = await loadBackup(harness.api, { kind: 'file' });
  if (loaded.status !== 'ready') throw new Error(JSON.stringify(loaded));
  return { rows: loaded.rows, text: await readFile(harness.dialogs.savePath, 'utf8') };
}

const byId = (db: LibraryDb) => db.highlights.orderBy('id').toArray();

describe('highlights in backups', () => {
  it('writes highlight records and brings them back on replace', async () => {
    const harness = await startBackupHarness();
    const db = await imported();
    await addHighlight(db, { paperId: 'alpha', start: 0, end: 5, comment: 'who' }, at(1));
    await addHighlight(db, { paperId: 'beta', start: 15, end: 31, comment: '' }, at(2));
    const { rows, text } = await backUp(harness, db, 'with-highlights.json');
    expect(text.match(/\{"table":"highlights","row":/g)).toHaveLength(2);
    expect(text).toContain('"schemaVersion":5');
    const target = await imported();
    const preview = await previewRestore(target, rows);
    expect(preview.backup.highlights).toBe(2);
    expect(preview.replace).toMatchObject({ highlightsAdded: 2, highlightsRemoved: 0 });
    await replaceRestore(target, rows);
    expect(await byId(target)).toEqual(await byId(db));
  });

  it('merges: a deleted highlight comes back, the later comment wins, new ones stay', async () => {
    const harness = await startBackupHarness();
    const db = await imported();
    const kept = await addHighlight(
      db,
      { paperId: 'alpha', start: 0, end: 5, comment: 'a' },
      at(1),
    );
    const lost = await addHighlight(db, { paperId: 'beta', start: 0, end: 4, comment: 'b' }, at(2));
    const edited = await addHighlight(
      db,
      { paperId: 'beta', start: 5, end: 13, comment: 'c' },
      at(3),
    );
    const { rows } = await backUp(harness, db, 'before.json');
    await deleteHighlight(db, lost.id);
    await setHighlightComment(db, edited.id, 'c, edited after the backup', at(20));
    const added = await addHighlight(
      db,
      { paperId: 'alpha', start: 6, end: 11, comment: '' },
      at(21),
    );

    const preview = await previewRestore(db, rows);
    expect(preview.merge).toMatchObject({ highlightsAdded: 1, highlightsUpdated: 0 });
    expect(preview.replace).toMatchObject({ highlightsAdded: 1, highlightsRemoved: 1 });
    const counts = await mergeRestore(db, rows);
    expect(counts).toMatchObject({ highlightsAdded: 1, highlightsUpdated: 0 });
    const after = new Map((await byId(db)).map((h) => [h.id, h]));
    expect(after.get(kept.id)).toEqual(kept);
    expect(after.get(lost.id)).toEqual(lost);
    expect(after.get(edited.id)?.comment).toBe('c, edited after the backup');
    expect(after.get(added.id)).toEqual(added);
    expect(after.size).toBe(4);

    // The other way round: the backup holds the later edit.
    await setHighlightComment(db, kept.id, 'newest', at(30));
    const later = await backUp(harness, db, 'later.json');
    await setHighlightComment(db, kept.id, 'edited at an earlier clock', at(25));
    expect(await mergeRestore(db, later.rows)).toMatchObject({
      highlightsAdded: 0,
      highlightsUpdated: 1,
    });
    expect((await db.highlights.get(kept.id))?.comment).toBe('newest');
  });

  it('restores a backup written before highlights existed (schema 4)', async () => {
    const harness = await startBackupHarness();
    const name = `v4-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(4).stores(SCHEMA_V4);
    const source = await imported();
    await old.open();
    await old.table('papers').bulkAdd(await source.papers.toArray());
    await old.table('paperSummaries').bulkAdd(await source.paperSummaries.toArray());
    await old.table('entries').bulkAdd(await source.entries.toArray());
    harness.dialogs.savePath = join(harness.root, 'v4.json');
    await writeBackup(harness.api, 'manual', 4, (sink) =>
      dumpTables(old, ['entries', 'paperSummaries', 'papers'], sink),
    );
    old.close();
    await Dexie.delete(name);
    harness.dialogs.backupFile = harness.dialogs.savePath;
    const loaded = await loadBackup(harness.api, { kind: 'file' });
    if (loaded.status !== 'ready') throw new Error(JSON.stringify(loaded));
    expect(loaded.header.schemaVersion).toBe(4);
    expect(loaded.rows.highlights).toEqual([]);
    expect(loaded.rows.papers).toHaveLength(2);

    const db = await imported();
    const mine = await addHighlight(db, { paperId: 'alpha', start: 0, end: 5, comment: '' });
    await mergeRestore(db, loaded.rows);
    expect(await byId(db)).toEqual([mine]);
    await replaceRestore(db, loaded.rows);
    expect(await db.highlights.count()).toBe(0);
    expect(await db.papers.count()).toBe(2);
  });

  it('refuses a highlight without its paper or with an empty passage', async () => {
    const harness = await startBackupHarness();
    const db = await imported();
    await addHighlight(db, { paperId: 'alpha', start: 0, end: 5, comment: '' });
    const { text } = await backUp(harness, db, 'good.json');
    const path = join(harness.root, 'bad.json');
    harness.dialogs.backupFile = path;
    // The edits keep the byte length, so only the content check can catch them.
    for (const [from, to, reason] of [
      ['"paperId":"alpha","start"', '"paperId":"gamma","start"', /highlight for a paper/],
      ['"start":0,"end":5', '"start":5,"end":5', /\(highlights\) is invalid: start/],
    ] as const) {
      const lines = text.split('\n');
      const index = lines.findIndex((line) => line.includes('"table":"highlights"'));
      lines[index] = (lines[index] ?? '').replace(from, to);
      await writeFile(path, resealed(lines));
      const result = await loadBackup(harness.api, { kind: 'file' });
      expect(result.status).toBe('refused');
      if (result.status === 'refused') expect(result.reason).toMatch(reason);
    }
  });
});

/** The file with its trailer's checksum recomputed over the (edited) record lines. */
function resealed(lines: string[]): string {
  const records = lines.slice(1, -2);
  const body = records.map((line) => `${line}\n`).join('');
  const trailer = JSON.parse((lines[lines.length - 2] ?? '').slice(0, -2)) as {
    end: Record<string, unknown>;
  };
  const end = { ...trailer.end, sha256: createHash('sha256').update(body).digest('hex') };
  return `${lines[0]}\n${body}${JSON.stringify({ end })}]}\n`;
}
