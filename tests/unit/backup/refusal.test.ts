import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeImportBatch, setNote, type LibraryDb } from '../../../src/renderer/src/db';
import {
  backUpLibraryTo,
  loadBackup,
} from '../../../src/renderer/src/features/backup/backup-runner';
import { at, batch, freshLibrary, paper } from '../db/helpers';
import { startBackupHarness, type BackupHarness } from './backup-harness';
import { readLibrary } from './library-arbitrary';

async function library(): Promise<LibraryDb> {
  const db = freshLibrary();
  await mergeImportBatch(
    db,
    batch([paper({ title: 'Alpha' }), paper({ title: 'Beta', line: 2 })]),
    at(0),
  );
  await setNote(db, 'alpha', 'keep me', at(1));
  return db;
}

async function writtenBackup(): Promise<{ harness: BackupHarness; path: string; text: string }> {
  const harness = await startBackupHarness();
  const path = join(harness.root, 'backup.json');
  harness.dialogs.savePath = path;
  await backUpLibraryTo(harness.api, await library(), 'manual');
  return { harness, path, text: await readFile(path, 'utf8') };
}

/** Rewrites the record lines and fixes up the trailer so only the content is wrong. */
function withRecords(text: string, edit: (lines: string[]) => string[]): string {
  const lines = text.split('\n');
  const header = lines[0] ?? '';
  const trailer = JSON.parse((lines[lines.length - 2] ?? '').slice(0, -2)) as {
    end: { records: number; tables: Record<string, number>; sha256: string };
  };
  const records = edit(lines.slice(1, -2));
  const body = records.map((line) => `${line}\n`).join('');
  const end = {
    ...trailer.end,
    records: records.length,
    sha256: createHash('sha256').update(body).digest('hex'),
  };
  return `${header}\n${body}${JSON.stringify({ end })}]}\n`;
}

async function refusalOf(harness: BackupHarness, path: string, contents: string | Buffer) {
  await writeFile(path, contents);
  harness.dialogs.backupFile = path;
  return loadBackup(harness.api, { kind: 'file' });
}

describe('refusing backups that cannot be restored', () => {
  it('writes a file that is valid JSON as a whole', async () => {
    const { text } = await writtenBackup();
    const document = JSON.parse(text) as { format: string; version: number; records: unknown[] };
    expect(document.format).toBe('paper-queue-backup');
    expect(document.version).toBe(1);
    expect(document.records.at(-1)).toMatchObject({ end: { records: 5 } });
  });

  const cases: [string, (text: string) => string | Buffer, RegExp][] = [
    ['a truncated file', (text) => text.slice(0, Math.floor(text.length * 0.6)), /incomplete/],
    ['a file cut inside its first line', (text) => text.slice(0, 20), /incomplete/],
    ['a changed byte', (text) => text.replace('keep me', 'keep ME'), /do not match its checksum/],
    ['a foreign JSON file', () => '{"hello":"world"}\n', /not a Paper Queue backup/],
    [
      'an HTML page',
      () => '<!doctype html><html><body>hi</body></html>',
      /not a Paper Queue backup/,
    ],
    ['an empty file', () => '', /empty/],
    ['binary junk', () => Buffer.from([0, 159, 146, 150, 10, 255, 0]), /not a Paper Queue backup/],
    [
      'a newer format version',
      (text) => text.replace('"version":1', '"version":2'),
      /newer version of Paper Queue/,
    ],
    [
      'a newer library schema',
      (text) => text.replace(/"schemaVersion":\d+/, '"schemaVersion":99'),
      /newer version of Paper Queue/,
    ],
    [
      'an invalid record with a valid checksum',
      (text) =>
        withRecords(text, (lines) =>
          lines.map((l) => l.replace('"status":"inbox"', '"status":"lost"')),
        ),
      /line \d+ \(entries\) is invalid: status/,
    ],
    [
      'an entry whose paper is missing',
      (text) =>
        withRecords(text, (lines) =>
          lines.filter((l) => !l.includes('"table":"papers"') || !l.includes('"id":"beta"')),
        ),
      /(should hold|does not contain)/,
    ],
    [
      'a record that is not JSON',
      (text) => withRecords(text, (lines) => [...lines, '{oops,']),
      /line \d+ is not a valid record/,
    ],
  ];

  for (const [name, tamper, reason] of cases) {
    it(`refuses ${name} with a reason and changes nothing`, async () => {
      const { harness, text } = await writtenBackup();
      const target = await library();
      const before = await readLibrary(target);
      const result = await refusalOf(harness, join(harness.root, 'tampered.json'), tamper(text));
      expect(result.status).toBe('refused');
      if (result.status === 'refused') expect(result.reason).toMatch(reason);
      expect(await readLibrary(target)).toEqual(before);
    });
  }

  it('restores the untampered file', async () => {
    const { harness, path } = await writtenBackup();
    harness.dialogs.backupFile = path;
    const loaded = await loadBackup(harness.api, { kind: 'file' });
    expect(loaded.status).toBe('ready');
  });
});
