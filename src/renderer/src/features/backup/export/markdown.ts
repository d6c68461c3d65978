/**
 * Markdown export, for note-taking tools: one file per paper, or one file per tag (a paper with
 * several tags appears in each; untagged papers in their own file). Each paper shows its title,
 * status, tags, links and dates, the abstract, the highlights (each passage quoted, its comment
 * below) and the note. Titles and other plain text are
 * escaped so they render as written; the note is the user's own Markdown and is kept as is.
 */
import type { ExportItem } from '../../../db';
import { STATUS_LABELS } from '../../library/library-view';

/** Backslash-escapes the characters that would turn plain text into Markdown markup. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~]/g, (char) => `\\${char}`).replace(/\r\n?|\n/g, ' ');
}

/** A link as an autolink when it can be one, else as escaped text. */
function markdownLink(url: string): string {
  return /^https?:\/\/[^\s<>]+$/.test(url) ? `<${url}>` : escapeMarkdown(url);
}

function statusText(item: ExportItem): string {
  const label = STATUS_LABELS[item.status];
  if (item.queuePosition !== null) return `${label} (#${item.queuePosition} in the queue)`;
  if (item.readAt !== null) return `${label} on ${item.readAt.slice(0, 10)}`;
  return label;
}

/** One paper in Markdown; `level` is the heading level of its title (1 per paper, 2 per tag). */
export function markdownPaper(item: ExportItem, level = 1): string {
  const heading = '#'.repeat(level);
  const facts = [
    `- **Status:** ${statusText(item)}`,
    `- **Tags:** ${item.tags.length > 0 ? item.tags.map(escapeMarkdown).join(', ') : '—'}`,
  ];
  if (item.links.length > 0) facts.push(`- **Links:** ${item.links.map(markdownLink).join(', ')}`);
  const dates = [
    item.published ? `published ${item.published}` : null,
    item.listingDate ? `listed ${item.listingDate}` : null,
    item.upvotes !== null ? `${item.upvotes} upvotes` : null,
  ].filter((part) => part !== null);
  if (dates.length > 0) facts.push(`- **Dates:** ${dates.join(' · ')}`);
  const byline = [
    item.organization ? escapeMarkdown(item.organization) : null,
    item.authors !== null ? `${item.authors} authors` : null,
  ].filter((part) => part !== null);
  if (byline.length > 0) facts.push(`- **By:** ${byline.join(' · ')}`);
  const parts = [`${heading} ${escapeMarkdown(item.title)}`, facts.join('\n')];
  if (item.abstract !== '') parts.push(`${heading}# Abstract`, escapeMarkdown(item.abstract));
  if (item.highlights.length > 0)
    parts.push(
      `${heading}# Highlights`,
      ...item.highlights.map(({ text, comment }) =>
        comment.trim() === ''
          ? `> ${escapeMarkdown(text)}`
          : `> ${escapeMarkdown(text)}\n\n— ${escapeMarkdown(comment)}`,
      ),
    );
  if (item.note.trim() !== '')
    parts.push(`${heading}# Note`, item.note.replace(/\r\n?/g, '\n').trim());
  return `${parts.join('\n\n')}\n`;
}

/** Characters no file system accepts in a name, and control characters. */
const UNSAFE_NAME = /[/\\:*?"<>|\p{Cc}]/gu;
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/** A portable file name (no path characters, not reserved on Windows, at most ~100 characters). */
export function safeFileName(base: string, extension: string): string {
  let name = base.replace(UNSAFE_NAME, ' ').replace(/\s+/g, ' ').trim();
  name = name
    .slice(0, 100)
    .replace(/[. ]+$/, '')
    .replace(/^[. ]+/, '');
  if (name === '' || RESERVED.test(name)) name = `_${name}`;
  return `${name}${extension}`;
}

/** Hands out unique file names (case-insensitively), adding " (2)", " (3)"… to repeats. */
export class FileNames {
  private readonly used = new Set<string>();

  take(base: string, extension: string): string {
    const first = safeFileName(base, extension);
    let name = first;
    for (let n = 2; this.used.has(name.toLowerCase()); n++)
      name = `${first.slice(0, -extension.length)} (${n})${extension}`;
    this.used.add(name.toLowerCase());
    return name;
  }
}

/** The name of the file of untagged papers in a per-tag export. */
export const UNTAGGED = 'Untagged papers';

/** The header of one tag's file. */
export function markdownTagHeader(tag: string, count: number): string {
  return `# ${tag === UNTAGGED ? UNTAGGED : `Tag: ${escapeMarkdown(tag)}`}\n\n${count} paper${count === 1 ? '' : 's'}.\n\n`;
}
