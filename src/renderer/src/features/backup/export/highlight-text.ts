/**
 * Highlights as plain text, for formats with one free-text field per paper (the CSV column, the
 * BibTeX and CSL-JSON note): one line per highlight, the passage in quotation marks, then its
 * comment after a dash. Each format escapes the result as it escapes any other text.
 */
import type { ExportHighlight } from '../../../db';

/** One line per highlight: `“passage” — comment` (or just the quoted passage). */
export function highlightLines(highlights: readonly ExportHighlight[]): string {
  return highlights
    .map(({ text, comment }) => {
      const quote = `“${text.replace(/\s+/g, ' ').trim()}”`;
      const note = comment.replace(/\s+/g, ' ').trim();
      return note === '' ? quote : `${quote} — ${note}`;
    })
    .join('\n');
}

/**
 * The note field of a citation format: the user's note, then a "Highlights:" paragraph when the
 * paper has highlights; empty when it has neither.
 */
export function noteWithHighlights(note: string, highlights: readonly ExportHighlight[]): string {
  const parts = note.trim() === '' ? [] : [note];
  if (highlights.length > 0) parts.push(`Highlights:\n${highlightLines(highlights)}`);
  return parts.join('\n\n');
}
