/**
 * `npm test` on a fresh machine: the e2e suite finds Chromium or Chrome where it is usually
 * installed, and without one it stops at once with one line saying what to install.
 */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../helpers/fixtures'
import { chromiumCandidates, findChromium, missingDictionary } from '../helpers/system'

describe('finding a browser for the e2e tests', () => {
  it('looks where Chromium, Chrome and Edge are installed on Linux, macOS and Windows', () => {
    expect(chromiumCandidates('linux')).toEqual(
      expect.arrayContaining(['/usr/bin/chromium', '/usr/bin/google-chrome']),
    )
    expect(chromiumCandidates('darwin')).toContain(
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    )
    const windows = chromiumCandidates('win32', {
      PROGRAMFILES: 'C:\\Program Files',
      LOCALAPPDATA: 'C:\\Users\\anna\\AppData\\Local',
    })
    expect(windows).toContain('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe')
    expect(windows).toContain(
      'C:\\Users\\anna\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe',
    )
    expect(windows).toContain('C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe')
  })

  it('takes LESESAAL_CHROMIUM when it is set', () => {
    const before = process.env.LESESAAL_CHROMIUM
    try {
      process.env.LESESAAL_CHROMIUM = process.execPath // any file that exists
      expect(findChromium()).toBe(process.execPath)
      process.env.LESESAAL_CHROMIUM = join(ROOT, 'no-such-browser')
      expect(findChromium()).toBeNull()
    } finally {
      if (before === undefined) delete process.env.LESESAAL_CHROMIUM
      else process.env.LESESAAL_CHROMIUM = before
    }
  })

  it('stops the e2e suite at once with one line when there is no browser', () => {
    const started = Date.now()
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--project', 'e2e'],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, LESESAAL_CHROMIUM: '/nonexistent/chromium', CI: '1' },
      },
    )
    expect(r.status).toBe(1)
    const said = `${r.stdout}\n${r.stderr}`.split('\n').filter((l) => l.includes('chromium'))
    expect(said).toEqual([
      'LESESAAL_CHROMIUM points to /nonexistent/chromium, which does not exist.',
    ])
    expect(r.stderr).not.toMatch(/Timeout|timed out|at .*\.ts:\d+/)
    expect(Date.now() - started).toBeLessThan(30_000)
  }, 60_000)

  it('says what to install when the dictionary is missing', () => {
    expect(missingDictionary()).toMatch(/apt install trans-de-en/)
  })
})
