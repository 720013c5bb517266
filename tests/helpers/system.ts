/**
 * What the end-to-end and full-dictionary tests need from the machine, found where it is
 * usually installed: a Chromium-based browser and Ding's German-English dictionary. When one
 * is missing, `missing…` says in one line what to install.
 */
import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'

/** Where Chromium, Chrome or Edge usually live on Linux, macOS and Windows. */
export function chromiumCandidates(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string[] {
  if (platform === 'darwin') {
    const apps = [
      'Chromium.app/Contents/MacOS/Chromium',
      'Google Chrome.app/Contents/MacOS/Google Chrome',
      'Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
      'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ]
    return [
      ...apps.map((a) => join('/Applications', a)),
      ...apps.map((a) => join(homedir(), 'Applications', a)),
    ]
  }
  if (platform === 'win32') {
    const roots = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)']].filter(
      (r): r is string => Boolean(r),
    )
    const exes = [
      'Chromium\\Application\\chrome.exe',
      'Google\\Chrome\\Application\\chrome.exe',
      'Microsoft\\Edge\\Application\\msedge.exe',
    ]
    return roots.flatMap((r) => exes.map((e) => `${r}\\${e}`))
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
    '/usr/bin/microsoft-edge',
  ]
}

/** The browser the e2e tests drive: `LESESAAL_CHROMIUM`, an installed one, or Playwright's. */
export function findChromium(): string | null {
  const chosen = process.env.LESESAAL_CHROMIUM
  if (chosen) return existsSync(chosen) ? chosen : null
  const installed = chromiumCandidates().find((p) => existsSync(p))
  if (installed) return installed
  try {
    const managed = chromium.executablePath()
    return managed && existsSync(managed) ? managed : null
  } catch {
    return null
  }
}

export function missingChromium(): string {
  const chosen = process.env.LESESAAL_CHROMIUM
  if (chosen) return `LESESAAL_CHROMIUM points to ${chosen}, which does not exist.`
  const how =
    process.platform === 'darwin'
      ? 'install Google Chrome or Chromium (brew install --cask chromium)'
      : process.platform === 'win32'
        ? 'install Google Chrome or Microsoft Edge'
        : 'install Chromium (Debian/Ubuntu: sudo apt install chromium)'
  return `The end-to-end tests need Chromium or Chrome and found none: ${how}, or set LESESAAL_CHROMIUM to its executable.`
}

/** Where Ding's de-en dictionary usually is (Debian's trans-de-en puts it in /usr/share/trans). */
export const DICTIONARY_CANDIDATES = [
  '/usr/share/trans/de-en',
  '/usr/local/share/trans/de-en',
  '/opt/homebrew/share/trans/de-en',
  join(homedir(), '.local/share/trans/de-en'),
]

/** The dictionary the full-dictionary test imports: `LESESAAL_TEST_DICTIONARY` or a usual place. */
export function findDictionary(): string | null {
  const chosen = process.env.LESESAAL_TEST_DICTIONARY
  if (chosen) return existsSync(chosen) ? chosen : null
  return DICTIONARY_CANDIDATES.find((p) => existsSync(p)) ?? null
}

export function missingDictionary(): string {
  const chosen = process.env.LESESAAL_TEST_DICTIONARY
  if (chosen) return `LESESAAL_TEST_DICTIONARY points to ${chosen}, which does not exist.`
  return "The full-dictionary test needs Ding's de-en dictionary and found none: install it (Debian/Ubuntu: sudo apt install trans-de-en), or download de-en.txt from https://ftp.tu-chemnitz.de/pub/Local/urz/ding/de-en/ and set LESESAAL_TEST_DICTIONARY to it."
}
