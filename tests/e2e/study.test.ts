/**
 * Study in real Chromium against browser mode: save three words while reading (two from the
 * popover, one with the S key), see them tinted and listed, review them with the keyboard
 * (Space, 1–4, U), see the charts, and the library's difficulty.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { launch, screenshot, startWeb, watchErrors, type WebApp } from './browser'
import { tempDirForSuite } from './tmp'

let app: WebApp
let browser: Browser
let page: Page
let errors: string[]

beforeAll(async () => {
  const dir = tempDirForSuite()
  app = await startWeb(join(dir, 'library.sqlite'), ['--dictionary', join(dir, 'none')])
  browser = await launch()
  const context = await browser.newContext({
    locale: 'de-DE',
    viewport: { width: 1200, height: 820 },
    acceptDownloads: true,
  })
  page = await context.newPage()
  errors = watchErrors(page)
  await page.goto(app.url)
  await page.locator('[data-testid=article-row]', { hasText: 'Unterseekabel' }).click()
  await page.locator('[data-testid=article] .w').first().waitFor()
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

/** Polls with time to spare: the shared machine can be slow. */
const POLL = { timeout: 15_000 }
const popover = () => page.getByTestId('word-popover')
const word = (w: string) => page.locator(`[data-testid=article] .w[data-word="${w}"]`).first()
/** "Lernen" in the top navigation (with the cards due). */
const learn = () => page.getByTestId('nav-study')
/** A study page's tab (opened through "Lernen" when not on a study page yet). */
const tab = async (name: string | RegExp) => {
  const tabs = page.getByRole('navigation', { name: 'Lernen: Seiten' })
  if ((await tabs.count()) === 0) await learn().click()
  return tabs.getByRole('button', { name })
}

describe('saving words while reading', () => {
  it('saves a word from the popover, with its sentence', async () => {
    await word('Sicherheitsgarantien').click()
    await expect
      .poll(() => popover().locator('.popover-head').innerText(), POLL)
      .toMatch(/^die Sicherheitsgarantie/)
    await popover().getByRole('button', { name: 'Wort speichern' }).click()
    await expect
      .poll(() => page.getByTestId('study-bar').innerText(), POLL)
      .toContain('„Sicherheitsgarantie“ gespeichert.')
    await expect
      .poll(() => popover().getByTestId('word-status').inputValue(), POLL)
      .toBe('learning1')
    await screenshot(page, 'study-popover-saved')
    await page.keyboard.press('Escape')
  })

  it('saves a second one from the popover and a third with the S key', async () => {
    await word('Gipfeltreffens').click()
    await popover().getByRole('button', { name: 'Wort speichern' }).click()
    await expect
      .poll(() => page.getByTestId('study-bar').innerText(), POLL)
      .toContain('„Gipfeltreffen“ gespeichert.')
    await page.keyboard.press('Escape')
    // with the keyboard: the word has the focus (Escape gives it back from its popover), S saves it
    await word('Delegationen').click()
    await popover().waitFor()
    await page.keyboard.press('Escape')
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.word))
      .toBe('Delegationen')
    await page.keyboard.press('s')
    await expect
      .poll(() => page.getByTestId('study-bar').innerText(), POLL)
      .toContain('„Delegation“ gespeichert.')
  })

  it('tints learning and unknown words when asked to, names and numbers never', async () => {
    expect(await page.locator('[data-testid=article] .w.st-l1').count()).toBe(0) // off by default
    await page.getByTestId('tint-mode').selectOption('all')
    await expect
      .poll(() => word('Sicherheitsgarantien').getAttribute('class'), POLL)
      .toContain('st-l1')
    expect(await word('Delegationen').getAttribute('class')).toContain('st-l1')
    expect(await word('Meeresboden').getAttribute('class')).toContain('st-new')
    for (const skipped of ['Hohenstein', '14'])
      expect(await word(skipped).getAttribute('class')).not.toMatch(/st-/)
    await page.evaluate(() => window.scrollTo(0, 0))
    await screenshot(page, 'study-reader-tinted')
    await page.getByTestId('tint-mode').selectOption('learning')
    await expect.poll(() => word('Meeresboden').getAttribute('class'), POLL).not.toContain('st-new')
    expect(await word('Gipfeltreffens').getAttribute('class')).toContain('st-l1')
  })

  it('shows the due cards in the navigation', async () => {
    await expect.poll(() => learn().innerText(), POLL).toMatch(/Lernen\s*3/)
  })

  it('lists the saved words with their sentences on the vocabulary page', async () => {
    await (await tab('Wortschatz')).click()
    const items = page.getByTestId('vocab-item')
    await expect.poll(() => items.count(), POLL).toBe(3)
    const text = (await items.allInnerTexts()).join('\n')
    expect(text).toContain('Sicherheitsgarantie')
    expect(text).toContain(
      'Auch bei den Sicherheitsgarantien gingen die Vorstellungen auseinander.',
    )
    await page.getByTestId('vocab-sort').selectOption('lemma')
    await expect
      .poll(async () => (await items.locator('.vocab-word strong').allInnerTexts()).join(','), POLL)
      .toBe('Sicherheitsgarantie,Gipfeltreffen,Delegation')
    await page.getByRole('button', { name: 'Absteigend' }).click()
    await expect
      .poll(async () => (await items.locator('.vocab-word strong').allInnerTexts()).join(','), POLL)
      .toBe('Delegation,Gipfeltreffen,Sicherheitsgarantie')
    await screenshot(page, 'study-vocabulary')
  })
})

describe('review', () => {
  it('reviews the three words with the keyboard, and U takes an answer back', async () => {
    await (await tab(/Wiederholen/)).click()
    const card = page.getByTestId('review-card')
    await card.waitFor()
    const first = await card.innerText()
    await page.keyboard.press(' ')
    await page.getByTestId('review-answer').waitFor()
    await screenshot(page, 'study-review-answer')
    await page.keyboard.press('3')
    await expect.poll(() => card.innerText(), POLL).not.toBe(first)
    // undo: the first card comes back
    await page.keyboard.press('u')
    await expect.poll(() => card.innerText(), POLL).toBe(first)
    expect(await page.locator('.review-notice').innerText()).toMatch(
      /Antwort zu „.+“ zurückgenommen/,
    )
    // one card of each word today (their other cards wait for another day)
    for (const rating of ['4', '3', '3']) {
      const question = await card.innerText()
      await page.keyboard.press(' ')
      await expect.poll(() => page.getByTestId('review-answer').count(), POLL).toBe(1)
      await page.keyboard.press(rating)
      // the next card, its answer not shown yet (or none left); read without waiting for an
      // element (innerText would wait for a card that has just gone)
      await expect
        .poll(async () => {
          const [text] = await card.allInnerTexts()
          return (
            text === undefined ||
            (text !== question && (await page.getByTestId('review-answer').count()) === 0)
          )
        }, POLL)
        .toBe(true)
    }
    await page.getByTestId('review-done').waitFor()
    expect(await page.getByTestId('review-done').innerText()).toContain(
      'Für jetzt ist alles wiederholt.',
    )
    expect(await page.getByTestId('review-counts').innerText()).toContain('heute 3 beantwortet')
    await expect.poll(() => learn().innerText(), POLL).toBe('Lernen')
    await expect.poll(async () => (await tab(/Wiederholen/)).innerText(), POLL).toBe('Wiederholen')
    await screenshot(page, 'study-review-done')
  })
})

describe('progress and difficulty', () => {
  it('draws the charts on the study page', async () => {
    await (await tab('Lernstand')).click()
    for (const chart of ['reviews', 'words', 'retention', 'reading', 'forecast'])
      await page.locator(`[data-testid=chart-${chart}] canvas`).first().waitFor()
    expect(await page.getByTestId('study-totals').innerText()).toContain('3 gespeichert')
    // the figures are there as a table too
    await page.locator('[data-testid=chart-reviews] summary').click()
    // today: one "easy" and two "good" (the answer taken back is not counted)
    expect(
      (await page.locator('[data-testid=chart-reviews] tbody tr').last().innerText()).split('\t'),
    ).toEqual([expect.any(String), '0', '0', '2', '1'])
    await page.locator('[data-testid=chart-reviews] summary').click()
    await screenshot(page, 'study-progress')
  })

  it('shows each article difficulty and finds the ones that fit my level', async () => {
    await page.getByRole('button', { name: 'Bibliothek', exact: true }).first().click()
    const rows = page.locator('[data-testid=article-row]')
    await rows.first().waitFor()
    await expect
      .poll(async () => (await page.getByTestId('unknown-share').allInnerTexts()).join(' '), POLL)
      .toMatch(/^(\d+\s%\s*){4}$/)
    // mark every remaining new word of one article known: it fits the level then
    await rows.filter({ hasText: 'Radio Bernstein' }).getByRole('link').click()
    page.once('dialog', (d) => void d.accept())
    await page.getByRole('button', { name: /neuen Wörter als bekannt markieren/ }).click()
    await expect
      .poll(() => page.getByTestId('study-bar').innerText(), POLL)
      .toMatch(/\b0\s% unbekannt/)
    await page.getByRole('button', { name: 'Zur Bibliothek' }).click()
    await page.getByTestId('level-filter').check()
    await expect.poll(() => rows.count(), POLL).toBe(1)
    expect(await rows.first().innerText()).toContain('Radio Bernstein')
    await page.getByTestId('level-filter').uncheck()
    await page.getByTestId('sort').selectOption('difficulty')
    await page.getByTestId('order').click()
    await expect
      .poll(async () => (await rows.first().innerText()).includes('Radio Bernstein'), POLL)
      .toBe(true)
    await screenshot(page, 'study-library')
  })

  it('ran without console errors or CSP violations', () => {
    expect(errors).toEqual([])
  })
})
