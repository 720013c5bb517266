/**
 * The Electron shell: lifecycle, the window, the menu, security and IPC. Everything the app
 * does lives in electron/core; this file only connects it to Electron.
 */
import { app, BrowserWindow, dialog } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createCore, type Core } from '../core'
import { defaultLibraryPath } from '../core/paths'
import { forwardEvents, registerIpc } from './ipc'
import { backupFromMenu, offerRestore, restoreFromMenu } from './backups'
import { buildMenu, menuLanguage } from './menu'
import { applySecurity, openExternalSafely } from './security'

const here = import.meta.dirname
const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined
const indexFile = join(here, '../renderer/index.html')
const indexUrl = pathToFileURL(indexFile).toString()

/** The app's own pages: the built index.html, or the dev server while developing. */
function isAppUrl(url: string): boolean {
  if (devServerUrl) return new URL(url).origin === new URL(devServerUrl).origin
  return url.split(/[?#]/)[0] === indexUrl
}

let core: Core | null = null
let mainWindow: BrowserWindow | null = null

if (!app.requestSingleInstanceLock()) app.quit()
app.on('second-instance', () => {
  if (mainWindow) {
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  }
})

applySecurity(isAppUrl)

function createWindow(c: Core): void {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 720,
    minHeight: 480,
    title: 'Lesesaal',
    show: false,
    backgroundColor: '#f7f4ee',
    icon: join(app.getAppPath(), 'resources', 'icon.png'),
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  })
  mainWindow = win
  const unsubscribe = forwardEvents(c, win.webContents)
  win.on('closed', () => {
    unsubscribe()
    mainWindow = null
  })
  win.once('ready-to-show', () => win.show())
  if (devServerUrl) void win.loadURL(devServerUrl)
  else void win.loadFile(indexFile)
}

/** Opens the library; one that cannot be opened at all is offered its newest backup. */
async function openCore(libraryPath: string): Promise<Core | null> {
  const open = () =>
    createCore({
      libraryPath,
      resourcesPath: join(app.getAppPath(), 'resources'),
      mode: 'desktop',
      openExternal: openExternalSafely,
      canImportPaths: true,
      // imports, dictionaries and index rebuilds in a worker thread: the window stays live
      jobs: 'worker',
      dailyBackups: true,
    })
  try {
    return open()
  } catch (err) {
    const reason = (err as Error).message
    if (!(await offerRestore(libraryPath, reason, menuLanguage()))) return null
    try {
      return open()
    } catch (again) {
      dialog.showErrorBox('Lesesaal', (again as Error).message)
      return null
    }
  }
}

app.whenReady().then(async () => {
  const libraryPath = defaultLibraryPath()
  core = await openCore(libraryPath)
  if (!core) {
    app.quit()
    return
  }
  const c = core
  await c.ensureSampleLibrary()
  // the first search need not load the index: it is read now, before anyone types
  setTimeout(() => void c.search.warm().catch(() => {}), 0)
  registerIpc(c, isAppUrl)
  buildMenu(() => mainWindow, {
    backup: () => void backupFromMenu(c, mainWindow, menuLanguage()),
    restore: () => void restoreFromMenu(c, libraryPath, mainWindow, menuLanguage()),
  })
  createWindow(c)
  // other processes' writes (a `lesesaal import`, browser mode) reach the window within a second
  c.watchChanges()
  c.warmUp()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow(c)
  })
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})

app.on('will-quit', () => core?.close())
