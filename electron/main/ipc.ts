/**
 * The Electron door: one invoke channel for the whole handler table, and one event channel.
 * A message is answered only from the app's own main frame.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron'
import { IPC_EVENT, IPC_INVOKE } from '../../shared/contract'
import { fail } from '../../shared/result'
import type { Core } from '../core'

export function registerIpc(core: Core, isAppUrl: (url: string) => boolean): void {
  ipcMain.handle(IPC_INVOKE, (event: IpcMainInvokeEvent, method: unknown, input: unknown) => {
    if (!isTrustedSender(event, isAppUrl)) {
      return fail('unauthorized', 'This message did not come from the Lesesaal window.')
    }
    // invoke never throws; a rejected promise would carry a stack into the renderer
    return core.invoke(method, input).catch((err: unknown) => {
      console.error('[lesesaal] IPC call failed:', err)
      return fail('internal', 'Lesesaal could not finish this because of an unexpected problem.')
    })
  })
}

function isTrustedSender(event: IpcMainInvokeEvent, isAppUrl: (url: string) => boolean): boolean {
  const frame = event.senderFrame
  if (!frame || frame !== event.sender.mainFrame) return false
  return isAppUrl(frame.url)
}

/** Forwards core events to a window's renderer. Returns the unsubscribe function. */
export function forwardEvents(core: Core, contents: WebContents): () => void {
  return core.subscribe((event, payload) => {
    if (!contents.isDestroyed()) contents.send(IPC_EVENT, event, payload)
  })
}

export function sendCommand(
  contents: WebContents,
  command: 'import' | 'paste' | 'library' | 'backups',
): void {
  if (!contents.isDestroyed()) contents.send(IPC_EVENT, 'app.command', { command })
}
