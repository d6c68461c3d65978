import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FlushRequest } from '../../src/shared/ipc-validators';
import { preventableEvent, type FakeBrowserWindow } from './fake-electron';
import { launchMain, openedWindow, type LaunchedMain } from './launch-main';

let main: LaunchedMain;
let window: FakeBrowserWindow;

beforeEach(async () => {
  main = await launchMain();
  window = await openedWindow(main.fake);
});
afterEach(async () => main.shutdown());

/** The user closes the window; returns whether main held the close. */
function userCloses(): boolean {
  const event = preventableEvent();
  window.emit('close', event);
  if (!event.defaultPrevented) window.emit('closed');
  return event.defaultPrevented;
}

/** The renderer answers the latest flush request. */
async function rendererAnswers(saved: boolean): Promise<void> {
  const requests = window.webContents.payloads('renderer:flush-request') as FlushRequest[];
  const latest = requests.at(-1);
  if (!latest) throw new Error('main asked for no flush');
  const handler = main.fake.ipcHandlers.get('renderer:flushed');
  await handler?.(
    { sender: window.webContents, senderFrame: { url: 'app://paper-queue/index.html' } },
    { requestId: latest.requestId, saved },
  );
}

describe('closing the window', () => {
  it('waits until the renderer has saved pending notes, then closes', async () => {
    expect(userCloses()).toBe(true);
    expect(window.webContents.payloads('renderer:flush-request')).toHaveLength(1);
    expect(userCloses()).toBe(true);
    expect(window.webContents.payloads('renderer:flush-request')).toHaveLength(1);
    expect(window.closed).toBe(false);
    await rendererAnswers(true);
    await vi.waitFor(() => expect(window.closed).toBe(true));
    expect(main.fake.messageBoxes.shown).toEqual([]);
  });

  it('asks before closing when a note could not be saved', async () => {
    main.fake.messageBoxes.answer = 0;
    userCloses();
    await rendererAnswers(false);
    await vi.waitFor(() => expect(main.fake.messageBoxes.shown).toHaveLength(1));
    expect(main.fake.messageBoxes.shown[0]).toMatchObject({
      message: 'A note could not be saved',
      buttons: ['Keep the Window Open', 'Close Without Saving'],
    });
    expect(window.closed).toBe(false);

    main.fake.messageBoxes.answer = 1;
    userCloses();
    await rendererAnswers(false);
    await vi.waitFor(() => expect(window.closed).toBe(true));
  });

  it('closes after the time limit when the renderer does not answer', async () => {
    userCloses();
    await vi.waitFor(() => expect(window.closed).toBe(true), { timeout: 5000 });
    expect(main.fake.messageBoxes.shown).toEqual([]);
  });

  it('quits after the flush when the close was part of quitting', async () => {
    const before = main.fake.app.quitRequests;
    main.fake.app.emit('before-quit', preventableEvent());
    userCloses();
    await rendererAnswers(true);
    await vi.waitFor(() => expect(main.fake.app.quitRequests).toBe(before + 1));
  });

  it('does not hold the close of a renderer that crashed', () => {
    window.webContents.crashed = true;
    expect(userCloses()).toBe(false);
    expect(window.webContents.payloads('renderer:flush-request')).toEqual([]);
  });
});
