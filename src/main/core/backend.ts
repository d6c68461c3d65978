import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { InvokeChannel, RequestOf, ResponseOf } from '../../shared/ipc-contract';
import { isExternalUrl } from '../../shared/ipc-validators';
import {
  DEFAULT_PREFERENCES,
  type AppInfo,
  type AppSettings,
  type ThemeChoice,
} from '../../shared/settings';
import type { BackupDialogs } from './backup/backup-dialogs';
import { BackupService } from './backup/backup-service';
import { FlushRequests, type FlushResult } from './flush-requests';
import { InboxControl } from './inbox/inbox-control';
import type { EventSender } from './import/event-sender';
import { ImportCoordinator, type CoordinatorOptions } from './import/import-coordinator';
import { ImportLedger, type LedgerOptions } from './import/import-ledger';
import { Intake, type IntakeOptions } from './import/intake';
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
  /** Opens a URL already checked to be http(s) or a plain mailto link (browser, mail program). */
  openExternal(url: string): Promise<void>;
  /** Applies a newly chosen theme to native UI (Electron's nativeTheme); absent in tests. */
  applyTheme?(theme: ThemeChoice): void;
  /** Save/open/folder dialogs of backups, restores and exports. */
  readonly backupDialogs: BackupDialogs;
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
  /** Asks the renderer to save pending edits (before closing), waiting at most `limitMs`. */
  flushRenderer(limitMs: number): Promise<FlushResult>;
  dispose(): Promise<void>;
}

/** Where the backend keeps its files. */
export interface BackendPaths {
  readonly userDataFolder: string;
  readonly defaultInboxFolder: string;
}

/** Tuning of the backend's parts, injectable for tests. */
export interface BackendOptions extends CoordinatorOptions {
  readonly watchStabilityMs?: number;
  readonly intake?: IntakeOptions;
  readonly ledger?: LedgerOptions;
}

/**
 * Builds the main-process backend from pure Node parts. Electron's glue and the e2e test bridge
 * both use this, so the code the tests exercise is the code the app runs.
 */
export async function createBackend(
  platform: PlatformPort,
  paths: BackendPaths,
  options: BackendOptions = {},
): Promise<Backend> {
  await mkdir(paths.userDataFolder, { recursive: true });
  const settingsPath = join(paths.userDataFolder, 'settings.json');
  let settings = await loadSettings(settingsPath, {
    inboxFolder: paths.defaultInboxFolder,
    preferences: DEFAULT_PREFERENCES,
    window: null,
  });
  const ledger = await ImportLedger.open(
    join(paths.userDataFolder, 'import-ledger.json'),
    options.ledger,
  );
  const coordinator = new ImportCoordinator(ledger, platform.send, options);
  const intake = new Intake(coordinator, () => settings.inboxFolder, options.intake);
  const flushes = new FlushRequests(platform.send);
  const inbox = new InboxControl(
    settings.inboxFolder,
    {
      onFile: (path, reason) => coordinator.enqueue(path, reason),
      onStatus: (status) => platform.send('inbox:status', status),
    },
    { userDataFolder: paths.userDataFolder, stabilityMs: options.watchStabilityMs },
  );
  // The library the last ready renderer holds; another one (a reset IndexedDB) gets the inbox again.
  let libraryId: string | null = null;
  const watchInbox = (): Promise<void> =>
    inbox.watch(settings.inboxFolder, settings.inboxFolder === paths.defaultInboxFolder);
  const publicSettings = (): AppSettings => ({
    inboxFolder: settings.inboxFolder,
    preferences: settings.preferences,
  });
  const backup = new BackupService({
    userDataFolder: paths.userDataFolder,
    appLabel: `${platform.appInfo.name} ${platform.appInfo.version}`,
    dialogs: platform.backupDialogs,
    revealFolder: (path) => platform.revealFolder(path),
  });

  const handlers: InvokeHandlers = {
    'app:info': async () => platform.appInfo,
    'settings:get': async () => publicSettings(),
    'settings:set-preferences': async (preferences) => {
      settings = { ...settings, preferences };
      platform.applyTheme?.(preferences.theme);
      await saveSettings(settingsPath, settings);
      return publicSettings();
    },
    'inbox:choose-folder': async () => {
      const chosen = await platform.chooseFolder(settings.inboxFolder);
      if (chosen === null) return null;
      const problem = await inbox.problemWith(chosen);
      if (problem !== null) throw new Error(problem);
      settings = { ...settings, inboxFolder: chosen };
      await saveSettings(settingsPath, settings);
      await watchInbox();
      return publicSettings();
    },
    'inbox:reveal': async () => {
      await mkdir(settings.inboxFolder, { recursive: true });
      await platform.revealFolder(settings.inboxFolder);
      return null;
    },
    'import:pick-files': async () => {
      const { files, unreadable } = await intake.readFiles(await platform.pickDumpFiles());
      return intake.acceptAll(files, 'dialog', unreadable);
    },
    'import:files': async (files) => intake.acceptAll(files, 'drop'),
    'import:text': async (text) => {
      const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
      const bytes = new TextEncoder().encode(text);
      return intake.acceptAll([{ name: `pasted-${stamp}.txt`, bytes }], 'paste');
    },
    'import:samples': async () => {
      const names = (await readdir(platform.samplesFolder))
        .filter((name) => name.endsWith('.txt'))
        .sort();
      const paths = names.map((name) => join(platform.samplesFolder, name));
      const { files, unreadable } = await intake.readFiles(paths);
      return intake.acceptAll(files, 'samples', unreadable);
    },
    'import:ack': async (ack) => {
      coordinator.acknowledge(ack);
      return null;
    },
    'import:fail': async (failure) => {
      coordinator.fail(failure);
      return null;
    },
    'renderer:ready': async (hello) => {
      // Entries from before libraries had ids belong to the library that already holds papers.
      if (hello.papers > 0) await ledger.adoptLegacy(hello.libraryId).catch(() => 0);
      const changed = libraryId !== null && libraryId !== hello.libraryId;
      libraryId = hello.libraryId;
      coordinator.rendererReady(hello.libraryId);
      if (changed) await inbox.rescan();
      return inbox.status;
    },
    'inbox:reimport': async () => {
      if (inbox.status.state === 'error' && inbox.status.message) {
        throw new Error(inbox.status.message);
      }
      const files = await inbox.files();
      for (const path of files) coordinator.enqueue(path, 'reimport', { force: true });
      return { queued: files.length };
    },
    'shell:open-external': async (url) => {
      if (!isExternalUrl(url)) return false;
      await platform.openExternal(url);
      return true;
    },
    'renderer:flushed': async (answer) => {
      flushes.answer(answer);
      return null;
    },
    ...backup.handlers,
  };

  await watchInbox();

  return {
    handlers,
    coordinator,
    rendererGone: () => coordinator.rendererGone(),
    settings: () => settings,
    saveWindow: async (bounds) => {
      settings = { ...settings, window: bounds };
      await saveSettings(settingsPath, settings);
    },
    flushRenderer: (limitMs) => flushes.request(limitMs),
    dispose: async () => {
      await inbox.stop();
      intake.dispose();
      coordinator.rendererGone();
      await coordinator.whenIdle();
      await ledger.close();
      await backup.dispose();
    },
  };
}
