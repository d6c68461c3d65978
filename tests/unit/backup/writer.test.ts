import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { snapshotFileName, snapshotsToRemove } from '../../../src/main/core/backup/snapshot-store';
import { WriteSession } from '../../../src/main/core/backup/write-session';
import type { SnapshotInfo } from '../../../src/shared/backup-types';
import { startBackupHarness } from './backup-harness';

describe('write session (atomic, streamed)', () => {
  it('writes chunks in sequence order whatever order they arrive in, then renames into place', async () => {
    const { root } = await startBackupHarness();
    const target = join(root, 'out.json');
    await writeFile(target, 'old contents');
    const session = await WriteSession.start(target);
    await session.writeRaw('head\n');
    const writes = [session.append(2, 'c\n'), session.append(0, 'a\n'), session.append(1, 'b\n')];
    expect(await readFile(target, 'utf8')).toBe('old contents');
    await Promise.all(writes);
    await session.commit((s) => `lines ${s.hashedLines}\n`);
    expect(await readFile(target, 'utf8')).toBe('head\na\nb\nc\nlines 3\n');
    expect(await readdir(root)).toEqual(['out.json']);
  });

  it('removes the temporary file and keeps the old target when a write fails', async () => {
    const { root } = await startBackupHarness();
    const folder = join(root, 'gone');
    await mkdir(folder);
    const target = join(folder, 'backup.json');
    await writeFile(target, 'previous backup');
    const session = await WriteSession.start(target);
    await session.append(0, 'a\n');
    await expect(
      session.commit(() => {
        throw new Error('records lost');
      }),
    ).rejects.toThrow('records lost');
    expect(await readdir(folder)).toEqual(['backup.json']);
    expect(await readFile(target, 'utf8')).toBe('previous backup');
  });

  it('refuses to commit when a chunk never arrived, leaving no file', async () => {
    const { root } = await startBackupHarness();
    const target = join(root, 'missing.json');
    const session = await WriteSession.start(target);
    void session.append(1, 'b\n');
    await expect(session.commit(() => '')).rejects.toThrow(/never arrived/);
    expect(await readdir(root)).not.toContain('missing.json');
    expect((await readdir(root)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('aborts a backup session through the channel, removing its temporary file', async () => {
    const harness = await startBackupHarness();
    const session = await harness.api.beginBackup({ kind: 'daily', schemaVersion: 4 });
    if (!session) throw new Error('no session');
    await harness.api.appendBackup({
      sessionId: session.sessionId,
      seq: 0,
      text: '{"table":"meta","row":{"key":"a","value":1}},\n',
    });
    const folder = join(harness.userData, 'snapshots');
    expect((await readdir(folder)).some((name) => name.endsWith('.tmp'))).toBe(true);
    await harness.api.abortBackup({ sessionId: session.sessionId });
    expect(await readdir(folder)).toEqual([]);
    await expect(
      harness.api.commitBackup({ sessionId: session.sessionId, tables: { meta: 1 } }),
    ).rejects.toThrow(/no longer being written/);
  });

  it('refuses a commit whose counts do not match the lines written', async () => {
    const harness = await startBackupHarness();
    const session = await harness.api.beginBackup({ kind: 'daily', schemaVersion: 4 });
    if (!session) throw new Error('no session');
    await harness.api.appendBackup({ sessionId: session.sessionId, seq: 0, text: 'x,\n' });
    await expect(
      harness.api.commitBackup({ sessionId: session.sessionId, tables: { meta: 2 } }),
    ).rejects.toThrow(/lost records/);
    expect(await readdir(join(harness.userData, 'snapshots'))).toEqual([]);
  });

  it('lists snapshots with kind, date and size, and sweeps stale temporary files', async () => {
    const harness = await startBackupHarness();
    const folder = join(harness.userData, 'snapshots');
    await mkdir(folder, { recursive: true });
    const name = snapshotFileName('pre-restore', new Date('2025-04-20T10:11:12.345Z'));
    await writeFile(join(folder, name), 'x'.repeat(42));
    await writeFile(join(folder, 'notes.txt'), 'not a snapshot');
    await writeFile(join(folder, `.${name}.0000.tmp`), 'partial');
    const listed = await harness.service.snapshots.list(Date.now() + 2 * 60 * 60 * 1000);
    expect(listed).toEqual([
      { name, kind: 'pre-restore', createdAt: '2025-04-20T10:11:12.345Z', bytes: 42 },
    ]);
    expect((await readdir(folder)).sort()).toEqual(['notes.txt', name]);
    await rm(join(folder, 'notes.txt'));
  });
});

function daily(iso: string): SnapshotInfo {
  return {
    name: snapshotFileName('daily', new Date(iso)),
    kind: 'daily',
    createdAt: iso,
    bytes: 1,
  };
}

describe('snapshot rotation', () => {
  it('keeps the newest snapshot of each of the last 7 days and of the 4 weeks before', () => {
    // One snapshot every day at noon for 60 days, plus a second one on the last day.
    const all = Array.from({ length: 60 }, (_, i) =>
      daily(new Date(Date.UTC(2025, 0, 1 + i, 12)).toISOString()),
    );
    all.push(daily('2025-03-01T18:00:00.000Z'));
    const removed = new Set(snapshotsToRemove(all).map((s) => s.createdAt));
    const kept = all.filter((s) => !removed.has(s.createdAt)).map((s) => s.createdAt.slice(0, 10));
    expect(kept.length).toBe(11);
    // The 7 newest days, the newest snapshot of the last day.
    expect(kept.filter((d) => d >= '2025-02-23')).toHaveLength(7);
    expect(removed.has('2025-03-01T12:00:00.000Z')).toBe(true);
    // Four older weeks, one snapshot each, all older than the daily window.
    const weekly = kept.filter((d) => d < '2025-02-23');
    expect(weekly).toHaveLength(4);
    expect(
      new Set(weekly.map((d) => Math.floor((Date.parse(d) - Date.UTC(2024, 11, 30)) / 6.048e8)))
        .size,
    ).toBe(4);
  });

  it('keeps the newest five snapshots taken before upgrades and before restores', () => {
    const events = Array.from({ length: 8 }, (_, i): SnapshotInfo => ({
      name: `x${i}`,
      kind: i % 2 === 0 ? 'pre-restore' : 'pre-upgrade',
      createdAt: new Date(Date.UTC(2025, 0, 1 + i)).toISOString(),
      bytes: 1,
    }));
    expect(snapshotsToRemove(events)).toEqual([]);
    const many = Array.from({ length: 7 }, (_, i): SnapshotInfo => ({
      name: `r${i}`,
      kind: 'pre-restore',
      createdAt: new Date(Date.UTC(2025, 0, 1 + i)).toISOString(),
      bytes: 1,
    }));
    expect(snapshotsToRemove(many).map((s) => s.name)).toEqual(['r1', 'r0']);
  });

  it('rotates after each snapshot commit', async () => {
    const harness = await startBackupHarness();
    const folder = join(harness.userData, 'snapshots');
    await mkdir(folder, { recursive: true });
    for (let i = 0; i < 10; i++)
      await writeFile(
        join(folder, snapshotFileName('daily', new Date(Date.UTC(2020, 0, 1 + i)))),
        '',
      );
    const session = await harness.api.beginBackup({ kind: 'daily', schemaVersion: 4 });
    if (!session) throw new Error('no session');
    await harness.api.commitBackup({ sessionId: session.sessionId, tables: {} });
    const left = await harness.service.snapshots.list();
    // Today's snapshot and the 6 newest other days, plus one weekly for 2020-01-01…04 (one week).
    expect(left).toHaveLength(7 + 1);
    expect(left[0]?.kind).toBe('daily');
  });
});

describe('opening a backup', () => {
  it('refuses a folder or a missing file with a reason', async () => {
    const harness = await startBackupHarness();
    harness.dialogs.backupFile = harness.root;
    expect(await harness.api.openBackup({ kind: 'file' })).toMatchObject({
      status: 'refused',
      reason: 'This is not a file.',
    });
    harness.dialogs.backupFile = join(harness.root, 'nowhere.json');
    expect(await harness.api.openBackup({ kind: 'file' })).toMatchObject({
      status: 'refused',
      reason: expect.stringContaining('does not exist'),
    });
    harness.dialogs.backupFile = null;
    expect(await harness.api.openBackup({ kind: 'file' })).toEqual({ status: 'cancelled' });
  });
});
