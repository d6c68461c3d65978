/**
 * CSL-JSON export (the input format of citeproc, Zotero, Pandoc): an array of items with `id`
 * and `type` (both required by the CSL data schema), `title`, `abstract`, `issued` as date parts,
 * `URL`, `keyword` (the tags, comma-separated, as the schema wants one string) and `note` (the
 * user's note, then the highlights).
 * Daily-paper listings are preprints: CSL's type for those is "article". Empty fields are left
 * out rather than written empty.
 */
import type { ExportItem } from '../../../db';
import type { CitationKeys } from './bibtex';
import { noteWithHighlights } from './highlight-text';

/** One CSL-JSON item. */
export interface CslItem {
  readonly id: string;
  readonly type: 'article';
  readonly title: string;
  readonly abstract?: string;
  readonly issued?: { readonly 'date-parts': readonly (readonly number[])[] };
  readonly URL?: string;
  readonly keyword?: string;
  readonly note?: string;
}

/** `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`) as CSL date parts. */
function dateParts(date: string | null): number[] | null {
  const match = date === null ? null : /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date);
  if (!match) return null;
  return match.slice(1).flatMap((part) => (part === undefined ? [] : [Number(part)]));
}

/** The CSL item of a paper under its citation key. */
export function cslItem(item: ExportItem, key: string): CslItem {
  const parts = dateParts(item.published ?? item.listingDate);
  const url = item.links[0];
  const note = noteWithHighlights(item.note, item.highlights);
  return {
    id: key,
    type: 'article',
    title: item.title,
    ...(item.abstract !== '' ? { abstract: item.abstract } : {}),
    ...(parts ? { issued: { 'date-parts': [parts] } } : {}),
    ...(url !== undefined ? { URL: url } : {}),
    ...(item.tags.length > 0 ? { keyword: item.tags.join(', ') } : {}),
    ...(note !== '' ? { note } : {}),
  };
}

/**
 * The items of one page as JSON array members (each on its own lines, comma-separated);
 * `first` says whether a member precedes them in the file.
 */
export function cslMembers(
  items: readonly ExportItem[],
  keys: CitationKeys,
  first: boolean,
): string {
  return items
    .map((item, i) => {
      const json = JSON.stringify(cslItem(item, keys.take(item)), null, 2)
        .split('\n')
        .map((line) => `  ${line}`)
        .join('\n');
      return `${first && i === 0 ? '' : ',\n'}${json}`;
    })
    .join('');
}
