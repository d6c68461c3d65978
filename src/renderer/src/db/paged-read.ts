import type { EntityTable } from 'dexie';

/** Records read per request by `readAllPaged`. */
export const READ_PAGE_SIZE = 2000;

/**
 * Reads a whole table in primary-key order, a page at a time. One `toArray()` of 50k records
 * deserialises everything in a single main-thread task (hundreds of milliseconds); paging splits
 * that work so the UI can paint and handle input between pages. Must run inside the caller's
 * transaction to see a consistent snapshot. `P` is the table's (string) primary-key property.
 */
export async function readAllPaged<T extends Record<P, string>, P extends keyof T & string>(
  table: EntityTable<T, P>,
  keyProperty: P,
  pageSize = READ_PAGE_SIZE,
): Promise<T[]> {
  const all: T[] = [];
  let last: string | null = null;
  for (;;) {
    const page: T[] =
      last === null
        ? await table.orderBy(':id').limit(pageSize).toArray()
        : await table.where(':id').above(last).limit(pageSize).toArray();
    for (const record of page) all.push(record);
    const tail = page[page.length - 1];
    if (page.length < pageSize || tail === undefined) return all;
    last = tail[keyProperty];
  }
}
