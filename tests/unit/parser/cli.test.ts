/** `npm run parse`: runParseCommand with captured output, real temp files and a fake file system. */
import {
  copyFileSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runParseCommand } from '../../../src/main/core/cli/run-parse-command';
import type { FileAccess } from '../../../src/main/core/cli/run-parse-command';
import { MAX_DUMP_BYTES, parseDump } from '../../../src/main/core/parser/index';
import { FIXTURE_DIR, FIXTURE_NAMES, REFERENCE, fixtureBytes } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'parse-command-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[], files?: FileAccess) {
  const out: string[] = [];
  const err: string[] = [];
  const io = {
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s) },
  };
  const code = await runParseCommand(argv, files ? { ...io, files } : io);
  const stdout = out.join('');
  return { code, stdout, stderr: err.join(''), lines: stdout.split('\n').filter((l) => l !== '') };
}

const FIELDS = [
  'id',
  'title',
  'abstract',
  'authors',
  'organization',
  'published',
  'upvotes',
  'links',
  'line',
  'file',
];
const fixtures = FIXTURE_NAMES.map((name) => join(FIXTURE_DIR, name));

describe('npm run parse', () => {
  it('prints one JSON object per paper with exactly the ParsedPaper fields plus file', async () => {
    const result = await run(['--reference-date', '2026-11-23', ...fixtures]);
    expect(result.code).toBe(0);
    const expected = FIXTURE_NAMES.flatMap((name, index) =>
      parseDump(fixtureBytes(name.slice(0, 3)), { referenceDate: REFERENCE }).papers.map(
        (paper) => ({
          ...paper,
          file: fixtures[index],
        }),
      ),
    );
    expect(result.lines).toHaveLength(expected.length);
    const objects = result.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const object of objects) expect(Object.keys(object)).toEqual(FIELDS);
    expect(objects).toEqual(expected);
  });

  it('reports diagnostics on stderr as file:line: message, with exit 0', async () => {
    const cut = join(dir, 'cut.txt');
    writeFileSync(
      cut,
      `${readFileSync(fixtures[0] ?? '', 'utf8')}\nA title left without its abstract\n`,
    );
    const result = await run(['--reference-date=2026-11-23', cut]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(new RegExp(`^${cut}:368: entry "A title left`, 'm'));
    expect(result.stdout.trim().split('\n')).toHaveLength(45);
  });

  it('uses the file modification time as the reference date by default', async () => {
    const copy = join(dir, 'dump.txt');
    copyFileSync(fixtures[0] ?? '', copy);
    utimesSync(copy, new Date('2027-06-01T12:00:00Z'), new Date('2027-06-01T12:00:00Z'));
    const byMtime = await run([copy]);
    const byFlag = await run(['--reference-date', '2027-06-01', copy]);
    expect(byMtime.stdout).toBe(byFlag.stdout);
    expect(byMtime.stdout).toContain('"published":"2027-01-29"');
  });

  it('exits 1 for a file that is not a dump or is missing, and still parses the others', async () => {
    const html = join(dir, 'page.html.txt');
    writeFileSync(html, '<!doctype html><html><body>Daily Papers</body></html>');
    const missing = join(dir, 'missing.txt');
    const result = await run(['--reference-date', '2026-11-23', html, missing, fixtures[3] ?? '']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${html}: looks like an HTML page, not a listing dump\n`);
    expect(result.stderr).toContain(`${missing}: no such file\n`);
    expect(result.lines).toHaveLength(119);
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    expect((await run([empty])).stderr).toBe(`${empty}: is empty\n`);
    expect((await run([dir])).code).toBe(1);
  });

  it('refuses a file over the cap from its size alone, without reading it', async () => {
    let reads = 0;
    const files: FileAccess = {
      stat: () =>
        Promise.resolve({ size: MAX_DUMP_BYTES + 1, mtime: REFERENCE, isFile: () => true }),
      readFile: () => {
        reads += 1;
        return Promise.reject(new Error('must not be read'));
      },
    };
    const result = await run(['huge.txt'], files);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^huge\.txt: is too large .*64 MiB/);
    expect(reads).toBe(0);
  });

  it('exits 2 with a usage line for bad usage', async () => {
    for (const argv of [
      [],
      ['--reference-date', '2026-11-23'],
      ['--verbose', 'x.txt'],
      ['--reference-date', '2026-13-01', 'x.txt'],
      ['--reference-date', '2026-02-30', 'x.txt'],
      ['--reference-date', 'tomorrow', 'x.txt'],
      ['x.txt', '--reference-date'],
    ]) {
      const result = await run(argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/\nusage: /);
      expect(result.stdout).toBe('');
    }
  });

  it('accepts file names after -- even when they look like options', async () => {
    const result = await run(['--', '--weird.txt']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('--weird.txt: no such file\n');
  });
});
