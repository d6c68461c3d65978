/**
 * `npm run bench`: runs every benchmark in scripts/bench/ in turn and prints its figures.
 * Benchmarks print numbers rather than assert them: the machine is shared and noisy, so compare
 * ratios within one run. Pass names to run a subset: `npm run bench -- parse search`.
 */
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface BenchModule {
  readonly title: string;
  run(): Promise<void>;
}

const benchDir = join(dirname(fileURLToPath(import.meta.url)), 'bench');
const wanted = new Set(process.argv.slice(2));
const files = readdirSync(benchDir)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => wanted.size === 0 || wanted.has(basename(name, '.bench.ts')))
  .sort();

for (const file of files) {
  const bench = (await import(pathToFileURL(join(benchDir, file)).href)) as BenchModule;
  console.log(`\n== ${bench.title} (${file})`);
  await bench.run();
}
