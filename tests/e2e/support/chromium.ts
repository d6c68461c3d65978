import {
  findChromium,
  systemChromiumSearch,
  type ChromiumLookup,
} from '../../../scripts/lib/find-chromium';

/** The browser found on this machine (see findChromium for the order), looked up once. */
export const CHROMIUM: ChromiumLookup = findChromium(systemChromiumSearch());

/**
 * Launch options shared by the e2e tests and the browser benchmarks. The flags keep Chromium off
 * the (closed) network and out of first-run work; `--no-sandbox` because CI runs as root.
 * Without a browser the path is left to Playwright, whose own error then names the problem
 * (`npm test` never gets there: scripts/ensure-chromium.ts stops it first).
 */
export const CHROMIUM_LAUNCH_OPTIONS = {
  ...(CHROMIUM.path !== null ? { executablePath: CHROMIUM.path } : {}),
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
