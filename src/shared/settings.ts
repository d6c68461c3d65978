/** Settings owned by the main process and persisted in the user-data folder. */
export interface AppSettings {
  /** Absolute path of the watched inbox folder. */
  readonly inboxFolder: string;
}

/** Static facts about the running app, shown in the About and Diagnostics panels. */
export interface AppInfo {
  readonly name: string;
  readonly version: string;
  readonly platform: string;
  /** Where settings and the import ledger live (the library itself is in IndexedDB there too). */
  readonly userDataFolder: string;
}

/** Commands the application menu sends to the renderer. */
export type MenuCommand =
  | 'import-files'
  | 'load-samples'
  | 'focus-search'
  | 'show-shortcuts'
  | 'show-imports'
  | 'open-inbox-folder'
  | 'choose-inbox-folder'
  | 'back-up-library'
  | 'restore-backup'
  | 'export-library'
  | 'show-backups'
  | 'open-snapshots-folder'
  | 'reimport-inbox';

/** Every menu command, for run-time validation of incoming messages. */
export const MENU_COMMANDS: readonly MenuCommand[] = [
  'import-files',
  'load-samples',
  'focus-search',
  'show-shortcuts',
  'show-imports',
  'open-inbox-folder',
  'choose-inbox-folder',
  'back-up-library',
  'restore-backup',
  'export-library',
  'show-backups',
  'open-snapshots-folder',
  'reimport-inbox',
];
