/** Colour theme: follow the operating system, or always light or dark. */
export type ThemeChoice = 'system' | 'light' | 'dark';

/** Spacing of lists and panes. */
export type Density = 'comfortable' | 'compact';

/** Orders a list can be sorted in (the queue is always in queue order). */
export type ListSort = 'listing' | 'published' | 'upvotes' | 'title' | 'changed';

/** Every theme choice, for run-time validation. */
export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];
/** Every density, for run-time validation. */
export const DENSITIES: readonly Density[] = ['comfortable', 'compact'];
/** Every list sort, for run-time validation. */
export const LIST_SORTS: readonly ListSort[] = [
  'listing',
  'published',
  'upvotes',
  'title',
  'changed',
];

/**
 * How the window looks, remembered in settings.json. Main applies the theme to the window before
 * it first paints (no flash of the wrong theme); the renderer applies the rest before its first
 * render.
 */
export interface UiPreferences {
  readonly theme: ThemeChoice;
  readonly density: Density;
  /** The sort lists open with. */
  readonly defaultSort: ListSort;
  readonly sidebarCollapsed: boolean;
}

/** Preferences of a new installation. */
export const DEFAULT_PREFERENCES: UiPreferences = Object.freeze({
  theme: 'system',
  density: 'comfortable',
  defaultSort: 'listing',
  sidebarCollapsed: false,
});

/** Settings owned by the main process and persisted in the user-data folder. */
export interface AppSettings {
  /** Absolute path of the watched inbox folder. */
  readonly inboxFolder: string;
  readonly preferences: UiPreferences;
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
  | 'show-settings'
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
  'show-settings',
  'back-up-library',
  'restore-backup',
  'export-library',
  'show-backups',
  'open-snapshots-folder',
  'reimport-inbox',
];
