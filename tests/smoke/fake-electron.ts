import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/**
 * A small stand-in for the `electron` module, enough to run the built main process
 * (out/main/index.js) in Node: every API main calls exists, records what main asked for, and
 * lets a test emit what Electron would (second instance, will-quit, navigation...). Nothing
 * here decides security: the assertions are made against what main configured.
 */

type Listener = (...args: never[]) => unknown;

/** Electron-style `on`/`once`; the test `emit`s the events Electron would send. */
export class FakeEmitter {
  private readonly listeners = new Map<string, Listener[]>();

  on(name: string, listener: Listener): this {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
    return this;
  }

  once(name: string, listener: Listener): this {
    const wrapped = (...args: never[]): unknown => {
      this.removeListener(name, wrapped);
      return listener(...args);
    };
    return this.on(name, wrapped);
  }

  removeListener(name: string, listener: Listener): this {
    this.listeners.set(
      name,
      (this.listeners.get(name) ?? []).filter((registered) => registered !== listener),
    );
    return this;
  }

  listenerCount(name: string): number {
    return this.listeners.get(name)?.length ?? 0;
  }

  /** Calls every listener of `name` with `args`, as Electron would. */
  emit(name: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(name) ?? []) {
      (listener as (...values: unknown[]) => unknown)(...args);
    }
  }
}

/** An event main may cancel with preventDefault (will-navigate, will-quit...). */
export interface PreventableEvent {
  preventDefault(): void;
  readonly defaultPrevented: boolean;
}

export function preventableEvent(): PreventableEvent {
  let prevented = false;
  return {
    preventDefault: () => {
      prevented = true;
    },
    get defaultPrevented() {
      return prevented;
    },
  };
}

type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

export class FakeWebContents extends FakeEmitter {
  readonly sent: { channel: string; payload: unknown }[] = [];
  windowOpenHandler: WindowOpenHandler | null = null;

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }

  /** Set by a test to play a crashed renderer. */
  crashed = false;

  isCrashed = (): boolean => this.crashed;

  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }

  /** Payloads main sent on `channel`, in order. */
  payloads(channel: string): unknown[] {
    return this.sent.filter((message) => message.channel === channel).map((m) => m.payload);
  }
}

/** The webPreferences and other options main passed to `new BrowserWindow`. */
export interface WindowOptions {
  readonly webPreferences?: Readonly<Record<string, unknown>>;
  readonly [option: string]: unknown;
}

/** An ipcMain.handle handler: (event, payload) => response. */
export type InvokeHandler = (event: unknown, payload: unknown) => Promise<unknown>;
/** A protocol.handle handler. */
export type ProtocolHandler = (request: Request) => Promise<Response>;
type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
) => void;
type PermissionCheckHandler = (contents: unknown, permission: string) => boolean;

/** Folders `app.getPath` answers with, and whether this instance gets the single-instance lock. */
export interface FakeElectronOptions {
  readonly userData: string;
  readonly documents: string;
  readonly appPath: string;
  readonly singleInstanceLock?: boolean;
}

/** The fake module plus everything main registered on it. */
export type FakeElectron = ReturnType<typeof createFakeElectron>;

/** Builds a fresh fake; `module` is what `import … from 'electron'` resolves to. */
export function createFakeElectron(options: FakeElectronOptions) {
  const windows: FakeBrowserWindow[] = [];
  const ipcHandlers = new Map<string, InvokeHandler>();
  const protocolHandlers = new Map<string, ProtocolHandler>();
  const privilegedSchemes: unknown[] = [];
  const openedExternally: string[] = [];
  const errorBoxes: { title: string; content: string }[] = [];
  /** Message boxes main showed, and the button index the next one answers with. */
  const messageBoxes: { answer: number; readonly shown: unknown[] } = { answer: 0, shown: [] };
  const session: {
    permissionRequest: PermissionRequestHandler | null;
    permissionCheck: PermissionCheckHandler | null;
    spellCheckerEnabled: boolean;
  } = { permissionRequest: null, permissionCheck: null, spellCheckerEnabled: true };

  class FakeApp extends FakeEmitter {
    readonly isPackaged = false;
    readonly name = 'Paper Queue';
    quitRequests = 0;
    getName = (): string => this.name;
    getVersion = (): string => '0.0.0-smoke';
    getAppPath = (): string => options.appPath;
    getPath = (name: string): string => {
      if (name === 'userData') return options.userData;
      if (name === 'documents') return options.documents;
      throw new Error(`fake electron: app.getPath('${name}') is not faked`);
    };
    whenReady = (): Promise<void> => Promise.resolve();
    requestSingleInstanceLock = (): boolean => options.singleInstanceLock ?? true;
    quit = (): void => {
      this.quitRequests += 1;
    };
    showAboutPanel = (): void => undefined;
  }
  const app = new FakeApp();

  class FakeBrowserWindow extends FakeEmitter {
    readonly webContents = new FakeWebContents();
    readonly loadedUrls: string[] = [];
    minimized = false;
    focusCount = 0;
    restoreCount = 0;

    constructor(readonly options: WindowOptions) {
      super();
      windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }

    static getAllWindows(): FakeBrowserWindow[] {
      return [...windows];
    }

    loadURL(url: string): Promise<void> {
      this.loadedUrls.push(url);
      return Promise.resolve();
    }
    /** True once a close went through ('closed' emitted). */
    closed = false;

    /** Like Electron: emits a preventable 'close', then 'closed' unless it was prevented. */
    close = (): void => {
      const event = preventableEvent();
      this.emit('close', event);
      if (event.defaultPrevented) return;
      this.closed = true;
      this.emit('closed');
    };
    isDestroyed = (): boolean => this.closed;
    isMinimized = (): boolean => this.minimized;
    isMaximized = (): boolean => false;
    restore = (): void => {
      this.minimized = false;
      this.restoreCount += 1;
    };
    focus = (): void => {
      this.focusCount += 1;
    };
    show = (): void => undefined;
    maximize = (): void => undefined;
    getNormalBounds = () => ({ x: 10, y: 10, width: 1280, height: 820 });
  }

  const module = {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain: {
      handle: (channel: string, handler: InvokeHandler) => {
        if (ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
        ipcHandlers.set(channel, handler);
      },
      removeHandler: (channel: string) => ipcHandlers.delete(channel),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => privilegedSchemes.push(...schemes),
      handle: (scheme: string, handler: ProtocolHandler) => protocolHandlers.set(scheme, handler),
    },
    // Electron's net.fetch reads file:// URLs; Node's fetch cannot, so read the file directly.
    net: {
      fetch: async (url: string) => new Response(await readFile(fileURLToPath(url))),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: PermissionRequestHandler) => {
          session.permissionRequest = handler;
        },
        setPermissionCheckHandler: (handler: PermissionCheckHandler) => {
          session.permissionCheck = handler;
        },
        setSpellCheckerEnabled: (enabled: boolean) => {
          session.spellCheckerEnabled = enabled;
        },
      },
    },
    shell: {
      openExternal: async (url: string) => {
        openedExternally.push(url);
      },
      openPath: async () => '',
    },
    dialog: {
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showErrorBox: (title: string, content: string) => errorBoxes.push({ title, content }),
      showMessageBoxSync: (_window: unknown, options: unknown): number => {
        messageBoxes.shown.push(options);
        return messageBoxes.answer;
      },
    },
    screen: {
      getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
    },
    Menu: {
      buildFromTemplate: (template: unknown[]) => ({ template }),
      setApplicationMenu: () => undefined,
    },
  };

  return {
    module,
    app,
    windows,
    ipcHandlers,
    protocolHandlers,
    privilegedSchemes,
    session,
    openedExternally,
    errorBoxes,
    messageBoxes,
  };
}

export type FakeBrowserWindow = InstanceType<FakeElectron['module']['BrowserWindow']>;

/** The renderer side of IPC as the preload sees it; `invoke` answers with a marker string. */
export class FakeIpcRenderer extends FakeEmitter {
  readonly invoked: { channel: string; payload: unknown }[] = [];

  invoke(channel: string, payload: unknown): Promise<unknown> {
    this.invoked.push({ channel, payload });
    return Promise.resolve(`answer to ${channel}`);
  }
}
