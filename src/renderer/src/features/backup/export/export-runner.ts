/**
 * Runs an export: reads the chosen papers page by page and streams the chosen format to main,
 * which writes it atomically (one file) or into a new folder (Markdown files). Cancelling the
 * dialog writes nothing; a failure aborts the session so no partial export is left behind.
 */
import type { ExportFormat, ExportResult } from '../../../../../shared/backup-types';
import type { PaperQueueApi } from '../../../../../shared/ipc-contract';
import { forEachExportPage, type ExportItem, type LibraryDb } from '../../../db';
import { BIBTEX_PREAMBLE, bibtexEntries, CitationKeys } from './bibtex';
import { cslMembers } from './csl-json';
import { csvHeader, csvRows } from './csv';
import { FileNames, markdownPaper, markdownTagHeader, UNTAGGED } from './markdown';

/** What to export, how, and under which name. */
export interface ExportRequest {
  readonly format: ExportFormat;
  /** Markdown only: one file per tag instead of one per paper. */
  readonly perTag: boolean;
  /** Papers in order, or null for every paper (in title order). */
  readonly ids: readonly string[] | null;
  /** Base name of the file or folder, without extension. */
  readonly name: string;
}

const EXTENSIONS: Readonly<Record<Exclude<ExportFormat, 'markdown'>, string>> = {
  csv: '.csv',
  bibtex: '.bib',
  'csl-json': '.json',
};

type Writer = (items: ExportItem[]) => Promise<void>;

/** Streams one-file formats: a header, the pages, a footer. */
function singleFile(
  format: Exclude<ExportFormat, 'markdown'>,
  append: (text: string) => Promise<void>,
): { readonly header: string; readonly page: Writer; footer(): string } {
  const keys = new CitationKeys();
  let empty = true;
  const page: Writer = async (items) => {
    if (items.length === 0) return;
    if (format === 'csv') await append(csvRows(items));
    else if (format === 'bibtex') await append(bibtexEntries(items, keys));
    else await append(cslMembers(items, keys, empty));
    empty = false;
  };
  const header = format === 'csv' ? csvHeader() : format === 'bibtex' ? BIBTEX_PREAMBLE : '[\n';
  const footer = (): string => (format === 'csl-json' ? `${empty ? '' : '\n'}]\n` : '');
  return { header, page, footer };
}

/**
 * Exports the papers of `request` and returns where they went, or null when the user cancelled
 * the save or folder dialog. `onProgress` is told the papers written so far.
 */
export async function exportPapers(
  api: PaperQueueApi,
  db: LibraryDb,
  request: ExportRequest,
  onProgress: (papers: number) => void = () => undefined,
): Promise<ExportResult | null> {
  const markdown = request.format === 'markdown';
  const session = await api.beginExport({
    format: request.format,
    layout: markdown ? 'folder' : 'file',
    suggestedName: markdown ? request.name : `${request.name}${EXTENSIONS[request.format]}`,
  });
  if (session === null) return null;
  const { sessionId } = session;
  let seq = 0;
  let done = 0;
  const append = async (text: string): Promise<void> => {
    await api.appendExport({ sessionId, seq: seq++, text });
  };
  try {
    const names = new FileNames();
    const byTag = new Map<string, string[]>();
    let write: Writer;
    let finish = async (): Promise<void> => undefined;
    if (request.format === 'markdown' && !request.perTag) {
      write = async (items) => {
        for (const item of items)
          await api.addExportFile({
            sessionId,
            name: names.take(item.title, '.md'),
            text: markdownPaper(item),
          });
      };
    } else if (request.format === 'markdown') {
      write = async (items) => {
        for (const item of items)
          for (const tag of item.tags.length > 0 ? item.tags : [UNTAGGED])
            byTag.set(tag, [...(byTag.get(tag) ?? []), markdownPaper(item, 2)]);
      };
      finish = async () => {
        const tags = [...byTag.keys()].sort((a, b) =>
          a.localeCompare(b, 'en', { sensitivity: 'base' }),
        );
        for (const tag of tags) {
          const papers = byTag.get(tag) ?? [];
          const text = `${markdownTagHeader(tag, papers.length)}${papers.join('\n')}`;
          await api.addExportFile({ sessionId, name: names.take(tag, '.md'), text });
        }
      };
    } else {
      const file = singleFile(request.format, append);
      await append(file.header);
      write = file.page;
      finish = () => append(file.footer());
    }
    await forEachExportPage(db, request.ids, async (items) => {
      await write(items);
      done += items.length;
      onProgress(done);
    });
    await finish();
    return await api.commitExport({ sessionId });
  } catch (error) {
    await api.abortExport({ sessionId }).catch(() => undefined);
    throw error;
  }
}
