/**
 * `npm run test:e2e` starts here: makes sure a Chromium is available before anything is built.
 * Finds one (scripts/lib/find-chromium.ts); when there is none, tries
 * `npx playwright install chromium`; when that fails too, prints one message naming the commands
 * that fix it and exits 1, so the e2e run never starts with 20 "executable doesn't exist" errors.
 */
import { spawnSync } from 'node:child_process';
import {
  findChromium,
  missingChromiumMessage,
  systemChromiumSearch,
  type ChromiumLookup,
  type FoundChromium,
} from './lib/find-chromium';

function report(found: ChromiumLookup): found is FoundChromium {
  if (found.path === null) return false;
  console.log(`Chromium for the end-to-end tests: ${found.path} (${found.source})`);
  return true;
}

/** The first error line of Playwright's installer (its root cause comes first), or its status. */
function installFailure(output: string, status: number | null): string {
  const errors = output
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('Error:'));
  return errors[0] ?? `exit status ${status ?? 'unknown'}`;
}

const first = findChromium(systemChromiumSearch());
if (first.path === null && process.env['PQ_CHROMIUM']) {
  // The user named a browser: downloading another would hide their mistake.
  console.error(`\n${missingChromiumMessage(first)}\n`);
  process.exit(1);
}
if (!report(first)) {
  console.log("No Chromium found; downloading Playwright's (npx playwright install chromium)…");
  const install = spawnSync('npx', ['playwright', 'install', 'chromium'], { encoding: 'utf8' });
  const second = findChromium(systemChromiumSearch());
  if (!report(second)) {
    const problem =
      install.status === 0
        ? 'it finished but no browser appeared'
        : installFailure(`${install.stderr}\n${install.stdout}`, install.status);
    console.error(`\n${missingChromiumMessage(second, problem)}\n`);
    process.exit(1);
  }
}
