import { copyFile, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually, FIXTURES, startBackend, type BackendHarness } from './backend-harness';

const PAGE_DUMP = '000_8cdde3679725015e.txt';
const COMPACT_DUMP = '003_cfea0d4cd2e8713d.txt';

let harness: BackendHarness | null = null;
afterEach(async () => {
  await harness?.dispose();
  harness = null;
});

function noticesOf(h: BackendHarness) {
  return h.events.flatMap((event) => (event.channel === 'import:notice' ? [event.payload] : []));
}

describe('import pipeline', () => {
  it('imports the dumps already in the inbox once the renderer is ready, in acknowledged batches', async () => {
    harness = await startBackend({ batchSize: 10 });
    const h = harness;
    await copyFile(join(FIXTURES, PAGE_DUMP), join(h.inbox, PAGE_DUMP));
    await h.backend.dispose();
    harness = await h.restart();
    expect(harness.batches()).toEqual([]);
    await harness.backend.handlers['renderer:ready'](null);
    await eventually(() => harness?.batches().length === 5);
    await harness.backend.coordinator.whenIdle();
    const batches = harness.batches();
    expect(batches.map((batch) => batch.index)).toEqual([0, 1, 2, 3, 4]);
    expect(batches.every((batch) => batch.count === 5 && batch.totalPapers === 45)).toBe(true);
    expect(batches.flatMap((batch) => batch.papers)).toHaveLength(45);
    expect(batches[0]?.source.origin).toBe('startup-scan');
    const ledger = JSON.parse(
      await readFile(join(harness.userData, 'import-ledger.json'), 'utf8'),
    ) as { file: string; outcome: string }[];
    expect(ledger).toEqual([
      expect.objectContaining({ file: PAGE_DUMP, outcome: 'imported', papers: 45 }),
    ]);
  });

  it('does not re-import a recorded file after a restart', async () => {
    harness = await startBackend();
    await harness.backend.handlers['renderer:ready'](null);
    await copyFile(join(FIXTURES, COMPACT_DUMP), join(harness.inbox, COMPACT_DUMP));
    await eventually(() => harness?.batches().length === 1);
    await harness.backend.coordinator.whenIdle();
    harness = await harness.restart();
    await harness.backend.handlers['renderer:ready'](null);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await harness.backend.coordinator.whenIdle();
    expect(harness.batches()).toEqual([]);
    expect(noticesOf(harness)).toEqual([]);
  });

  it('re-imports a file whose import was interrupted before the last acknowledgement', async () => {
    harness = await startBackend({ batchSize: 20, autoAck: false });
    await copyFile(join(FIXTURES, PAGE_DUMP), join(harness.inbox, PAGE_DUMP));
    harness = await harness.restart();
    harness.autoAck = false;
    await harness.backend.handlers['renderer:ready'](null);
    // Two batches travel at once; the third waits for the first acknowledgement.
    await eventually(() => harness?.batches().length === 2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(harness.batches().map((batch) => batch.index)).toEqual([0, 1]);
    const first = harness.batches()[0];
    if (!first) throw new Error('no batch');
    harness.backend.coordinator.acknowledge({
      importId: first.source.importId,
      index: 0,
      counts: { added: 20, updated: 0, unchanged: 0 },
    });
    await eventually(() => harness?.batches().length === 3);
    harness.backend.rendererGone();
    await harness.backend.coordinator.whenIdle();
    await expect(readFile(join(harness.userData, 'import-ledger.json'), 'utf8')).rejects.toThrow();

    harness = await harness.restart();
    await harness.backend.handlers['renderer:ready'](null);
    await eventually(() => harness?.batches().length === 3);
    await harness.backend.coordinator.whenIdle();
    expect(harness.batches().map((batch) => batch.index)).toEqual([0, 1, 2]);
    expect(harness.batches().flatMap((batch) => batch.papers)).toHaveLength(45);
  });

  it('ends an import at a failed commit even when a later batch is acknowledged', async () => {
    harness = await startBackend({ batchSize: 20, autoAck: false });
    await harness.backend.handlers['renderer:ready'](null);
    await copyFile(join(FIXTURES, PAGE_DUMP), join(harness.inbox, PAGE_DUMP));
    await eventually(() => harness?.batches().length === 2);
    const [first] = harness.batches();
    if (!first) throw new Error('no batch');
    const importId = first.source.importId;
    harness.backend.coordinator.fail({ importId, message: 'The disk is full.' });
    harness.backend.coordinator.acknowledge({
      importId,
      index: 1,
      counts: { added: 20, updated: 0, unchanged: 0 },
    });
    await harness.backend.coordinator.whenIdle();
    expect(harness.batches().map((batch) => batch.index)).toEqual([0, 1]);
    expect(noticesOf(harness)).toEqual([
      expect.objectContaining({ kind: 'failed', message: expect.stringContaining('disk is full') }),
    ]);
    await expect(readFile(join(harness.userData, 'import-ledger.json'), 'utf8')).rejects.toThrow();
  });

  it('keeps a file pending when the renderer reports a failed commit', async () => {
    harness = await startBackend({ autoAck: false });
    await harness.backend.handlers['renderer:ready'](null);
    await copyFile(join(FIXTURES, COMPACT_DUMP), join(harness.inbox, COMPACT_DUMP));
    await eventually(() => harness?.batches().length === 1);
    const batch = harness.batches()[0];
    if (!batch) throw new Error('no batch');
    harness.backend.coordinator.fail({
      importId: batch.source.importId,
      message: 'Your disk is full.',
    });
    await harness.backend.coordinator.whenIdle();
    expect(noticesOf(harness)).toEqual([
      expect.objectContaining({ kind: 'failed', message: expect.stringContaining('disk is full') }),
    ]);
    await expect(readFile(join(harness.userData, 'import-ledger.json'), 'utf8')).rejects.toThrow();
  });

  it('ignores deleted dump files', async () => {
    harness = await startBackend();
    await harness.backend.handlers['renderer:ready'](null);
    const path = join(harness.inbox, COMPACT_DUMP);
    await copyFile(join(FIXTURES, COMPACT_DUMP), path);
    await eventually(() => harness?.batches().length === 1);
    await harness.backend.coordinator.whenIdle();
    const before = harness.events.length;
    await rm(path);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(harness.events.length).toBe(before);
  });
});

describe('handing files to the backend', () => {
  it('copies dropped dumps into the inbox, resolving name clashes without overwriting', async () => {
    harness = await startBackend();
    await harness.backend.handlers['renderer:ready'](null);
    await writeFile(join(harness.inbox, 'listing.txt'), 'my own notes, not a dump');
    const bytes = new Uint8Array(await readFile(join(FIXTURES, PAGE_DUMP)));
    const result = await harness.backend.handlers['import:files']([{ name: 'listing.txt', bytes }]);
    expect(result).toEqual({ accepted: ['listing.txt'], refused: [] });
    await eventually(
      () => harness?.batches().some((batch) => batch.source.origin === 'drop') === true,
    );
    await harness.backend.coordinator.whenIdle();
    expect((await readdir(harness.inbox)).sort()).toEqual(['listing (2).txt', 'listing.txt']);
    expect(await readFile(join(harness.inbox, 'listing.txt'), 'utf8')).toBe(
      'my own notes, not a dump',
    );
    const dropped = harness.batches().find((batch) => batch.source.origin === 'drop');
    expect(dropped?.source.file).toBe('listing (2).txt');
  });

  it('refuses non-dumps with a reason and writes nothing', async () => {
    harness = await startBackend();
    await harness.backend.handlers['renderer:ready'](null);
    const html = new TextEncoder().encode('<!doctype html><html><body>Daily Papers</body></html>');
    const result = await harness.backend.handlers['import:files']([
      { name: 'page.html', bytes: html },
      { name: 'empty.txt', bytes: new Uint8Array(0) },
    ]);
    expect(result.accepted).toEqual([]);
    expect(result.refused.map((refusal) => refusal.file)).toEqual(['page.html', 'empty.txt']);
    expect(result.refused[0]?.message).toMatch(/HTML/i);
    expect(result.refused[1]?.message).toMatch(/empty/i);
    expect(await readdir(harness.inbox)).toEqual([]);
    expect(noticesOf(harness).map((notice) => notice.kind)).toEqual(['rejected', 'rejected']);
  });

  it('says so when a dropped dump was already imported', async () => {
    harness = await startBackend();
    await harness.backend.handlers['renderer:ready'](null);
    const bytes = new Uint8Array(await readFile(join(FIXTURES, COMPACT_DUMP)));
    await harness.backend.handlers['import:files']([{ name: 'a.txt', bytes }]);
    await eventually(() => harness?.batches().length === 1);
    await harness.backend.coordinator.whenIdle();
    const again = await harness.backend.handlers['import:files']([{ name: 'b.txt', bytes }]);
    expect(again.refused).toEqual([
      { file: 'b.txt', message: expect.stringMatching(/already imported/) },
    ]);
    expect(await readdir(harness.inbox)).toEqual(['a.txt']);
  });

  it('saves pasted listing text into the inbox and imports it', async () => {
    harness = await startBackend();
    await harness.backend.handlers['renderer:ready'](null);
    const text = await readFile(join(FIXTURES, COMPACT_DUMP), 'utf8');
    const result = await harness.backend.handlers['import:text'](text);
    expect(result.accepted).toHaveLength(1);
    await eventually(() => harness?.batches().length === 1);
    expect(harness.batches()[0]?.source.origin).toBe('paste');
    expect((await readdir(harness.inbox))[0]).toMatch(
      /^pasted-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}\.txt$/,
    );
  });

  it('loads the bundled samples through the same pipeline', async () => {
    harness = await startBackend();
    await harness.backend.handlers['renderer:ready'](null);
    const result = await harness.backend.handlers['import:samples'](null);
    expect(result.accepted).toHaveLength(5);
    await eventually(() => harness?.batches().length === 5);
    await harness.backend.coordinator.whenIdle();
    const ids = new Set(
      harness.batches().flatMap((batch) => batch.papers.map((paper) => paper.id)),
    );
    expect(ids.size).toBe(334);
  });

  it('reports a missing custom inbox folder instead of failing', async () => {
    harness = await startBackend();
    const missing = join(harness.root, 'unplugged-drive', 'inbox');
    await writeFile(
      join(harness.userData, 'settings.json'),
      JSON.stringify({ inboxFolder: missing }),
    );
    harness = await harness.restart();
    const status = await harness.backend.handlers['renderer:ready'](null);
    expect(status).toMatchObject({ state: 'error', folder: missing });
    expect(status.message).toMatch(/does not exist/);
  });

  it('opens only http(s) links', async () => {
    harness = await startBackend();
    expect(await harness.backend.handlers['shell:open-external']('https://arxiv.org/abs/1')).toBe(
      true,
    );
    expect(await harness.backend.handlers['shell:open-external']('file:///etc/passwd')).toBe(false);
  });
});
