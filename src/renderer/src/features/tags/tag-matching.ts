import type { TagCount } from '../../db';
import { boundedDistance } from '../../../../shared/search/levenshtein';

/** Suggestions offered at most. */
const MAX_SUGGESTIONS = 8;

/** Lower-cased, with spaces, hyphens and underscores alike and collapsed: 'Diffusion-Models'. */
function loose(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
}

/** Each word without a plural ending ('models' → 'model', 'queries' → 'query'). */
function singular(text: string): string {
  return text
    .split(' ')
    .map((word) => {
      if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
      if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
      return word;
    })
    .join(' ');
}

/**
 * An existing tag `name` is a near-duplicate of, or null: the same name but for case, spacing,
 * hyphens or underscores, a plural, or one typo (for names of five or more letters). The tag of
 * exactly that name (ignoring case) is not a near-duplicate: it is the same tag.
 */
export function nearDuplicate(name: string, tags: readonly TagCount[]): TagCount | null {
  const key = name.trim().toLowerCase();
  if (key === '' || tags.some(({ tag }) => tag.nameKey === key)) return null;
  const mine = singular(loose(name));
  for (const entry of tags) {
    const theirs = singular(loose(entry.tag.name));
    if (mine === theirs) return entry;
    if (Math.min(mine.length, theirs.length) >= 5 && boundedDistance(mine, theirs, 1) <= 1)
      return entry;
  }
  return null;
}

/**
 * Existing tags matching the draft, best first: the exact name, then names starting with it, then
 * names containing it (each by how many papers carry them). Tags the papers carry already and
 * an empty draft give none.
 */
export function suggestTags(
  draft: string,
  tags: readonly TagCount[],
  carried: ReadonlySet<string>,
): TagCount[] {
  const needle = draft.trim().toLowerCase();
  if (needle === '') return [];
  const rank = (entry: TagCount): number =>
    entry.tag.nameKey === needle ? 0 : entry.tag.nameKey.startsWith(needle) ? 1 : 2;
  return tags
    .filter(({ tag }) => !carried.has(tag.id) && tag.nameKey.includes(needle))
    .sort((a, b) => rank(a) - rank(b) || b.count - a.count)
    .slice(0, MAX_SUGGESTIONS);
}
