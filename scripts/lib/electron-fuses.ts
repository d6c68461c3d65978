import { FuseV1Options } from '@electron/fuses';
import { FuseState, SENTINEL } from '@electron/fuses/dist/constants';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Each V1 fuse by name, on (true) or off. */
export type FuseSettings = Readonly<Record<keyof typeof FuseV1Options, boolean>>;

/**
 * The fuses as Electron ships them. The stub starts from these, so a packaged binary that still
 * shows them proves electron-builder flipped nothing.
 */
export const ELECTRON_DEFAULT_FUSES: FuseSettings = {
  RunAsNode: true,
  EnableCookieEncryption: false,
  EnableNodeOptionsEnvironmentVariable: true,
  EnableNodeCliInspectArguments: true,
  EnableEmbeddedAsarIntegrityValidation: false,
  OnlyLoadAppFromAsar: false,
  LoadBrowserProcessSpecificV8Snapshot: false,
  GrantFileProtocolExtraPrivileges: true,
};

/** The names of the V1 fuses. */
export const FUSE_NAMES = Object.keys(ELECTRON_DEFAULT_FUSES) as (keyof typeof FuseV1Options)[];

/**
 * The fuse wire as @electron/fuses finds it in a real binary: the sentinel string, then the wire
 * version (1), the number of fuses, and one byte per fuse ('0' off, '1' on).
 */
export function fuseWire(fuses: FuseSettings): Buffer {
  const states: number[] = [];
  for (const name of FUSE_NAMES) {
    states[FuseV1Options[name]] = fuses[name] ? FuseState.ENABLE : FuseState.DISABLE;
  }
  return Buffer.concat([
    Buffer.from(SENTINEL, 'ascii'),
    Buffer.from([1, states.length, ...states]),
  ]);
}

/**
 * Writes an unpacked "Electron" for Linux that electron-builder accepts as `electronDist`: an
 * `electron` executable carrying a default fuse wire (a shell script that refuses to run the
 * app), an empty resources folder and the version file. Nothing here can start the app; it
 * exists so packaging and the fuse flip can be checked where Electron cannot be downloaded.
 */
export async function writeStubElectronDist(folder: string, version: string): Promise<string> {
  await mkdir(join(folder, 'resources'), { recursive: true });
  const binary = join(folder, 'electron');
  const script = Buffer.from(
    '#!/bin/sh\necho "stub Electron made by npm run pack:check: it cannot run the app" >&2\nexit 1\n# ',
  );
  await writeFile(
    binary,
    Buffer.concat([script, fuseWire(ELECTRON_DEFAULT_FUSES), Buffer.from('\n')]),
  );
  await chmod(binary, 0o755);
  await writeFile(join(folder, 'version'), version);
  return binary;
}

/** A fuse wire as @electron/fuses' getCurrentFuseWire reads it: fuse → state byte. */
export type ReadFuseWire = Readonly<Partial<Record<FuseV1Options, number>>>;

/** Each fuse of `wire` by name: 'on', 'off', or the raw state (removed, missing...). */
export function fuseStates(wire: ReadFuseWire): Record<keyof typeof FuseV1Options, string> {
  const describe = (state: number | undefined): string =>
    state === FuseState.ENABLE
      ? 'on'
      : state === FuseState.DISABLE
        ? 'off'
        : `state ${String(state)}`;
  return Object.fromEntries(
    FUSE_NAMES.map((name) => [name, describe(wire[FuseV1Options[name]])]),
  ) as Record<keyof typeof FuseV1Options, string>;
}

/** Each fuse whose state differs from `required`, as "Name: on, expected off". */
export function fuseMismatches(wire: ReadFuseWire, required: FuseSettings): string[] {
  const states = fuseStates(wire);
  return FUSE_NAMES.flatMap((name) => {
    const expected = required[name] ? 'on' : 'off';
    return states[name] === expected ? [] : [`${name}: ${states[name]}, expected ${expected}`];
  });
}
