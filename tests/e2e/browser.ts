/** Browser mode and real Chromium for end-to-end tests. */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { ROOT } from '../helpers/fixtures'
import { findChromium, missingChromium } from '../helpers/system'

/** The browser found on this machine (`LESESAAL_CHROMIUM`, or where browsers usually are). */
export const CHROMIUM = findChromium()
export const SHOTS = join(ROOT, 'test-results', 'screenshots')

export interface WebApp {
  url: string
  stop: () => Promise<void>
}

/** Starts `npm run web` (the built server) on a random port with its own library. */
export async function startWeb(libraryPath: string, extra: string[] = []): Promise<WebApp> {
  const server = join(ROOT, 'out/main/web.js')
  if (!existsSync(server)) throw new Error('Build first: npm run build (npm test does it).')
  const child: ChildProcess = spawn(
    process.execPath,
    [server, '--port', '0', '--library', libraryPath, ...extra],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let stderr = ''
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()))
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString()
      const m = /^Lesesaal: (\S+)\n/.exec(out)
      if (m) resolve(m[1]!)
    })
    child.on('exit', (code) => reject(new Error(`browser mode exited with ${code}: ${stderr}`)))
  })
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}

/** Chromium (or Chrome), headless, without the network features this machine refuses. */
export async function launch(): Promise<Browser> {
  if (!CHROMIUM) throw new Error(missingChromium())
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/** Collects console errors and uncaught exceptions (a CSP violation shows up here). */
export function watchErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
  page.on('pageerror', (e) => errors.push(e.message))
  return errors
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SHOTS, { recursive: true })
  const path = join(SHOTS, `${name}.png`)
  await page.screenshot({ path, fullPage: false })
  return path
}
