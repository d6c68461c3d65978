/**
 * Open-addressing hash table from raw tokens to values, probed with a token's position in a
 * text instead of a token string: indexing looks up every token of every document, and most are
 * already known, so skipping the substring (and the engine's string hashing) is the main saving.
 */

/** True when `key` equals `text[start, end)`. */
function sameToken(key: string, text: string, start: number, end: number): boolean {
  if (key.length !== end - start) return false;
  for (let i = 0; i < key.length; i += 1) {
    if (key.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  }
  return true;
}

/**
 * Token → value map.
 * Layout: `cells` interleaves `[hash, entry + 1]` (0 marks an empty cell) so a probe touches one
 * cache line; keys and values are dense arrays in insertion order, so the frequent tokens (seen
 * first) sit together in memory.
 * Invariants: the cell count is a power of two and at least twice `size` (probing always ends at
 * an empty cell); every entry has exactly one cell, holding `tokenHash(keys[entry])`; hashes come
 * from the caller (`scanTokens` / `tokenHash` in normalize.ts).
 */
export class TokenTable<V> {
  private cells = new Int32Array(0);
  private keys: string[] = [];
  private values: V[] = [];

  constructor(private readonly initialCapacity = 1 << 12) {
    this.allocate(initialCapacity);
  }

  /** Number of tokens stored. */
  get size(): number {
    return this.keys.length;
  }

  /** Value stored for `text[start, end)` with hash `hash`, undefined when absent. */
  find(text: string, start: number, end: number, hash: number): V | undefined {
    const cells = this.cells;
    const mask = (cells.length >> 1) - 1;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const entry = (cells[2 * i + 1] ?? 0) - 1;
      if (entry < 0) return undefined;
      if (cells[2 * i] === hash && sameToken(this.keys[entry] as string, text, start, end)) {
        return this.values[entry];
      }
    }
  }

  /** Stores `value` for `token` (whose hash is `hash`); the token must not be present yet. */
  insert(token: string, hash: number, value: V): void {
    if ((this.keys.length + 1) * 4 > this.cells.length) this.rehash(this.cells.length);
    this.keys.push(token);
    this.values.push(value);
    this.place(hash, this.keys.length);
  }

  /** Forgets every token. */
  clear(): void {
    this.allocate(this.initialCapacity);
  }

  private allocate(capacity: number): void {
    this.cells = new Int32Array(capacity * 2);
    this.keys = [];
    this.values = [];
  }

  /** Puts `[hash, id]` (id = entry + 1) in the first free cell of its probe sequence. */
  private place(hash: number, id: number): void {
    const mask = (this.cells.length >> 1) - 1;
    let i = hash & mask;
    while (this.cells[2 * i + 1] !== 0) i = (i + 1) & mask;
    this.cells[2 * i] = hash;
    this.cells[2 * i + 1] = id;
  }

  /** Doubles the cell count and re-places every entry (hashes are kept in the old cells). */
  private rehash(cellInts: number): void {
    const old = this.cells;
    this.cells = new Int32Array(cellInts * 2);
    for (let i = 0; i < old.length; i += 2) {
      const id = old[i + 1] ?? 0;
      if (id !== 0) this.place(old[i] ?? 0, id);
    }
  }
}
