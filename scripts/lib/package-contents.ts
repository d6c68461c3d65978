/** A file inside app.asar: its path relative to the archive root ('/' separators) and size. */
export interface ArchivedFile {
  readonly path: string;
  readonly size: number;
}

/** The part of an asar header this check reads: folders have `files`, files a `size`. */
export interface AsarNode {
  readonly files?: Readonly<Record<string, AsarNode>>;
  readonly size?: number;
}

/** Every file (and link) in an asar header, depth first, sorted by path. */
export function archivedFiles(node: AsarNode, prefix = ''): ArchivedFile[] {
  const files: ArchivedFile[] = [];
  for (const [name, child] of Object.entries(node.files ?? {})) {
    const path = prefix === '' ? name : `${prefix}/${name}`;
    if (child.files !== undefined) files.push(...archivedFiles(child, path));
    else files.push({ path, size: child.size ?? 0 });
  }
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * The package folders npm installs for production (`npm install --omit=dev`), read from
 * package-lock.json: every `node_modules/...` entry not marked dev or devOptional. The renderer's
 * libraries are devDependencies on purpose (vite bundles them into out/renderer), so this is
 * only what the main process loads at run time.
 */
export function runtimePackageFolders(lock: unknown): Set<string> {
  const packages =
    typeof lock === 'object' && lock !== null && 'packages' in lock
      ? (lock as { packages: Record<string, { dev?: boolean; devOptional?: boolean }> }).packages
      : {};
  return new Set(
    Object.entries(packages)
      .filter(
        ([path, entry]) => path.startsWith('node_modules/') && !entry.dev && !entry.devOptional,
      )
      .map(([path]) => path),
  );
}

/** The package folder a node_modules path belongs to (nested and scoped packages included). */
function packageFolderOf(path: string): string | null {
  const match = /^node_modules\/(?:@[^/]+\/)?[^/]+(?:\/node_modules\/(?:@[^/]+\/)?[^/]+)*/.exec(
    path,
  );
  return match?.[0] ?? null;
}

/** Folders of the built app that belong in the package (electron-vite's outputs). */
const BUILT_FOLDERS = ['out/main/', 'out/preload/', 'out/renderer/'];

/**
 * Why each file must not be in app.asar; empty when it holds only the built app (out/ without
 * source maps), package.json and the runtime dependencies. Sources, tests, scripts, docs and
 * devDependencies would bloat the download and ship what users never run.
 */
export function contentViolations(
  files: readonly ArchivedFile[],
  runtimeFolders: ReadonlySet<string>,
): string[] {
  const violations: string[] = [];
  for (const { path } of files) {
    if (path.endsWith('.map')) {
      violations.push(`${path}: source map`);
    } else if (path.startsWith('node_modules/')) {
      const folder = packageFolderOf(path);
      if (folder === null || !runtimeFolders.has(folder)) {
        violations.push(`${path}: ${folder ?? path} is not a runtime dependency`);
      }
    } else if (path !== 'package.json' && !BUILT_FOLDERS.some((dir) => path.startsWith(dir))) {
      violations.push(`${path}: not part of the built app`);
    }
  }
  return violations;
}

/** Files without which the packaged app cannot start; their absence fails the check too. */
export function missingFiles(
  files: readonly ArchivedFile[],
  runtimeFolders: ReadonlySet<string>,
): string[] {
  const present = new Set(files.map((file) => file.path));
  const required = [
    'package.json',
    'out/main/index.js',
    'out/preload/index.cjs',
    'out/renderer/index.html',
    ...[...runtimeFolders].map((folder) => `${folder}/package.json`),
  ];
  return required.filter((path) => !present.has(path));
}
