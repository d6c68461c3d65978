import { BrowserWindow, screen, shell, type WebContents } from 'electron';
import { isHttpUrl } from '../shared/ipc-validators';
import { reachableBounds, type WindowBounds } from './core/settings/settings-store';

/** Options for the one application window. */
export interface MainWindowOptions {
  readonly preloadPath: string;
  readonly rememberedBounds: WindowBounds | null;
  readonly onBoundsSettled: (bounds: WindowBounds) => void;
}

/** Opens http(s) links in the system browser; everything else is dropped. */
export function openExternalSafely(url: string): void {
  if (isHttpUrl(url)) void shell.openExternal(url);
}

/**
 * Applies the navigation rules to any web contents: no new windows (http links go to the system
 * browser), no navigation away from the app, no <webview>.
 */
export function lockDownWebContents(
  contents: WebContents,
  isAppUrl: (url: string) => boolean,
): void {
  contents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    openExternalSafely(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Creates the main window with the security checklist's defaults and remembered geometry. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  const bounds = reachableBounds(options.rememberedBounds, workAreas);
  const window = new BrowserWindow({
    ...(bounds
      ? { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height }
      : { width: 1280, height: 820 }),
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Paper Queue',
    backgroundColor: '#1e1f22',
    autoHideMenuBar: false,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      navigateOnDragDrop: false,
      // On Windows and Linux Chromium's spellchecker downloads Hunspell dictionaries from
      // Google's CDN; the app promises that nothing leaves the machine, so it is off.
      spellcheck: false,
    },
  });
  if (bounds?.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  let timer: NodeJS.Timeout | undefined;
  const settle = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (window.isDestroyed()) return;
      options.onBoundsSettled({ ...window.getNormalBounds(), maximized: window.isMaximized() });
    }, 500);
  };
  window.on('resize', settle);
  window.on('move', settle);
  window.on('maximize', settle);
  window.on('unmaximize', settle);
  window.on('close', () => {
    clearTimeout(timer);
    options.onBoundsSettled({ ...window.getNormalBounds(), maximized: window.isMaximized() });
  });
  return window;
}
