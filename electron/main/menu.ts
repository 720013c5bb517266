/** The application menu: import, paste, and the usual edit/view/window menus. */
import { app, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron'
import { sendCommand } from './ipc'

export interface MenuActions {
  backup: () => void
  restore: () => void
}

/** The UI language of the menu and dialogs: German when the system is. */
export function menuLanguage(): (de: string, en: string) => string {
  const german = app.getLocale().startsWith('de')
  return (de, en) => (german ? de : en)
}

export function buildMenu(getWindow: () => BrowserWindow | null, actions?: MenuActions): void {
  const t = menuLanguage()
  const send = (command: 'import' | 'paste' | 'library' | 'backups') => () => {
    const win = getWindow()
    if (win) sendCommand(win.webContents, command)
  }
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: t('Ablage', 'File'),
      submenu: [
        { label: t('Bibliothek', 'Library'), accelerator: 'CmdOrCtrl+L', click: send('library') },
        { label: t('Importieren …', 'Import…'), accelerator: 'CmdOrCtrl+O', click: send('import') },
        {
          label: t('Text einfügen …', 'Paste text…'),
          accelerator: 'CmdOrCtrl+Shift+V',
          click: send('paste'),
        },
        { type: 'separator' },
        ...(actions
          ? [
              { label: t('Sicherung anlegen …', 'Back up…'), click: actions.backup },
              {
                label: t('Aus Sicherung wiederherstellen …', 'Restore from backup…'),
                click: actions.restore,
              },
              { label: t('Sicherungen', 'Backups'), click: send('backups') },
              { type: 'separator' as const },
            ]
          : []),
        process.platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: t('Ansicht', 'View'),
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(app.isPackaged
          ? []
          : [{ type: 'separator' as const }, { role: 'toggleDevTools' as const }]),
      ],
    },
    { role: 'windowMenu' },
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
