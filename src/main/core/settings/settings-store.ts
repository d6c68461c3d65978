import { readFile } from 'node:fs/promises';
import {
  DENSITIES,
  LIST_SORTS,
  THEME_CHOICES,
  type AppSettings,
  type UiPreferences,
} from '../../../shared/settings';
import { writeFileAtomic } from '../fs/atomic-write';

/** Window geometry remembered between runs. */
export interface WindowBounds {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly maximized: boolean;
}

/** Everything main persists in `settings.json` in the user-data folder. */
export interface StoredSettings extends AppSettings {
  readonly window: WindowBounds | null;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function readBounds(value: unknown): WindowBounds | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  const { x, y, width, height, maximized } = record;
  if (![x, y, width, height].every(isFiniteNumber)) return null;
  return {
    x: x as number,
    y: y as number,
    width: width as number,
    height: height as number,
    maximized: maximized === true,
  };
}

function oneOf<T>(allowed: readonly T[], value: unknown, fallback: T): T {
  return (allowed as readonly unknown[]).includes(value) ? (value as T) : fallback;
}

/** Preferences read field by field: an unknown or missing value keeps its default. */
function readPreferences(value: unknown, defaults: UiPreferences): UiPreferences {
  if (typeof value !== 'object' || value === null) return defaults;
  const record = value as Record<string, unknown>;
  return {
    theme: oneOf(THEME_CHOICES, record.theme, defaults.theme),
    density: oneOf(DENSITIES, record.density, defaults.density),
    defaultSort: oneOf(LIST_SORTS, record.defaultSort, defaults.defaultSort),
    sidebarCollapsed:
      typeof record.sidebarCollapsed === 'boolean'
        ? record.sidebarCollapsed
        : defaults.sidebarCollapsed,
  };
}

/**
 * Loads settings, falling back field by field to defaults: a corrupt or hand-edited file never
 * prevents the app from starting, it only resets what could not be read.
 */
export async function loadSettings(
  path: string,
  defaults: StoredSettings,
): Promise<StoredSettings> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    return defaults;
  }
  if (typeof parsed !== 'object' || parsed === null) return defaults;
  const record = parsed as Record<string, unknown>;
  return {
    inboxFolder:
      typeof record.inboxFolder === 'string' && record.inboxFolder.length > 0
        ? record.inboxFolder
        : defaults.inboxFolder,
    preferences: readPreferences(record.preferences, defaults.preferences),
    window: readBounds(record.window) ?? defaults.window,
  };
}

/** Persists settings atomically (see writeFileAtomic). */
export async function saveSettings(path: string, settings: StoredSettings): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(settings, null, 2)}\n`);
}

/** An area of a display where a window may be placed. */
export interface WorkArea {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Returns the remembered bounds if the window would still be reachable (its title bar at least
 * 100×50 px inside one of the current displays' work areas, e.g. after unplugging a monitor),
 * otherwise null so the window opens centred with its default size.
 */
export function reachableBounds(
  bounds: WindowBounds | null,
  workAreas: readonly WorkArea[],
): WindowBounds | null {
  if (!bounds || bounds.width < 400 || bounds.height < 300) return null;
  const visible = workAreas.some((area) => {
    const left = Math.max(bounds.x, area.x);
    const right = Math.min(bounds.x + bounds.width, area.x + area.width);
    const top = Math.max(bounds.y, area.y);
    const bottom = Math.min(bounds.y + 50, area.y + area.height);
    return right - left >= 100 && bottom - top >= 30;
  });
  return visible ? bounds : null;
}
