/**
 * Line-by-line scanning of a decoded dump without splitting it into an array of lines.
 *
 * Line terminators are LF, CRLF and lone CR, in any mix; each counts as exactly one line break,
 * so `line` numbers match what an editor shows for the original file whatever its line endings.
 * Boundaries are found with `indexOf` (native, vectorised) and the next LF / CR positions are
 * cached, so the whole scan is linear in the text length and never builds a copy of the text.
 */
export class LineCursor {
  /** Content of the current line, without its terminator (a slice of the text, not trimmed). */
  text = '';
  /** 1-based number of the current line; 0 before the first `next()`. */
  number = 0;
  private position = 0;
  private nextLf = -1;
  private nextCr = -1;

  /** @param source the whole decoded dump; a leading BOM must already be removed. */
  constructor(private readonly source: string) {}

  /**
   * Advances to the next line; returns false at the end of the text.
   * Invariant: a terminator at the very end of the text does not produce an extra empty line,
   * and an empty text has no lines.
   */
  next(): boolean {
    const source = this.source;
    const start = this.position;
    if (start >= source.length) return false;
    if (this.nextLf < start) this.nextLf = indexOrEnd(source, '\n', start);
    if (this.nextCr < start) this.nextCr = indexOrEnd(source, '\r', start);
    const end = Math.min(this.nextLf, this.nextCr);
    this.text = source.slice(start, end);
    this.number += 1;
    const crlf = end === this.nextCr && source.charCodeAt(end + 1) === 0x0a;
    this.position = end + (crlf ? 2 : 1);
    return true;
  }
}

/** `indexOf`, with "not found" mapped to the text length so that `Math.min` picks the other. */
function indexOrEnd(source: string, needle: string, from: number): number {
  const index = source.indexOf(needle, from);
  return index === -1 ? source.length : index;
}
