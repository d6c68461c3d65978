/**
 * `npm run parse`: the command's logic, separated from the process so tests can call it with
 * captured streams and a fake file system. The entry point is `parse-command.ts`.
 */
import { readFile, stat } from 'node:fs/promises';
import { MAX_DUMP_BYTES, formatDiagnostic, parseDump } from '../parser/index';
import type { ParsedPaper } from '../../../shared/paper';
import { errorMessage } from '../../../shared/error-message';

/** Usage line printed (to stderr) on bad usage and (to stdout) for `--help`. */
export const USAGE = 'usage: npm run --silent parse -- [--reference-date YYYY-MM-DD] <file>...';

/** Exit code when every file was a listing dump (warnings allowed). */
export const EXIT_OK = 0;
/** Exit code when some file was not a listing dump, or could not be read. */
export const EXIT_NOT_A_DUMP = 1;
/** Exit code for bad usage: no files, unknown option, malformed date. */
export const EXIT_USAGE = 2;

/** Where output goes: `process.stdout` / `process.stderr` or test buffers. */
export interface TextSink {
  write(chunk: string): unknown;
}

/** The file operations the command needs; defaults to node:fs/promises. */
export interface FileAccess {
  stat(path: string): Promise<{ readonly size: number; readonly mtime: Date; isFile(): boolean }>;
  readFile(path: string): Promise<Uint8Array>;
}

/** Streams and (optionally) file access for `runParseCommand`. */
export interface ParseCommandIo {
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  readonly files?: FileAccess;
}

/** One JSON line of output: the paper plus the file path exactly as given on the command line. */
export type PaperLine = ParsedPaper & { readonly file: string };

interface Usage {
  readonly referenceDate: Date | null;
  readonly files: readonly string[];
  readonly help: boolean;
}

const nodeFiles: FileAccess = { stat, readFile };
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Runs the command and resolves to its exit code; never rejects for a bad file (a file that is
 * missing, unreadable, over the size cap or not a dump is reported on stderr and gives exit 1,
 * and the remaining files are still processed).
 *
 * Output contract: stdout carries only JSON lines (one object per paper, `PaperLine` fields, in
 * file order), so it can be piped to `jq` or `wc -l`; everything for humans goes to stderr as
 * `file:line: message` or `file: reason`.
 */
export async function runParseCommand(
  argv: readonly string[],
  io: ParseCommandIo,
): Promise<number> {
  const parsed = parseArguments(argv);
  if (typeof parsed === 'string') {
    io.stderr.write(`parse: ${parsed}\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  if (parsed.help) {
    io.stdout.write(`${USAGE}\n`);
    return EXIT_OK;
  }
  let exitCode = EXIT_OK;
  for (const file of parsed.files) {
    const ok = await parseOneFile(file, parsed.referenceDate, io);
    if (!ok) exitCode = EXIT_NOT_A_DUMP;
  }
  return exitCode;
}

/** The parsed command line, or an error message for bad usage. */
function parseArguments(argv: readonly string[]): Usage | string {
  let referenceDate: Date | null = null;
  let help = false;
  const files: string[] = [];
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    if (arg === '--') {
      files.push(...argv.slice(index + 1));
      break;
    }
    if (arg === '--help' || arg === '-h') help = true;
    else if (arg === '--reference-date' || arg.startsWith('--reference-date=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[(index += 1)];
      if (value === undefined) return '--reference-date needs a value (YYYY-MM-DD)';
      const date = parseIsoDay(value);
      if (date === null)
        return `malformed --reference-date ${JSON.stringify(value)} (expected YYYY-MM-DD)`;
      referenceDate = date;
    } else if (arg.startsWith('-') && arg !== '-') return `unknown option ${JSON.stringify(arg)}`;
    else files.push(arg);
  }
  if (!help && files.length === 0) return 'no files given';
  return { referenceDate, files, help };
}

/** A real calendar day `YYYY-MM-DD` as a UTC midnight Date, or null. */
export function parseIsoDay(value: string): Date | null {
  const match = ISO_DAY.exec(value);
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  date.setUTCFullYear(year); // Date.UTC maps years 0–99 to 1900–1999
  const valid =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return valid && year >= 1 ? date : null;
}

/** Parses one file and writes its output; returns false when it was not a readable dump. */
async function parseOneFile(
  file: string,
  referenceDate: Date | null,
  io: ParseCommandIo,
): Promise<boolean> {
  const papers = await readDumpPapers(file, referenceDate, io);
  if (papers === null) return false;
  const lines = papers.map((paper) => JSON.stringify(toPaperLine(paper, file)));
  if (lines.length > 0) io.stdout.write(`${lines.join('\n')}\n`);
  return true;
}

/**
 * Reads and parses one dump, writing its diagnostics to stderr as `file:line: message`; null
 * (after saying why on stderr) when the file is missing, unreadable, too large or not a dump.
 * The reference date defaults to the file's modification time, as the app's import does.
 */
export async function readDumpPapers(
  file: string,
  referenceDate: Date | null,
  io: ParseCommandIo,
): Promise<readonly ParsedPaper[] | null> {
  const files = io.files ?? nodeFiles;
  let bytes: Uint8Array;
  let mtime: Date;
  try {
    const info = await files.stat(file);
    if (!info.isFile()) return fail(io, file, 'is not a regular file');
    if (info.size > MAX_DUMP_BYTES) {
      return fail(
        io,
        file,
        `is too large (${info.size} bytes; the limit is ${MAX_DUMP_BYTES / 1024 / 1024} MiB)`,
      );
    }
    mtime = info.mtime;
    bytes = await files.readFile(file);
  } catch (error) {
    return fail(io, file, describeFileError(error));
  }
  const result = parseDump(bytes, { referenceDate: referenceDate ?? mtime });
  if (result.rejection !== null) return fail(io, file, result.rejection);
  for (const diagnostic of result.diagnostics)
    io.stderr.write(`${formatDiagnostic(file, diagnostic)}\n`);
  return result.papers;
}

function fail(io: ParseCommandIo, file: string, reason: string): null {
  io.stderr.write(`${file}: ${reason}\n`);
  return null;
}

/** Exactly the `ParsedPaper` fields, in declaration order, then `file`. */
function toPaperLine(paper: ParsedPaper, file: string): PaperLine {
  return {
    id: paper.id,
    title: paper.title,
    abstract: paper.abstract,
    authors: paper.authors,
    organization: paper.organization,
    published: paper.published,
    upvotes: paper.upvotes,
    links: paper.links,
    line: paper.line,
    file,
  };
}

/** A one-line, user-facing description of a failed stat/read. */
export function describeFileError(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : null;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory, not a file';
  const message = errorMessage(error);
  return `could not be read (${message})`;
}
