/**
 * The fixed lines of listing dumps, shared by format detection and both format parsers.
 * All predicates take a line that is already trimmed of surrounding white space.
 */

/** The page format's separator between the metadata line and the date line. */
export const META_SEPARATOR = '\u00B7';
/** The subscribe button's label; in compact dumps it is glued to the first title. */
export const SUBSCRIBE = 'Subscribe';
/** First header line of page dumps; only meaningful in or just before a header block. */
export const PAGE_NEW_LINE = 'new';
/** Page-only header lines. */
const PAGE_HEADER_LINES: ReadonlySet<string> = new Set([
  'Daily Papers',
  'byAK and the research community',
]);
/** Header line that only compact dumps carry (page dumps have only the shorter variant). */
export const COMPACT_ONLY_HEADER = 'Get trending papers in your email inbox once a day!';
const TRENDING_PREFIX = 'Get trending papers';
const MAX_HEADER_LENGTH = 80;
const BULLET = '\u2022';

/**
 * True for a line that belongs only to a dump header (`Get trending papers…`, `Daily Papers`,
 * `byAK and the research community`). Such a line starts a header block wherever it appears, e.g.
 * when two dumps were concatenated, and is never a paper title.
 */
export function isStrongHeaderLine(line: string): boolean {
  return (
    PAGE_HEADER_LINES.has(line) ||
    (line.length <= MAX_HEADER_LENGTH && line.startsWith(TRENDING_PREFIX))
  );
}

/** True for the page-only header lines, which identify the page format on their own. */
export function isPageHeaderLine(line: string): boolean {
  return PAGE_HEADER_LINES.has(line);
}

/**
 * The author count of a `• N authors` line (`• 1 author` too), or null for any other line.
 * Checked with plain string operations: it runs on every metadata candidate.
 */
export function authorCount(line: string): number | null {
  if (!line.startsWith(BULLET)) return null;
  const rest = line.slice(1).trim();
  const space = rest.indexOf(' ');
  if (space <= 0) return null;
  const word = rest.slice(space + 1).trim();
  if (word !== 'authors' && word !== 'author') return null;
  const digits = rest.slice(0, space);
  if (!/^\d{1,6}$/.test(digits)) return null;
  return Number(digits);
}

/**
 * The display name of an organisation line (`openbmb OpenBMB` → `OpenBMB`): the text after the
 * first space, since the page shows the organisation's handle then its name. A line without a
 * space is its own display name.
 */
export function organizationName(line: string): string {
  const space = line.indexOf(' ');
  const name = space === -1 ? line : line.slice(space + 1).trim();
  return name === '' ? line : name;
}

/**
 * Splits a line that starts with the glued `Subscribe` button label: returns what follows it
 * (trimmed), or null when the line does not start with the label or nothing follows it.
 * Only to be applied inside a header block, where a title cannot legitimately start so.
 */
export function afterGluedSubscribe(line: string): string | null {
  if (line.length <= SUBSCRIBE.length || !line.startsWith(SUBSCRIBE)) return null;
  const rest = line.slice(SUBSCRIBE.length).trim();
  return rest === '' ? null : rest;
}
