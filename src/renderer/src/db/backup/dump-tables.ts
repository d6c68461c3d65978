/**
 * Streams tables of a library database out as backup record lines. Works on any Dexie database
 * (the app's library, or an older version opened without a schema before an upgrade).
 */
import { Dexie } from 'dexie';
import { recordLine } from '../../../../shared/backup-format';

/** Where record lines go: chunk `seq` (from 0) of the text, in order. */
export interface BackupSink {
  append(seq: number, text: string): Promise<void>;
}

/** Rows read per page. */
const PAGE_ROWS = 250;
/** Characters of record lines collected before a chunk is handed to the sink. */
const CHUNK_CHARS = 1024 * 1024;
/** Chunks handed to the sink and not yet written; more waits (bounds memory). */
const MAX_IN_FLIGHT = 8;

/**
 * Writes every row of `tables` as record lines to `sink` and returns the rows per table.
 *
 * Everything is read in ONE read-only transaction, so the backup is a consistent snapshot (a tag
 * deleted halfway cannot leave an entry pointing at nothing). Rows are read a page at a time in
 * key order and turned into text page by page, so no step holds more than a page of rows and a
 * few ~1 MB chunks of text, and the UI thread gets control between pages. At most
 * `MAX_IN_FLIGHT` chunks travel at once: waiting for the sink inside the transaction goes through
 * `Dexie.waitFor`, which keeps the transaction alive (awaiting anything else would end it). The
 * first sink failure stops the read and is rethrown.
 */
export async function dumpTables(
  db: Dexie,
  tables: readonly string[],
  sink: BackupSink,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const sent: Promise<void>[] = [];
  const inFlight = new Set<Promise<void>>();
  let failure: { readonly error: unknown } | null = null;
  let seq = 0;
  let text = '';
  const flush = (): void => {
    if (text.length === 0) return;
    const promise = sink.append(seq++, text);
    const settled = promise.then(
      () => undefined,
      (error: unknown) => {
        failure ??= { error };
      },
    );
    inFlight.add(settled);
    void settled.then(() => inFlight.delete(settled));
    sent.push(promise);
    text = '';
  };
  const drain = async (): Promise<void> => {
    while (inFlight.size >= MAX_IN_FLIGHT) await Dexie.waitFor(Promise.race(inFlight));
  };
  await db.transaction(
    'r',
    tables.map((name) => db.table(name)),
    async () => {
      for (const name of tables) {
        const table = db.table(name);
        const keyPath = table.schema.primKey.keyPath;
        if (typeof keyPath !== 'string')
          throw new Error(`Table ${name} has no simple primary key and cannot be backed up.`);
        counts[name] = 0;
        let last: unknown = null;
        for (;;) {
          if (failure !== null) throw failure.error;
          const page: unknown[] =
            last === null
              ? await table.orderBy(':id').limit(PAGE_ROWS).toArray()
              : await table.where(':id').above(last).limit(PAGE_ROWS).toArray();
          for (const row of page) text += recordLine({ table: name, row });
          counts[name] = (counts[name] ?? 0) + page.length;
          if (text.length >= CHUNK_CHARS) {
            flush();
            await drain();
          }
          if (page.length < PAGE_ROWS) break;
          last = Dexie.getByKeyPath(page[page.length - 1] as object, keyPath) as unknown;
        }
      }
    },
  );
  flush();
  await Promise.all(sent);
  return counts;
}
