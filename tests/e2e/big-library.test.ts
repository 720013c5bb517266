/**
 * A library of 2,000 made-up German articles in real Chromium (issue 12: the list rendered
 * every row and stalled; typing "Ö" in the search took seconds): the list keeps a screenful of
 * rows in the page, sorts, filters and selects across all of them, the page keeps painting
 * during an import, and the search answers a typed "Ö". Timings here are loose (this machine
 * is shared); the targets live in `npm run bench` (bench/ui.ts).
 */
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { article, articleFile } from '../helpers/german'
import { buildGeneratedLibrary } from '../helpers/library'
import { ROW_HEIGHT } from '../../renderer/src/features/library/ArticleTable'
import { launch, screenshot, startWeb, watchErrors, type WebApp } from './browser'
import { tempDirForSuite } from './tmp'

const SIZE = 2000
let app: WebApp
let browser: Browser
let page: Page
let errors: string[]

beforeAll(async () => {
  const library = join(tempDirForSuite(), 'library.sqlite')
  await buildGeneratedLibrary(library, SIZE, { seed: 4 })
  app = await startWeb(library)
  browser = await launch()
  const context = await browser.newContext({
    locale: 'de-DE',
    viewport: { width: 1200, height: 800 },
  })
  page = await context.newPage()
  errors = watchErrors(page)
  await page.goto(app.url)
  await page.locator('[data-testid=article-row]').first().waitFor()
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

const rows = () => page.locator('[data-testid=article-row]')
const heading = () => page.locator('#library-heading').innerText()

describe('a library of 2,000 articles', () => {
  it('shows a screenful of rows, not all of them, and scrolls through all', async () => {
    expect(await heading()).toMatch(/2\.000 Artikel/)
    const shown = await page.locator('tbody tr').count()
    expect(shown).toBeGreaterThan(5)
    expect(shown).toBeLessThan(80)
    // every row one line of one height (the list places rows by ROW_HEIGHT, never measures):
    // a long title ends in "…" and shows whole on hover
    const shape = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[data-testid=article-row]')].map((r) => {
        const a = r.querySelector<HTMLElement>('.title-cell a')!
        return {
          height: r.getBoundingClientRect().height,
          cut: a.scrollWidth > a.clientWidth,
          full: a.title === a.textContent,
        }
      }),
    )
    expect(new Set(shape.map((r) => r.height))).toEqual(new Set([ROW_HEIGHT]))
    expect(shape.some((r) => r.cut)).toBe(true)
    expect(shape.every((r) => r.full)).toBe(true)
    await page.keyboard.press('End') // nothing focused in the list yet: the page scrolls
    await page.locator('tbody tr[data-index]').first().focus()
    await page.keyboard.press('End')
    await expect.poll(() => page.locator('tbody tr[data-index="1999"]').count()).toBe(1)
    expect(await page.locator('tbody tr').count()).toBeLessThan(80)
    // the last row ends where the list's height says it does
    const end = await page.evaluate(() => {
      const last = document.querySelector('tbody tr[data-index="1999"]')!.getBoundingClientRect()
      const body = document.querySelector('tbody')!.getBoundingClientRect()
      return { last: last.bottom, body: body.bottom }
    })
    expect(Math.abs(end.last - end.body)).toBeLessThan(1)
    await screenshot(page, 'library-2000-end')
  })

  it('sorts by title and filters by outlet', async () => {
    await page.getByTestId('sort').selectOption('title')
    await page.getByTestId('order').click() // ascending
    await expect
      .poll(async () => (await rows().first().locator('a').innerText()).slice(0, 6))
      .toBe('Cottbu')
    await page.getByTestId('outlet-filter').selectOption('Harzer Morgen')
    await expect
      .poll(async () => new Set(await rows().locator('.outlet-cell').allInnerTexts()))
      .toEqual(new Set(['Harzer Morgen']))
  })

  it('selects the whole filtered list with Ctrl+A and a range with Shift-click', async () => {
    // every twelfth generated article is the Harzer Morgen's
    const harzer = Array.from({ length: SIZE }, (_, n) => article(n, 4)).filter(
      (a) => a.outlet === 'Harzer Morgen',
    ).length
    await page.locator('body').click({ position: { x: 5, y: 300 } })
    await page.keyboard.press('Control+a')
    await expect
      .poll(() => page.locator('.selection-count').innerText())
      .toBe(`${harzer} Artikel ausgewählt`)
    await page.getByRole('button', { name: 'Auswahl aufheben' }).click()
    const boxes = page.locator('[data-testid=article-row] input[type=checkbox]')
    await boxes.nth(1).click()
    await boxes.nth(6).click({ modifiers: ['Shift'] })
    await expect
      .poll(() => page.locator('.selection-count').innerText())
      .toBe('6 Artikel ausgewählt')
    await screenshot(page, 'library-2000-selection')
    await page.keyboard.press('Escape')
    await page.getByTestId('outlet-filter').selectOption('')
  })

  it('comes back from an article to the same place, its row focused', async () => {
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.locator('tbody tr[data-index]').first().focus()
    for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowDown')
    const focused = () =>
      page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.index ?? null)
    expect(await focused()).toBe('40')
    const title = await page.locator('tbody tr[data-index="40"] .title-cell a').innerText()
    const scrolled = await page.evaluate(() => window.scrollY)
    expect(scrolled).toBeGreaterThan(1000)
    await page.keyboard.press('Enter')
    await page.locator('[data-testid=article]').waitFor()
    // the reader takes the focus into the text (the row that had it is gone)
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.className))
      .toBe('article-body')
    await page.getByRole('button', { name: /Zur Bibliothek/ }).click()
    await expect.poll(focused).toBe('40')
    expect(await page.locator('tbody tr[data-index="40"] .title-cell a').innerText()).toBe(title)
    expect(Math.abs((await page.evaluate(() => window.scrollY)) - scrolled)).toBeLessThan(
      ROW_HEIGHT,
    )
    // the browser's back button too
    await page.keyboard.press('Enter')
    await page.locator('[data-testid=article]').waitFor()
    await page.goBack()
    await expect.poll(focused).toBe('40')
    await page.evaluate(() => window.scrollTo(0, 0))
  })

  it('keeps painting while 200 files are imported, with progress in a corner', async () => {
    const files = Array.from({ length: 200 }, (_, i) => ({
      name: `neu-${i}.txt`,
      mimeType: 'text/plain',
      buffer: Buffer.from(articleFile(article(10_000 + i, 4))),
    }))
    // count frames and the longest gap between two while the import runs
    await page.evaluate(() => {
      const w = window as unknown as { frames: number[]; stop: boolean }
      w.frames = []
      w.stop = false
      const tick = (t: number) => {
        w.frames.push(t)
        if (!w.stop) requestAnimationFrame(tick)
      }
      requestAnimationFrame(tick)
    })
    await page.locator('[data-testid=file-input]').setInputFiles(files)
    await page.locator('.import-progress').waitFor()
    await screenshot(page, 'library-2000-importing')
    await page
      .getByText('200 importiert, 0 schon vorhanden, 0 fehlgeschlagen')
      .waitFor({ timeout: 120_000 })
    const gaps = await page.evaluate(() => {
      const w = window as unknown as { frames: number[]; stop: boolean }
      w.stop = true
      return w.frames.slice(1).map((t, i) => t - w.frames[i]!)
    })
    // loose on a shared machine: the old list blocked the page for a second per batch
    expect(Math.max(...gaps)).toBeLessThan(1000)
    await expect.poll(heading, { timeout: 10_000 }).toMatch(/2\.200 Artikel/)
  }, 180_000)

  it('answers a typed "Ö" in the search field', async () => {
    const asked =
      (text: string) =>
      (r: { url: () => string; request: () => { postData: () => string | null } }) =>
        r.url().endsWith('/api/search.query') && (r.request().postData() ?? '').includes(text)
    const box = page.getByRole('searchbox').first()
    await box.click()
    const first = page.waitForResponse(asked('"Flüchtlinge"'))
    await box.pressSequentially('Flüchtlinge ', { delay: 30 })
    await first
    const answered = page.waitForResponse(asked('Flüchtlinge Ö'))
    const started = Date.now()
    await page.keyboard.type('Ö')
    await answered
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)))
    const ms = Date.now() - started
    // loose (150 ms of it is the debounce): the search developer makes it fast; at 2,000
    // articles the issue saw 1.1-4.3 s. The figure is printed for the report.
    console.log(`"Ö" answered after ${ms} ms at ${SIZE} articles`)
    expect(ms).toBeLessThan(5000)
    await expect.poll(() => page.locator('.search-hit').count()).toBeGreaterThan(0)
    await screenshot(page, 'search-2000-oe')
  })

  it('comes back from a search hit to the results with the search field focused', async () => {
    const box = page.getByRole('searchbox').first()
    await box.fill('Flüchtlinge')
    await expect.poll(() => page.locator('.search-hit').count()).toBeGreaterThan(3)
    await box.press('ArrowDown')
    await box.press('ArrowDown')
    const title = (i: number) => page.locator(`#search-hit-${i} .hit-title`).innerText()
    const third = await title(3)
    await box.press('Enter')
    await page.locator('[data-testid=article] .article-body .w').first().waitFor()
    // the article has the focus: Space reads on, it does not type into the search field
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.className))
      .toBe('article-body')
    const reading = page.url()
    await page.keyboard.press('Space')
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0)
    expect(page.url()).toBe(reading)
    await page.goBack()
    await page.locator('.search-hit').first().waitFor()
    // the field has the focus: ↓ goes on from the hit that was opened
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('type')))
      .toBe('search')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await page.locator('[data-testid=article]').waitFor()
    const opened = await page.locator('[data-testid=article] h1').innerText()
    expect(opened.replace(/\u00ad/g, '')).toBe(third)
    await page.goBack()
    await page.locator('.search-hit').first().waitFor()
  })

  it('ran without console errors', () => {
    expect(errors).toEqual([])
  })
})
