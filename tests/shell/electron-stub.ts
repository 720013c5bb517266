/**
 * A stand-in for the `electron` module: records what the shell asks of Electron (windows,
 * handlers, menus, dialogs) so the shell can be tested without the Electron binary.
 */
import { vi } from 'vitest'

type Listener = (...args: unknown[]) => unknown

export interface FakeContents {
  handlers: Map<string, Listener>
  windowOpen: ((details: { url: string }) => { action: string }) | null
  sent: unknown[][]
  mainFrame: { url: string }
  on: (event: string, fn: Listener) => FakeContents
  setWindowOpenHandler: (fn: (details: { url: string }) => { action: string }) => void
  send: (...args: unknown[]) => void
  isDestroyed: () => boolean
}

export function fakeContents(url = ''): FakeContents {
  const c: FakeContents = {
    handlers: new Map(),
    windowOpen: null,
    sent: [],
    mainFrame: { url },
    on: (event, fn) => {
      c.handlers.set(event, fn)
      return c
    },
    setWindowOpenHandler: (fn) => {
      c.windowOpen = fn
    },
    send: (...args) => c.sent.push(args),
    isDestroyed: () => false,
  }
  return c
}

export const electronState = {
  appListeners: new Map<string, Listener[]>(),
  windows: [] as { options: Record<string, unknown>; loaded: string[]; contents: FakeContents }[],
  ipc: new Map<string, Listener>(),
  menu: null as unknown,
  permissionRequest: null as
    null | ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void),
  permissionCheck: null as null | ((...args: unknown[]) => boolean),
  exposed: new Map<string, unknown>(),
  rendererListeners: new Map<string, Listener[]>(),
  ready: Promise.resolve(),
  errors: [] as string[],
}

export const openExternal = vi.fn(async (_url: string) => {})
export const rendererInvoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, value: null }))

class BrowserWindow {
  static all: BrowserWindow[] = []
  static getAllWindows = () => BrowserWindow.all
  webContents: FakeContents
  constructor(public options: Record<string, unknown>) {
    this.webContents = fakeContents()
    const record = { options, loaded: [] as string[], contents: this.webContents }
    electronState.windows.push(record)
    BrowserWindow.all.push(this)
    this.loadFile = async (f: string) => void record.loaded.push(f)
    this.loadURL = async (u: string) => void record.loaded.push(u)
  }
  loadFile: (f: string) => Promise<void>
  loadURL: (u: string) => Promise<void>
  on() {
    return this
  }
  once() {
    return this
  }
  show() {}
  focus() {}
  isMinimized() {
    return false
  }
}

export const electronStub = {
  app: {
    isPackaged: false,
    on: (event: string, fn: Listener) => {
      const list = electronState.appListeners.get(event) ?? []
      list.push(fn)
      electronState.appListeners.set(event, list)
    },
    whenReady: () => electronState.ready,
    requestSingleInstanceLock: () => true,
    quit: vi.fn(),
    getAppPath: () => process.env.LESESAAL_TEST_APP_PATH ?? process.cwd(),
    getLocale: () => 'de-DE',
  },
  BrowserWindow,
  dialog: {
    showErrorBox: (_title: string, message: string) => electronState.errors.push(message),
    showMessageBox: vi.fn(async () => ({ response: 1 })),
    showSaveDialog: vi.fn(async () => ({ canceled: true })),
    showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })),
  },
  ipcMain: {
    handle: (channel: string, fn: Listener) => electronState.ipc.set(channel, fn),
  },
  Menu: {
    buildFromTemplate: (template: unknown) => template,
    setApplicationMenu: (menu: unknown) => {
      electronState.menu = menu
    },
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (fn: typeof electronState.permissionRequest) => {
        electronState.permissionRequest = fn
      },
      setPermissionCheckHandler: (fn: typeof electronState.permissionCheck) => {
        electronState.permissionCheck = fn
      },
    },
  },
  shell: { openExternal },
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => electronState.exposed.set(key, api),
  },
  ipcRenderer: {
    invoke: rendererInvoke,
    on: (channel: string, fn: Listener) => {
      const list = electronState.rendererListeners.get(channel) ?? []
      list.push(fn)
      electronState.rendererListeners.set(channel, list)
    },
    removeListener: (channel: string, fn: Listener) => {
      const list = electronState.rendererListeners.get(channel) ?? []
      electronState.rendererListeners.set(
        channel,
        list.filter((l) => l !== fn),
      )
    },
  },
}
