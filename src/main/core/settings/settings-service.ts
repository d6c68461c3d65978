import type { AppSettings } from '../../../shared/settings';
import { loadSettings, saveSettings, type StoredSettings } from './settings-store';

/**
 * The app's settings in memory and on disk. Every change is saved (atomically) before it is
 * reported done, so a crash right after never loses a choice the user saw applied.
 */
export class SettingsService {
  private constructor(
    private readonly path: string,
    private settings: StoredSettings,
  ) {}

  /** Loads the settings file at `path` (see `loadSettings`: unreadable fields fall back). */
  static async open(path: string, defaults: StoredSettings): Promise<SettingsService> {
    return new SettingsService(path, await loadSettings(path, defaults));
  }

  /** Everything stored, window bounds included (for the Electron host). */
  get stored(): StoredSettings {
    return this.settings;
  }

  /** What the renderer may see. */
  get public(): AppSettings {
    return { inboxFolder: this.settings.inboxFolder, preferences: this.settings.preferences };
  }

  /** Replaces some settings and saves them. */
  async update(change: Partial<StoredSettings>): Promise<void> {
    this.settings = { ...this.settings, ...change };
    await saveSettings(this.path, this.settings);
  }
}
