/**
 * Format detection from content (never from the file name).
 *
 * - page: any page-only marker — a `·` separator line, a `• N authors` line, or the `Daily Papers`
 *   / `byAK and the research community` header lines;
 * - compact: no page marker, but a dump header — `Get trending papers…` anywhere in those lines,
 *   or a line starting with `Subscribe` (alone, or glued to a title) among the first three;
 * - otherwise not a listing dump.
 * Only the first lines are examined: a page dump shows its first `·` within a dozen lines, and a
 * compact dump starts with its header, so detection costs the same for any file size.
 */
import type { ListingFormat } from '../../../shared/paper';
import { LineCursor } from './line-cursor';
import {
  META_SEPARATOR,
  SUBSCRIBE,
  authorCount,
  isPageHeaderLine,
  isStrongHeaderLine,
} from './markers';

/** Non-blank lines examined; generous, so a few stray lines before the header do not matter. */
const DETECTION_LINES = 200;
/** A line starting with `Subscribe` is a marker only this close to the start (it is a header). */
const SUBSCRIBE_LINES = 3;

/**
 * The format of a decoded dump, or null when the text carries neither format's markers.
 * Invariant: a text with a page marker in its first `DETECTION_LINES` non-blank lines is `page`,
 * even if it also has compact-looking lines (page dumps share the `Get trending…` line).
 */
export function detectFormat(text: string): ListingFormat | null {
  const cursor = new LineCursor(text);
  let compactMarker = false;
  let seen = 0;
  while (seen < DETECTION_LINES && cursor.next()) {
    const line = cursor.text.trim();
    if (line === '') continue;
    seen += 1;
    if (line === META_SEPARATOR || isPageHeaderLine(line) || authorCount(line) !== null) {
      return 'page';
    }
    if (isStrongHeaderLine(line) || (seen <= SUBSCRIBE_LINES && line.startsWith(SUBSCRIBE))) {
      compactMarker = true;
    }
  }
  return compactMarker ? 'compact' : null;
}
