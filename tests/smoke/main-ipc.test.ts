import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REQUEST_VALIDATORS, type InvokeChannel } from '../../src/shared/ipc-contract';
import { FakeWebContents, type FakeBrowserWindow } from './fake-electron';
import { launchMain, openedWindow, type LaunchedMain } from './launch-main';

let main: LaunchedMain;
let window: FakeBrowserWindow;

beforeEach(async () => {
  main = await launchMain();
  window = await openedWindow(main.fake);
});
afterEach(async () => main.shutdown());

/** Invokes `channel` as a renderer would, from `sender` showing `frameUrl`. */
function invoke(
  channel: InvokeChannel,
  payload: unknown,
  sender: unknown = window.webContents,
  frameUrl = 'app://paper-queue/index.html',
): Promise<unknown> {
  const handler = main.fake.ipcHandlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler({ sender, senderFrame: { url: frameUrl } }, payload);
}

describe('IPC registration', () => {
  it('has exactly one handler for every invoke channel of the contract', () => {
    expect([...main.fake.ipcHandlers.keys()].sort()).toEqual(
      Object.keys(REQUEST_VALIDATORS).sort(),
    );
  });

  it('answers the app window with the real backend', async () => {
    expect(await invoke('app:info', null)).toEqual({
      name: 'Paper Queue',
      version: '0.0.0-smoke',
      platform: process.platform,
      userDataFolder: main.userData,
    });
    expect(await invoke('settings:get', null)).toEqual({ inboxFolder: main.inbox });
  });
});

describe('IPC refusals', () => {
  it('refuses a sender that is not the app window, on every channel', async () => {
    const stranger = new FakeWebContents();
    for (const channel of Object.keys(REQUEST_VALIDATORS) as InvokeChannel[]) {
      await expect(invoke(channel, null, stranger)).rejects.toThrow(
        `Refused ${channel}: untrusted sender.`,
      );
    }
  });

  it('refuses the app window once it shows a page from another origin', async () => {
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://other/index.html']) {
      await expect(invoke('app:info', null, window.webContents, url)).rejects.toThrow(
        'untrusted sender',
      );
    }
  });

  it('refuses bad payloads before any handler runs', async () => {
    const bad: [InvokeChannel, unknown][] = [
      ['app:info', { extra: true }],
      ['import:text', 42],
      ['import:text', '   '],
      ['import:files', [{ name: '../../escape.txt', bytes: new Uint8Array([65]) }]],
      ['import:files', 'not a list'],
      ['import:ack', { importId: 7 }],
      ['shell:open-external', 'file:///etc/passwd'],
      ['shell:open-external', 'javascript:alert(1)'],
    ];
    for (const [channel, payload] of bad) {
      await expect(invoke(channel, payload)).rejects.toThrow(
        `Refused ${channel}: invalid payload.`,
      );
    }
    expect(main.fake.openedExternally).toEqual([]);
  });

  it('opens only http(s) URLs in the system browser', async () => {
    expect(await invoke('shell:open-external', 'https://arxiv.org/abs/2404.00001')).toBe(true);
    expect(main.fake.openedExternally).toEqual(['https://arxiv.org/abs/2404.00001']);
  });
});
