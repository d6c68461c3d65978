import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type {
  ImportNotice,
  ImportOrigin,
  ImportRequestResult,
  InboxStatus,
} from '../../shared/import-types';
import type { InvokeChannel, RequestOf, ResponseOf } from '../../shared/ipc-contract';
import { isHttpUrl, MAX_DUMP_BYTES } from '../../shared/ipc-validators';
import type { AppInfo, AppSettings } from '../../shared/settings';
import { describeFsError } from './fs/atomic-write';
import { InboxWatcher } from './inbox/inbox-watcher';
import { writeIntoInbox } from './inbox/inbox-writer';
import type { EventSender } from './import/event-sender';
import { hashBytes, ImportCoordinator, type CoordinatorOptions } from './import/import-coordinator';
import { ImportLedger } from './import/import-ledger';
import { readDumpFile } from './import/read-dump-file';
import { parseDump } from './parser';
import { loadSettings, saveSettings, type StoredSettings } from './settings/settings-store';

/** What the backend needs from its host: Electron in the app, a Playwright page in e2e tests. */
export interface PlatformPort {
  readonly appInfo: AppInfo;
  /** Folder holding the bundled sample dumps. */
  readonly samplesFolder: string;
  readonly send: EventSender;
  /** Asks the user for a folder; null when cancelled. */
  chooseFolder(current: string): Promise<string | null>;
  /** Asks the user for dump files to import; empty when cancelled. */
  pickDumpFiles(): Promise<readonly string[]>;
  revealFolder(path: string): Promise<void>;
  /** Opens a URL already checked to be http(s) in the system browser. */
  openExternal(url: string): Promise<void>;
}

/** One async handler per invoke channel. */
export type InvokeHandlers = {
  readonly [C in InvokeChannel]: (payload: RequestOf<C>) => Promise<ResponseOf<C>>;
};

/** The running backend: IPC handlers plus lifecycle hooks for the host. */
export interface Backend {
  readonly handlers: InvokeHandlers;
  readonly coordinator: ImportCoordinator;
  /** The renderer is reloading or gone: in-flight imports restart when it is ready again. */
  rendererGone(): void;
  /** Current settings including window bounds (the host persists bounds through `saveWindow`). */
  settings(): StoredSettings;
  saveWindow(bounds: StoredSettings['window']): Promise<void>;
  dispose(): Promise<void>;
}

/** Where the backend keeps its files. */
export interface BackendPaths {
  readonly userDataFolder: string;
  readonly defaultInboxFolder: string;
}

/**
 * Builds the main-process backend from pure Node parts. Electron's glue and the e2e test bridge
 * both use this, so the code the tests exercise is the code the app runs.
 */
export async function createBackend(
  platform: PlatformPort,
  paths: BackendPaths,
  options: CoordinatorOptions & { readonly watchStabilityMs?: number } = {},
): Promise<Backend> {
  await mkdir(paths.userDataFolder, { recursive: true });
  const settingsPath = join(paths.userDataFolder, 'settings.json');
  let settings = await loadSettings(settingsPath, {
    inboxFolder: paths.defaultInboxFolder,
    window: null,
  });
  const ledger = await ImportLedger.open(join(paths.userDataFolder, 'import-ledger.json'));
  const coordinator = new ImportCoordinator(ledger, platform.send, options);
  let status: InboxStatus = { folder: settings.inboxFolder, state: 'starting', message: null };
  let watcher: InboxWatcher | null = null;

  const publicSettings = (): AppSettings => ({ inboxFolder: settings.inboxFolder });

  async function startWatching(): Promise<void> {
    await watcher?.stop();
    if (settings.inboxFolder === paths.defaultInboxFolder) {
      await mkdir(settings.inboxFolder, { recursive: true }).catch(() => undefined);
    }
    watcher = new InboxWatcher(
      settings.inboxFolder,
      {
        onFile: (path, reason) => coordinator.enqueue(path, reason),
        onStatus: (next) => {
          status = next;
          platform.send('inbox:status', next);
        },
      },
      options.watchStabilityMs,
    );
    await watcher.start();
  }

  /** Why a handed-over file did not enter the pipeline. */
  type Refusal = { readonly kind: ImportNotice['kind']; readonly message: string };

  async function intake(
    name: string,
    bytes: Uint8Array,
    origin: ImportOrigin,
  ): Promise<string | Refusal> {
    if (bytes.byteLength > MAX_DUMP_BYTES) {
      return {
        kind: 'rejected',
        message: `${name} is larger than ${MAX_DUMP_BYTES / (1024 * 1024)} MB and was refused.`,
      };
    }
    const hash = hashBytes(bytes);
    if (coordinator.knows(hash)) {
      return {
        kind: 'already-imported',
        message: `${name} was already imported; nothing changed.`,
      };
    }
    const result = parseDump(bytes, { referenceDate: new Date() });
    if (result.rejection !== null)
      return { kind: 'rejected', message: `${name} ${result.rejection}.` };
    try {
      const path = await writeIntoInbox(settings.inboxFolder, name, bytes);
      coordinator.enqueue(path, origin, { hash, result });
      return path;
    } catch (error) {
      return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
    }
  }

  async function intakeAll(
    files: readonly { name: string; bytes: Uint8Array }[],
    origin: ImportOrigin,
  ): Promise<ImportRequestResult> {
    const accepted: string[] = [];
    const refused: { file: string; message: string }[] = [];
    for (const file of files) {
      const outcome = await intake(file.name, file.bytes, origin);
      if (typeof outcome === 'string') {
        accepted.push(file.name);
      } else {
        refused.push({ file: file.name, message: outcome.message });
        platform.send('import:notice', {
          file: file.name,
          origin,
          kind: outcome.kind,
          message: outcome.message,
          at: new Date().toISOString(),
        });
      }
    }
    return { accepted, refused };
  }

  async function readFiles(
    filePaths: readonly string[],
    origin: ImportOrigin,
  ): Promise<{ name: string; bytes: Uint8Array }[]> {
    const files: { name: string; bytes: Uint8Array }[] = [];
    for (const path of filePaths) {
      const name = path.split(/[\\/]/).pop() ?? path;
      let problem: string;
      try {
        const dump = await readDumpFile(path);
        if (!dump.tooLarge) {
          files.push({ name, bytes: dump.bytes });
          continue;
        }
        problem = dump.tooLarge;
      } catch (error) {
        problem = error instanceof Error ? error.message : describeFsError(error, path);
      }
      platform.send('import:notice', {
        file: name,
        origin,
        kind: 'failed',
        message: problem,
        at: new Date().toISOString(),
      });
    }
    return files;
  }

  const handlers: InvokeHandlers = {
    'app:info': async () => platform.appInfo,
    'settings:get': async () => publicSettings(),
    'inbox:choose-folder': async () => {
      const chosen = await platform.chooseFolder(settings.inboxFolder);
      if (chosen === null) return null;
      settings = { ...settings, inboxFolder: chosen };
      await saveSettings(settingsPath, settings);
      await startWatching();
      return publicSettings();
    },
    'inbox:reveal': async () => {
      await mkdir(settings.inboxFolder, { recursive: true });
      await platform.revealFolder(settings.inboxFolder);
      return null;
    },
    'import:pick-files': async () =>
      intakeAll(await readFiles(await platform.pickDumpFiles(), 'dialog'), 'dialog'),
    'import:files': async (files) => intakeAll(files, 'drop'),
    'import:text': async (text) => {
      const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
      return intakeAll(
        [{ name: `pasted-${stamp}.txt`, bytes: new TextEncoder().encode(text) }],
        'paste',
      );
    },
    'import:samples': async () => {
      const names = (await readdir(platform.samplesFolder))
        .filter((name) => name.endsWith('.txt'))
        .sort();
      return intakeAll(
        await readFiles(
          names.map((name) => join(platform.samplesFolder, name)),
          'samples',
        ),
        'samples',
      );
    },
    'import:ack': async (ack) => {
      coordinator.acknowledge(ack);
      return null;
    },
    'import:fail': async (failure) => {
      coordinator.fail(failure);
      return null;
    },
    'renderer:ready': async () => {
      coordinator.setRendererReady(true);
      return status;
    },
    'shell:open-external': async (url) => {
      if (!isHttpUrl(url)) return false;
      await platform.openExternal(url);
      return true;
    },
  };

  await startWatching();

  return {
    handlers,
    coordinator,
    rendererGone: () => coordinator.setRendererReady(false),
    settings: () => settings,
    saveWindow: async (bounds) => {
      settings = { ...settings, window: bounds };
      await saveSettings(settingsPath, settings);
    },
    dispose: async () => {
      await watcher?.stop();
      watcher = null;
      coordinator.setRendererReady(false);
      await coordinator.whenIdle();
    },
  };
}
