import { execFileSync } from 'node:child_process';
import {
  copyFile,
  mkdir,
  open,
  readdir,
  readFile,
  symlink,
  truncate,
  writeFile,
} from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readDumpFileWithin } from '../../../src/main/core/import/read-dump-file';
import { NODE_INBOX_FS, type InboxFs } from '../../../src/main/core/inbox/inbox-writer';
import { eventually, FIXTURES, pause, startBackend, type BackendHarness } from './backend-harness';

const COMPACT_DUMP = '003_cfea0d4cd2e8713d.txt';
const GIB = 1024 * 1024 * 1024;

let harness: BackendHarness | null = null;
afterEach(async () => {
  await harness?.dispose();
  harness = null;
});

async function dumpBytes(): Promise<Uint8Array> {
  return new Uint8Array(await readFile(join(FIXTURES, COMPACT_DUMP)));
}

/** A backend restarted over an inbox holding `prepare`'s files, and made ready. */
async function startOver(prepare: (inbox: string) => Promise<void>): Promise<BackendHarness> {
  const first = await startBackend();
  await mkdir(first.inbox, { recursive: true });
  await prepare(first.inbox);
  const started = await first.restart();
  await started.ready();
  return started;
}

describe('one file cannot stall the imports', () => {
  it('skips a FIFO, a symlink to /dev/zero and a 1.5 GiB file without reading them, and imports the rest', async () => {
    const began = Date.now();
    harness = await startOver(async (inbox) => {
      execFileSync('mkfifo', [join(inbox, 'a-pipe.txt')]);
      await symlink('/dev/zero', join(inbox, 'b-zero.txt'));
      await writeFile(join(inbox, 'c-huge.txt'), '');
      await truncate(join(inbox, 'c-huge.txt'), 1.5 * GIB);
      await copyFile(join(FIXTURES, COMPACT_DUMP), join(inbox, 'd-dump.txt'));
    });
    const h = harness;
    await eventually(() => h.finishedRuns().length === 1);
    expect(Date.now() - began).toBeLessThan(8000);
    const run = h.finishedRuns()[0];
    expect(run?.filesImported).toBe(1);
    expect(run?.problems.map((problem) => [problem.file, problem.kind])).toEqual([
      ['a-pipe.txt', 'rejected'],
      ['b-zero.txt', 'rejected'],
      ['c-huge.txt', 'rejected'],
    ]);
    expect(run?.problems[0]?.message).toMatch(/named pipe, not a regular file/);
    expect(run?.problems[1]?.message).toMatch(/device or special file/);
    expect(run?.problems[2]?.message).toMatch(/1536 MB; listing dumps over 64 MB are refused/);
    expect(process.memoryUsage().rss).toBeLessThan(1.5 * GIB);
  });

  it('does not report the same refused files again at the next start', async () => {
    harness = await startOver(async (inbox) => {
      execFileSync('mkfifo', [join(inbox, 'pipe.txt')]);
      await writeFile(join(inbox, 'huge.txt'), '');
      await truncate(join(inbox, 'huge.txt'), 65 * 1024 * 1024);
    });
    const h = harness;
    await eventually(() => h.finishedRuns().length === 1);
    await h.backend.coordinator.whenIdle();
    harness = await h.restart();
    await harness.ready();
    await pause(500);
    expect(harness.progress()).toEqual([]);
  });

  it('follows a symbolic link to a dump, at start and while running (one rule)', async () => {
    harness = await startOver(async (inbox) => {
      await symlink(join(FIXTURES, COMPACT_DUMP), join(inbox, 'linked.txt'));
    });
    const h = harness;
    await eventually(() => h.finishedRuns().length === 1);
    expect(h.finishedRuns()[0]).toMatchObject({ filesImported: 1, papers: 119 });
    await symlink(join(FIXTURES, '000_8cdde3679725015e.txt'), join(h.inbox, 'linked-later.txt'));
    await eventually(() => h.finishedRuns().length === 2);
    expect(h.finishedRuns()[1]).toMatchObject({ filesImported: 1, papers: 45 });
  });

  it('moves on when a read hangs (a disconnected drive)', async () => {
    const never = new Promise<never>(() => undefined);
    await expect(readDumpFileWithin('/mnt/gone/dump.txt', 50, () => never)).rejects.toThrow(
      /dump\.txt could not be read within 0 s and was skipped/,
    );
  });

  it('checks type and size before comparing bytes on a name clash', async () => {
    harness = await startBackend();
    await harness.ready();
    await mkdir(harness.inbox, { recursive: true });
    await symlink('/dev/zero', join(harness.inbox, 'zero.txt'));
    await writeFile(join(harness.inbox, 'big.txt'), '');
    await truncate(join(harness.inbox, 'big.txt'), 1.5 * GIB);
    const bytes = await dumpBytes();
    const began = Date.now();
    const result = await harness.backend.handlers['import:files']([
      { name: 'zero.txt', bytes },
      { name: 'big.txt', bytes: new Uint8Array([...bytes, 10]) },
    ]);
    expect(Date.now() - began).toBeLessThan(3000);
    expect(result.accepted).toEqual(['zero.txt', 'big.txt']);
    expect((await readdir(harness.inbox)).sort()).toEqual([
      'big (2).txt',
      'big.txt',
      'zero (2).txt',
      'zero.txt',
    ]);
  });
});

describe('names a dropped file gets in the inbox', () => {
  it('makes dotfiles, lock files and partial downloads importable, and keeps long names short', async () => {
    harness = await startBackend();
    await harness.ready();
    const bytes = await dumpBytes();
    const longName = `${'論文'.repeat(120)}.txt`;
    const names = ['.hidden.txt', '~listing.txt', 'listing.part', 'download.tmp', longName];
    for (const [index, name] of names.entries()) {
      const variant = new Uint8Array([...bytes, ...new TextEncoder().encode(`\n${index}`)]);
      const result = await harness.backend.handlers['import:files']([{ name, bytes: variant }]);
      expect(result.refused).toEqual([]);
    }
    const written = (await readdir(harness.inbox)).sort();
    expect(written.slice(0, 4)).toEqual([
      'download.tmp.txt',
      'hidden.txt',
      'listing.part.txt',
      'listing.txt',
    ]);
    const long = written[4] ?? '';
    expect(long.startsWith('論文論文')).toBe(true);
    expect(long.endsWith('.txt')).toBe(true);
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(200);
    // Every copy is picked up by the import (none is a name the watcher ignores).
    await eventually(() => harness?.segments().length === 5);
  });
});

/** The real file system, except that writing fails with ENOSPC while `full()` says so. */
function fullDisk(full: () => boolean): InboxFs {
  return {
    ...NODE_INBOX_FS,
    open: async (path, flags) => {
      const handle = await open(path, flags);
      return {
        writeFile: async (data) => {
          if (full()) {
            // A write that gets part of the way before the disk fills up.
            await handle.writeFile(data.subarray(0, 10));
            throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
              code: 'ENOSPC',
            });
          }
          await handle.writeFile(data);
        },
        sync: () => handle.sync(),
        close: () => handle.close(),
      };
    },
  };
}

describe('a full disk', () => {
  it('leaves no partial copy, says so in words, and imports the file once space returns', async () => {
    let full = true;
    harness = await startBackend({ intake: { fs: fullDisk(() => full), retryMs: 100 } });
    await harness.ready();
    const result = await harness.backend.handlers['import:files']([
      { name: 'big.txt', bytes: await dumpBytes() },
    ]);
    expect(result.accepted).toEqual([]);
    expect(result.refused[0]?.message).toMatch(
      /Could not save big\.txt into the inbox: the disk is full\. It is kept and will be imported as soon as there is free space\./,
    );
    expect(await readdir(harness.inbox)).toEqual([]);
    await pause(250);
    expect(await readdir(harness.inbox)).toEqual([]);
    full = false;
    await eventually(() => harness?.segments().length === 1);
    expect(await readdir(harness.inbox)).toEqual(['big.txt']);
    expect(harness.segments()[0]?.source).toMatchObject({ file: 'big.txt', origin: 'drop' });
  });
});

describe('the inbox folder', () => {
  it('cannot be chosen when it is the user-data folder, inside it or around it', async () => {
    harness = await startBackend();
    const h = harness;
    for (const folder of [h.userData, join(h.userData, 'inbox'), h.root]) {
      h.nextFolder = folder;
      await expect(h.backend.handlers['inbox:choose-folder'](null)).rejects.toThrow(
        /cannot be the inbox folder: it (is|is inside|contains) Paper Queue's own data folder/,
      );
    }
    expect((await h.backend.handlers['settings:get'](null)).inboxFolder).toBe(h.inbox);
  });

  it('is not watched when settings name such a folder', async () => {
    harness = await startBackend();
    await writeFile(
      join(harness.userData, 'settings.json'),
      JSON.stringify({ inboxFolder: harness.userData }),
    );
    harness = await harness.restart();
    const status = await harness.ready();
    expect(status.state).toBe('error');
    expect(status.message).toMatch(/cannot be the inbox folder: it is Paper Queue's own data/);
  });
});

describe('the import ledger', () => {
  it('a ledger that cannot be written is a warning: the papers are in', async () => {
    harness = await startBackend();
    await mkdir(join(harness.userData, 'import-ledger.json.journal'));
    await harness.ready();
    await harness.backend.handlers['import:files']([{ name: 'a.txt', bytes: await dumpBytes() }]);
    const h = harness;
    await eventually(() => h.finishedRuns().length === 1);
    const run = h.finishedRuns()[0];
    expect(run?.filesImported).toBe(1);
    expect(run?.problems).toEqual([
      expect.objectContaining({
        kind: 'warning',
        message: expect.stringMatching(/a\.txt was imported, but Paper Queue could not note that/),
      }),
    ]);
    // Known for the rest of the session all the same.
    const again = await h.backend.handlers['import:files']([
      { name: 'b.txt', bytes: await dumpBytes() },
    ]);
    expect(again.refused[0]?.message).toMatch(/already imported/);
  });
});
