/**
 * Scanner for the compact format: two header lines, `Subscribe` glued to the first title, then
 * alternating title and abstract lines, without blank lines or metadata.
 *
 * Header lines can reappear mid-file (dumps concatenated, or the page's header copied twice):
 * they are recognised wherever they occur, never taken as a title or abstract, and they restart
 * the title/abstract alternation (a title left without its abstract is reported and skipped).
 */
import { LineCursor } from './line-cursor';
import { SUBSCRIBE, afterGluedSubscribe, isStrongHeaderLine } from './markers';
import { excerpt } from './raw-entry';
import type { DiagnosticLog, NumberedLine, RawEntry, ScanResult } from './raw-entry';

/**
 * Scans a compact-format dump. Invariants: never throws; every entry has a non-empty title and
 * abstract; blank and white-space-only lines are ignored (the format has none, but edited files
 * do); a title without an abstract (truncated last entry) is reported as an error and skipped.
 */
export function scanCompact(text: string, log: DiagnosticLog): ScanResult {
  const entries: RawEntry[] = [];
  const cursor = new LineCursor(text);
  let inHeader = true;
  let subscribeSeen = false;
  let title: NumberedLine | null = null;
  const dropTitle = (): void => {
    if (title === null) return;
    log.report(
      'error',
      title.number,
      `entry ${excerpt(title.text)} has no abstract (truncated?); skipped`,
    );
    title = null;
  };
  while (cursor.next()) {
    let line = cursor.text.trim();
    if (line === '') continue;
    if (isStrongHeaderLine(line)) {
      dropTitle();
      inHeader = true;
      subscribeSeen = false;
      continue;
    }
    if (inHeader) {
      if (line === SUBSCRIBE) {
        subscribeSeen = true;
        continue;
      }
      const rest = subscribeSeen ? null : afterGluedSubscribe(line);
      if (rest !== null) line = rest;
      inHeader = false;
    }
    if (title === null) {
      title = { text: line, number: cursor.number };
    } else {
      entries.push(compactEntry(title, line));
      title = null;
    }
  }
  dropTitle();
  return { entries, listingDay: null };
}

function compactEntry(title: NumberedLine, abstract: string): RawEntry {
  return {
    title: title.text,
    abstract,
    line: title.number,
    authors: null,
    organization: null,
    date: null,
  };
}
