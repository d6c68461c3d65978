import { existsSync } from 'node:fs';

/** Debian's chromium, used when installed; otherwise Playwright's own browser. */
const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * Launch options shared by the e2e tests and the browser benchmarks. The flags keep Chromium off
 * the (closed) network and out of first-run work; `--no-sandbox` because CI runs as root.
 */
export const CHROMIUM_LAUNCH_OPTIONS = {
  ...(existsSync(DEBIAN_CHROMIUM) ? { executablePath: DEBIAN_CHROMIUM } : {}),
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
