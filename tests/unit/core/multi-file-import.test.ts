import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportBatch } from '../../../src/shared/import-types';
import { generateCompactDump, generatePageDump } from '../../../scripts/bench/generate-dump';
import { eventually, pause, startBackend, type BackendHarness } from './backend-harness';

let harness: BackendHarness | null = null;
afterEach(async () => {
  await harness?.dispose();
  harness = null;
});

/** `count` small dumps of distinct papers (both layouts), as dropped files. */
function dailyDumps(count: number, size = 7): { name: string; bytes: Uint8Array }[] {
  const encoder = new TextEncoder();
  return Array.from({ length: count }, (_, day) => ({
    name: `day-${String(day).padStart(3, '0')}.txt`,
    bytes: encoder.encode(
      day % 3 === 2 ? generateCompactDump(size, day * size) : generatePageDump(size, day * size),
    ),
  }));
}

function ledgerFiles(h: BackendHarness): Promise<string[]> {
  return Promise.all([
    readFile(join(h.userData, 'import-ledger.json'), 'utf8').catch(() => '[]'),
    readFile(join(h.userData, 'import-ledger.json.journal'), 'utf8').catch(() => ''),
  ]).then(([snapshot, journal]) => {
    const files = new Set((JSON.parse(snapshot) as { file: string }[]).map((entry) => entry.file));
    for (const line of journal.split('\n')) {
      if (line.trim()) files.add((JSON.parse(line) as { file: string }).file);
    }
    return [...files].sort();
  });
}

function paperIds(batches: readonly ImportBatch[]): string[] {
  return batches.flatMap((batch) => batch.segments.flatMap((s) => s.papers.map((p) => p.id)));
}

describe('a drop of many small dumps', () => {
  it('travels in batches that span files, as one run with one summary', async () => {
    harness = await startBackend({ batchSize: 50, autoAck: false });
    await harness.ready();
    const files = dailyDumps(40);
    const accepted = harness.backend.handlers['import:files'](files);
    // The renderer acknowledges each batch a little later, as a real commit would.
    const acked = new Set<ImportBatch>();
    const h = harness;
    const pump = setInterval(() => {
      for (const batch of h.batches()) {
        if (!acked.has(batch)) {
          acked.add(batch);
          h.ack(batch);
        }
      }
    }, 20);
    expect((await accepted).accepted).toHaveLength(40);
    await eventually(() => h.finishedRuns().length === 1, 15_000);
    clearInterval(pump);
    const batches = h.batches();
    expect(paperIds(batches)).toHaveLength(280);
    expect(new Set(paperIds(batches)).size).toBe(280);
    // 40 files of 7 papers in batches of at most 50 papers: far fewer batches than files.
    expect(batches.length).toBeLessThanOrEqual(12);
    expect(batches.some((batch) => batch.segments.length > 1)).toBe(true);
    for (const batch of batches) {
      const size = batch.segments.reduce((sum, segment) => sum + segment.papers.length, 0);
      expect(size).toBeLessThanOrEqual(50);
    }
    const runs = new Set(h.progress().map((progress) => progress.runId));
    expect(runs.size).toBe(1);
    // The watcher's events for the copies the drop wrote never count as more files.
    expect(Math.max(...h.progress().map((progress) => progress.filesTotal))).toBe(40);
    expect(h.finishedRuns()[0]).toMatchObject({
      filesTotal: 40,
      filesDone: 40,
      filesImported: 40,
      papers: 280,
      problemCount: 0,
    });
    expect(await ledgerFiles(h)).toHaveLength(40);
  });

  it('keeps the drop order when its parts are handed over while earlier parts are copied', async () => {
    harness = await startBackend();
    await harness.ready();
    const files = dailyDumps(30, 3);
    const { handlers } = harness.backend;
    await Promise.all(
      [0, 10, 20].map((start) => handlers['import:files'](files.slice(start, start + 10))),
    );
    const h = harness;
    await eventually(() => h.finishedRuns().length === 1);
    expect(h.segments().map((segment) => segment.source.file)).toEqual(files.map((f) => f.name));
    expect(new Set(h.progress().map((progress) => progress.runId)).size).toBe(1);
  });

  it('records a file only after every batch holding its papers is acknowledged', async () => {
    harness = await startBackend({ batchSize: 10, autoAck: false });
    await harness.ready();
    await harness.backend.handlers['import:files'](dailyDumps(3, 15));
    const h = harness;
    await eventually(() => h.batches().length >= 2);
    const [first, second] = h.batches();
    if (!first || !second) throw new Error('no batches');
    // day-000 has 15 papers: its first 10 in batch 0, its last 5 with day-001's first 5 in batch 1.
    expect(second.segments.map((s) => [s.source.file, s.index, s.count])).toEqual([
      ['day-000.txt', 1, 2],
      ['day-001.txt', 0, 2],
    ]);
    h.ack(first);
    await pause(100);
    expect(await ledgerFiles(h)).toEqual([]);
    h.ack(second);
    await eventually(() => h.batches().length >= 3);
    await pause(200);
    expect(await ledgerFiles(h)).toEqual(['day-000.txt']);
    h.autoAck = true;
    for (const batch of h.batches().slice(2)) h.ack(batch);
  });

  it('re-imports without duplicates or loss when killed at any batch of a multi-file drop', async () => {
    const files = dailyDumps(12, 9);
    let batchesOfWholeDrop = Number.POSITIVE_INFINITY;
    for (let killAfter = 0; killAfter <= batchesOfWholeDrop; killAfter++) {
      const first = await startBackend({ batchSize: 20, autoAck: false });
      await first.ready();
      await first.backend.handlers['import:files'](files);
      const committed = new Set<string>();
      for (let acked = 0; acked < killAfter; acked++) {
        await eventually(() => first.batches().length > acked || first.finishedRuns().length > 0);
        const batch = first.batches()[acked];
        if (!batch) break;
        for (const id of paperIds([batch])) committed.add(id);
        first.ack(batch);
      }
      await pause(60);
      const completed = first.finishedRuns().length > 0;
      if (completed) batchesOfWholeDrop = first.batches().length;
      // The app dies: nothing more is acknowledged; the ledger holds what it holds.
      first.backend.rendererGone();
      const second = await first.restart();
      second.autoAck = true;
      await second.ready();
      if (completed) await pause(500);
      else await eventually(() => second.finishedRuns().length === 1, 15_000);
      await second.backend.coordinator.whenIdle();
      const again = paperIds(second.batches());
      // Every paper reaches the library (committed before the kill, or sent again now) …
      const all = new Set([...committed, ...again]);
      expect(all.size).toBe(12 * 9);
      // … and no file that was fully committed and recorded is sent again.
      const recorded = await ledgerFiles(second);
      expect(recorded).toHaveLength(12);
      expect(new Set(again).size).toBe(again.length);
      await second.dispose();
    }
    expect(batchesOfWholeDrop).toBeLessThan(12);
  });

  it('a failed batch fails only the files it carried; later files still import', async () => {
    harness = await startBackend({ batchSize: 20, batchesInFlight: 1, autoAck: false });
    await harness.ready();
    await harness.backend.handlers['import:files'](dailyDumps(6, 10));
    const h = harness;
    await eventually(() => h.batches().length === 1);
    const [first] = h.batches();
    if (!first) throw new Error('no batch');
    h.backend.coordinator.fail({ streamId: first.streamId, index: 0, message: 'Disk full.' });
    h.autoAck = true;
    await eventually(() => h.finishedRuns().length === 1, 15_000);
    const carried = first.segments.map((segment) => segment.source.file);
    const run = h.finishedRuns()[0];
    expect(run?.problems.map((problem) => problem.file)).toEqual(carried);
    expect(run?.problems[0]?.message).toMatch(/day-000\.txt could not be imported: Disk full/);
    expect(run?.filesImported).toBe(6 - carried.length);
    const recorded = await ledgerFiles(h);
    expect(recorded).toHaveLength(6 - carried.length);
    expect(recorded.some((file) => carried.includes(file))).toBe(false);
  });
});

describe('the first start on an archive of dumps', () => {
  it('imports them in few batches as one visible run, and nothing at the next start', async () => {
    harness = await startBackend({ batchSize: 100 });
    await mkdir(harness.inbox, { recursive: true });
    for (const file of dailyDumps(60, 5))
      await writeFile(join(harness.inbox, file.name), file.bytes);
    harness = await harness.restart();
    await harness.ready();
    const h = harness;
    await eventually(() => h.finishedRuns().length === 1, 15_000);
    expect(h.finishedRuns()[0]).toMatchObject({
      origins: ['startup-scan'],
      filesTotal: 60,
      filesImported: 60,
      papers: 300,
    });
    harness = await h.restart();
    await harness.ready();
    await pause(500);
    expect(harness.batches()).toEqual([]);
    expect(harness.progress()).toEqual([]);
  });
});
