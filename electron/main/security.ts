/**
 * Security defaults for every web contents: no navigation away from the app, no new windows,
 * no webviews, no permissions; external links only http(s), only in the system browser.
 */
import { app, session, shell, type WebContents } from 'electron'
import { isHttpUrl } from '../../shared/urls'

export function openExternalSafely(url: string): Promise<void> {
  if (!isHttpUrl(url)) return Promise.reject(new Error('Only http(s) links can be opened.'))
  return shell.openExternal(url)
}

/** Applies the rules; `isAppUrl` says which URLs belong to the app itself. */
export function applySecurity(isAppUrl: (url: string) => boolean): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) {
        event.preventDefault()
        if (isHttpUrl(url)) void shell.openExternal(url)
      }
    })
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault()
    })
    contents.setWindowOpenHandler(({ url }) => {
      if (isHttpUrl(url)) void shell.openExternal(url)
      return { action: 'deny' }
    })
    contents.on('will-attach-webview', (event) => event.preventDefault())
  })
  app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) =>
      callback(false),
    )
    session.defaultSession.setPermissionCheckHandler(() => false)
  })
}
