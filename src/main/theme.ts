import { nativeTheme } from 'electron';
import type { ThemeChoice } from '../shared/settings';

/** Window backgrounds matching the renderer's --bg in each scheme (shown before the first paint). */
const BACKGROUNDS = { light: '#ffffff', dark: '#1e1f22' } as const;

/**
 * Applies the user's theme to Electron: `prefers-color-scheme` in the page, native menus,
 * dialogs and scrollbars all follow `nativeTheme.themeSource`. Called before the window is
 * created, so its first paint already has the chosen theme.
 */
export function applyNativeTheme(theme: ThemeChoice): void {
  nativeTheme.themeSource = theme;
}

/** The window background of the current theme. */
export function windowBackground(): string {
  return nativeTheme.shouldUseDarkColors ? BACKGROUNDS.dark : BACKGROUNDS.light;
}
