/**
 * Test-only extraction of search documents from the sample dumps in tests/fixtures.
 * Deliberately simple and independent of the real parser (src/main/core).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SearchDocument } from '../../../src/shared/search/search-types';

/** Directory holding the sample dumps. */
export const FIXTURE_DIR = join(import.meta.dirname, '..', '..', 'fixtures');

/** Title and abstract pair (plus what page format adds). */
export interface RawEntry {
  readonly title: string;
  readonly abstract: string;
  readonly organization: string | null;
  readonly year: number | null;
}

const LISTING_DATE = /^[A-Z][a-z]{2} \d{1,2}$/;
const AUTHORS = /^•\s*\d+ authors?$/;

/** Compact format: header lines, `Subscribe` glued to the first title, then title/abstract. */
export function compactEntries(text: string): RawEntry[] {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('Get trending papers'));
  const first = lines[0];
  if (first?.startsWith('Subscribe')) lines[0] = first.slice('Subscribe'.length);
  const entries: RawEntry[] = [];
  for (let i = 0; i + 1 < lines.length; i += 2) {
    entries.push({
      title: lines[i] ?? '',
      abstract: lines[i + 1] ?? '',
      organization: null,
      year: null,
    });
  }
  return entries;
}

/** Page format: header up to the listing date, then title, abstract, metadata, `·`, date. */
export function pageEntries(text: string): RawEntry[] {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  let i = lines.findIndex((line) => LISTING_DATE.test(line)) + 1;
  const entries: RawEntry[] = [];
  while (i + 1 < lines.length) {
    const title = lines[i] ?? '';
    const abstract = lines[i + 1] ?? '';
    let j = i + 2;
    let organization: string | null = null;
    while (j < lines.length && lines[j] !== '·') {
      if (!AUTHORS.test(lines[j] ?? '')) organization = lines[j] ?? null;
      j += 1;
    }
    const year = /, (\d{4})/.exec(lines[j + 1] ?? '')?.[1];
    entries.push({ title, abstract, organization, year: year ? Number(year) : null });
    i = j + 2;
  }
  return entries;
}

/** Every entry of every fixture, in file order (duplicates across dumps included). */
export function allEntries(): RawEntry[] {
  const entries: RawEntry[] = [];
  for (const name of readdirSync(FIXTURE_DIR).sort()) {
    if (!name.endsWith('.txt')) continue;
    const text = readFileSync(join(FIXTURE_DIR, name), 'utf8');
    const isCompact = text.includes('\nSubscribe') && !text.includes('\nSubscribe\n');
    entries.push(...(isCompact ? compactEntries(text) : pageEntries(text)));
  }
  return entries;
}

/** Stable id for tests: the lower-cased title with non-alphanumerics collapsed. */
export function idOf(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

/** One search document per distinct title, with neutral user fields. */
export function fixtureDocs(): SearchDocument[] {
  const byId = new Map<string, SearchDocument>();
  for (const entry of allEntries()) {
    const id = idOf(entry.title);
    if (byId.has(id)) continue;
    byId.set(id, { id, tags: [], note: '', status: 'inbox', ...entry });
  }
  return [...byId.values()];
}
