/**
 * The bridge: exposes the typed invoke/on pair to the renderer, never ipcRenderer itself.
 * Runs sandboxed (bundled as CommonJS).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { IPC_EVENT, IPC_INVOKE } from '../../shared/channels'
import type { DesktopBridge } from '../../shared/bridge'

const bridge: DesktopBridge = {
  invoke: (method, input) => ipcRenderer.invoke(IPC_INVOKE, method, input),
  on: (listener) => {
    const handler = (_event: IpcRendererEvent, name: string, payload: unknown) =>
      listener(name, payload)
    ipcRenderer.on(IPC_EVENT, handler)
    return () => {
      ipcRenderer.removeListener(IPC_EVENT, handler)
    }
  },
}

contextBridge.exposeInMainWorld('lesesaal', bridge)
