import { mkdir } from 'node:fs/promises';
import type { InboxStatus } from '../../../shared/import-types';
import { InboxWatcher, type InboxWatchEvents } from './inbox-watcher';

/**
 * The one watched inbox folder and its status. Switching folders stops the old watcher before
 * the new one starts, so two watchers never feed the pipeline at once.
 */
export class InboxControl {
  private watcher: InboxWatcher | null = null;
  private current: InboxStatus;

  constructor(
    folder: string,
    private readonly events: InboxWatchEvents,
    private readonly stabilityMs?: number,
  ) {
    this.current = { folder, state: 'starting', message: null };
  }

  /** The latest status (watching, starting, or an error with its message). */
  get status(): InboxStatus {
    return this.current;
  }

  /**
   * Watches `folder` from now on; `create` makes it first (the default inbox is created on
   * demand, a folder the user chose is never created behind their back).
   */
  async watch(folder: string, create: boolean): Promise<void> {
    await this.stop();
    if (create) await mkdir(folder, { recursive: true }).catch(() => undefined);
    this.watcher = new InboxWatcher(
      folder,
      {
        onFile: (path, reason) => this.events.onFile(path, reason),
        onStatus: (next) => {
          this.current = next;
          this.events.onStatus(next);
        },
      },
      this.stabilityMs,
    );
    await this.watcher.start();
  }

  async stop(): Promise<void> {
    await this.watcher?.stop();
    this.watcher = null;
  }
}
