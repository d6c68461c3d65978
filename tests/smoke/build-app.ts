import { spawnSync } from 'node:child_process';

/** Vitest global setup: builds out/ from the current sources, so the smoke tests run what ships. */
export default function buildApp(): void {
  const build = spawnSync('npx', ['electron-vite', 'build'], { encoding: 'utf8' });
  if (build.status !== 0) {
    throw new Error(`electron-vite build failed:\n${build.stdout}\n${build.stderr}`);
  }
}
