/** The application menu: import, paste, and the usual edit/view/window menus. */
import { app, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron'
import { sendCommand } from './ipc'

export function buildMenu(getWindow: () => BrowserWindow | null): void {
  const german = app.getLocale().startsWith('de')
  const t = (de: string, en: string) => (german ? de : en)
  const send = (command: 'import' | 'paste' | 'library') => () => {
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
