import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  findChromium,
  missingChromiumMessage,
  systemChromiumSearch,
  type ChromiumSearch,
  type MissingChromium,
} from '../../../scripts/lib/find-chromium';

const PLAYWRIGHT_CHROMIUM = '/home/u/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome';

/** A machine described by its environment and the executables it has. */
function machine(
  env: Record<string, string>,
  executables: readonly string[],
  playwright: string | null = PLAYWRIGHT_CHROMIUM,
): ChromiumSearch {
  return {
    env,
    isExecutable: (path) => executables.includes(path),
    playwrightChromium: () => playwright,
  };
}

const PATH = ['/usr/local/bin', '/usr/bin', '/opt/bin'].join(delimiter);

function expectMissing(lookup: ReturnType<typeof findChromium>): MissingChromium {
  if (lookup.path !== null) throw new Error(`expected no browser, found ${lookup.path}`);
  return lookup;
}

describe('findChromium', () => {
  it("finds Debian's chromium on PATH", () => {
    expect(findChromium(machine({ PATH }, ['/usr/bin/chromium']))).toEqual({
      path: '/usr/bin/chromium',
      source: 'chromium',
    });
  });

  it('prefers chromium anywhere on PATH to google-chrome earlier on PATH', () => {
    const found = findChromium(
      machine({ PATH }, ['/usr/local/bin/google-chrome', '/opt/bin/chromium']),
    );
    expect(found).toEqual({ path: '/opt/bin/chromium', source: 'chromium' });
  });

  it('falls back to chromium-browser, then google-chrome', () => {
    expect(findChromium(machine({ PATH }, ['/usr/bin/chromium-browser'])).path).toBe(
      '/usr/bin/chromium-browser',
    );
    expect(findChromium(machine({ PATH }, ['/opt/bin/google-chrome'])).path).toBe(
      '/opt/bin/google-chrome',
    );
  });

  it('uses PQ_CHROMIUM before anything on PATH', () => {
    const found = findChromium(
      machine({ PATH, PQ_CHROMIUM: '/srv/chrome/chrome' }, [
        '/srv/chrome/chrome',
        '/usr/bin/chromium',
      ]),
    );
    expect(found).toEqual({ path: '/srv/chrome/chrome', source: 'PQ_CHROMIUM' });
  });

  it('reports a PQ_CHROMIUM that is not executable instead of silently using another browser', () => {
    const missing = expectMissing(
      findChromium(machine({ PATH, PQ_CHROMIUM: '/nowhere/chrome' }, ['/usr/bin/chromium'])),
    );
    expect(missing.tried).toEqual(['PQ_CHROMIUM=/nowhere/chrome is not an executable file']);
  });

  it('searches PQ_CHROMIUM_SEARCH_PATH instead of PATH when set', () => {
    const env = { PATH, PQ_CHROMIUM_SEARCH_PATH: '/empty' };
    expect(findChromium(machine(env, ['/usr/bin/chromium'], null)).path).toBeNull();
    expect(findChromium(machine(env, ['/empty/chromium'])).path).toBe('/empty/chromium');
  });

  it("uses Playwright's Chromium when no system browser exists", () => {
    expect(findChromium(machine({ PATH }, [PLAYWRIGHT_CHROMIUM]))).toEqual({
      path: PLAYWRIGHT_CHROMIUM,
      source: "Playwright's Chromium",
    });
  });

  it('says what it tried when there is no browser at all', () => {
    const missing = expectMissing(findChromium(machine({ PATH }, [])));
    expect(missing.tried).toEqual([
      'no chromium, chromium-browser, google-chrome, google-chrome-stable on the search path',
      `Playwright's Chromium is not installed (${PLAYWRIGHT_CHROMIUM})`,
    ]);
    const unsupported = expectMissing(findChromium(machine({}, [], null)));
    expect(unsupported.tried[1]).toBe('Playwright has no Chromium build for this platform');
  });
});

describe('missingChromiumMessage', () => {
  it('names the reasons, the failed download and the commands that fix it', () => {
    const missing = expectMissing(findChromium(machine({ PATH }, [])));
    const message = missingChromiumMessage(missing, 'Error: getaddrinfo ENOTFOUND cdn');
    expect(message).toContain('none was found');
    expect(message).toContain('on the search path');
    expect(message).toContain('`npx playwright install chromium` failed: Error: getaddrinfo');
    expect(message).toContain('sudo apt-get install chromium');
    expect(message).toContain('npx playwright install chromium ');
    expect(message).toContain('PQ_CHROMIUM=');
  });
});

describe('systemChromiumSearch', () => {
  const folders: string[] = [];
  afterAll(async () => {
    await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
  });

  it('accepts only executable regular files', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'pq-find-chromium-'));
    folders.push(folder);
    const { isExecutable } = systemChromiumSearch();
    await writeFile(join(folder, 'plain'), '#!/bin/sh\n');
    await writeFile(join(folder, 'runnable'), '#!/bin/sh\n');
    await chmod(join(folder, 'runnable'), 0o755);
    await mkdir(join(folder, 'chromium'));
    await chmod(join(folder, 'chromium'), 0o755);
    expect(isExecutable(join(folder, 'runnable'))).toBe(true);
    expect(isExecutable(join(folder, 'plain'))).toBe(false);
    expect(isExecutable(join(folder, 'chromium'))).toBe(false);
    expect(isExecutable(join(folder, 'missing'))).toBe(false);
  });

  it('finds a browser placed on the search path of the real filesystem', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'pq-find-chromium-'));
    folders.push(folder);
    await writeFile(join(folder, 'google-chrome'), '#!/bin/sh\n');
    await chmod(join(folder, 'google-chrome'), 0o755);
    const search = { ...systemChromiumSearch(), env: { PQ_CHROMIUM_SEARCH_PATH: folder } };
    expect(findChromium(search)).toEqual({
      path: join(folder, 'google-chrome'),
      source: 'google-chrome',
    });
  });
});
