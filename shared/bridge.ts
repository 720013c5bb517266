/** What the preload script exposes on `window.lesesaal` in the desktop app. */
export interface DesktopBridge {
  /** Calls one API method; resolves to a Result value (never rejects for API errors). */
  invoke: (method: string, input: unknown) => Promise<unknown>
  /** Listens to core events and app commands; returns the unsubscribe function. */
  on: (listener: (event: string, payload: unknown) => void) => () => void
}
