import { FSWatcher } from 'chokidar';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportBatch } from '../../src/shared/import-types';
import { preventableEvent, type FakeBrowserWindow } from './fake-electron';
import { launchMain, openedWindow, quitApp, type LaunchedMain } from './launch-main';

let main: LaunchedMain | null = null;
afterEach(async () => {
  vi.restoreAllMocks();
  await main?.shutdown();
  main = null;
});

function trustedInvoke(window: FakeBrowserWindow, channel: string, payload: unknown) {
  const handler = main?.fake.ipcHandlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler(
    { sender: window.webContents, senderFrame: { url: 'app://paper-queue/index.html' } },
    payload,
  );
}

describe('single instance', () => {
  it('a second instance quits at once without opening anything', async () => {
    main = await launchMain({ singleInstanceLock: false });
    expect(main.fake.app.quitRequests).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(main.fake.windows).toHaveLength(0);
    expect(main.fake.ipcHandlers.size).toBe(0);
  });

  it('the first instance restores and focuses its window when a second one starts', async () => {
    main = await launchMain();
    const window = await openedWindow(main.fake);
    window.minimized = true;
    main.fake.app.emit('second-instance', preventableEvent(), ['paper-queue'], '/');
    expect(window.restoreCount).toBe(1);
    expect(window.focusCount).toBe(1);
    expect(main.fake.windows).toHaveLength(1);
  });
});

describe('quitting', () => {
  it('waits for the backend to dispose: watcher closed, finished import in the ledger', async () => {
    main = await launchMain();
    const window = await openedWindow(main.fake);
    const close = vi.spyOn(FSWatcher.prototype, 'close');
    const dump = await readFile('resources/samples/daily-papers-apr-17.txt', 'utf8');

    await trustedInvoke(window, 'renderer:ready', { libraryId: 'smoke-library', papers: 0 });
    expect(await trustedInvoke(window, 'import:text', dump)).toMatchObject({ refused: [] });
    const batch = await vi.waitFor(() => {
      const [first] = window.webContents.payloads('import:batch') as ImportBatch[];
      if (!first) throw new Error('no batch yet');
      return first;
    });
    const [segment] = batch.segments;
    if (!segment) throw new Error('empty batch');
    expect(segment.count).toBe(1);
    const counts = { added: segment.papers.length, updated: 0, unchanged: 0 };
    await trustedInvoke(window, 'import:ack', { streamId: batch.streamId, index: 0, counts });

    // The ledger write of that import is still in flight when the user quits.
    const quit = quitApp(main.fake);
    const ledgerPath = join(main.userData, 'import-ledger.json');
    const event = await quit;
    expect(event.defaultPrevented).toBe(true);
    expect(main.fake.app.quitRequests).toBe(1);
    expect(close).toHaveBeenCalledTimes(1);
    const ledger = JSON.parse(await readFile(ledgerPath, 'utf8')) as { hash: string }[];
    expect(ledger.map((entry) => entry.hash)).toEqual([segment.source.hash]);
  });

  it('does not hold the quit a second time', async () => {
    main = await launchMain();
    await openedWindow(main.fake);
    expect((await quitApp(main.fake)).defaultPrevented).toBe(true);
    const again = preventableEvent();
    main.fake.app.emit('will-quit', again);
    expect(again.defaultPrevented).toBe(false);
    expect(main.fake.app.quitRequests).toBe(1);
  });

  it('quits when the last window closes (except on macOS)', async () => {
    main = await launchMain();
    await openedWindow(main.fake);
    main.fake.app.emit('window-all-closed');
    expect(main.fake.app.quitRequests).toBe(process.platform === 'darwin' ? 0 : 1);
  });
});

describe('start-up failure', () => {
  it('shows one error box and quits when the user-data folder cannot be created', async () => {
    main = await launchMain({
      beforeStart: ({ userData }) => writeFile(userData, 'a file where the folder should be'),
    });
    const { fake } = main;
    await vi.waitFor(() => expect(fake.errorBoxes).toHaveLength(1));
    expect(fake.errorBoxes[0]?.title).toBe('Paper Queue could not start');
    expect(fake.errorBoxes[0]?.content).toContain('EEXIST');
    expect(fake.app.quitRequests).toBe(1);
    expect(fake.windows).toHaveLength(0);
  });
});
