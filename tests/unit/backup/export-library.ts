/** The library the export golden files are made from: sample dump 000 plus a hostile paper. */
import { parseDump } from '../../../src/main/core/parser';
import {
  addHighlight,
  addTagByName,
  mergeImportBatch,
  setNote,
  setStatus,
  type LibraryDb,
} from '../../../src/renderer/src/db';
import { fixtureText, REFERENCE } from '../parser/helpers';
import { at, batch, freshLibrary, paper, source } from '../db/helpers';

/** Title of the synthetic paper full of characters every format must escape. */
export const HOSTILE_TITLE =
  'A "quoted", {braced} title: 100% $x_1$ & #hash ~tilde^ \\backslash <b>bold</b> *star* | pipe';

/** Imports dump 000 and curates a few papers with statuses, tags and awkward notes. */
export async function exportLibrary(): Promise<LibraryDb> {
  const db = freshLibrary();
  const parsed = parseDump(fixtureText('000'), { referenceDate: REFERENCE });
  const src = source({ file: '000_8cdde3679725015e.txt', listingDate: parsed.listingDate });
  await mergeImportBatch(db, batch(parsed.papers, src), at(0));
  const hostile = paper({
    id: 'p0123456789abcdef0123',
    title: HOSTILE_TITLE,
    abstract: 'Uses {unbalanced braces and a tab\there, see https://example.org/a_b?c=1&d={2}.',
    published: '2024-09-02',
    links: ['https://example.org/a_b?c=1&d={2}', 'https://github.com/x/y'],
    upvotes: 7,
  });
  await mergeImportBatch(db, batch([hostile], source({ file: 'hostile.txt' })), at(1));
  const ids = parsed.papers.map((p) => p.id);
  const [first, second, third, fourth] = ids;
  if (!first || !second || !third || !fourth) throw new Error('sample 000 changed');
  await setStatus(db, [second, first], 'queued', at(2));
  await setStatus(db, [third], 'read', at(3));
  await addTagByName(db, [first, third, hostile.id], 'vision', at(4));
  await addTagByName(db, [first, hostile.id], 'R&D, {odd} 50%', at(5));
  await setNote(db, first, '## Why\n\n- fast\n- "cheap", really\r\n\nSee `code` & {refs}.', at(6));
  await setNote(db, hostile.id, 'Line one\nLine "two", with comma\n\n100% \\ done', at(7));
  await setStatus(db, [fourth], 'dismissed', at(8));
  await addHighlight(db, { paperId: first, start: 0, end: 38, comment: 'Where it starts' }, at(9));
  await addHighlight(
    db,
    { paperId: hostile.id, start: 5, end: 23, comment: 'A "quoted" {comment}, 100% \\ odd\nline' },
    at(10),
  );
  await addHighlight(db, { paperId: hostile.id, start: 24, end: 38, comment: '' }, at(11));
  return db;
}
