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
import { buildMenu } from './menu'
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

app.whenReady().then(async () => {
  try {
    core = createCore({
      libraryPath: defaultLibraryPath(),
      resourcesPath: join(app.getAppPath(), 'resources'),
      mode: 'desktop',
      openExternal: openExternalSafely,
      canImportPaths: true,
    })
  } catch (err) {
    dialog.showErrorBox('Lesesaal', (err as Error).message)
    app.quit()
    return
  }
  await core.ensureSampleLibrary()
  registerIpc(core, isAppUrl)
  buildMenu(() => mainWindow)
  createWindow(core)
  core.warmUp()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0 && core) createWindow(core)
  })
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})

app.on('will-quit', () => core?.close())
