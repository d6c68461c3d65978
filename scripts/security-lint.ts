/**
 * Part of `npm run lint`: Electronegativity's Electron security checks over src/, offline.
 * Electronegativity exits 0 whatever it finds, so this reads its SARIF report and fails on
 * every finding not reviewed in electronegativity-allowlist.json (rule, file, flagged code and
 * the reason it is safe), on allow-list entries that match nothing any more, and on any file
 * Electronegativity could not parse.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runElectronegativity } from './lib/electronegativity';
import { findingsFromSarif, parseAllowList, reviewFindings } from './lib/sarif-review';

const ALLOW_LIST = 'electronegativity-allowlist.json';

const readJson = async (path: string): Promise<unknown> =>
  JSON.parse(await readFile(path, 'utf8')) as unknown;

const work = await mkdtemp(join(tmpdir(), 'paper-queue-electronegativity-'));
try {
  const sarifPath = join(work, 'report.sarif');
  const electron = (await readJson('node_modules/electron/package.json')) as { version: string };
  const { sarif, unparsed } = await runElectronegativity(
    resolve('src'),
    sarifPath,
    electron.version,
  );
  const findings = findingsFromSarif(sarif, 'src', (file) =>
    readFileSync(file, 'utf8').split('\n'),
  );
  const { unexpected, stale } = reviewFindings(
    findings,
    parseAllowList(await readJson(ALLOW_LIST)),
  );
  const problems = [
    ...unparsed.map((error) => `not checked, could not parse ${error}`),
    ...unexpected.map((f) => `${f.file}:${f.line} ${f.rule}: ${f.message}\n      ${f.code}`),
    ...stale.map(
      (a) => `stale ${ALLOW_LIST} entry (matches nothing): ${a.rule} ${a.file} "${a.code}"`,
    ),
  ];
  if (problems.length > 0) {
    console.error(
      `Electronegativity: ${problems.length} problem(s). Fix the code, or review the finding and ` +
        `add it with its reason to ${ALLOW_LIST}:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    process.exitCode = 1;
  } else {
    console.log(`Electronegativity: ${findings.length} findings, all reviewed in ${ALLOW_LIST}.`);
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
