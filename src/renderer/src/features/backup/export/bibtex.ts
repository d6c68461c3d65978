/**
 * BibTeX export: one `@misc` entry per paper with title, abstract, year, note (with the paper's
 * highlights after the user's note), keywords (the tags) and url, in UTF-8. Text fields are brace-delimited with TeX's special characters escaped so
 * that braces always balance (a literal brace becomes `\textbraceleft{}`: BibTeX counts `\{` as a
 * brace, so an unbalanced title would break the file); keywords and url are verbatim fields, made
 * safe without TeX escapes. Keys are stable per paper and unique within the file.
 */
import type { ExportItem } from '../../../db';
import { noteWithHighlights } from './highlight-text';

const TEX_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}',
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  $: '\\$',
  '&': '\\&',
  '%': '\\%',
  '#': '\\#',
  _: '\\_',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
  // With TeX's default (OT1) font encoding these print as ¡, ¿ and an em dash.
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '|': '\\textbar{}',
};

/** Control characters other than tab and newline, which no BibTeX reader expects. */
const CONTROL = /(?![\t\n])\p{Cc}/gu;

/** Text for a brace-delimited BibTeX field: specials escaped, CRLF normalised, controls dropped. */
export function escapeTex(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, '')
    .replace(/[\\{}$&%#_^~<>|]/g, (char) => TEX_ESCAPES[char] ?? char);
}

/** A URL for the verbatim `url` field: characters that would unbalance or end it are %-encoded. */
export function bibtexUrl(url: string): string {
  return url.replace(
    /[{}\\\s]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

/**
 * A tag for the `keywords` field: readers split it at commas and semicolons, and braces must
 * balance, so those characters (and backslashes) become spaces.
 */
function keyword(tag: string): string {
  return tag
    .replace(/[,;{}\\]/g, ' ')
    .replace(CONTROL, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const STOP_WORDS = new Set([
  'a',
  'an',
  'the',
  'on',
  'of',
  'for',
  'to',
  'in',
  'and',
  'towards',
  'toward',
]);

/** The year of a paper: from its publication date, else its listing date. */
export function yearOf(item: ExportItem): string | null {
  const date = item.published ?? item.listingDate;
  return date !== null && /^\d{4}/.test(date) ? date.slice(0, 4) : null;
}

/** The readable part of a key: first significant title word (ASCII) and the year. */
function keyStem(item: ExportItem): string {
  const words = item.title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
  const word = words.find((w) => !STOP_WORDS.has(w)) ?? words[0] ?? 'paper';
  return `${word.slice(0, 24)}${yearOf(item) ?? ''}`;
}

/**
 * Hands out citation keys: `<word><year>-<first 10 hex of the paper id>`, the same for a paper in
 * every export. A key already given to another paper of the same export gets more hex digits of
 * the (unique) paper id until it is free, so keys are unique within a file.
 */
export class CitationKeys {
  private readonly used = new Set<string>();

  take(item: ExportItem): string {
    const hex = item.id.replace(/^p/, '');
    for (let digits = 10; ; digits += 4) {
      const key = `${keyStem(item)}-${hex.slice(0, digits)}`;
      if (!this.used.has(key) || digits >= hex.length) {
        const unique = this.used.has(key) ? `${key}-${this.used.size}` : key;
        this.used.add(unique);
        return unique;
      }
    }
  }
}

/** One `@misc` entry. */
export function bibtexEntry(item: ExportItem, key: string): string {
  const fields: [string, string][] = [['title', escapeTex(item.title)]];
  if (item.abstract !== '') fields.push(['abstract', escapeTex(item.abstract)]);
  const year = yearOf(item);
  if (year !== null) fields.push(['year', year]);
  const note = noteWithHighlights(item.note, item.highlights);
  if (note !== '') fields.push(['note', escapeTex(note)]);
  const keywords = item.tags.map(keyword).filter((tag) => tag !== '');
  if (keywords.length > 0) fields.push(['keywords', keywords.join(', ')]);
  const url = item.links[0];
  if (url !== undefined) fields.push(['url', bibtexUrl(url)]);
  return `@misc{${key},\n${fields.map(([name, value]) => `  ${name} = {${value}},\n`).join('')}}\n`;
}

/** The first lines of a BibTeX export (a comment BibTeX readers skip). */
export const BIBTEX_PREAMBLE = '% Exported from Paper Queue. Encoding: UTF-8\n\n';

/** The entries of a page of papers, separated by blank lines. */
export function bibtexEntries(items: readonly ExportItem[], keys: CitationKeys): string {
  return items.map((item) => `${bibtexEntry(item, keys.take(item))}\n`).join('');
}
