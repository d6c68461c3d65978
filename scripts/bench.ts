/**
 * `npm run bench [-- NAME...] [--out FILE] [--dumps DIR] [--check]`: runs the benchmarks in
 * scripts/bench/ (all, or those named) and prints their figures beside their targets.
 * Benchmarks print numbers rather than assert them: machines of the same kind differ several-fold,
 * so each figure with a natural limit is measured beside that limit in the same run.
 *
 * --out FILE   JSON-lines file the figures are written to (default bench-results.jsonl; replaced)
 * --dumps DIR  run the search, import and ranking benchmarks on the papers of real dumps in DIR
 * --check      exit 1 when a recorded figure misses its target
 */
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, platform, release, totalmem } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { FigureLog, type BenchContext } from './bench/figures';

interface BenchModule {
  readonly title: string;
  run(context: BenchContext): Promise<void>;
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string', default: 'bench-results.jsonl' },
    dumps: { type: 'string' },
    check: { type: 'boolean', default: false },
  },
});

const dumpsDir = values.dumps === undefined ? null : resolve(values.dumps);
if (dumpsDir !== null && !(existsSync(dumpsDir) && statSync(dumpsDir).isDirectory())) {
  console.error(`--dumps ${values.dumps}: not a folder`);
  process.exit(2);
}
const benchDir = join(dirname(fileURLToPath(import.meta.url)), 'bench');
const available = readdirSync(benchDir)
  .filter((name) => name.endsWith('.bench.ts'))
  .map((name) => basename(name, '.bench.ts'))
  .sort();
const unknown = positionals.filter((name) => !available.includes(name));
if (unknown.length > 0) {
  console.error(`Unknown benchmark ${unknown.join(', ')}; available: ${available.join(', ')}`);
  process.exit(2);
}
const names = positionals.length > 0 ? available.filter((n) => positionals.includes(n)) : available;

const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
console.log(
  `Machine: ${cpu}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ` +
    `${platform()} ${release()}, Node ${process.version}`,
);
writeFileSync(values.out, '');
const log = new FigureLog(values.out);
for (const name of names) {
  const bench = (await import(
    pathToFileURL(join(benchDir, `${name}.bench.ts`)).href
  )) as BenchModule;
  console.log(`\n== ${bench.title} (${name})`);
  await bench.run(log.context(name, dumpsDir));
}

const misses = log.misses();
console.log(
  `\n${log.figures.length} figures written to ${values.out}; ` +
    `${misses.length === 0 ? 'every target met' : `${misses.length} missed: ${misses.map((f) => `${f.bench}/${f.metric}`).join(', ')}`}`,
);
if (values.check && misses.length > 0) process.exit(1);
