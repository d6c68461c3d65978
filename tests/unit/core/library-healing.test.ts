import { copyFile, mkdir, writeFile } from 'node:fs/promises';
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

async function withTwoDumps(): Promise<BackendHarness> {
  const first = await startBackend();
  await mkdir(first.inbox, { recursive: true });
  await copyFile(join(FIXTURES, PAGE_DUMP), join(first.inbox, PAGE_DUMP));
  await copyFile(join(FIXTURES, COMPACT_DUMP), join(first.inbox, COMPACT_DUMP));
  const started = await first.restart();
  await started.ready('library-a');
  await eventually(() => started.finishedRuns().length === 1);
  await started.backend.coordinator.whenIdle();
  return started;
}

describe('a library that heals', () => {
  it('sends every inbox file again to a library that does not have them (IndexedDB lost)', async () => {
    harness = await withTwoDumps();
    harness = await harness.restart();
    await harness.ready('library-b');
    const h = harness;
    await eventually(() => h.finishedRuns().length === 1);
    expect(h.finishedRuns()[0]).toMatchObject({ filesImported: 2, papers: 164 });
  });

  it('does not send them again to the library that has them', async () => {
    harness = await withTwoDumps();
    harness = await harness.restart();
    await harness.ready('library-a');
    await pause(400);
    expect(harness.batches()).toEqual([]);
  });

  it('looks at the inbox again when a reloaded renderer holds another library', async () => {
    harness = await withTwoDumps();
    const h = harness;
    h.backend.rendererGone();
    await h.ready('library-c');
    await eventually(() => h.finishedRuns().length === 2);
    expect(h.finishedRuns()[1]).toMatchObject({ filesImported: 2, origins: ['startup-scan'] });
  });

  it('lets entries written before library ids count for a library with papers, not an empty one', async () => {
    const first = await startBackend();
    await mkdir(first.inbox, { recursive: true });
    await copyFile(join(FIXTURES, COMPACT_DUMP), join(first.inbox, COMPACT_DUMP));
    const { createHash } = await import('node:crypto');
    const { readFile } = await import('node:fs/promises');
    const hash = createHash('sha256')
      .update(await readFile(join(FIXTURES, COMPACT_DUMP)))
      .digest('hex');
    const legacy = [{ hash, file: COMPACT_DUMP, outcome: 'imported', at: 'then', papers: 119 }];
    await writeFile(join(first.userData, 'import-ledger.json'), JSON.stringify(legacy));
    harness = await first.restart();
    await harness.ready('library-old', 119);
    await pause(400);
    expect(harness.batches()).toEqual([]);

    await writeFile(join(harness.userData, 'import-ledger.json'), JSON.stringify(legacy));
    harness = await harness.restart();
    await harness.ready('library-new', 0);
    const h = harness;
    await eventually(() => h.finishedRuns().length === 1);
    expect(h.finishedRuns()[0]?.filesImported).toBe(1);
  });

  it('re-imports the whole inbox on request (File → Re-import the Inbox)', async () => {
    harness = await withTwoDumps();
    const h = harness;
    expect(await h.backend.handlers['inbox:reimport'](null)).toEqual({ queued: 2 });
    await eventually(() => h.finishedRuns().length === 2);
    expect(h.finishedRuns()[1]).toMatchObject({ filesImported: 2, origins: ['reimport'] });
  });
});
