/** Shared helpers for the parser tests: fixture loading and the ParseResult well-formedness check. */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { paperIdFromTitle } from '../../../src/main/core/parser/index';
import type { ParseResult } from '../../../src/shared/paper';

export const FIXTURE_DIR = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** The five sample dumps, in file-name order (000 … 004). */
export const FIXTURE_NAMES: readonly string[] = readdirSync(FIXTURE_DIR)
  .filter((name) => name.endsWith('.txt'))
  .sort();

/** Raw bytes of a fixture by its number prefix (`'000'`). */
export function fixtureBytes(prefix: string): Buffer {
  const name = FIXTURE_NAMES.find((candidate) => candidate.startsWith(prefix));
  if (name === undefined) throw new Error(`no fixture ${prefix}`);
  return readFileSync(`${FIXTURE_DIR}${name}`);
}

/** A fixture as text. */
export function fixtureText(prefix: string): string {
  return fixtureBytes(prefix).toString('utf8');
}

/** The reference date used by most tests: the day the samples were last looked at. */
export const REFERENCE = new Date('2026-11-23T00:00:00Z');

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Asserts the ParseResult invariants (see ParseResult / parseDump docs). Uses plain throws rather
 * than many `expect`s so that it is cheap enough to run inside property tests.
 */
export function assertWellFormed(result: ParseResult): void {
  const fail = (what: string): never => {
    throw new Error(`malformed ParseResult: ${what}`);
  };
  if (result.rejection !== null) {
    if (result.rejection.trim() === '' || /[\r\n]/.test(result.rejection))
      fail('rejection not one line');
    if (result.papers.length !== 0 || result.format !== null)
      fail('rejected result has papers/format');
  } else if (result.format !== 'page' && result.format !== 'compact') fail('unknown format');
  if (result.listingDate !== null && !ISO_DAY.test(result.listingDate)) fail('listingDate');
  let previousLine = 0;
  for (const paper of result.papers) {
    if (paper.title.trim() === '' || paper.title !== paper.title.trim()) fail('title');
    if (paper.abstract.trim() === '') fail('abstract');
    if (!Number.isInteger(paper.line) || paper.line < 1 || paper.line <= previousLine) fail('line');
    previousLine = paper.line;
    if (paper.id !== paperIdFromTitle(paper.title)) fail('id');
    if (paper.published !== null && !ISO_DAY.test(paper.published)) fail('published');
    if (paper.links.some((link) => !/^https?:\/\/\S+$/i.test(link))) fail('links');
    if (new Set(paper.links).size !== paper.links.length) fail('duplicate links');
  }
  for (const d of result.diagnostics) {
    if (d.line !== null && (!Number.isInteger(d.line) || d.line < 1)) fail('diagnostic line');
    if (d.message === '' || /[\r\n]/.test(d.message)) fail('diagnostic message');
  }
}

/** `assertWellFormed` as a vitest expectation (for readable failures in example tests). */
export function expectWellFormed(result: ParseResult): void {
  expect(() => assertWellFormed(result)).not.toThrow();
}
