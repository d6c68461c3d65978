import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import Ajv from 'ajv';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportFormat } from '../../../src/shared/backup-types';
import { getQueueIds, type LibraryDb } from '../../../src/renderer/src/db';
import { exportPapers } from '../../../src/renderer/src/features/backup/export/export-runner';
import { startBackupHarness } from './backup-harness';
import { exportLibrary, HOSTILE_TITLE } from './export-library';
import { CSL_ITEMS_SCHEMA } from './csl-schema';
import { parseCsv } from './rfc4180';

const GOLDEN = join(import.meta.dirname, '../../fixtures/export');
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';

async function golden(name: string, actual: string): Promise<void> {
  const path = join(GOLDEN, name);
  if (UPDATE || !existsSync(path)) await writeFile(path, actual);
  expect(actual).toBe(await readFile(path, 'utf8'));
}

async function exportToFile(
  db: LibraryDb,
  format: ExportFormat,
  ids: readonly string[] | null = null,
) {
  const harness = await startBackupHarness();
  harness.dialogs.savePath = join(harness.root, `export.${format}`);
  const result = await exportPapers(harness.api, db, {
    format,
    perTag: false,
    ids,
    name: 'papers',
  });
  expect(result?.files).toBe(1);
  return readFile(harness.dialogs.savePath, 'utf8');
}

async function exportToFolder(db: LibraryDb, perTag: boolean) {
  const harness = await startBackupHarness();
  harness.dialogs.exportFolder = harness.root;
  const result = await exportPapers(harness.api, db, {
    format: 'markdown',
    perTag,
    ids: null,
    name: 'Paper Queue export',
  });
  if (!result) throw new Error('cancelled');
  const names = (await readdir(result.path)).sort();
  const files = await Promise.all(names.map((name) => readFile(join(result.path, name), 'utf8')));
  return {
    result,
    names,
    text: names.map((name, i) => `<!-- ${name} -->\n${files[i]}`).join('\n'),
  };
}

describe('exports for other tools (golden files of sample 000)', () => {
  it('BibTeX: @misc entries that a BibTeX parser reads back exactly, with unique stable keys', async () => {
    const db = await exportLibrary();
    const text = await exportToFile(db, 'bibtex');
    await golden('sample-000.bib', text);
    const parsed = parseBibtex(text, { sentenceCase: false, english: false });
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries).toHaveLength(46);
    expect(new Set(parsed.entries.map((entry) => entry.key)).size).toBe(46);
    expect(parsed.entries.every((entry) => entry.type === 'misc')).toBe(true);
    const hostile = parsed.entries.find((entry) => entry.key.startsWith('quoted2024-0123456789'));
    expect(hostile?.fields.title).toBe(HOSTILE_TITLE);
    expect(hostile?.fields.abstract).toContain('{unbalanced braces');
    expect(hostile?.fields.year).toBe('2024');
    expect(hostile?.fields.keywords).toEqual(['R&D odd 50%', 'vision']);
    expect(hostile?.fields.url).toBe('https://example.org/a_b?c=1&d=%7B2%7D');
    // The parser reads the note as rich text: paragraphs as <p>, line breaks as spaces.
    expect(hostile?.fields.note).toContain(
      '<p>Highlights: “{unbalanced braces” — A "quoted" {comment}, 100% \\ odd line “and a tab here”',
    );
    // Stable: the same keys in a second export of a subset.
    const again = parseBibtex(
      await exportToFile(db, 'bibtex', [hostile?.key ? 'p0123456789abcdef0123' : '']),
      {
        sentenceCase: false,
      },
    );
    expect(again.entries.map((entry) => entry.key)).toEqual([hostile?.key]);
  });

  it('CSL-JSON: items valid against the CSL data schema fields used', async () => {
    const db = await exportLibrary();
    const text = await exportToFile(db, 'csl-json');
    await golden('sample-000.csl.json', text);
    const items = JSON.parse(text) as Record<string, unknown>[];
    const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(
      CSL_ITEMS_SCHEMA,
    );
    expect(validate(items) ? [] : validate.errors).toEqual([]);
    expect(items).toHaveLength(46);
    const hostile = items.find((item) => item['title'] === HOSTILE_TITLE);
    expect(hostile).toMatchObject({
      type: 'article',
      issued: { 'date-parts': [[2024, 9, 2]] },
      keyword: 'R&D, {odd} 50%, vision',
      URL: 'https://example.org/a_b?c=1&d={2}',
      note: 'Line one\nLine "two", with comma\n\n100% \\ done\n\nHighlights:\n“{unbalanced braces” — A "quoted" {comment}, 100% \\ odd line\n“and a tab here”',
    });
  });

  it('CSV: RFC 4180 rows that parse back to the same fields', async () => {
    const db = await exportLibrary();
    const text = await exportToFile(db, 'csv');
    await golden('sample-000.csv', text);
    const rows = parseCsv(text);
    expect(rows[0]?.slice(0, 4)).toEqual(['id', 'title', 'status', 'queue_position']);
    expect(rows).toHaveLength(47);
    expect(rows[0]?.at(-1)).toBe('highlights');
    expect(rows.every((row) => row.length === 16)).toBe(true);
    const hostile = rows.find((row) => row[1] === HOSTILE_TITLE);
    expect(hostile?.[4]).toBe('R&D, {odd} 50%; vision');
    expect(hostile?.[13]).toBe('Line one\nLine "two", with comma\n\n100% \\ done');
    expect(hostile?.[15]).toBe(
      '“{unbalanced braces” — A "quoted" {comment}, 100% \\ odd line\n“and a tab here”',
    );
    expect(rows.slice(1).filter((row) => row[15] !== '')).toHaveLength(2);
    const queue = await getQueueIds(db);
    expect(rows.filter((row) => row[2] === 'queued').map((row) => [row[0], row[3]])).toEqual(
      expect.arrayContaining(queue.map((id, i) => [id, String(i + 1)])),
    );
  });

  it('Markdown: one file per paper, with unique portable names', async () => {
    const db = await exportLibrary();
    const { result, names, text } = await exportToFolder(db, false);
    expect(result.files).toBe(46);
    expect(names).toHaveLength(46);
    expect(names.every((name) => /^[^/\\:*?"<>|]+\.md$/.test(name))).toBe(true);
    await golden('sample-000.per-paper.md', text);
    expect(text).toContain(
      '# A "quoted", {braced} title: 100% $x\\_1$ & \\#hash \\~tilde^ \\\\backslash \\<b\\>bold\\</b\\> \\*star\\* \\| pipe',
    );
    expect(text).toContain(
      '## Highlights\n\n> {unbalanced braces\n\n— A "quoted" {comment}, 100% \\\\ odd line\n\n> and a tab\there\n\n## Note',
    );
  });

  it('Markdown: one file per tag, untagged papers in their own file', async () => {
    const db = await exportLibrary();
    const { names, text } = await exportToFolder(db, true);
    expect(names).toEqual(['R&D, {odd} 50%.md', 'Untagged papers.md', 'vision.md']);
    await golden('sample-000.per-tag.md', text);
  });

  it('writes nothing when the dialog is cancelled, and no partial folder on failure', async () => {
    const db = await exportLibrary();
    const harness = await startBackupHarness();
    expect(
      await exportPapers(harness.api, db, { format: 'csv', perTag: false, ids: null, name: 'x' }),
    ).toBeNull();
    expect(await readdir(harness.root)).toEqual([]);
  });
});
