/** The preload bridge with a stand-in for `electron`: only invoke and on, never ipcRenderer. */
import { describe, expect, it, vi } from 'vitest'
import { IPC_EVENT, IPC_INVOKE } from '../../shared/channels'
import type { DesktopBridge } from '../../shared/bridge'
import { electronState, rendererInvoke } from './electron-stub'

vi.mock('electron', async () => {
  const { electronStub } = await import('./electron-stub')
  return { ...electronStub, default: electronStub }
})

describe('the preload bridge', () => {
  it('exposes exactly invoke and on, which use the two Lesesaal channels', async () => {
    await import('../../electron/preload/index')
    expect([...electronState.exposed.keys()]).toEqual(['lesesaal'])
    const bridge = electronState.exposed.get('lesesaal') as DesktopBridge
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on'])
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function')

    await bridge.invoke('app.info', {})
    expect(rendererInvoke).toHaveBeenCalledWith(IPC_INVOKE, 'app.info', {})

    const seen: unknown[] = []
    const off = bridge.on((event, payload) => seen.push([event, payload]))
    const listeners = electronState.rendererListeners.get(IPC_EVENT)!
    expect(listeners).toHaveLength(1)
    listeners[0]!({ sender: 'ipc' }, 'library.changed', { reason: 'import' })
    // the renderer never sees Electron's event object
    expect(seen).toEqual([['library.changed', { reason: 'import' }]])
    off()
    expect(electronState.rendererListeners.get(IPC_EVENT)).toHaveLength(0)
  })
})
