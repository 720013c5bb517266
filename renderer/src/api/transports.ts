import type { DesktopBridge } from '../../../shared/bridge'
import type { MethodName } from '../../../shared/contract'
import { isResult, type Result } from '../../../shared/result'
import type { Transport } from './client'

declare global {
  interface Window {
    lesesaal?: DesktopBridge
  }
}

const TOKEN_KEY = 'lesesaal.token'

function asResult(value: unknown): Result<unknown> {
  return isResult(value)
    ? value
    : {
        ok: false,
        error: { code: 'internal', message: 'The app sent an answer it could not read.' },
      }
}

/** The desktop door: the preload bridge over Electron IPC. */
export function ipcTransport(bridge: DesktopBridge): Transport {
  return {
    invoke: async (method, input) => asResult(await bridge.invoke(method, input)),
    subscribe: (listener) => bridge.on(listener),
  }
}

/**
 * Browser mode: POST /api/<method> with the per-run token, events over Server-Sent Events.
 * The token comes from the address the server printed and is then kept for the tab's session.
 */
export function httpTransport(location: Location = window.location): Transport {
  const fromUrl = new URLSearchParams(location.search).get('token')
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl)
    // keep the token out of the visible address and the history
    history.replaceState(null, '', location.pathname + location.hash)
  }
  const token = fromUrl ?? sessionStorage.getItem(TOKEN_KEY) ?? ''
  const listeners = new Set<(event: string, payload: unknown) => void>()
  let source: EventSource | null = null
  const connect = () => {
    if (source) return
    source = new EventSource('/api/events')
    source.onmessage = (e: MessageEvent<string>) => {
      try {
        const { event, payload } = JSON.parse(e.data) as { event: string; payload: unknown }
        for (const l of listeners) l(event, payload)
      } catch {
        // ignore malformed events
      }
    }
  }
  return {
    invoke: async (method: MethodName, input: unknown, signal?: AbortSignal) => {
      let res: Response
      try {
        // an aborted request closes its connection: the server then skips it
        res = await fetch(`/api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'X-Lesesaal-Token': token,
            'X-Lesesaal-Client': '1',
          },
          body: JSON.stringify(input ?? {}),
          signal,
        })
      } catch {
        return {
          ok: false,
          error: {
            code: 'io_error',
            message: 'Lesesaal is not reachable. Is the server still running?',
          },
        }
      }
      try {
        return asResult(await res.json())
      } catch {
        return {
          ok: false,
          error: { code: 'internal', message: `The server answered ${res.status}.` },
        }
      }
    },
    subscribe: (listener) => {
      listeners.add(listener)
      connect()
      return () => {
        listeners.delete(listener)
        if (listeners.size === 0 && source) {
          source.close()
          source = null
        }
      }
    },
  }
}

/** The door this renderer runs behind. */
export function detectTransport(): Transport {
  return window.lesesaal ? ipcTransport(window.lesesaal) : httpTransport()
}
