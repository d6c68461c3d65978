import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isExternalUrl } from '../../shared/ipc-validators';
import { DEFAULT_PREFERENCES, type AppInfo, type ThemeChoice } from '../../shared/settings';
import type { BackupDialogs } from './backup/backup-dialogs';
import { BackupService } from './backup/backup-service';
import { FlushRequests, type FlushResult } from './flush-requests';
import { InboxControl } from './inbox/inbox-control';
import { inboxHandlers } from './inbox/inbox-handlers';
import type { EventSender } from './import/event-sender';
import { ImportCoordinator, type CoordinatorOptions } from './import/import-coordinator';
import { importHandlers } from './import/import-handlers';
import { ImportLedger, type LedgerOptions } from './import/import-ledger';
import { Intake, type IntakeOptions } from './import/intake';
import type { InvokeHandlers } from './ipc-dispatch';
import { SettingsService } from './settings/settings-service';
import type { StoredSettings } from './settings/settings-store';

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
  const settings = await SettingsService.open(join(paths.userDataFolder, 'settings.json'), {
    inboxFolder: paths.defaultInboxFolder,
    preferences: DEFAULT_PREFERENCES,
    window: null,
  });
  const ledger = await ImportLedger.open(
    join(paths.userDataFolder, 'import-ledger.json'),
    options.ledger,
  );
  const coordinator = new ImportCoordinator(ledger, platform.send, options);
  const intake = new Intake(coordinator, () => settings.stored.inboxFolder, options.intake);
  const flushes = new FlushRequests(platform.send);
  const inbox = new InboxControl(
    settings.stored.inboxFolder,
    {
      onFile: (path, reason) => coordinator.enqueue(path, reason),
      onStatus: (status) => platform.send('inbox:status', status),
    },
    { userDataFolder: paths.userDataFolder, stabilityMs: options.watchStabilityMs },
  );
  const watchInbox = (): Promise<void> => {
    const folder = settings.stored.inboxFolder;
    return inbox.watch(folder, folder === paths.defaultInboxFolder);
  };
  const backup = new BackupService({
    userDataFolder: paths.userDataFolder,
    appLabel: `${platform.appInfo.name} ${platform.appInfo.version}`,
    dialogs: platform.backupDialogs,
    revealFolder: (path) => platform.revealFolder(path),
  });

  const handlers: InvokeHandlers = {
    'app:info': async () => platform.appInfo,
    'settings:get': async () => settings.public,
    'settings:set-preferences': async (preferences) => {
      await settings.update({ preferences });
      platform.applyTheme?.(preferences.theme);
      return settings.public;
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
    ...importHandlers({
      intake,
      coordinator,
      samplesFolder: platform.samplesFolder,
      pickDumpFiles: () => platform.pickDumpFiles(),
    }),
    ...inboxHandlers({
      inbox,
      settings,
      ledger,
      coordinator,
      watchInbox,
      chooseFolder: (current) => platform.chooseFolder(current),
      revealFolder: (path) => platform.revealFolder(path),
    }),
    ...backup.handlers,
  };

  await watchInbox();

  return {
    handlers,
    coordinator,
    rendererGone: () => coordinator.rendererGone(),
    settings: () => settings.stored,
    saveWindow: (bounds) => settings.update({ window: bounds }),
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
