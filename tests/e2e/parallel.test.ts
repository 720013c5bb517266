/**
 * Parallel reading in real Chromium: accept the suggested story of the sample library, add an
 * article from the reader, open three columns, point at a sentence and see its partners.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launch, screenshot, startWeb, watchErrors, type WebApp } from './browser'
import { tempDirForSuite } from './tmp'

let app: WebApp
let browser: Browser
let page: Page
let errors: string[]

beforeAll(async () => {
  app = await startWeb(join(tempDirForSuite(), 'library.sqlite'))
  browser = await launch()
  const context = await browser.newContext({
    locale: 'de-DE',
    viewport: { width: 1280, height: 800 },
  })
  page = await context.newPage()
  errors = watchErrors(page)
  await page.goto(app.url)
  await page.locator('[data-testid=article-row]').first().waitFor()
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

describe('parallel reading in Chromium', () => {
  it('suggests the sample library’s summit as a story, created only on a click', async () => {
    await page.getByRole('button', { name: 'Geschichten' }).click()
    const suggestion = page.locator('[data-testid=suggestion]')
    await suggestion.first().waitFor()
    expect(await page.locator('[data-testid=story-row]').count()).toBe(0)
    expect(await suggestion.first().innerText()).toMatch(/Ostsee-Gipfel|Ostseestaaten/)
    await suggestion.first().getByRole('button', { name: 'Als Geschichte anlegen' }).click()
    await page.locator('[data-testid=timeline]').waitFor()
    expect(await page.locator('.timeline-item').count()).toBe(3)
  })

  it('adds the fourth outlet’s article from the reader', async () => {
    await page.getByRole('button', { name: 'Bibliothek' }).first().click()
    await page.locator('.title-cell a', { hasText: 'Ein Versprechen ohne Preisschild' }).click()
    await page.locator('[data-testid=article]').waitFor()
    await page.getByRole('button', { name: 'Zu Geschichte hinzufügen' }).click()
    // the story accepted above (the list of stories arrives after the menu opens)
    await page.getByRole('menuitem', { name: /Ostsee/ }).click()
    await page.getByText(/^Zu „.+“ hinzugefügt\.$/).waitFor()
    await page.getByRole('button', { name: 'Geschichten' }).click()
    await page.locator('[data-testid=story-row] a').first().click()
    await page.locator('[data-testid=timeline]').waitFor()
    expect(await page.locator('.timeline-item').count()).toBe(4)
    await screenshot(page, 'story-timeline')
  })

  it('opens three columns, marks the partners of the sentence pointed at, and moves by keyboard', async () => {
    const started = Date.now()
    await page.getByRole('button', { name: 'Parallel lesen' }).click()
    const columns = page.locator('[data-testid=parallel-column]')
    await columns.first().locator('.sent').first().waitFor()
    const openMs = Date.now() - started
    expect(await columns.count()).toBe(3)
    // loosely: the bench measures it properly
    expect(openMs).toBeLessThan(5000)
    // keyboard only: the button that opened the view is gone, the first column has the focus,
    // and ↓ goes to its first sentence
    const activeRefNow = () =>
      page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.ref ?? null)
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.classList.contains('pcol-body')))
      .toBe(true)
    await page.keyboard.press('ArrowDown')
    expect(await activeRefNow()).toBe(
      await columns.nth(0).locator('.sent').first().getAttribute('data-ref'),
    )

    // a sentence of the first column that other columns report too
    const first = columns.nth(0)
    const paired = first.locator('.sent.paired')
    expect(await paired.count()).toBeGreaterThan(3)
    const sentence = paired.nth(1)
    await sentence.hover()
    await expect.poll(() => sentence.getAttribute('class')).toContain('active')
    const partnersElsewhere = await page
      .locator('[data-testid=parallel-column]:not(:first-child) .sent.partner')
      .count()
    expect(partnersElsewhere).toBeGreaterThan(0)
    // the partners are scrolled into view in their columns
    const partner = page
      .locator('[data-testid=parallel-column]:not(:first-child) .sent.partner')
      .first()
    expect(await partner.isVisible()).toBe(true)
    const box = await partner.boundingBox()
    expect(box!.y).toBeGreaterThan(0)
    expect(box!.y).toBeLessThan(800)
    // "only here" sentences carry their mark
    expect(await page.locator('.sent.only').count()).toBeGreaterThan(0)
    expect(await page.locator('.sent.only').first().getAttribute('data-only-label')).toBe(
      'nur hier',
    )

    const shot = await screenshot(page, 'parallel-three-columns')
    expect(existsSync(shot)).toBe(true)

    // keyboard: down to the next sentence, right to its partner in the next column
    await sentence.focus()
    await page.keyboard.press('ArrowDown')
    const activeRef = () =>
      page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.ref ?? null)
    const afterDown = await activeRef()
    expect(afterDown).not.toBe(await sentence.getAttribute('data-ref'))
    await page.keyboard.press('ArrowRight')
    const afterRight = await activeRef()
    const secondArticle = await columns.nth(1).getAttribute('data-article')
    expect(afterRight?.split(':')[0]).toBe(secondArticle)
    // N: the next "only here"
    await page.keyboard.press('n')
    const onlyRef = await activeRef()
    expect(await page.locator(`.sent[data-ref="${onlyRef}"]`).getAttribute('class')).toContain(
      'only',
    )
  })

  it('gives text without soft hyphens, swaps a column and shows only the differences', async () => {
    // the pointer rested on a word above: its glossary preview goes when the pointer leaves
    await page.mouse.move(640, 20)
    await expect
      .poll(() => page.locator('[data-testid=word-popover]').count(), { timeout: 5000 })
      .toBe(0)
    const text = await page.locator('.pcol-body').first().textContent()
    expect(text).not.toContain('\u00ad')
    const swap = page.locator('[data-testid=parallel-column]').nth(2).locator('select')
    const options = await swap.locator('option').allTextContents()
    const fourth = options.find((o) => o.includes('Mitteldeutsche Rundschau'))!
    await swap.selectOption({ label: fourth })
    await expect
      .poll(() =>
        page.locator('[data-testid=parallel-column]').nth(2).locator('.pcol-outlet').innerText(),
      )
      .toMatch(/MITTELDEUTSCHE RUNDSCHAU|Mitteldeutsche Rundschau/)
    await page.getByLabel('Nur Unterschiede').check()
    const visiblePaired = await page
      .locator('.sent.paired')
      .evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length)
    expect(visiblePaired).toBe(0)
    expect(errors).toEqual([])
  })

  it('highlights words in a column, with a note, and the reader shows the same highlight', async () => {
    await page.getByLabel('Nur Unterschiede').uncheck()
    const column = page.locator('[data-testid=parallel-column]').first()
    const articleId = await column.getAttribute('data-article')
    // select the column's second to fourth words with the mouse
    const words = column.locator('.pcol-body .w')
    await words.nth(1).scrollIntoViewIfNeeded()
    const a = (await words.nth(1).boundingBox())!
    const b = (await words.nth(3).boundingBox())!
    const chosen = (await words.evaluateAll((els) =>
      els.slice(1, 4).map((e) => (e as HTMLElement).dataset.word),
    )) as string[]
    await page.mouse.move(a.x + 1, a.y + a.height / 2)
    await page.mouse.down()
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 6 })
    await page.mouse.move(b.x + b.width - 1, b.y + b.height / 2, { steps: 3 })
    await page.mouse.up()
    const toolbar = page.locator('[data-testid=selection-toolbar]')
    await toolbar.waitFor()
    await toolbar.getByRole('button', { name: /Notiz/ }).click()
    // the highlight is there at once, and its card opens for the note
    await expect
      .poll(() =>
        column
          .locator('.w.hl')
          .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.word).join(' ')),
      )
      .toBe(chosen.join(' '))
    const dialog = page.getByRole('dialog', { name: 'Markierung' })
    await dialog.locator('textarea').fill('Nur dieses Medium nennt das so.')
    await screenshot(page, 'parallel-highlight-note')
    await page.keyboard.press('Escape')
    await expect.poll(() => dialog.count()).toBe(0)
    // the reader of that article shows the same words highlighted, with the note
    await page.goto(`${app.url.split('#')[0]}#/article/${articleId}`)
    await page.locator('.article-body .w.hl').first().waitFor()
    const inReader = await page
      .locator('.article-body .w.hl')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.word).join(' '))
    expect(inReader).toBe(chosen.join(' '))
    await expect
      .poll(() => page.locator('[data-testid=highlight-card]').first().innerText())
      .toContain('Nur dieses Medium nennt das so.')
    expect(errors).toEqual([])
  })
})
