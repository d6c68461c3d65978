/**
 * The library's identity: a random id kept in the `meta` table. Main records, per imported file,
 * which libraries received it; a library it does not know (IndexedDB lost, reset, or another
 * origin in a development build) therefore gets every inbox file again instead of being told
 * "already imported".
 */
import type { RendererHello } from '../../../shared/import-types';
import type { LibraryDb } from './schema';
import type { MetaRecord } from './types';

/** Key of the library id in the `meta` table. */
const LIBRARY_ID_KEY = 'libraryId';

/**
 * The library's id (created on first use, in the same transaction that reads it, so two windows
 * cannot create two) and its number of papers, as main expects them when the renderer is ready.
 */
export async function libraryHello(db: LibraryDb): Promise<RendererHello> {
  return db.transaction('rw', db.meta, db.entries, async () => {
    const stored = await db.meta.get(LIBRARY_ID_KEY);
    let libraryId = typeof stored?.value === 'string' ? stored.value : null;
    if (libraryId === null) {
      libraryId = crypto.randomUUID();
      await db.meta.put({ key: LIBRARY_ID_KEY, value: libraryId });
    }
    return { libraryId, papers: await db.entries.count() };
  });
}

/**
 * `meta` rows without the library id. A replace-restore writes these: the restored library holds
 * the backup's papers, not those of files imported after the backup was taken, so it must not
 * claim the old identity (main would call those files "already imported" and they would never
 * come back). With no id, the next `libraryHello` creates a fresh one and main re-offers the
 * whole inbox, which re-imports idempotently.
 */
export function withoutLibraryIdentity(meta: readonly MetaRecord[]): MetaRecord[] {
  return meta.filter((row) => row.key !== LIBRARY_ID_KEY);
}
