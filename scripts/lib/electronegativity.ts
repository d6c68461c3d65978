import { readFile } from 'node:fs/promises';
import { createRequire, Module } from 'node:module';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** What Electronegativity's runner returns besides the report it writes. */
interface RunnerResult {
  readonly errors: readonly { file: string; message: string; tolerable: boolean }[];
}

type Runner = (options: Record<string, unknown>, forCli: boolean) => Promise<RunnerResult>;

/** The network-backed check: it downloads Electron's release list on every run. */
const NETWORK_CHECKS = ['availablesecurityfixesglobalcheck'];

/**
 * Loads Electronegativity's runner without its network use. Its i18n module fetches a
 * translation file from S3 on every run; here that module is replaced, before the runner loads
 * it, by one that configures the same `i18n` package from the English strings it ships.
 */
function loadOfflineRunner(): Runner {
  const require = createRequire(import.meta.url);
  const runnerPath = require.resolve('@doyensec/electronegativity/dist/runner.js');
  const runnerRequire = createRequire(runnerPath);
  const i18nPath = runnerRequire.resolve('./locales/i18n.js');
  const i18n = runnerRequire('i18n') as {
    configure(options: Record<string, unknown>): void;
    setLocale(locale: string): void;
  };
  const offline = new Module(i18nPath);
  offline.filename = i18nPath;
  offline.loaded = true;
  offline.exports = async (): Promise<void> => {
    i18n.configure({
      locales: ['en-US'],
      defaultLocale: 'en-US',
      directory: dirname(i18nPath),
      updateFiles: false,
      objectNotation: true,
      retryInDefaultLocale: true,
      register: globalThis,
    });
    i18n.setLocale('en-US');
  };
  runnerRequire.cache[i18nPath] = offline;
  const runner = runnerRequire(runnerPath) as Runner | { default: Runner };
  return typeof runner === 'function' ? runner : runner.default;
}

/** How long the report may take to appear after the runner has resolved. */
const REPORT_TIMEOUT_MS = 30_000;

/**
 * The SARIF report at `path`, parsed. Electronegativity writes it with a callback-style
 * `fs.writeFile` that its runner does not wait for, so the file may be missing or half written
 * when the runner resolves: read until it parses, within a time limit.
 */
async function awaitReport(path: string): Promise<unknown> {
  const deadline = Date.now() + REPORT_TIMEOUT_MS;
  for (;;) {
    try {
      return JSON.parse(await readFile(path, 'utf8')) as unknown;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(50);
    }
  }
}

/**
 * Scans `input` with every Electronegativity check except the one that needs the network, has
 * the findings written as SARIF to `sarifPath`, and resolves with that report and the files it
 * could not parse (a file it cannot read is a file it did not check).
 */
export async function runElectronegativity(
  input: string,
  sarifPath: string,
  electronVersion: string,
): Promise<{ readonly sarif: unknown; readonly unparsed: string[] }> {
  const run = loadOfflineRunner();
  const result = await run(
    {
      input,
      output: sarifPath,
      isSarif: true,
      customScan: [],
      excludeFromScan: NETWORK_CHECKS,
      isRelative: true,
      isVerbose: false,
      electronVersionOverride: electronVersion,
      parserPlugins: [],
    },
    false,
  );
  return {
    sarif: await awaitReport(sarifPath),
    unparsed: result.errors.map((error) => `${error.file}: ${error.message}`),
  };
}
