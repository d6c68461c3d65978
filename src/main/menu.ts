import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/settings';

/**
 * Builds the application menu. App-specific items send a MenuCommand to the renderer, which owns
 * the corresponding UI; standard items use Electron roles so text editing works everywhere.
 */
export function installApplicationMenu(
  send: (command: MenuCommand) => void,
  isDevelopment: boolean,
): void {
  const isMac = process.platform === 'darwin';
  const command = (
    label: string,
    name: MenuCommand,
    accelerator?: string,
  ): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => send(name),
  });
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        command('Import Dumps…', 'import-files', 'CmdOrCtrl+O'),
        command('Load Sample Dumps', 'load-samples'),
        { type: 'separator' },
        command('Open Inbox Folder', 'open-inbox-folder'),
        command('Choose Inbox Folder…', 'choose-inbox-folder'),
        command('Re-import the Inbox', 'reimport-inbox'),
        command('Import History', 'show-imports', 'CmdOrCtrl+Shift+I'),
        { type: 'separator' },
        command('Settings…', 'show-settings', 'CmdOrCtrl+,'),
        command('Back Up Library…', 'back-up-library', 'CmdOrCtrl+Shift+B'),
        command('Restore from Backup…', 'restore-backup'),
        command('Export…', 'export-library', 'CmdOrCtrl+Shift+E'),
        command('Show Backups', 'show-backups'),
        command('Open Snapshots Folder', 'open-snapshots-folder'),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        command('Search', 'focus-search', 'CmdOrCtrl+F'),
        { type: 'separator' },
        ...(isDevelopment
          ? [{ role: 'reload' as const }, { role: 'toggleDevTools' as const }]
          : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        command('Keyboard Shortcuts', 'show-shortcuts', 'CmdOrCtrl+/'),
        ...(isMac ? [] : [{ label: `About ${app.name}`, click: () => app.showAboutPanel() }]),
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
