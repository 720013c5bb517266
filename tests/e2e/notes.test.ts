/**
 * Highlights, notes and versions in real Chromium against browser mode: select text,
 * highlight it, write a note, reload (the note is there, even typed just before), import a
 * newer version (the highlight stays on its words, the change is marked, the deleted
 * passage is an orphan), the notes overview, search "in your note", export.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCore } from '../../electron/core'
import { NOTES_FIXTURES } from '../helpers/notes'
import { launch, screenshot, startWeb, watchErrors, type WebApp } from './browser'
import { tempDirForSuite } from './tmp'

let app: WebApp
let browser: Browser
let context: BrowserContext
let page: Page
let errors: string[]
let base: string

beforeAll(async () => {
  const library = join(tempDirForSuite(), 'library.sqlite')
  // a library holding the article to annotate (no sample library then)
  const core = createCore({ libraryPath: library, canImportPaths: true })
  const r = await core.invoke('import.paths', {
    paths: [join(NOTES_FIXTURES, 'hafenstreik-v1.md')],
  })
  core.close()
  if (!r.ok) throw new Error(r.error.message)
  app = await startWeb(library)
  browser = await launch()
  context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1320, height: 900 } })
  page = await context.newPage()
  errors = watchErrors(page)
  await page.goto(app.url)
  base = page.url().replace(/#.*$/, '')
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

/** Drags the mouse across paragraph `para` from the start of `first` to the end of `last`. */
async function selectWords(para: number, first: string, last: string) {
  // a hyphenated word spans two lines: start on its first line, end on its last
  const box = (word: string, which: 'first' | 'last') =>
    page.evaluate(
      ({ para, word, which }) => {
        const spans = [
          ...document.querySelectorAll(
            `.article-body [data-para="${para}"] .w[data-word="${word}"]`,
          ),
        ]
        const span = which === 'first' ? spans[0]! : spans.at(-1)!
        const rects = [...span.getClientRects()]
        const r = which === 'first' ? rects[0]! : rects.at(-1)!
        return { x: which === 'first' ? r.left + 1 : r.right - 1, y: r.top + r.height / 2 }
      },
      { para, word, which },
    )
  // the layout must have settled: the reading font loaded, the soft hyphens in
  await page.waitForFunction(
    () =>
      document.fonts.status === 'loaded' &&
      document.querySelector('.article-body')!.textContent!.includes('\u00ad'),
  )
  await page.evaluate((para) => {
    document
      .querySelector(`.article-body [data-para="${para}"]`)!
      .scrollIntoView({ block: 'center' })
  }, para)
  const a = await box(first, 'first')
  const b = await box(last, 'last')
  await page.mouse.move(a.x, a.y)
  await page.mouse.down()
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 6 })
  await page.mouse.move(b.x, b.y, { steps: 4 })
  await page.mouse.up()
}

const highlighted = () =>
  page.evaluate(() =>
    [...document.querySelectorAll('.article-body .w.hl')]
      .map((w) => (w as HTMLElement).dataset.word)
      .join(' '),
  )

describe('highlights and notes in the reader', () => {
  it('highlights a selection and keeps a note typed just before a reload', async () => {
    await page.goto(`${base}#/article/1`)
    await page.locator('[data-testid=article]').waitFor()
    await page.locator('[data-testid=notes-panel]').waitFor()
    // the panel starts open; select a sentence from "Sie" to "alles"
    await selectWords(1, 'Sie', 'alles')
    const toolbar = page.locator('[data-testid=selection-toolbar]')
    await toolbar.waitFor()
    await toolbar.getByRole('button', { name: 'Markieren mit Notiz' }).click()
    await expect
      .poll(highlighted)
      .toBe('Sie brauchen nur eine Garantie für ihre Sicherheit Das ist alles')
    const card = page.locator('[data-testid=highlight-card]').first()
    await expect
      .poll(() => card.locator('.hl-quote').innerText())
      .toBe('Sie brauchen nur eine Garantie für ihre Sicherheit. Das ist alles')
    const note = card.locator('textarea')
    await note.waitFor()
    await note.pressSequentially('Kernsatz: *Sicherheit* vor Lohn. <img src=x onerror=alert(1)>', {
      delay: 5,
    })
    // reload at once: the save may not have landed, the draft has the text
    await page.reload()
    await page.locator('[data-testid=article]').waitFor()
    const view = page.locator('[data-testid=highlight-card] .note-view').first()
    await expect
      .poll(() => view.innerText())
      .toBe('Kernsatz: Sicherheit vor Lohn. <img src=x onerror=alert(1)>')
    // Markdown rendered, raw HTML shown as text, never an element
    expect(await view.locator('em').innerText()).toBe('Sicherheit')
    expect(await view.locator('img').count()).toBe(0)
    expect(await highlighted()).toBe(
      'Sie brauchen nur eine Garantie für ihre Sicherheit Das ist alles',
    )
    await screenshot(page, 'notes-highlight')
  })

  it('tags the highlight, highlights a passage that will be deleted, and shows both', async () => {
    const card = page.locator('[data-testid=highlight-card]').first()
    const tagInput = card.locator('.tag-input input')
    await tagInput.fill('Sicherheitsgarantien')
    await tagInput.press('Enter')
    await card.locator('.chip.tag', { hasText: '#Sicherheitsgarantien' }).waitFor()
    await selectWords(4, 'Das', 'Skandinavien')
    await page
      .locator('[data-testid=selection-toolbar]')
      .getByRole('button', { name: 'Markieren (Rosa)' })
      .click()
    await expect.poll(() => page.locator('[data-testid=highlight-card]').count()).toBe(2)
    const pink = await page.locator('.article-body .hl-pink').allInnerTexts()
    expect(pink.join('').replace(/\u00ad/g, '')).toMatch(
      /^Das hätte Folgen für Tausende Reisende nach Skandinavien\.?$/,
    )
  })

  it('imports a newer version: the highlight stays on its words, the change is marked, the deleted passage is an orphan', async () => {
    await page
      .locator('[data-testid=update-file]')
      .setInputFiles(join(NOTES_FIXTURES, 'hafenstreik-v2.md'))
    await page.getByText(/Fassung 2 importiert/).waitFor()
    await expect
      .poll(highlighted)
      .toBe('Sie brauchen nur eine Zusage für ihre Sicherheit Das ist alles')
    // the changed sentence and the added paragraph are marked in the text
    await expect
      .poll(async () =>
        (await page.locator('.article-body .chg-changed').allInnerTexts()).join(' '),
      )
      .toContain('Zusage')
    await expect.poll(() => page.locator('.article-body .chg-added').count()).toBeGreaterThan(3)
    // the deleted passage: listed with its note, never dropped
    const orphan = page.locator('[data-testid=orphan]')
    await orphan.waitFor()
    expect(await orphan.locator('.hl-quote').innerText()).toMatch(
      /^Das hätte Folgen für Tausende Reisende nach Skandinavien\.?$/,
    )
    const card = page.locator('[data-testid=highlight-card]').first()
    expect(await card.innerText()).toContain('Markiert war: „Sie brauchen nur eine Garantie')
    const changes = page.locator('[data-testid=changes]')
    expect(await changes.innerText()).toMatch(/Entfernt\s+Das hätte Folgen/)
    await page.locator('.article-body .chg-changed').first().scrollIntoViewIfNeeded()
    await screenshot(page, 'notes-new-version')
    await orphan.scrollIntoViewIfNeeded()
    await screenshot(page, 'notes-orphan')
  })

  it('re-attaches the orphan to text the user selects', async () => {
    await page.locator('[data-testid=orphan]').getByRole('button', { name: 'Neu anheften' }).click()
    await selectWords(5, 'will', 'bestreiken')
    await page
      .locator('[data-testid=selection-toolbar]')
      .getByRole('button', { name: 'Hier anheften' })
      .click()
    await expect.poll(() => page.locator('[data-testid=orphan]').count()).toBe(0)
    expect(await highlighted()).toContain('will die Gewerkschaft auch die Fährterminals bestreiken')
  })

  it('lists everything in the notes overview, filtered by tag', async () => {
    await page.getByRole('button', { name: 'Notizen', exact: true }).first().click()
    await page.locator('[data-testid=notes-item]').first().waitFor()
    expect(await page.locator('[data-testid=notes-item]').count()).toBe(2)
    await page.locator('[data-testid=notes-filter-tag]').selectOption('Sicherheitsgarantien')
    await expect.poll(() => page.locator('[data-testid=notes-item]').count()).toBe(1)
    expect(await page.locator('[data-testid=notes-item]').innerText()).toContain('Kernsatz')
    await screenshot(page, 'notes-overview')
    // export Markdown with citations
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: /Exportieren/ }).click()
    // the menu's items, no list bullets beside them
    expect(
      await page
        .locator('.export-menu [role=menu] > li')
        .first()
        .evaluate((li) => getComputedStyle(li).listStyleType),
    ).toBe('none')
    await page.getByRole('menuitem', { name: 'Markdown mit Zitaten' }).click()
    const file = await (await download).path()
    const md = readFileSync(file, 'utf8')
    expect(md).toContain('> Sie brauchen nur eine Zusage für ihre Sicherheit. Das ist alles')
    expect(md).toContain(
      '— Ostermann, Jana: „Hafenstreik in Kiel: Gewerkschaft droht mit Ausweitung“. In: Kieler Abendpost, 03.06.2025.',
    )
  })

  it('finds the article by a word of the note, "in deiner Notiz"', async () => {
    await page.locator('.searchbox input').fill('Kernsatz')
    const found = page.locator('[data-testid=note-match]').first()
    await found.waitFor()
    expect(await found.innerText()).toMatch(/in deiner Notiz\s+Kernsatz/)
    expect(await page.locator('[data-testid=in-notes]').innerText()).toContain(
      'Hafenstreik in Kiel',
    )
    await screenshot(page, 'notes-search')
    expect(errors).toEqual([])
  })

  it('highlights with the keyboard only: Shift+arrows select words, Tab reaches the colours', async () => {
    await page.goto(`${base}#/article/1`)
    await page.locator('[data-testid=article] .article-body .w').first().waitFor()
    // the panel lists the highlights of the tests above
    await page.locator('[data-testid=highlight-card]').first().waitFor()
    const before = await page.locator('[data-testid=highlight-card]').count()
    const active = () =>
      page.evaluate(() => {
        const a = document.activeElement as HTMLElement | null
        return { word: a?.dataset.word ?? null, label: a?.getAttribute('aria-label') ?? null }
      })
    // into the text (the reader gives it the focus), down into the first paragraph
    await page.locator('.article-body').focus()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    const from = (await active()).word
    expect(from).not.toBeNull()
    await page.keyboard.press('Shift+ArrowRight')
    const toolbar = page.locator('[data-testid=selection-toolbar]')
    await toolbar.waitFor()
    // a slow machine: the next frame (when a selection is looked at) comes after the next key
    await page.evaluate(() => {
      const w = window as unknown as { slowFrame: typeof requestAnimationFrame }
      w.slowFrame = window.requestAnimationFrame
      window.requestAnimationFrame = (cb) => window.setTimeout(() => cb(performance.now()), 400)
    })
    await page.keyboard.press('Shift+ArrowRight')
    const selected = await page.evaluate(() =>
      getSelection()!
        .toString()
        .replace(/\u00ad/g, ''),
    )
    expect(selected.split(/\s+/)).toHaveLength(3)
    expect(selected.startsWith(from!)).toBe(true)
    // Tab into the toolbar, Tab to the second colour, Enter
    await page.keyboard.press('Tab')
    expect((await active()).label).toBe('Markieren (Gelb)')
    await page.keyboard.press('Tab')
    expect((await active()).label).toBe('Markieren (Grün)')
    await page.keyboard.press('Enter')
    await page.evaluate(() => {
      window.requestAnimationFrame = (
        window as unknown as { slowFrame: typeof requestAnimationFrame }
      ).slowFrame
    })
    await expect.poll(() => page.locator('[data-testid=highlight-card]').count()).toBe(before + 1)
    const quote = await page.locator('[data-testid=highlight-card] .hl-quote').allInnerTexts()
    expect(quote.some((q) => q.replace(/[.,]/g, '') === selected.replace(/[.,]/g, ''))).toBe(true)
    // the focus is back on the words
    await expect.poll(async () => (await active()).word).not.toBeNull()
    expect(errors).toEqual([])
  })
})
