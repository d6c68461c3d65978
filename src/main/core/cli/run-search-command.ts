/**
 * `npm run search`: parses listing dumps, indexes their papers with the app's own search engine
 * (`src/shared/search`, same analyser and ranking) and runs queries against them. Separated from
 * the process so tests can call it with captured streams; the entry point is `search-command.ts`.
 */
import { readFile } from 'node:fs/promises';
import type { ParsedPaper } from '../../../shared/paper';
import { SearchEngine } from '../../../shared/search/search-engine';
import type { SearchDocument } from '../../../shared/search/search-types';
import { describeFileError, parseIsoDay, readDumpPapers } from './run-parse-command';
import type { ParseCommandIo } from './run-parse-command';

/** Usage line printed (to stderr) on bad usage and (to stdout) for `--help`. */
export const SEARCH_USAGE =
  'usage: npm run --silent search -- [--limit N] [--reference-date YYYY-MM-DD] ' +
  '(--query TEXT | --queries FILE) DUMP...';

/** Exit codes: every dump read; some dump (or the queries file) unreadable; bad usage. */
export const SEARCH_EXIT = { ok: 0, unreadable: 1, usage: 2 } as const;

const DEFAULT_LIMIT = 20;

/** One JSON line of output. */
export interface SearchLine {
  readonly query: string;
  readonly total: number;
  readonly ms: number;
  readonly results: readonly {
    readonly id: string;
    readonly title: string;
    readonly score: number;
  }[];
}

interface Usage {
  readonly help: boolean;
  readonly limit: number;
  readonly referenceDate: Date | null;
  readonly query: string | null;
  readonly queriesFile: string | null;
  readonly dumps: readonly string[];
}

/** The value of `--name VALUE` or `--name=VALUE` at `argv[index]`, and the next index. */
function optionValue(argv: readonly string[], index: number): { value?: string; next: number } {
  const arg = argv[index] ?? '';
  if (arg.includes('=')) return { value: arg.slice(arg.indexOf('=') + 1), next: index };
  return { value: argv[index + 1], next: index + 1 };
}

/** The parsed command line, or an error message for bad usage. */
function parseArguments(argv: readonly string[]): Usage | string {
  const usage = { help: false, limit: DEFAULT_LIMIT, referenceDate: null as Date | null };
  let query: string | null = null;
  let queriesFile: string | null = null;
  const dumps: string[] = [];
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    const name = arg.split('=')[0] ?? '';
    if (arg === '--') {
      dumps.push(...argv.slice(index + 1));
      break;
    }
    if (arg === '--help' || arg === '-h') {
      usage.help = true;
      continue;
    }
    if (!['--limit', '--reference-date', '--query', '--queries'].includes(name)) {
      if (arg.startsWith('-') && arg !== '-') return `unknown option ${JSON.stringify(arg)}`;
      dumps.push(arg);
      continue;
    }
    const { value, next } = optionValue(argv, index);
    index = next;
    if (value === undefined) return `${name} needs a value`;
    if (name === '--limit') {
      if (!/^\d+$/.test(value)) return `malformed --limit ${JSON.stringify(value)}`;
      usage.limit = Number(value);
    } else if (name === '--reference-date') {
      usage.referenceDate = parseIsoDay(value);
      if (usage.referenceDate === null)
        return `malformed --reference-date ${JSON.stringify(value)} (expected YYYY-MM-DD)`;
    } else if (name === '--query') query = value;
    else queriesFile = value;
  }
  if (usage.help) return { ...usage, query, queriesFile, dumps };
  if ((query === null) === (queriesFile === null)) return 'give exactly one of --query, --queries';
  if (dumps.length === 0) return 'no dumps given';
  return { ...usage, query, queriesFile, dumps };
}

/** The search document of a parsed paper, as a fresh import would store it (in the inbox). */
function toDocument(paper: ParsedPaper): SearchDocument {
  const year = paper.published === null ? null : Number(paper.published.slice(0, 4));
  return {
    id: paper.id,
    title: paper.title,
    abstract: paper.abstract,
    organization: paper.organization,
    tags: [],
    note: '',
    status: 'inbox',
    year: year !== null && Number.isFinite(year) ? year : null,
  };
}

/**
 * Runs the command and resolves to its exit code. stdout carries only JSON lines, one
 * `SearchLine` per query in order; diagnostics and unreadable files go to stderr. Papers that
 * appear in several dumps are indexed once (the first occurrence), as the app merges them.
 */
export async function runSearchCommand(
  argv: readonly string[],
  io: ParseCommandIo,
): Promise<number> {
  const usage = parseArguments(argv);
  if (typeof usage === 'string') {
    io.stderr.write(`search: ${usage}\n${SEARCH_USAGE}\n`);
    return SEARCH_EXIT.usage;
  }
  if (usage.help) {
    io.stdout.write(`${SEARCH_USAGE}\n`);
    return SEARCH_EXIT.ok;
  }
  let queries: string[];
  try {
    queries =
      usage.queriesFile === null
        ? [usage.query ?? '']
        : (await readFile(usage.queriesFile, 'utf8')).split(/\r?\n/).filter((q) => q.trim() !== '');
  } catch (error) {
    io.stderr.write(`${usage.queriesFile ?? ''}: ${describeFileError(error)}\n`);
    return SEARCH_EXIT.unreadable;
  }
  let exit: number = SEARCH_EXIT.ok;
  const documents = new Map<string, SearchDocument>();
  for (const dump of usage.dumps) {
    const papers = await readDumpPapers(dump, usage.referenceDate, io);
    if (papers === null) exit = SEARCH_EXIT.unreadable;
    for (const paper of papers ?? []) {
      if (!documents.has(paper.id)) documents.set(paper.id, toDocument(paper));
    }
  }
  const engine = new SearchEngine();
  engine.replaceAll([...documents.values()]);
  for (const query of queries) {
    const result = engine.search({ text: query, limit: usage.limit });
    for (const problem of result.problems)
      io.stderr.write(`search: ${query}: ${problem.message}\n`);
    const line: SearchLine = {
      query,
      total: result.total,
      ms: Number(result.tookMs.toFixed(3)),
      results: result.hits.map((hit) => ({
        id: hit.id,
        title: documents.get(hit.id)?.title ?? '',
        score: Number(hit.score.toFixed(4)),
      })),
    };
    io.stdout.write(`${JSON.stringify(line)}\n`);
  }
  return exit;
}
