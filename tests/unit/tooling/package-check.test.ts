import { flipFuses, FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ELECTRON_DEFAULT_FUSES,
  fuseMismatches,
  fuseStates,
  writeStubElectronDist,
} from '../../../scripts/lib/electron-fuses';
import {
  archivedFiles,
  contentViolations,
  missingFiles,
  runtimePackageFolders,
} from '../../../scripts/lib/package-contents';

const RUNTIME = new Set(['node_modules/chokidar', 'node_modules/readdirp']);

const file = (path: string, size = 1) => ({ path, size });

const GOOD = [
  'package.json',
  'out/main/index.js',
  'out/preload/index.cjs',
  'out/renderer/index.html',
  'out/renderer/assets/index-abc.js',
  'node_modules/chokidar/package.json',
  'node_modules/chokidar/index.js',
  'node_modules/readdirp/package.json',
].map((path) => file(path));

describe('app.asar contents', () => {
  it('accepts the built app, package.json and the runtime dependencies', () => {
    expect(contentViolations(GOOD, RUNTIME)).toEqual([]);
    expect(missingFiles(GOOD, RUNTIME)).toEqual([]);
  });

  it('names every file that does not belong, with the reason', () => {
    const extra = [
      'src/main/index.ts',
      'tests/unit/setup.ts',
      'scripts/bench.ts',
      'docs/screenshot.png',
      'README.md',
      'out/renderer/assets/index-abc.js.map',
      'out/main/index.js.map',
      'out/other/leftover.js',
      'node_modules/react/index.js',
      'node_modules/@types/node/index.d.ts',
      'node_modules/chokidar/node_modules/dev-only/index.js',
      'node_modules/chokidar/index.js.map',
    ].map((path) => file(path));
    expect(contentViolations([...GOOD, ...extra], RUNTIME)).toEqual([
      'src/main/index.ts: not part of the built app',
      'tests/unit/setup.ts: not part of the built app',
      'scripts/bench.ts: not part of the built app',
      'docs/screenshot.png: not part of the built app',
      'README.md: not part of the built app',
      'out/renderer/assets/index-abc.js.map: source map',
      'out/main/index.js.map: source map',
      'out/other/leftover.js: not part of the built app',
      'node_modules/react/index.js: node_modules/react is not a runtime dependency',
      'node_modules/@types/node/index.d.ts: node_modules/@types/node is not a runtime dependency',
      'node_modules/chokidar/node_modules/dev-only/index.js: node_modules/chokidar/node_modules/dev-only is not a runtime dependency',
      'node_modules/chokidar/index.js.map: source map',
    ]);
  });

  it('reports what the app needs to start when it is missing', () => {
    const withoutPreload = GOOD.filter((entry) => !entry.path.startsWith('out/preload/'));
    expect(missingFiles(withoutPreload, RUNTIME)).toEqual(['out/preload/index.cjs']);
    expect(missingFiles([], new Set(['node_modules/chokidar']))).toContain(
      'node_modules/chokidar/package.json',
    );
  });

  it('walks an asar header into sorted file paths with sizes', () => {
    const header = {
      files: {
        out: { files: { main: { files: { 'index.js': { size: 10 } } } } },
        'package.json': { size: 2 },
      },
    };
    expect(archivedFiles(header)).toEqual([file('out/main/index.js', 10), file('package.json', 2)]);
  });
});

describe('runtime dependencies from package-lock.json', () => {
  it('keeps the production packages and drops dev and devOptional ones', () => {
    const lock = {
      packages: {
        '': { name: 'paper-queue' },
        'node_modules/chokidar': {},
        'node_modules/readdirp': {},
        'node_modules/react': { dev: true },
        'node_modules/fsevents': { devOptional: true, optional: true },
      },
    };
    expect(runtimePackageFolders(lock)).toEqual(RUNTIME);
  });

  it("matches this project's lockfile: only chokidar and what it needs", async () => {
    const lock: unknown = JSON.parse(await readFile('package-lock.json', 'utf8'));
    expect([...runtimePackageFolders(lock)].sort()).toEqual([...RUNTIME]);
  });
});

describe('the stub Electron binary and its fuses', () => {
  const folders: string[] = [];
  afterAll(async () => Promise.all(folders.map((f) => rm(f, { recursive: true, force: true }))));

  it('carries a fuse wire that @electron/fuses reads, flips and reads back', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'pq-stub-electron-'));
    folders.push(folder);
    const binary = await writeStubElectronDist(folder, '45.5.0');
    const before = await getCurrentFuseWire(binary);
    expect(fuseMismatches(before, ELECTRON_DEFAULT_FUSES)).toEqual([]);
    expect(fuseStates(before).RunAsNode).toBe('on');

    await flipFuses(binary, {
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
    });
    const after = await getCurrentFuseWire(binary);
    expect(fuseMismatches(after, ELECTRON_DEFAULT_FUSES)).toEqual([
      'RunAsNode: off, expected on',
      'OnlyLoadAppFromAsar: on, expected off',
    ]);
    expect(await readFile(join(folder, 'version'), 'utf8')).toBe('45.5.0');
  });
});
