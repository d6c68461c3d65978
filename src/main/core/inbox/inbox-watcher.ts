import { watch, type FSWatcher } from 'chokidar';
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { InboxStatus } from '../../../shared/import-types';
import { describeFsError } from '../fs/atomic-write';

/** Files that are never dumps or are still being written by a browser or editor. */
export function isIgnoredInboxName(name: string): boolean {
  return (
    name.startsWith('.') ||
    name.startsWith('~') ||
    /\.(crdownload|part|partial|download|tmp|swp)$/i.test(name) ||
    name === 'Thumbs.db' ||
    name === 'desktop.ini'
  );
}

/**
 * Paths of the entries of `folder` that may be dumps, sorted by name: everything but folders and
 * ignored names. Symbolic links are included (the reader follows them and checks their target).
 */
export async function listInboxFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  return entries
    .filter((entry) => !entry.isDirectory() && !isIgnoredInboxName(entry.name))
    .map((entry) => entry.name)
    .sort()
    .map((name) => join(folder, name));
}

/** Callbacks of an inbox watch. */
export interface InboxWatchEvents {
  /** A file appeared or changed (after its writes settled), or was found by the startup scan. */
  onFile(path: string, reason: 'watcher' | 'startup-scan'): void;
  onStatus(status: InboxStatus): void;
}

/**
 * Watches one inbox folder (depth 0). Starts with a reconcile scan of the files already there,
 * because `ignoreInitial` is on and files may have arrived while the app was closed; deletions
 * are deliberately ignored: the library never loses papers because a dump file went away.
 * Symbolic links are followed, by the watcher and the scan alike: every entry that is not a folder
 * is reported, and the reader (`readDumpFile`) accepts only targets that are regular files.
 */
export class InboxWatcher {
  private watcher: FSWatcher | null = null;

  constructor(
    private readonly folder: string,
    private readonly events: InboxWatchEvents,
    private readonly stabilityMs = 400,
  ) {}

  /**
   * Starts watching; resolves once the watcher is ready and the startup scan was queued (scanning
   * after `ready` means no file can slip between the scan and the watch). Never throws: errors
   * become status.
   */
  async start(): Promise<void> {
    this.events.onStatus({ folder: this.folder, state: 'starting', message: null });
    try {
      const info = await stat(this.folder);
      if (!info.isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    } catch (error) {
      this.reportError(
        `The inbox folder is unavailable: ${describeFsError(error, this.folder)} Choose another folder in Settings.`,
      );
      return;
    }
    const watcher = watch(this.folder, {
      depth: 0,
      ignoreInitial: true,
      followSymlinks: true,
      ignored: (path: string) => path !== this.folder && isIgnoredInboxName(basename(path)),
      awaitWriteFinish: { stabilityThreshold: this.stabilityMs, pollInterval: 100 },
    });
    this.watcher = watcher;
    watcher.on('add', (path) => this.events.onFile(path, 'watcher'));
    watcher.on('change', (path) => this.events.onFile(path, 'watcher'));
    watcher.on('error', (error) =>
      this.reportError(`Watching the inbox failed: ${describeFsError(error, this.folder)}`),
    );
    await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
    this.events.onStatus({ folder: this.folder, state: 'watching', message: null });
    await this.scan();
  }

  /** Stops watching; safe to call more than once. */
  async stop(): Promise<void> {
    const watcher = this.watcher;
    this.watcher = null;
    if (watcher) await watcher.close();
  }

  /** Reports every file already in the folder (also used to look again after a library change). */
  async scan(): Promise<void> {
    try {
      for (const path of await listInboxFiles(this.folder))
        this.events.onFile(path, 'startup-scan');
    } catch (error) {
      this.reportError(`Could not read the inbox folder: ${describeFsError(error, this.folder)}`);
    }
  }

  private reportError(message: string): void {
    this.events.onStatus({ folder: this.folder, state: 'error', message });
  }
}
