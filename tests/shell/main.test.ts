/**
 * The desktop shell (the built electron/main and electron/preload) with a stand-in for the
 * `electron` module: window options, CSP, navigation, new windows, permissions, IPC and
 * external links, without the Electron binary.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { IPC_INVOKE } from '../../shared/channels'
import { ROOT } from '../helpers/fixtures'
import { electronState, fakeContents, openExternal } from './electron-stub'

vi.mock('electron', async () => {
  const { electronStub } = await import('./electron-stub')
  return { ...electronStub, default: electronStub }
})

const BUILT_MAIN = join(ROOT, 'out/main/index.js')
const dir = mkdtempSync(join(tmpdir(), 'lesesaal-shell-'))

beforeAll(async () => {
  if (!existsSync(BUILT_MAIN)) throw new Error('Build first: npm run build (npm test does it).')
  process.env.LESESAAL_LIBRARY = join(dir, 'library.sqlite')
  process.env.LESESAAL_TEST_APP_PATH = ROOT
  await import(pathToFileURL(BUILT_MAIN).href)
  await vi.waitFor(() => expect(electronState.windows).toHaveLength(1), { timeout: 20_000 })
}, 30_000)

afterAll(() => {
  for (const quit of electronState.appListeners.get('will-quit') ?? []) quit()
  rmSync(dir, { recursive: true, force: true })
})

const window = () => electronState.windows[0]!
const appUrl = () => pathToFileURL(window().loaded[0]!).toString()

/** A page's web contents as Electron would hand it to the shell's security rules. */
function created() {
  const contents = fakeContents()
  for (const fn of electronState.appListeners.get('web-contents-created') ?? []) fn({}, contents)
  return contents
}

function ipcEvent(url: string, fromMainFrame = true) {
  const mainFrame = { url }
  return {
    sender: { mainFrame },
    senderFrame: fromMainFrame ? mainFrame : { url },
  }
}

async function invoke(event: unknown, method: unknown, input: unknown) {
  const handler = electronState.ipc.get(IPC_INVOKE)!
  return (await handler(event, method, input)) as {
    ok: boolean
    value?: unknown
    error?: { code: string; message: string }
  }
}

describe('the window', () => {
  it('is sandboxed, isolated and without Node, with the preload the build made', () => {
    const prefs = window().options.webPreferences as Record<string, unknown>
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
    })
    expect(prefs.nodeIntegrationInWorker).not.toBe(true)
    expect(prefs.preload).toBe(join(ROOT, 'out/preload/index.cjs'))
    expect(existsSync(prefs.preload as string)).toBe(true)
  })

  it('loads the built page, whose Content Security Policy allows nothing from outside', () => {
    const page = window().loaded[0]!
    expect(page).toBe(join(ROOT, 'out/renderer/index.html'))
    const html = readFileSync(page, 'utf8')
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
    expect(csp).toBeDefined()
    const rules = Object.fromEntries(
      csp!.split(';').map((r) => {
        const [name, ...values] = r.trim().split(/\s+/)
        return [name, values]
      }),
    )
    expect(rules['default-src']).toEqual(["'none'"])
    expect(rules['script-src']).toEqual(["'self'"])
    expect(rules['connect-src']).toEqual(["'self'"])
    expect(rules['object-src'] ?? rules['default-src']).toEqual(["'none'"])
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/)
    // no inline scripts for the policy to forbid
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/)
  })
})

describe('navigation and new windows', () => {
  it('stays on its own page: other addresses are refused, http(s) ones go to the browser', () => {
    openExternal.mockClear()
    const contents = created()
    const navigate = (url: string) => {
      const event = { preventDefault: vi.fn() }
      contents.handlers.get('will-navigate')!(event, url)
      return event.preventDefault.mock.calls.length > 0
    }
    expect(navigate(appUrl())).toBe(false)
    expect(navigate(`${appUrl()}#/glossary`)).toBe(false)
    expect(navigate('https://example.org/artikel')).toBe(true)
    expect(navigate('file:///etc/passwd')).toBe(true)
    expect(navigate('javascript:alert(1)')).toBe(true)
    expect(openExternal.mock.calls.map((c) => c[0])).toEqual(['https://example.org/artikel'])
    const redirect = { preventDefault: vi.fn() }
    contents.handlers.get('will-redirect')!(redirect, 'https://example.org/')
    expect(redirect.preventDefault).toHaveBeenCalled()
  })

  it('opens no window of its own, whatever the page asks', () => {
    openExternal.mockClear()
    const contents = created()
    for (const url of [
      'https://example.org/',
      'http://127.0.0.1:9/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      appUrl(),
    ])
      expect(contents.windowOpen!({ url }), url).toEqual({ action: 'deny' })
    expect(openExternal.mock.calls.map((c) => c[0])).toEqual([
      'https://example.org/',
      'http://127.0.0.1:9/',
    ])
  })

  it('attaches no webview and grants no permission', () => {
    const contents = created()
    const event = { preventDefault: vi.fn() }
    contents.handlers.get('will-attach-webview')!(event)
    expect(event.preventDefault).toHaveBeenCalled()
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
    ]) {
      let granted: boolean | null = null
      electronState.permissionRequest!({}, permission, (ok) => (granted = ok))
      expect(granted, permission).toBe(false)
      expect(electronState.permissionCheck!({}, permission, '', {}), permission).toBe(false)
    }
  })
})

describe('IPC', () => {
  it("answers the app's own main frame, for methods of the contract only", async () => {
    const own = ipcEvent(appUrl())
    const info = await invoke(own, 'app.info', {})
    expect(info).toMatchObject({ ok: true, value: { mode: 'desktop', canImportPaths: true } })
    expect(await invoke(own, 'shell.exec', { cmd: 'rm -rf /' })).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    })
    expect(await invoke(own, 'library.list', { sort: 'nonsense' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    })
  })

  it('refuses other pages and frames', async () => {
    for (const event of [
      ipcEvent('https://evil.example/'),
      ipcEvent('file:///tmp/other.html'),
      ipcEvent(appUrl(), false),
      { sender: { mainFrame: {} }, senderFrame: null },
    ]) {
      expect(await invoke(event, 'app.info', {})).toMatchObject({
        ok: false,
        error: { code: 'unauthorized' },
      })
    }
  })

  it('opens only http(s) links, and only in the system browser', async () => {
    openExternal.mockClear()
    const own = ipcEvent(appUrl())
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', 'ftp://x/'])
      expect(await invoke(own, 'app.openExternal', { url }), url).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      })
    expect(await invoke(own, 'app.openExternal', { url: 'https://example.org/a' })).toMatchObject({
      ok: true,
    })
    expect(openExternal.mock.calls.map((c) => c[0])).toEqual(['https://example.org/a'])
  })

  it('never lets an error cross as a stack', async () => {
    const own = ipcEvent(appUrl())
    for (const input of [
      null,
      'x',
      42,
      { id: -1 },
      { id: 'eins' },
      [],
      { id: 1e308 },
      { id: 1, extra: true },
    ]) {
      const r = await invoke(own, 'article.get', input)
      expect(r.ok).toBe(false)
      expect(r.error!.message).not.toMatch(/\n|\bat \S+ \(/)
    }
  })
})

describe('the menu', () => {
  it('offers backing up and restoring in the file menu', () => {
    const menu = electronState.menu as { label?: string; submenu?: { label?: string }[] }[]
    const file = menu.find((m) => m.label === 'Ablage')!
    const labels = file.submenu!.map((i) => i.label).filter(Boolean)
    expect(labels).toEqual(
      expect.arrayContaining([
        'Importieren …',
        'Sicherung anlegen …',
        'Aus Sicherung wiederherstellen …',
        'Sicherungen',
      ]),
    )
  })
})
