import { mkdir } from 'node:fs/promises';
import type { ImportCoordinator } from '../import/import-coordinator';
import type { ImportLedger } from '../import/import-ledger';
import type { HandlersFor } from '../ipc-dispatch';
import type { SettingsService } from '../settings/settings-service';
import type { InboxControl } from './inbox-control';

/** The requests about the watched inbox folder, and the renderer saying which library it holds. */
type InboxChannel = 'inbox:choose-folder' | 'inbox:reveal' | 'inbox:reimport' | 'renderer:ready';

/** What the inbox requests need from the backend and its host. */
export interface InboxHandlerDeps {
  readonly inbox: InboxControl;
  readonly settings: SettingsService;
  readonly ledger: ImportLedger;
  readonly coordinator: ImportCoordinator;
  /** Watches the folder the settings name (called after it changes). */
  watchInbox(): Promise<void>;
  /** Asks the user for a folder; null when cancelled. */
  chooseFolder(current: string): Promise<string | null>;
  revealFolder(path: string): Promise<void>;
}

/**
 * Handlers of the inbox requests. A renderer holding another library than the last one (a reset
 * IndexedDB, a replace-restore) gets the inbox scanned again, so no dump in the folder is left
 * out of the library it now has.
 */
export function inboxHandlers(deps: InboxHandlerDeps): HandlersFor<InboxChannel> {
  const { inbox, settings, ledger, coordinator } = deps;
  let libraryId: string | null = null;
  return {
    'inbox:choose-folder': async () => {
      const chosen = await deps.chooseFolder(settings.stored.inboxFolder);
      if (chosen === null) return null;
      const problem = await inbox.problemWith(chosen);
      if (problem !== null) throw new Error(problem);
      await settings.update({ inboxFolder: chosen });
      await deps.watchInbox();
      return settings.public;
    },
    'inbox:reveal': async () => {
      await mkdir(settings.stored.inboxFolder, { recursive: true });
      await deps.revealFolder(settings.stored.inboxFolder);
      return null;
    },
    'inbox:reimport': async () => {
      if (inbox.status.state === 'error' && inbox.status.message) {
        throw new Error(inbox.status.message);
      }
      const files = await inbox.files();
      for (const path of files) coordinator.enqueue(path, 'reimport', { force: true });
      return { queued: files.length };
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
  };
}
