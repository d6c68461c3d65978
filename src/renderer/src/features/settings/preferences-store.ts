import { useSyncExternalStore } from 'react';
import { errorMessage } from '../../../../shared/error-message';
import type { PaperQueueApi } from '../../../../shared/ipc-contract';
import { DEFAULT_PREFERENCES, type UiPreferences } from '../../../../shared/settings';
import { showToast } from '../toasts/toast-store';

/** How long the first render waits for the remembered preferences before using the defaults. */
const LOAD_TIMEOUT_MS = 1500;

let current: UiPreferences = DEFAULT_PREFERENCES;
/** The preferences main has confirmed; a failed save goes back to these. */
let saved: UiPreferences = DEFAULT_PREFERENCES;
let bridge: PaperQueueApi | null = null;
let writes: Promise<unknown> = Promise.resolve();
const listeners = new Set<() => void>();

/** Puts theme and density on <html>, where the style sheet picks them up. */
function applyToDocument(preferences: UiPreferences): void {
  const root = document.documentElement;
  if (preferences.theme === 'system') delete root.dataset['theme'];
  else root.dataset['theme'] = preferences.theme;
  root.dataset['density'] = preferences.density;
}

function publish(next: UiPreferences): void {
  current = next;
  applyToDocument(next);
  for (const listener of listeners) listener();
}

/**
 * Reads the remembered preferences and applies them to the document; the app's first render
 * waits for this (one IPC round trip), so the window never shows the wrong theme or density
 * first. Falls back to the defaults when main does not answer in time.
 */
export async function loadPreferences(api: PaperQueueApi): Promise<void> {
  bridge = api;
  applyToDocument(current);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), LOAD_TIMEOUT_MS);
  });
  try {
    const settings = await Promise.race([api.getSettings(), timeout]);
    if (settings) {
      saved = settings.preferences;
      publish(settings.preferences);
    }
  } catch (error) {
    console.error('Could not read the preferences', error);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Changes preferences: applied at once, then saved in order; a save that fails puts the last
 * saved preferences back and says why.
 */
export function updatePreferences(change: Partial<UiPreferences>): void {
  const next = { ...current, ...change };
  publish(next);
  const api = bridge;
  if (!api) return;
  writes = writes.then(async () => {
    try {
      saved = (await api.setPreferences(next)).preferences;
    } catch (error) {
      publish(saved);
      showToast({
        kind: 'error',
        title: 'Could not save the settings',
        detail: errorMessage(error),
      });
    }
  });
}

/** The current preferences, re-rendering when they change. */
export function usePreferences(): UiPreferences {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}
