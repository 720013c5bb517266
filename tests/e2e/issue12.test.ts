/**
 * What a newcomer found (issue 12), in real Chromium against browser mode: copying gives
 * clean text in both clipboard flavours, copy with citation, a one-paragraph paste is
 * imported and a failed one keeps its text, a near-copy is named, the keyboard popover stays
 * in the window at the top of a scrolled page, the dictionary import's bar moves, and every
 * screen in the dark theme (screenshots in test-results/screenshots/dark-*.png).
 */
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readSample } from '../helpers/fixtures'
import { longParagraph } from '../helpers/german'
import { launch, screenshot, startWeb, watchErrors, type WebApp } from './browser'
import { tempDirForSuite } from './tmp'

let app: WebApp
let browser: Browser
let context: BrowserContext
let page: Page
let errors: string[]

beforeAll(async () => {
  app = await startWeb(join(tempDirForSuite(), 'library.sqlite'))
  browser = await launch()
  context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1100, height: 700 } })
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(app.url).origin,
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

const SOFT_HYPHEN = /\u00ad/g

/** Both clipboard flavours, as another program would read them. */
async function clipboard(): Promise<Record<string, string>> {
  return page.evaluate(async () => {
    const out: Record<string, string> = {}
    for (const item of await navigator.clipboard.read())
      for (const type of item.types) out[type] = await (await item.getType(type)).text()
    return out
  })
}

/** Selects the text of `selector` (the first match) from its start up to `upTo` characters. */
async function selectText(selector: string, upTo?: string) {
  await page
    .locator(selector)
    .first()
    .evaluate((el, end) => {
      const range = document.createRange()
      range.selectNodeContents(el)
      if (end) {
        // walk the text nodes to the end of the sentence, soft hyphens included
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
        let seen = ''
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const text = (n as Text).data
          const clean = text.replace(/\u00ad/g, '')
          if ((seen + clean).includes(end)) {
            const need = seen.length + clean.length - ((seen + clean).indexOf(end) + end.length)
            let offset = text.length
            for (let k = need; k > 0; offset--) if (text[offset - 1] !== '\u00ad') k--
            range.setEnd(n, offset)
            break
          }
          seen += clean
        }
      }
      const sel = window.getSelection()!
      sel.removeAllRanges()
      sel.addRange(range)
    }, upTo)
}

const sample = readSample('03-mitteldeutsche-rundschau.md')
const { title, outlet } = sample.meta as { title: string; outlet: string }
const paragraph = sample.paragraphs[1]!
const sentence = `${paragraph.split('. ')[0]!}.`

describe('copying from the reader', () => {
  it('copies a sentence without soft hyphens, as plain text and as HTML', async () => {
    await page.locator('[data-testid=article-row] a', { hasText: title }).click()
    await page.locator('[data-testid=article] .article-body p .w').first().waitFor()
    // the page carries soft hyphens for German line breaking
    await expect
      .poll(async () =>
        (await page.locator('.article-body p').nth(1).textContent())!.match(SOFT_HYPHEN),
      )
      .not.toBeNull()
    await selectText('.article-body p >> nth=1', sentence)
    await page.keyboard.press('Control+C')
    const got = await clipboard()
    expect(got['text/plain']).toBe(sentence)
    expect(got['text/plain']).not.toMatch(SOFT_HYPHEN)
    expect(got['text/html']).toContain(sentence.split(' ').slice(0, 3).join(' '))
    expect(got['text/html']).not.toMatch(SOFT_HYPHEN)
    expect(got['text/html']).not.toContain('data-word')
  })

  it('copies two whole paragraphs apart, without a soft hyphen in 300 words', async () => {
    await page.locator('.article-body').evaluate((el) => {
      const ps = el.querySelectorAll('p')
      const range = document.createRange()
      range.setStartBefore(ps[0]!)
      range.setEndAfter(ps[1]!)
      window.getSelection()!.removeAllRanges()
      window.getSelection()!.addRange(range)
    })
    await page.keyboard.press('Control+C')
    const got = await clipboard()
    expect(got['text/plain']).toBe(`${sample.paragraphs[0]}\n\n${sample.paragraphs[1]}`)
    expect(`${got['text/plain']}${got['text/html']}`).not.toMatch(SOFT_HYPHEN)
  })

  it('copies a quote with its source, German style', async () => {
    await selectText('.article-body p >> nth=1', sentence)
    await page.getByTestId('copy-citation').click()
    await page.getByRole('status').filter({ hasText: 'Kopiert' }).waitFor()
    const got = await clipboard()
    expect(got['text/plain']).toBe(`„${sentence}“\n— ${outlet}, „${title}“, 15. März 2025`)
    expect(got['text/html']).toContain('<blockquote>')
    await screenshot(page, 'copy-citation')
  })
})

describe('the keyboard popover at the top of a scrolled page', () => {
  it('stays in the window and keeps Tab inside while the page scrolls', async () => {
    await page.mouse.wheel(0, 500)
    await page.waitForTimeout(300)
    // the first word near the top of the window, then up with the keyboard
    const words = page.locator('[data-testid=article] .article-body .w')
    const index = await words.evaluateAll((els) =>
      els.findIndex((e) => e.getBoundingClientRect().top >= 0),
    )
    // the keyboard's place in the text: a word takes the focus back when its popover closes
    await words.nth(index).click()
    await page.getByTestId('word-popover').waitFor()
    await page.keyboard.press('Escape')
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('Enter')
    const popover = page.getByTestId('word-popover')
    await popover.locator('.popover-head').waitFor()
    const inWindow = async () => {
      const b = (await popover.boundingBox())!
      const ok = b.y >= 0 && b.y + b.height <= 700 && b.x >= 0 && b.x + b.width <= 1100
      if (!ok) console.log('POPOVER', JSON.stringify(b))
      return ok
    }
    expect(await inWindow()).toBe(true)
    // the popover has the focus; Tab goes round its controls, never into the page behind
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('.popover')))).toBe(
      true,
    )
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press(i % 3 === 2 ? 'Shift+Tab' : 'Tab')
      expect(await page.evaluate(() => Boolean(document.activeElement?.closest('.popover')))).toBe(
        true,
      )
      expect(await inWindow()).toBe(true)
    }
    // the page scrolls the word out of the window: the popover stays inside it
    await page.mouse.move(50, 650)
    await page.mouse.wheel(0, 900)
    await page.waitForTimeout(300)
    expect(await inWindow()).toBe(true)
    await screenshot(page, 'popover-keyboard-scrolled')
    await page.keyboard.press('Escape')
    await expect.poll(() => popover.count()).toBe(0)
  })
})

describe('pasting', () => {
  const openPaste = async () => {
    await page.getByRole('button', { name: /Importieren/ }).click()
    await page.getByRole('menuitem', { name: 'Text einfügen …' }).click()
    return page.getByRole('dialog', { name: 'Text einfügen' })
  }

  it('keeps a paste that fails in the dialog, with the reason', async () => {
    await page.getByRole('button', { name: 'Bibliothek' }).first().click()
    const dialog = await openPaste()
    await dialog.getByLabel('Artikeltext').fill('— — — · · ·')
    await dialog.getByRole('button', { name: 'Importieren' }).click()
    await expect
      .poll(() => dialog.getByRole('alert').innerText())
      .toBe('Nicht importiert: Darin wurde kein Artikeltext gefunden. Ihr Text bleibt hier.')
    expect(await dialog.getByLabel('Artikeltext').inputValue()).toBe('— — — · · ·')
    await screenshot(page, 'paste-failed')
  })

  it('imports a one-paragraph text of 30,000 characters, titled by its first sentence', async () => {
    const dialog = page.getByRole('dialog', { name: 'Text einfügen' })
    const text = longParagraph(30_000, 12)
    await dialog.getByLabel('Artikeltext').fill(text)
    await dialog.getByRole('button', { name: 'Importieren' }).click()
    await page.getByText('1 importiert, 0 schon vorhanden, 0 fehlgeschlagen').waitFor()
    const first = text.slice(0, text.indexOf('.'))
    await page.locator('.import-report li.imported', { hasText: first.slice(0, 40) }).waitFor()
    await page.locator('.import-report').getByRole('button', { name: 'Öffnen' }).click()
    await page.locator('[data-testid=article] .article-body p').first().waitFor()
    expect(await page.locator('.article-body p').count()).toBe(1)
    expect(await page.locator('.article-title').innerText()).toBe(first)
  })

  it('names a pasted near-copy and imports it only when asked', async () => {
    await page.getByRole('button', { name: 'Bibliothek' }).first().click()
    const dialog = await openPaste()
    const copy = sample.paragraphs.join('\n\n').replace('Rostock', 'der Hansestadt Rostock')
    await dialog.getByLabel('Artikeltext').fill(copy)
    await dialog.getByRole('button', { name: 'Importieren' }).click()
    const notice = dialog.locator('.near-duplicate')
    await expect
      .poll(() => notice.innerText())
      .toMatch(
        /Fast derselbe Text wie „Ein Versprechen ohne Preisschild“ in Ihrer Bibliothek \(\d\d % gleich\)/,
      )
    await screenshot(page, 'paste-near-duplicate')
    await notice.getByRole('button', { name: 'Trotzdem importieren' }).click()
    await page.getByText('1 importiert, 0 schon vorhanden, 0 fehlgeschlagen').waitFor()
  })
})

describe('the dictionary import', () => {
  it('moves its progress bar while it runs', async () => {
    await page.getByRole('button', { name: 'Glossar' }).click()
    await page.getByTestId('dict-file').waitFor({ state: 'attached' })
    // record every value the bar shows, in the page, while the import runs
    await page.evaluate(() => {
      const seen: number[] = []
      ;(window as unknown as { seen: number[] }).seen = seen
      const tick = () => {
        const bar = document.querySelector<HTMLProgressElement>('[data-testid=dict-progress]')
        if (bar && bar.value !== seen[seen.length - 1]) seen.push(bar.value / bar.max)
        requestAnimationFrame(tick)
      }
      tick()
    })
    const lines = ['# made up for a test: Deutsch :: English']
    for (let i = 0; i < 150_000; i++) lines.push(`Prüfwort${i} {n} :: test word ${i}`)
    await page.getByTestId('dict-file').setInputFiles({
      name: 'pruefwoerter.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(lines.join('\n')),
    })
    await expect
      .poll(() => page.locator('.dictionaries').innerText(), { timeout: 60_000 })
      .toContain('pruefwoerter.txt importiert')
    const seen = await page.evaluate(() => (window as unknown as { seen: number[] }).seen)
    const between = [...new Set(seen.filter((v) => v > 0 && v < 1))]
    expect(between.length, `bar values: ${seen.join(', ')}`).toBeGreaterThanOrEqual(3)
  }, 120_000)
})

describe('the dark theme', () => {
  it('follows a dark system and shows every screen in dark colours', async () => {
    await page.emulateMedia({ colorScheme: 'dark' })
    await expect
      .poll(() => page.evaluate(() => document.documentElement.dataset.theme))
      .toBe('dark')
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor)
    expect(await background()).toBe('rgb(28, 27, 25)')
    // highlight colours (reader marks, the "in your note" badge) carry the light ink readably
    const contrasts = await page.evaluate(() => {
      const css = getComputedStyle(document.documentElement)
      const luminance = (hex: string) => {
        const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.trim().slice(i, i + 2), 16) / 255)
        const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
        return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!)
      }
      const ink = luminance(css.getPropertyValue('--ink'))
      return ['yellow', 'green', 'blue', 'pink', 'purple'].map((c) => {
        const bg = luminance(css.getPropertyValue(`--hl-${c}`))
        return (Math.max(ink, bg) + 0.05) / (Math.min(ink, bg) + 0.05)
      })
    })
    for (const ratio of contrasts) expect(ratio).toBeGreaterThanOrEqual(4.5)
    await screenshot(page, 'dark-glossary')
    await page.getByRole('button', { name: 'Bibliothek' }).first().click()
    await page.locator('[data-testid=article-row]').first().waitFor()
    await page.locator('[data-testid=article-row] input[type=checkbox]').nth(0).click()
    await screenshot(page, 'dark-library')
    await page.keyboard.press('Escape')
    await page.getByRole('searchbox').first().fill('Ostsee')
    await page.locator('.search-hit').first().waitFor()
    await screenshot(page, 'dark-search')
    await page.locator('.search-hit a').first().click()
    await page.locator('[data-testid=article] .w').first().waitFor()
    await screenshot(page, 'dark-reader')
    await page.locator('[data-testid=article] .article-body .w').nth(3).click()
    await page.getByTestId('word-popover').locator('.popover-head').waitFor()
    await screenshot(page, 'dark-popover')
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: /Importieren/ }).click()
    await page.getByRole('menuitem', { name: 'Text einfügen …' }).click()
    await screenshot(page, 'dark-paste-dialog')
    await page.getByRole('dialog').getByRole('button', { name: 'Abbrechen' }).click()
    await page
      .locator('[data-testid=file-input]')
      .setInputFiles({ name: 'leer.txt', mimeType: 'text/plain', buffer: Buffer.from(' ') })
    await page.locator('.import-report').waitFor()
    await screenshot(page, 'dark-import-report')
    // the switch (in the settings menu) overrides the system, and is remembered
    await page.getByTestId('settings').click()
    await page.getByTestId('theme').selectOption('light')
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light')
    await page.reload()
    await page
      .locator('.import-report, [data-testid=article], [data-testid=article-row]')
      .first()
      .waitFor()
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light')
    await page.getByTestId('settings').click()
    await page.getByTestId('theme').selectOption('system')
    await expect
      .poll(() => page.evaluate(() => document.documentElement.dataset.theme))
      .toBe('dark')
    await page.emulateMedia({ colorScheme: 'light' })
  })

  it('ran without console errors or CSP violations', () => {
    expect(errors).toEqual([])
  })
})
