import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { vi } from 'vitest';
import {
  createFakeElectron,
  preventableEvent,
  type FakeBrowserWindow,
  type FakeElectron,
  type PreventableEvent,
} from './fake-electron';

/** The built main process, as `npm start` and the package run it. */
export const MAIN_BUNDLE = resolve('out/main/index.js');

/** One run of the built main process against a fresh fake Electron and a fresh home folder. */
export interface LaunchedMain {
  readonly fake: FakeElectron;
  readonly home: string;
  readonly userData: string;
  readonly inbox: string;
  /** Emits will-quit as Electron does, waits for main's app.quit(), removes the home folder. */
  shutdown(): Promise<void>;
}

/** How to start: without the single-instance lock, or after preparing the user-data path. */
export interface LaunchOptions {
  readonly singleInstanceLock?: boolean;
  readonly beforeStart?: (paths: { readonly userData: string }) => Promise<void>;
}

/**
 * Imports out/main/index.js anew with `electron` replaced by a fake, in a fresh module registry
 * so its top-level code (single-instance lock, scheme registration, start) runs again.
 */
export async function launchMain(options: LaunchOptions = {}): Promise<LaunchedMain> {
  const home = await mkdtemp(join(tmpdir(), 'pq-smoke-'));
  const userData = join(home, 'user-data');
  const documents = join(home, 'Documents');
  await options.beforeStart?.({ userData });
  const fake = createFakeElectron({
    userData,
    documents,
    appPath: process.cwd(),
    singleInstanceLock: options.singleInstanceLock ?? true,
  });
  vi.resetModules();
  vi.doMock('electron', () => fake.module);
  delete process.env['ELECTRON_RENDERER_URL'];
  await import(pathToFileURL(MAIN_BUNDLE).href);
  return {
    fake,
    home,
    userData,
    inbox: join(documents, 'Paper Queue Inbox'),
    shutdown: async () => {
      if (fake.ipcHandlers.size > 0) await quitApp(fake);
      await rm(home, { recursive: true, force: true });
    },
  };
}

/** Waits until main has opened its window and loaded the renderer into it. */
export async function openedWindow(fake: FakeElectron): Promise<FakeBrowserWindow> {
  return vi.waitFor(
    () => {
      const window = fake.windows[0];
      if (window === undefined || window.loadedUrls.length === 0) throw new Error('no window yet');
      return window;
    },
    { timeout: 10_000 },
  );
}

/**
 * Quits the way Electron does: will-quit first (main may prevent it to finish work and call
 * app.quit() again), then will-quit once more after that app.quit(). Returns the first event.
 */
export async function quitApp(fake: FakeElectron): Promise<PreventableEvent> {
  const before = fake.app.quitRequests;
  const event = preventableEvent();
  fake.app.emit('will-quit', event);
  if (event.defaultPrevented) {
    await vi.waitFor(
      () => {
        if (fake.app.quitRequests === before) throw new Error('main has not quit yet');
      },
      { timeout: 10_000 },
    );
    fake.app.emit('will-quit', preventableEvent());
  }
  return event;
}
