// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Node built-ins, by both spellings, for the layers that must not touch them. */
const NODE_BUILTINS = ['node:*', 'fs', 'fs/promises', 'path', 'os', 'child_process', 'crypto'];

/**
 * Layering, enforced here rather than by memory:
 * shared ← main/core ← main; preload only bridges; renderer never reaches Node or Electron;
 * only renderer db/ talks to Dexie.
 */
const layerRules = [
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!\\./[a-z-]+$)',
              message:
                'src/shared has no runtime dependencies: import only sibling shared modules.',
            },
          ],
        },
      ],
    },
  },
  ...[1, 2, 3].map((depth) => ({
    files: [`src/main/core/${'*/'.repeat(depth - 1)}*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'src/main/core is pure Node: keep Electron in src/main.' },
          ],
          patterns: [
            { group: ['electron/*', '@electron/*'], message: 'src/main/core is pure Node.' },
            { regex: '(^|/)(renderer|preload)(/|$)', message: 'core may depend only on shared.' },
            {
              // A relative path that climbs exactly to src/main and descends again is Electron glue.
              regex: `^(\\.\\./){${depth}}(?!\\.\\./)`,
              message: 'core may not import the Electron glue in src/main.',
            },
          ],
        },
      ],
    },
  })),
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/renderer/**', '**/preload/**'],
              message: 'main may depend only on core and shared.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_BUILTINS.filter((name) => !name.includes('*')).map((name) => ({
            name,
            message: 'The sandboxed preload cannot use Node modules.',
          })),
          patterns: [
            { group: ['node:*'], message: 'The sandboxed preload cannot use Node modules.' },
            {
              group: ['**/main/**', '**/renderer/**'],
              message: 'preload may depend only on shared.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    ignores: ['src/renderer/src/db/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'The renderer talks to main only through window.paperQueue.',
            },
            {
              name: 'dexie',
              message: 'Only src/renderer/src/db/ may use Dexie: add a repository function there.',
            },
            {
              name: 'dexie-react-hooks',
              message: 'Only src/renderer/src/db/ may use Dexie: export a hook from there.',
            },
            ...NODE_BUILTINS.filter((name) => !name.includes('*')).map((name) => ({
              name,
              message: 'The renderer runs in a browser sandbox: no Node modules.',
            })),
          ],
          patterns: [
            {
              group: ['node:*', 'electron/*'],
              message: 'The renderer cannot use Node or Electron modules.',
            },
            {
              group: ['**/main/**', '**/preload/**'],
              message: 'The renderer may depend only on shared.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/src/db/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer cannot use Electron.' }],
          patterns: [
            { group: ['node:*'], message: 'The renderer cannot use Node modules.' },
            {
              group: ['**/main/**', '**/preload/**'],
              message: 'The renderer may depend only on shared.',
            },
          ],
        },
      ],
    },
  },
];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        project: ['./tsconfig.node.json', './tsconfig.web.json', './tsconfig.test.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['scripts/**/*.ts', 'src/main/core/cli/**/*.ts', 'tests/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  ...layerRules,
);
