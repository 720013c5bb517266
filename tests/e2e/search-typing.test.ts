/**
 * Searching as a person types, the date filter of a German UI, finding in an article, and a
 * page that follows what another process (the command line) adds to its library: real
 * Chromium against browser mode.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from '../helpers/fixtures'
import { launch, screenshot, startWeb, watchErrors, type WebApp } from './browser'
import { tempDirForSuite } from './tmp'

const ARTICLES: Record<string, { title: string; published: string; text: string }> = {
  wien: {
    title: 'Flüchtlinge erreichen Österreich',
    published: '2019-04-22',
    text: 'Hunderte Flüchtlinge kamen am Wochenende über die Grenze nach Österreich. Die Behörden richteten Notquartiere ein.',
  },
  ostern: {
    title: 'Ruhige Ostern an der Küste',
    published: '2019-04',
    text: 'Zu Ostern kamen weniger Gäste an die Ostsee als im Vorjahr. Auch Flüchtlinge aus der Ukraine verbrachten die Feiertage dort.',
  },
  atom: {
    title: 'Bewegung im Atomkonflikt',
    published: '2019-05-02',
    text: 'Im Atomkonflikt gibt es Bewegung. Das Atomprogramm soll kontrolliert werden, Flüchtlinge sind nicht betroffen.',
  },
}

let app: WebApp
let browser: Browser
let page: Page
let errors: string[]
let dir: string
let library: string

beforeAll(async () => {
  dir = tempDirForSuite()
  library = join(dir, 'library.sqlite')
  const files = Object.entries(ARTICLES).map(([key, a]) => {
    const file = join(dir, `${key}.md`)
    writeFileSync(
      file,
      `---\ntitle: "${a.title}"\npublished: ${a.published}\n---\n\n${a.text}\n\nEin zweiter Absatz über ${key}.\n`,
    )
    return file
  })
  execFileSync(process.execPath, [
    join(ROOT, 'bin/lesesaal.js'),
    '--library',
    library,
    'import',
    ...files,
  ])
  app = await startWeb(library)
  browser = await launch()
  const context = await browser.newContext({
    locale: 'de-DE',
    viewport: { width: 1280, height: 860 },
  })
  page = await context.newPage()
  errors = watchErrors(page)
  await page.goto(app.url)
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

const hits = () => page.locator('[data-testid=search-hit] .hit-title')

describe('searching as you type', () => {
  it('answers the keystrokes of "Flüchtlinge Österreich" with what the letters begin', async () => {
    await page.locator('[data-testid=article-row]').first().waitFor()
    await page.keyboard.press('Control+k')
    await page.keyboard.type('Flüchtlinge Öst', { delay: 40 })
    await expect.poll(() => hits().allInnerTexts()).toContain('Flüchtlinge erreichen Österreich')
    // the two with both words first; the one with only "Flüchtlinge" after them
    await expect
      .poll(async () => (await hits().allInnerTexts()).slice(0, 2).sort())
      .toEqual(['Flüchtlinge erreichen Österreich', 'Ruhige Ostern an der Küste'])
    await page.keyboard.type('erreich', { delay: 40 })
    await expect.poll(() => hits().first().innerText()).toBe('Flüchtlinge erreichen Österreich')
    const marked = await page.locator('.hit-snippet mark').allInnerTexts()
    expect(marked).toContain('Österreich')
    await screenshot(page, 'search-typing')
  })

  it('filters by a date typed the German way, and offers what is dated only by month', async () => {
    await page.getByTestId('search-input').fill('Flüchtlinge')
    await expect.poll(() => hits().count()).toBe(3)
    await page.getByRole('button', { name: '+ Ab' }).click()
    const field = page.getByRole('textbox', { name: 'Ab' })
    expect(await field.getAttribute('placeholder')).toBe('TT.MM.JJJJ, MM.JJJJ oder JJJJ')
    await field.fill('31.04.2019')
    await field.press('Enter')
    expect(await page.getByRole('alert').innerText()).toBe(
      'Kein Datum: Der April 2019 hat 30 Tage.',
    )
    await screenshot(page, 'date-invalid')
    await field.fill('20.04.2019')
    await field.press('Enter')
    await page.getByText('Ab: 20.04.2019').waitFor()
    await expect
      .poll(async () => (await hits().allInnerTexts()).sort())
      .toEqual(['Bewegung im Atomkonflikt', 'Flüchtlinge erreichen Österreich'])
    const note = page.getByTestId('uncertain-dates')
    expect(await note.innerText()).toMatch(/^1 passender Artikel ist nur mit Monat/)
    await screenshot(page, 'date-uncertain')
    await note.getByRole('button', { name: 'Einbeziehen' }).click()
    await expect.poll(() => hits().count()).toBe(3)
    await page.getByText('mit ungenau oder nicht datierten').waitFor()
    await screenshot(page, 'date-uncertain-included')
  })

  it('finds "Atom" in "Atomkonflikt" in the article, as the search does', async () => {
    await page.getByTestId('search-input').fill('Atomkonflikt')
    await expect.poll(() => hits().allInnerTexts()).toEqual(['Bewegung im Atomkonflikt'])
    await hits().first().click()
    await page.locator('[data-testid=article]').waitFor()
    await page.keyboard.press('Control+f')
    await page.getByTestId('find-input').fill('Atom')
    await expect.poll(() => page.getByTestId('find-count').innerText()).toBe('1 von 4')
    const marks = await page.locator('[data-testid=article] mark').allInnerTexts()
    expect(marks.map((m) => m.replace(/\u00ad/g, ''))).toEqual([
      'Atomkonflikt',
      'Atomkonflikt',
      'Atomprogramm',
      'atom',
    ])
    await screenshot(page, 'find-atom')
  })

  it('shows an article another process imported, without a reload', async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'Bibliothek' }).click()
    await expect.poll(() => page.locator('[data-testid=article-row]').count()).toBe(3)
    const file = join(dir, 'neu', 'hafen.md')
    mkdirSync(join(dir, 'neu'))
    writeFileSync(
      file,
      '---\ntitle: "Neuer Kran im Stadthafen"\npublished: 2019-06-01\n---\n\nDer Stadthafen hat einen neuen Kran.\n\nEr hebt doppelt so viel wie der alte.\n',
    )
    execFileSync(process.execPath, [
      join(ROOT, 'bin/lesesaal.js'),
      '--library',
      library,
      'import',
      file,
    ])
    await expect
      .poll(() => page.locator('[data-testid=article-row]').count(), { timeout: 10_000 })
      .toBe(4)
    await page.getByText('Neuer Kran im Stadthafen').waitFor()
  })

  it('ran without console errors', () => {
    expect(errors).toEqual([])
  })
})
