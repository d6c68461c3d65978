import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportLedger } from '../../../src/main/core/import/import-ledger';

let folder = '';
let path = '';
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'pq-ledger-'));
  path = join(folder, 'import-ledger.json');
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const at = '2026-01-01T00:00:00.000Z';
const imported = (n: number) => ({ hash: `h${n}`, file: `f${n}.txt`, at, papers: n });

async function journalLines(): Promise<number> {
  const text = await readFile(`${path}.journal`, 'utf8').catch(() => '');
  return text.split('\n').filter((line) => line !== '').length;
}

describe('ImportLedger', () => {
  it('appends one journal line per file instead of rewriting the ledger, and reopens it', async () => {
    const ledger = await ImportLedger.open(path);
    await Promise.all([1, 2, 3].map((n) => ledger.recordImported(imported(n), 'lib-a')));
    await ledger.flush();
    expect(await journalLines()).toBe(3);
    await expect(readFile(path, 'utf8')).rejects.toThrow();
    // A clean shutdown folds the journal into the snapshot.
    await ledger.close();
    expect(await journalLines()).toBe(0);
    const reopened = await ImportLedger.open(path);
    expect(reopened.importedInto('h2', 'lib-a')).toBe(true);
    expect(reopened.importedInto('h2', 'lib-b')).toBe(false);
  });

  it('compacts the journal into the snapshot once it is long', async () => {
    const ledger = await ImportLedger.open(path, { compactAfterLines: 4 });
    for (let n = 0; n < 10; n++) await ledger.recordImported(imported(n), 'lib-a');
    await ledger.close();
    expect(await journalLines()).toBeLessThanOrEqual(4);
    const snapshot = JSON.parse(await readFile(path, 'utf8')) as unknown[];
    expect(snapshot.length).toBeGreaterThanOrEqual(6);
    const reopened = await ImportLedger.open(path);
    for (let n = 0; n < 10; n++) expect(reopened.importedInto(`h${n}`, 'lib-a')).toBe(true);
  });

  it('ignores a line torn by a crash and keeps what came before', async () => {
    const ledger = await ImportLedger.open(path);
    await ledger.recordImported(imported(1), 'lib-a');
    await ledger.close();
    await writeFile(
      `${path}.journal`,
      `${await readFile(`${path}.journal`, 'utf8')}{"hash":"h2","fi`,
    );
    const reopened = await ImportLedger.open(path);
    expect(reopened.importedInto('h1', 'lib-a')).toBe(true);
    expect(reopened.get('h2')).toBeUndefined();
    await reopened.recordImported(imported(3), 'lib-a');
    await reopened.close();
    const again = await ImportLedger.open(path);
    expect(again.importedInto('h3', 'lib-a')).toBe(true);
  });

  it('remembers at most a bounded number of refused files, the newest', async () => {
    const ledger = await ImportLedger.open(path, { maxRefused: 3 });
    await ledger.recordImported(imported(0), 'lib-a');
    for (let n = 1; n <= 6; n++) await ledger.recordRefused({ hash: `r${n}`, file: `r${n}`, at });
    expect(['r1', 'r2', 'r3'].map((hash) => ledger.get(hash))).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(ledger.get('r6')?.outcome).toBe('rejected');
    expect(ledger.get('h0')?.outcome).toBe('imported');
    await ledger.close();
    const reopened = await ImportLedger.open(path, { maxRefused: 3 });
    expect(reopened.get('r3')).toBeUndefined();
    expect(reopened.get('r4')?.outcome).toBe('rejected');
  });

  it('keeps every library that received a file', async () => {
    const ledger = await ImportLedger.open(path);
    await ledger.recordImported(imported(1), 'lib-a');
    await ledger.recordImported(imported(1), 'lib-b');
    expect(ledger.get('h1')?.libraries).toEqual(['lib-a', 'lib-b']);
  });

  it('gives entries from before library ids to the library that holds papers', async () => {
    await writeFile(
      path,
      JSON.stringify([{ hash: 'old', file: 'old.txt', outcome: 'imported', at, papers: 4 }]),
    );
    const ledger = await ImportLedger.open(path);
    expect(ledger.importedInto('old', 'lib-a')).toBe(false);
    expect(await ledger.adoptLegacy('lib-a')).toBe(1);
    expect(await ledger.adoptLegacy('lib-b')).toBe(0);
    await ledger.close();
    const reopened = await ImportLedger.open(path);
    expect(reopened.importedInto('old', 'lib-a')).toBe(true);
    expect(reopened.importedInto('old', 'lib-b')).toBe(false);
  });
});
