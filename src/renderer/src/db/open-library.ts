/**
 * Opening the library without ever harming it. Dexie, asked to open a database whose version is
 * higher than the schema it knows, opens it anyway and "patches" it to its own schema: a library
 * written by a newer Paper Queue would be rewritten by an older one. So the installed version is
 * read first, without any upgrade, and a newer library is refused untouched. Every other failure
 * becomes a typed outcome the window can explain; nothing here deletes or clears anything.
 */
import { Dexie } from 'dexie';
import type { LibraryDb } from './schema';
import { describeDbError, isStorageUnavailableError } from './storage';

/** The result of opening the library; `detail` is a sentence for the user. */
export type LibraryOpenOutcome =
  | { readonly kind: 'ok' }
  | { readonly kind: 'newer-version'; readonly found: number; readonly supported: number }
  | {
      readonly kind: 'blocked';
      /** The open goes on and settles once the other connection lets go. */
      readonly settled: Promise<LibraryOpenOutcome>;
    }
  | { readonly kind: 'upgrade-failed'; readonly from: number; readonly detail: string }
  | { readonly kind: 'unavailable'; readonly detail: string };

/** Options of `openLibraryChecked`. */
export interface OpenLibraryOptions {
  /**
   * How long an upgrade may wait for other connections (another window still on the old version)
   * before the caller hears `blocked`, so it can say what it is waiting for.
   */
  readonly blockedAfterMs?: number;
  /**
   * Called when another connection wants to upgrade or delete the library after it was opened:
   * this one has then closed itself for good (no silent reopen that could patch a newer schema).
   */
  readonly onClosedByOtherConnection?: () => void;
}

const BLOCKED_AFTER_MS = 1500;

/**
 * The library's installed schema version (Dexie's number, e.g. 4), or 0 when it does not exist.
 * Opens the database at whatever version it has, reads nothing and changes nothing (a database
 * that does not exist is not created), then closes it. Throws when the storage cannot be opened.
 */
export async function installedSchemaVersion(name: string): Promise<number> {
  const probe = new Dexie(name);
  try {
    await probe.open();
    return probe.verno;
  } catch (error) {
    if (error instanceof Dexie.NoSuchDatabaseError) return 0;
    throw error;
  } finally {
    probe.close();
  }
}

/**
 * Opens `db` for the app, or explains why not: `newer-version` (left exactly as it is),
 * `blocked` (an upgrade has waited `blockedAfterMs` for another window; it continues),
 * `upgrade-failed` (the upgrade transaction rolled back, so the library stays in its previous
 * format) or `unavailable` (the browser's storage is missing or broken). Safe to call again after
 * a failure ("Try again"). A step that must run before an upgrade (a snapshot) belongs between the
 * version check and the open, where `installed < db.verno` is known.
 */
export async function openLibraryChecked(
  db: LibraryDb,
  options: OpenLibraryOptions = {},
): Promise<LibraryOpenOutcome> {
  let installed: number;
  try {
    installed = await installedSchemaVersion(db.name);
  } catch (error) {
    return { kind: 'unavailable', detail: describeDbError(error) };
  }
  if (installed > db.verno) {
    return { kind: 'newer-version', found: installed, supported: db.verno };
  }
  const upgrading = installed > 0 && installed < db.verno;

  let timer: ReturnType<typeof setTimeout> | undefined;
  let reportBlocked = (): void => undefined;
  const blocked = new Promise<'blocked'>((resolve) => {
    reportBlocked = () => resolve('blocked');
  });
  const onBlocked = (): void => {
    timer ??= setTimeout(reportBlocked, options.blockedAfterMs ?? BLOCKED_AFTER_MS);
  };
  db.on('blocked', onBlocked);
  const settled = db
    .open()
    .then(
      (): LibraryOpenOutcome => {
        guardAgainstReopen(db, options.onClosedByOtherConnection);
        return { kind: 'ok' };
      },
      (error: unknown): LibraryOpenOutcome =>
        upgrading && !isStorageUnavailableError(error)
          ? { kind: 'upgrade-failed', from: installed, detail: describeDbError(error) }
          : { kind: 'unavailable', detail: describeDbError(error) },
    )
    .finally(() => {
      clearTimeout(timer);
      db.on('blocked').unsubscribe(onBlocked);
    });
  const first = await Promise.race([settled, blocked]);
  return first === 'blocked' ? { kind: 'blocked', settled } : first;
}

/**
 * When another connection asks to upgrade or delete the library, closes this one for good.
 * Dexie's default closes too but then reopens on the next query, which against a newer schema
 * means patching it; a closed library instead fails every query with DatabaseClosedError.
 */
function guardAgainstReopen(db: LibraryDb, onClosed: (() => void) | undefined): void {
  db.on('versionchange', () => {
    db.close();
    onClosed?.();
    // Stops Dexie's default handler (handlers run newest first; false ends the chain).
    return false;
  });
}
