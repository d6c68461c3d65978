import { copyFile, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually, FIXTURES, pause, startBackend, type BackendHarness } from './backend-harness';

const PAGE_DUMP = '000_8cdde3679725015e.txt';
const COMPACT_DUMP = '003_cfea0d4cd2e8713d.txt';

let harness: BackendHarness | null = null;
afterEach(async () => {
  await harness?.dispose();
  harness = null;
});

async function ledgerEntries(h: BackendHarness): Promise<{ file: string; outcome: string }[]> {
  await h.backend.coordinator.whenIdle();
  const snapshot = await readFile(join(h.userData, 'import-ledger.json'), 'utf8').catch(() => '[]');
  const journal = await readFile(join(h.userData, 'import-ledger.json.journal'), 'utf8').catch(
    () => '',
  );
  const entries = new Map<string, { hash: string; file: string; outcome: string }>();
  const all = [
    ...(JSON.parse(snapshot) as { hash: string; file: string; outcome: string }[]),
    ...journal
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as { hash: string; file: string; outcome: string }),
  ];
  for (const entry of all) entries.set(entry.hash, entry);
  return [...entries.values()];
}

describe('import pipeline', () => {
  it('imports the dumps already in the inbox once the renderer is ready, in acknowledged batches', async () => {
    harness = await startBackend({ batchSize: 10 });
    await copyFile(join(FIXTURES, PAGE_DUMP), join(harness.inbox, PAGE_DUMP));
    harness = await harness.restart();
    expect(harness.batches()).toEqual([]);
    await harness.ready();
    await eventually(() => harness?.batches().length === 5);
    await harness.backend.coordinator.whenIdle();
    const segments = harness.segments();
    expect(segments.map((segment) => segment.index)).toEqual([0, 1, 2, 3, 4]);
    expect(segments.every((s) => s.count === 5 && s.totalPapers === 45)).toBe(true);
    expect(segments.flatMap((segment) => segment.papers)).toHaveLength(45);
    expect(segments[0]?.source.origin).toBe('startup-scan');
    expect(await ledgerEntries(harness)).toEqual([
      expect.objectContaining({ file: PAGE_DUMP, outcome: 'imported', papers: 45 }),
    ]);
  });

  it('does not re-import a recorded file after a restart', async () => {
    harness = await startBackend();
    await harness.ready();
    await copyFile(join(FIXTURES, COMPACT_DUMP), join(harness.inbox, COMPACT_DUMP));
    await eventually(() => harness?.batches().length === 1);
    await harness.backend.coordinator.whenIdle();
    harness = await harness.restart();
    await harness.ready();
    await pause(300);
    await harness.backend.coordinator.whenIdle();
    expect(harness.batches()).toEqual([]);
    expect(harness.progress()).toEqual([]);
  });

  it('re-imports a file whose import was interrupted before the last acknowledgement', async () => {
    harness = await startBackend({ batchSize: 20, autoAck: false });
    await copyFile(join(FIXTURES, PAGE_DUMP), join(harness.inbox, PAGE_DUMP));
    harness = await harness.restart();
    await harness.ready();
    // Two batches travel at once; the third waits for the first acknowledgement.
    await eventually(() => harness?.batches().length === 2);
    await pause(100);
    expect(harness.batches().map((batch) => batch.index)).toEqual([0, 1]);
    const [first, second] = harness.batches();
    if (!first || !second) throw new Error('no batch');
    harness.ack(first);
    harness.ack(second);
    await eventually(() => harness?.batches().length === 3);
    harness.backend.rendererGone();
    expect(await ledgerEntries(harness)).toEqual([]);

    harness = await harness.restart();
    harness.autoAck = true;
    await harness.ready();
    await eventually(() => harness?.batches().length === 3);
    await harness.backend.coordinator.whenIdle();
    expect(harness.segments().map((segment) => segment.index)).toEqual([0, 1, 2]);
    expect(harness.segments().flatMap((segment) => segment.papers)).toHaveLength(45);
  });

  it('ends a stream at a failed commit even when a later batch is acknowledged', async () => {
    harness = await startBackend({ batchSize: 20, autoAck: false });
    await harness.ready();
    await copyFile(join(FIXTURES, PAGE_DUMP), join(harness.inbox, PAGE_DUMP));
    await eventually(() => harness?.batches().length === 2);
    const [first, second] = harness.batches();
    if (!first || !second) throw new Error('no batch');
    harness.backend.coordinator.fail({
      streamId: first.streamId,
      index: 0,
      message: 'The disk is full.',
    });
    harness.ack(second);
    await harness.backend.coordinator.whenIdle();
    expect(harness.batches().map((batch) => batch.index)).toEqual([0, 1]);
    await eventually(() => harness?.finishedRuns().length === 1);
    expect(harness.finishedRuns()[0]?.problems).toEqual([
      expect.objectContaining({ kind: 'failed', message: expect.stringContaining('disk is full') }),
    ]);
    expect(await ledgerEntries(harness)).toEqual([]);
  });

  it('ignores deleted dump files', async () => {
    harness = await startBackend();
    await harness.ready();
    const path = join(harness.inbox, COMPACT_DUMP);
    await copyFile(join(FIXTURES, COMPACT_DUMP), path);
    await eventually(() => harness?.batches().length === 1);
    await harness.backend.coordinator.whenIdle();
    await eventually(() => harness?.finishedRuns().length === 1);
    const before = harness.events.length;
    await rm(path);
    await pause(400);
    expect(harness.events.length).toBe(before);
  });
});

describe('handing files to the backend', () => {
  it('copies dropped dumps into the inbox, resolving name clashes without overwriting', async () => {
    harness = await startBackend();
    await harness.ready();
    await writeFile(join(harness.inbox, 'listing.txt'), 'my own notes, not a dump');
    const bytes = new Uint8Array(await readFile(join(FIXTURES, PAGE_DUMP)));
    const result = await harness.backend.handlers['import:files']([{ name: 'listing.txt', bytes }]);
    expect(result).toEqual({ accepted: ['listing.txt'], refused: [] });
    await eventually(() => harness?.segments().some((s) => s.source.origin === 'drop') === true);
    await harness.backend.coordinator.whenIdle();
    expect((await readdir(harness.inbox)).sort()).toEqual(['listing (2).txt', 'listing.txt']);
    expect(await readFile(join(harness.inbox, 'listing.txt'), 'utf8')).toBe(
      'my own notes, not a dump',
    );
    const dropped = harness.segments().find((segment) => segment.source.origin === 'drop');
    expect(dropped?.source.file).toBe('listing (2).txt');
  });

  it('refuses non-dumps with a reason and writes nothing', async () => {
    harness = await startBackend();
    await harness.ready();
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
    await eventually(() => harness?.finishedRuns().length === 1);
    const run = harness.finishedRuns()[0];
    expect(run?.problems.map((problem) => problem.kind)).toEqual(['rejected', 'rejected']);
    expect(run).toMatchObject({ filesTotal: 2, filesDone: 2, filesImported: 0 });
  });

  it('says so when a dropped dump was already imported', async () => {
    harness = await startBackend();
    await harness.ready();
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
    await harness.ready();
    const text = await readFile(join(FIXTURES, COMPACT_DUMP), 'utf8');
    const result = await harness.backend.handlers['import:text'](text);
    expect(result.accepted).toHaveLength(1);
    await eventually(() => harness?.batches().length === 1);
    expect(harness.segments()[0]?.source.origin).toBe('paste');
    expect((await readdir(harness.inbox))[0]).toMatch(
      /^pasted-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}\.txt$/,
    );
  });

  it('loads the bundled samples through the same pipeline, packed into few batches, one run', async () => {
    harness = await startBackend({ autoAck: false });
    await harness.ready();
    const result = await harness.backend.handlers['import:samples'](null);
    expect(result.accepted).toHaveLength(5);
    // What is ready goes at once; what arrives while that commits travels together after it.
    await eventually(() => harness?.batches().length === 1);
    const first = harness.batches()[0];
    if (!first) throw new Error('no batch');
    expect(first.segments.length).toBeGreaterThan(1);
    harness.ack(first);
    await eventually(() => harness?.segments().length === 5);
    expect(harness.batches()).toHaveLength(2);
    const second = harness.batches()[1];
    if (!second) throw new Error('no batch');
    harness.ack(second);
    await harness.backend.coordinator.whenIdle();
    const ids = new Set(harness.segments().flatMap((s) => s.papers.map((paper) => paper.id)));
    expect(ids.size).toBe(334);
    await eventually(() => harness?.finishedRuns().length === 1);
    expect(harness.finishedRuns()[0]).toMatchObject({
      filesTotal: 5,
      filesDone: 5,
      filesImported: 5,
      papers: 388,
      origins: ['samples'],
    });
  });

  it('reports a missing custom inbox folder instead of failing', async () => {
    harness = await startBackend();
    const missing = join(harness.root, 'unplugged-drive', 'inbox');
    await writeFile(
      join(harness.userData, 'settings.json'),
      JSON.stringify({ inboxFolder: missing }),
    );
    harness = await harness.restart();
    const status = await harness.ready();
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
