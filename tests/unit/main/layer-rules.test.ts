import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

/** Probe files are in no tsconfig project, so they are linted without type information. */
const WITHOUT_TYPES = { ...tseslint.configs.disableTypeChecked, files: ['**/*.ts'] };

/** Lints a snippet as if it lived at `filePath`, returning the restricted-import messages. */
async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ overrideConfig: WITHOUT_TYPES });
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

describe('layer rules (eslint no-restricted-imports)', () => {
  it('keeps src/main/core free of Electron and of the Electron glue', async () => {
    expect(
      await restrictedImports(
        'src/main/core/probe.ts',
        "import { app } from 'electron';\nexport const x = app;\n",
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        'src/main/core/import/probe.ts',
        "import { x } from '../../window';\nexport const y = x;\n",
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        'src/main/core/import/probe.ts',
        "import type { ParsedPaper } from '../../../shared/paper';\nexport type P = ParsedPaper;\n",
      ),
    ).toEqual([]);
  });

  it('keeps the renderer away from Electron, Node and (outside db/) Dexie', async () => {
    expect(
      await restrictedImports(
        'src/renderer/src/features/probe.ts',
        "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n",
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        'src/renderer/src/features/probe.ts',
        "import { readFile } from 'node:fs/promises';\nexport const x = readFile;\n",
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        'src/renderer/src/features/probe.ts',
        "import Dexie from 'dexie';\nexport const x = Dexie;\n",
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        'src/renderer/src/db/probe.ts',
        "import Dexie from 'dexie';\nexport const x = Dexie;\n",
      ),
    ).toEqual([]);
  });

  it('keeps src/shared free of runtime dependencies', async () => {
    expect(
      await restrictedImports(
        'src/shared/probe.ts',
        "import { watch } from 'chokidar';\nexport const x = watch;\n",
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        'src/shared/probe.ts',
        "import type { ParsedPaper } from './paper';\nexport type P = ParsedPaper;\n",
      ),
    ).toEqual([]);
  });
});
