/** `npm run search`: runSearchCommand over the sample dumps, with captured output. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runSearchCommand, SEARCH_EXIT } from '../../../src/main/core/cli/run-search-command';
import type { SearchLine } from '../../../src/main/core/cli/run-search-command';
import { FIXTURE_DIR, FIXTURE_NAMES } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'search-command-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const dumps = FIXTURE_NAMES.map((name) => join(FIXTURE_DIR, name));

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runSearchCommand(argv, {
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s) },
  });
  const stdout = out.join('');
  const lines = () =>
    stdout
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as SearchLine);
  return { code, stdout, lines: code === SEARCH_EXIT.usage ? [] : lines(), stderr: err.join('') };
}

describe('npm run search', () => {
  it('prints one JSON object per query with query, total, ms and ranked results', async () => {
    const result = await run([
      '--reference-date',
      '2026-11-23',
      '--query',
      'sparse atention',
      ...dumps,
    ]);
    expect(result.code).toBe(SEARCH_EXIT.ok);
    expect(result.lines).toHaveLength(1);
    const [line] = result.lines;
    expect(Object.keys(line ?? {})).toEqual(['query', 'total', 'ms', 'results']);
    expect(line?.query).toBe('sparse atention');
    expect(line?.total).toBeGreaterThanOrEqual(2);
    expect(line?.results.length).toBe(Math.min(20, line?.total ?? 0));
    expect(line?.results.map((r) => r.title)).toContain('Sparse Attention with Linear Units');
    for (const r of line?.results ?? []) expect(Object.keys(r)).toEqual(['id', 'title', 'score']);
    const scores = line?.results.map((r) => r.score) ?? [];
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('runs every line of a queries file, honours --limit and indexes repeated papers once', async () => {
    const file = join(dir, 'queries.txt');
    writeFileSync(file, 'lora finetune\n\nc++\nquant\n');
    const once = await run(['--limit=1', '--queries', file, ...dumps]);
    const twice = await run(['--limit', '1', '--queries', file, ...dumps, ...dumps]);
    expect(once.code).toBe(0);
    expect(once.lines.map((l) => l.query)).toEqual(['lora finetune', 'c++', 'quant']);
    expect(once.lines[0]?.results[0]?.title).toMatch(/^LoRAFusion/);
    expect(once.lines.every((l) => l.results.length <= 1)).toBe(true);
    expect(twice.lines.map((l) => l.total)).toEqual(once.lines.map((l) => l.total));
  });

  it('reports query problems on stderr', async () => {
    const result = await run(['--query', 'graph status:maybe', ...dumps]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('did you mean status:queued?');
  });

  it('exits 1 for an unreadable dump or queries file, still searching the readable dumps', async () => {
    const missing = join(dir, 'missing.txt');
    const result = await run(['--query', 'lora', missing, ...dumps]);
    expect(result.code).toBe(SEARCH_EXIT.unreadable);
    expect(result.stderr).toContain(`${missing}: no such file`);
    expect(result.lines[0]?.total).toBeGreaterThan(0);
    const noQueries = await run(['--queries', missing, ...dumps]);
    expect(noQueries.code).toBe(SEARCH_EXIT.unreadable);
    expect(noQueries.lines).toEqual([]);
  });

  it('exits 2 on bad usage, printing the usage line', async () => {
    for (const argv of [
      [...dumps],
      ['--query', 'x'],
      ['--query', 'x', '--queries', 'q.txt', ...dumps],
      ['--limit', 'ten', '--query', 'x', ...dumps],
      ['--reference-date', '2026-13-01', '--query', 'x', ...dumps],
      ['--frobnicate', '--query', 'x', ...dumps],
      ['--query'],
    ]) {
      const result = await run(argv);
      expect(result.code).toBe(SEARCH_EXIT.usage);
      expect(result.stderr).toMatch(/^search: .*\nusage: npm run --silent search/);
    }
    const help = await runSearchCommand(['--help'], {
      stdout: { write: (s: string) => expect(s).toMatch(/^usage: /) },
      stderr: { write: () => undefined },
    });
    expect(help).toBe(SEARCH_EXIT.ok);
  });
});

describe('the search command as a process', () => {
  it('runs through tsx like npm run search does', () => {
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/main/core/cli/search-command.ts', '--query', 'lora', ...dumps],
      { encoding: 'utf8' },
    );
    expect(result.status).toBe(0);
    const line = JSON.parse(result.stdout.trim()) as SearchLine;
    expect(line.query).toBe('lora');
    expect(line.total).toBeGreaterThan(0);
  }, 30_000);
});
