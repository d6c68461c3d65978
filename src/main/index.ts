import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  session,
  shell,
  type IpcMainInvokeEvent,
} from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EventChannel, EventContract } from '../shared/ipc-contract';
import { registerAppSchemePrivileges, serveRenderer } from './app-protocol';
import { createBackupDialogs } from './backup-dialogs';
import { guardWindowClose } from './close-guard';
import { APP_ORIGIN } from './core/app-assets';
import { createBackend, type Backend, type PlatformPort } from './core/backend';
import { isTrustedFrameUrl } from './core/ipc-dispatch';
import { registerInvokeHandlers } from './ipc/typed-handle';
import { installApplicationMenu } from './menu';
import { createMainWindow, lockDownWebContents } from './window';
import { errorMessage } from '../shared/error-message';

const outDir = fileURLToPath(new URL('..', import.meta.url));
const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;
const trustedOrigins = devServerUrl ? [APP_ORIGIN, new URL(devServerUrl).origin] : [APP_ORIGIN];
const isAppUrl = (url: string): boolean => isTrustedFrameUrl(url, trustedOrigins);

registerAppSchemePrivileges();

/** Longest a quit waits for the backend to finish its writes. */
const QUIT_GRACE_MS = 5000;

let mainWindow: BrowserWindow | null = null;
let backend: Backend | null = null;

function send<E extends EventChannel>(channel: E, payload: EventContract[E]): void {
  if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(channel, payload);
}

function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  return (
    mainWindow !== null &&
    event.sender === mainWindow.webContents &&
    event.senderFrame !== null &&
    isAppUrl(event.senderFrame.url)
  );
}

const platform: PlatformPort = {
  appInfo: {
    name: app.getName(),
    version: app.getVersion(),
    platform: process.platform,
    userDataFolder: app.getPath('userData'),
  },
  samplesFolder: app.isPackaged
    ? join(process.resourcesPath, 'samples')
    : join(app.getAppPath(), 'resources', 'samples'),
  send,
  chooseFolder: async (current) => {
    const options = {
      title: 'Choose the inbox folder',
      defaultPath: current,
      properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[],
    };
    const result = mainWindow
      ? await dialog.showOpenDialog(mainWindow, options)
      : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  },
  pickDumpFiles: async () => {
    const options = {
      title: 'Import listing dumps',
      properties: ['openFile', 'multiSelections'] as ('openFile' | 'multiSelections')[],
      filters: [
        { name: 'Listing dumps', extensions: ['txt', 'text', 'md'] },
        { name: 'All files', extensions: ['*'] },
      ],
    };
    const result = mainWindow
      ? await dialog.showOpenDialog(mainWindow, options)
      : await dialog.showOpenDialog(options);
    return result.canceled ? [] : result.filePaths;
  },
  revealFolder: async (path) => {
    const problem = await shell.openPath(path);
    if (problem) throw new Error(problem);
  },
  openExternal: (url) => shell.openExternal(url),
  backupDialogs: createBackupDialogs(() => mainWindow),
};

function openWindow(activeBackend: Backend): void {
  const window = createMainWindow({
    preloadPath: join(outDir, 'preload', 'index.cjs'),
    rememberedBounds: activeBackend.settings().window,
    onBoundsSettled: (bounds) =>
      void activeBackend.saveWindow(bounds).catch((error: unknown) => console.error(error)),
  });
  mainWindow = window;
  guardWindowClose(window, (limitMs) => activeBackend.flushRenderer(limitMs));
  window.webContents.on('did-start-navigation', (details) => {
    if (details.isMainFrame && !details.isSameDocument) activeBackend.rendererGone();
  });
  window.webContents.on('render-process-gone', () => activeBackend.rendererGone());
  window.on('closed', () => {
    activeBackend.rendererGone();
    mainWindow = null;
  });
  void window.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
}

async function start(): Promise<void> {
  await app.whenReady();
  serveRenderer(join(outDir, 'renderer'));
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.setPermissionCheckHandler(() => false);
  // No spellchecker in any web contents: no dictionary download (see createMainWindow).
  session.defaultSession.setSpellCheckerEnabled(false);
  app.on('web-contents-created', (_event, contents) => lockDownWebContents(contents, isAppUrl));

  const activeBackend = await createBackend(
    platform,
    {
      userDataFolder: app.getPath('userData'),
      defaultInboxFolder: join(app.getPath('documents'), 'Paper Queue Inbox'),
    },
    { log: (message) => console.warn(message) },
  );
  backend = activeBackend;
  registerInvokeHandlers(ipcMain, activeBackend.handlers, isTrustedSender);
  installApplicationMenu((command) => send('menu:command', command), devServerUrl !== undefined);
  openWindow(activeBackend);

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow(activeBackend);
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // Electron does not wait for async listeners: hold the quit until the backend has closed the
  // watcher and written the ledger, then quit for real (bounded, so quitting never hangs).
  let disposing: Promise<void> | null = null;
  let disposed = false;
  app.on('will-quit', (event) => {
    const active = backend;
    if (disposed || active === null) return;
    event.preventDefault();
    disposing ??= Promise.race([
      active.dispose().catch((error: unknown) => console.error(error)),
      new Promise<void>((resolve) => setTimeout(resolve, QUIT_GRACE_MS).unref()),
    ]).then(() => {
      disposed = true;
      app.quit();
    });
  });
  start().catch((error: unknown) => {
    dialog.showErrorBox('Paper Queue could not start', errorMessage(error));
    app.quit();
  });
}
