import { chromium } from '@playwright/test';
import { delimiter, join } from 'node:path';
import { isExecutableFile } from './executable-file';

/** System browsers looked up on the search path, in this order. */
export const SYSTEM_BROWSER_NAMES = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
] as const;

/** What the lookup may consult; injected so tests can describe any machine. */
export interface ChromiumSearch {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** True for an existing regular file the current user may execute. */
  readonly isExecutable: (path: string) => boolean;
  /** Where Playwright's own Chromium is (or would be) installed; null when it cannot tell. */
  readonly playwrightChromium: () => string | null;
}

/** A usable browser, and which rule found it (printed so a run says what it tested with). */
export interface FoundChromium {
  readonly path: string;
  readonly source: string;
}

/** No usable browser: each rule that was tried and why it gave nothing. */
export interface MissingChromium {
  readonly path: null;
  readonly tried: readonly string[];
}

/** The result of one lookup. */
export type ChromiumLookup = FoundChromium | MissingChromium;

/**
 * Finds the Chromium the e2e tests and benchmarks drive. Order: `PQ_CHROMIUM` (when set it is the
 * only candidate, so a wrong value is reported instead of silently replaced), then
 * chromium / chromium-browser / google-chrome on the search path (`PQ_CHROMIUM_SEARCH_PATH`, else
 * `PATH`), then Playwright's own download. Setting `PQ_CHROMIUM_SEARCH_PATH` to an empty folder
 * and `PLAYWRIGHT_BROWSERS_PATH` to another simulates a machine without any browser.
 */
export function findChromium(search: ChromiumSearch): ChromiumLookup {
  const explicit = search.env['PQ_CHROMIUM'];
  if (explicit !== undefined && explicit !== '') {
    return search.isExecutable(explicit)
      ? { path: explicit, source: 'PQ_CHROMIUM' }
      : { path: null, tried: [`PQ_CHROMIUM=${explicit} is not an executable file`] };
  }
  const searchPath = search.env['PQ_CHROMIUM_SEARCH_PATH'] ?? search.env['PATH'] ?? '';
  const folders = searchPath.split(delimiter).filter((folder) => folder !== '');
  for (const name of SYSTEM_BROWSER_NAMES) {
    for (const folder of folders) {
      const candidate = join(folder, name);
      if (search.isExecutable(candidate)) return { path: candidate, source: name };
    }
  }
  const tried = [`no ${SYSTEM_BROWSER_NAMES.join(', ')} on the search path`];
  const playwright = search.playwrightChromium();
  if (playwright !== null && search.isExecutable(playwright)) {
    return { path: playwright, source: "Playwright's Chromium" };
  }
  tried.push(
    playwright === null
      ? 'Playwright has no Chromium build for this platform'
      : `Playwright's Chromium is not installed (${playwright})`,
  );
  return { path: null, tried };
}

/** The lookup against this machine: the real environment, filesystem and Playwright cache. */
export function systemChromiumSearch(): ChromiumSearch {
  return {
    env: process.env,
    isExecutable: isExecutableFile,
    playwrightChromium: () => {
      try {
        return chromium.executablePath();
      } catch {
        return null;
      }
    },
  };
}

/** The one message shown when no browser can be had, naming the commands that fix it. */
export function missingChromiumMessage(missing: MissingChromium, installProblem?: string): string {
  return [
    'The end-to-end tests need Chromium and none was found:',
    ...missing.tried.map((reason) => `  - ${reason}`),
    ...(installProblem === undefined
      ? []
      : [`  - \`npx playwright install chromium\` failed: ${installProblem}`]),
    'Fix it with one of:',
    '  sudo apt-get install chromium        (Debian/Ubuntu; then run the tests again)',
    "  npx playwright install chromium      (Playwright's own build; needs internet access)",
    '  PQ_CHROMIUM=/path/to/chrome npm test (any Chromium or Chrome you already have)',
  ].join('\n');
}
