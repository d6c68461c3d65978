/**
 * Upgrade 1 → 2: tags become records. Version 1 stored tag NAMES on each entry (`tags: string[]`);
 * version 2 has a `tags` table and entries reference tags by id (`tagIds`).
 */
import type { Transaction } from 'dexie';
import { MAX_TAG_NAME_LENGTH, paletteColor, tagNameKey } from '../tag-rules';
import type { EntryRecord, TagRecord } from '../types';

/** An entry as version 1 stored it. */
export type EntryRecordV1 = Omit<EntryRecord, 'tagIds'> & { readonly tags?: readonly string[] };

/**
 * Creates one tag per distinct name (case-insensitive: 'ML' and 'ml' become one tag, named as
 * first seen in primary-key order; names are trimmed and cut to the maximum length), assigns palette
 * colours round-robin, and rewrites every entry with `tagIds` instead of `tags`.
 * Invariant: no entry loses a tag and no other entry field changes; runs inside Dexie's
 * versionchange transaction, so it is all-or-nothing.
 */
export async function migrateTagNamesToTagTable(tx: Transaction): Promise<void> {
  const createdAt = new Date().toISOString();
  const entries = (await tx.table('entries').toArray()) as EntryRecordV1[];
  const tagsByKey = new Map<string, TagRecord>();

  const tagIdFor = (rawName: string): string | null => {
    const name = rawName.trim().slice(0, MAX_TAG_NAME_LENGTH).trim();
    const nameKey = tagNameKey(name);
    if (nameKey.length === 0) return null;
    let tag = tagsByKey.get(nameKey);
    if (!tag) {
      const color = paletteColor(tagsByKey.size);
      tag = { id: crypto.randomUUID(), name, nameKey, color, createdAt };
      tagsByKey.set(nameKey, tag);
    }
    return tag.id;
  };

  const migrated: EntryRecord[] = entries.map(({ tags, ...rest }) => {
    const ids = (tags ?? []).map(tagIdFor).filter((id): id is string => id !== null);
    return { ...rest, tagIds: [...new Set(ids)] };
  });

  await tx.table('tags').bulkAdd([...tagsByKey.values()]);
  await tx.table('entries').bulkPut(migrated);
}
