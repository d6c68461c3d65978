import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Web Workers have no `document`, but Vite resolves packages for workers with the `browser`
 * condition, and `decode-named-character-reference` (used by the markdown parser) then picks
 * its DOM build. Workers get its plain build, which is what its `worker` condition names.
 */
const workerSafeEntities: Plugin = {
  name: 'paper-queue:worker-safe-entities',
  enforce: 'pre',
  resolveId(source) {
    return source === 'decode-named-character-reference'
      ? resolve('node_modules/decode-named-character-reference/index.js')
      : null;
  },
};

export default defineConfig({
  main: {
    build: {
      rolldownOptions: { input: { index: resolve('src/main/index.ts') } },
    },
  },
  preload: {
    build: {
      // A sandboxed preload must be a single CommonJS file that needs nothing but 'electron'.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve('src/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    base: './',
    plugins: [react()],
    worker: { format: 'es', plugins: () => [workerSafeEntities] },
    build: {
      outDir: resolve('out/renderer'),
      minify: process.env['PQ_NO_MINIFY'] ? false : true,
      rolldownOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
  },
});
