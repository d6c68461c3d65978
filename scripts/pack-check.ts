/**
 * `npm run pack:check`: packages the app as `npm run dist` does (electron-builder with
 * electron-builder.yml, unpacked `--dir` target, Linux x64) around a stub Electron made here,
 * because Electron cannot be downloaded everywhere. Then it fails when
 * - app.asar holds anything beyond the built app (out/ without source maps), package.json and
 *   the runtime dependencies, or lacks one of them;
 * - resources/ holds anything beyond app.asar and the sample dumps;
 * - a fuse of the packaged binary is not the hardened setting below;
 * and prints the size the app adds to Electron.
 */
import { getRawHeader } from '@electron/asar';
import { getCurrentFuseWire } from '@electron/fuses';
import { Arch, build, Platform } from 'electron-builder';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  fuseMismatches,
  fuseStates,
  writeStubElectronDist,
  type FuseSettings,
} from './lib/electron-fuses';
import {
  archivedFiles,
  contentViolations,
  missingFiles,
  runtimePackageFolders,
} from './lib/package-contents';

/** The hardened fuses (see electron-builder.yml for the reasons). */
const REQUIRED_FUSES: FuseSettings = {
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  LoadBrowserProcessSpecificV8Snapshot: false,
  GrantFileProtocolExtraPrivileges: false,
};

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8')) as unknown;
}

const buildApp = spawnSync('npx', ['electron-vite', 'build'], { encoding: 'utf8' });
if (buildApp.status !== 0) {
  console.error(`electron-vite build failed:\n${buildApp.stdout}\n${buildApp.stderr}`);
  process.exit(1);
}

const work = await mkdtemp(join(tmpdir(), 'paper-queue-pack-'));
const problems: string[] = [];
try {
  const electron = (await readJson('node_modules/electron/package.json')) as { version: string };
  await writeStubElectronDist(join(work, 'electron'), electron.version);
  await build({
    targets: Platform.LINUX.createTarget('dir', Arch.x64),
    publish: 'never',
    config: { electronDist: join(work, 'electron'), directories: { output: join(work, 'dist') } },
  });
  const appDir = join(work, 'dist', 'linux-unpacked');
  const resources = join(appDir, 'resources');

  const files = archivedFiles(getRawHeader(join(resources, 'app.asar')).header);
  const runtime = runtimePackageFolders(await readJson('package-lock.json'));
  problems.push(...contentViolations(files, runtime));
  problems.push(...missingFiles(files, runtime).map((path) => `${path}: missing from app.asar`));

  const resourceNames = (await readdir(resources)).sort();
  if (resourceNames.join() !== 'app.asar,samples') {
    problems.push(`resources/ holds ${resourceNames.join(', ')}; expected app.asar, samples`);
  }
  const samples = (await readdir(join(resources, 'samples'))).sort();
  const expectedSamples = (await readdir('resources/samples')).filter((n) => n.endsWith('.txt'));
  if (samples.join() !== expectedSamples.sort().join()) {
    problems.push(
      `resources/samples holds ${samples.join(', ')}; expected ${expectedSamples.join(', ')}`,
    );
  }

  const wire = await getCurrentFuseWire(join(appDir, 'paper-queue'));
  problems.push(...fuseMismatches(wire, REQUIRED_FUSES).map((fuse) => `fuse ${fuse}`));

  const unpacked = files.reduce((sum, file) => sum + file.size, 0);
  let sampleBytes = 0;
  for (const name of samples) sampleBytes += (await stat(join(resources, 'samples', name))).size;
  const asarBytes = (await stat(join(resources, 'app.asar'))).size;
  console.log(
    `\nPackage check: ${files.length} files in app.asar, ${megabytes(unpacked)} unpacked ` +
      `(app.asar ${megabytes(asarBytes)}); ${samples.length} samples, ${megabytes(sampleBytes)}. ` +
      `Unpacked size of the app without Electron: ${megabytes(unpacked + sampleBytes)}.`,
  );
  console.log(`Runtime dependencies: ${[...runtime].join(', ') || 'none'}`);
  const states = Object.entries(fuseStates(wire)).map(([name, state]) => `${name} ${state}`);
  console.log(`Fuses of the packaged binary: ${states.join(', ')}`);
} finally {
  await rm(work, { recursive: true, force: true });
}

if (problems.length > 0) {
  console.error(
    `\nThe package is not what it should be:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
  );
  process.exit(1);
}
console.log('Package check passed.');
