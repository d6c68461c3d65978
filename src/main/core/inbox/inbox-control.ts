import { mkdir } from 'node:fs/promises';
import type { InboxStatus } from '../../../shared/import-types';
import { inboxFolderProblem } from './inbox-folder-rule';
import { InboxWatcher, listInboxFiles, type InboxWatchEvents } from './inbox-watcher';

/**
 * The one watched inbox folder and its status. Switching folders stops the old watcher before
 * the new one starts, so two watchers never feed the pipeline at once. A folder that is, holds or
 * lies inside the user-data folder is never watched (see `inboxFolderProblem`).
 */
export class InboxControl {
  private watcher: InboxWatcher | null = null;
  private current: InboxStatus;

  constructor(
    folder: string,
    private readonly events: InboxWatchEvents,
    private readonly options: { readonly userDataFolder: string; readonly stabilityMs?: number },
  ) {
    this.current = { folder, state: 'starting', message: null };
  }

  /** The latest status (watching, starting, or an error with its message). */
  get status(): InboxStatus {
    return this.current;
  }

  /** Why `folder` cannot be the inbox, or null. */
  problemWith(folder: string): Promise<string | null> {
    return inboxFolderProblem(folder, this.options.userDataFolder);
  }

  /**
   * Watches `folder` from now on; `create` makes it first (the default inbox is created on
   * demand, a folder the user chose is never created behind their back).
   */
  async watch(folder: string, create: boolean): Promise<void> {
    await this.stop();
    const problem = await this.problemWith(folder);
    if (problem !== null) {
      this.setStatus({ folder, state: 'error', message: problem });
      return;
    }
    if (create) await mkdir(folder, { recursive: true }).catch(() => undefined);
    this.watcher = new InboxWatcher(
      folder,
      {
        onFile: (path, reason) => this.events.onFile(path, reason),
        onStatus: (next) => this.setStatus(next),
      },
      this.options.stabilityMs,
    );
    await this.watcher.start();
  }

  /** Reports every file in the watched folder again (a library that lacks some gets them). */
  async rescan(): Promise<void> {
    await this.watcher?.scan();
  }

  /** The files in the watched folder; empty when it is not being watched. */
  async files(): Promise<string[]> {
    return this.watcher && this.current.state === 'watching'
      ? listInboxFiles(this.current.folder)
      : [];
  }

  async stop(): Promise<void> {
    await this.watcher?.stop();
    this.watcher = null;
  }

  private setStatus(next: InboxStatus): void {
    this.current = next;
    this.events.onStatus(next);
  }
}
