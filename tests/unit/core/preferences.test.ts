import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REQUEST_VALIDATORS } from '../../../src/shared/ipc-contract';
import { DEFAULT_PREFERENCES, type UiPreferences } from '../../../src/shared/settings';
import { startBackend, type BackendHarness } from './backend-harness';

let harness: BackendHarness | null = null;
afterEach(async () => {
  await harness?.dispose();
  harness = null;
});

const DARK: UiPreferences = {
  theme: 'dark',
  density: 'compact',
  defaultSort: 'title',
  sidebarCollapsed: true,
};

describe('UI preferences', () => {
  it('start with the defaults and are remembered in settings.json across restarts', async () => {
    harness = await startBackend();
    expect((await harness.backend.handlers['settings:get'](null)).preferences).toEqual(
      DEFAULT_PREFERENCES,
    );
    const saved = await harness.backend.handlers['settings:set-preferences'](DARK);
    expect(saved.preferences).toEqual(DARK);
    const file = JSON.parse(await readFile(join(harness.userData, 'settings.json'), 'utf8'));
    expect(file.preferences).toEqual(DARK);
    harness = await harness.restart();
    expect((await harness.backend.handlers['settings:get'](null)).preferences).toEqual(DARK);
  });

  it('fall back field by field when settings.json holds unknown values', async () => {
    harness = await startBackend();
    await writeFile(
      join(harness.userData, 'settings.json'),
      JSON.stringify({ preferences: { theme: 'sepia', density: 'compact', defaultSort: 7 } }),
    );
    harness = await harness.restart();
    expect((await harness.backend.handlers['settings:get'](null)).preferences).toEqual({
      ...DEFAULT_PREFERENCES,
      density: 'compact',
    });
  });

  it('are validated on the channel: only complete sets of known values pass', () => {
    const valid = REQUEST_VALIDATORS['settings:set-preferences'];
    expect(valid(DARK)).toBe(true);
    expect(valid({ ...DARK, theme: 'sepia' })).toBe(false);
    expect(valid({ ...DARK, sidebarCollapsed: 'yes' })).toBe(false);
    expect(valid({ ...DARK, extra: 1 })).toBe(false);
    expect(valid({ theme: 'dark' })).toBe(false);
    expect(valid(null)).toBe(false);
  });
});
