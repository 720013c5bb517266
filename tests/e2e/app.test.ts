/**
 * The app in real Chromium against browser mode and a real SQLite library: first start,
 * import through the UI, the library, the reader.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FIXTURES, readSample } from '../helpers/fixtures'
import { tempDirForSuite } from './tmp'
import { launch, screenshot, startWeb, watchErrors, type WebApp } from './browser'

let app: WebApp
let browser: Browser
let context: BrowserContext
let page: Page
let errors: string[]

beforeAll(async () => {
  app = await startWeb(join(tempDirForSuite(), 'library.sqlite'))
  browser = await launch()
  context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 860 } })
  page = await context.newPage()
  errors = watchErrors(page)
  await page.goto(app.url)
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

const rows = () => page.locator('[data-testid=article-row]')

describe('Lesesaal in Chromium', () => {
  it('shows the sample library on first start, in German', async () => {
    await expect.poll(() => rows().count()).toBe(4)
    expect(await page.locator('h1').first().innerText()).toMatch(/Bibliothek\s+4 Artikel/)
    const outlets = await page.locator('[data-testid=article-row] td.outlet-cell').allInnerTexts()
    expect(outlets.sort()).toEqual([
      'Hanse-Kurier',
      'Mitteldeutsche Rundschau',
      'Radio Bernstein',
      'Tagesblick',
    ])
    // the token left the address bar once the page had it
    expect(page.url()).not.toContain('token=')
    expect(existsSync(await screenshot(page, 'library'))).toBe(true)
  })

  it('imports a file through the file picker and lists it', async () => {
    await page.getByRole('button', { name: /Importieren/ }).click()
    await expect.poll(() => page.getByRole('menuitem').count()).toBe(3)
    await page.locator('[data-testid=file-input]').setInputFiles(join(FIXTURES, 'latin1.txt'))
    await page.getByText('1 importiert, 0 schon vorhanden, 0 fehlgeschlagen').waitFor()
    await expect.poll(() => rows().count()).toBe(5)
    expect(
      await page
        .locator('.title-cell a', {
          hasText: 'Bürgerbüro in der Köpenicker Straße ändert Öffnungszeiten',
        })
        .count(),
    ).toBe(1)
  })

  it('recognises a duplicate and reports a broken file among good ones', async () => {
    await page
      .locator('[data-testid=file-input]')
      .setInputFiles([
        join(FIXTURES, 'tagesblick.txt'),
        join(FIXTURES, 'binary.txt'),
        join(FIXTURES, 'pasted-letters.txt'),
      ])
    await page.getByText('1 importiert, 1 schon vorhanden, 1 fehlgeschlagen').waitFor()
    const failed = page.locator('.import-report li.failed')
    expect(await failed.innerText()).toMatch(/binary\.txt\s+Das ist keine Textdatei\./)
    await expect.poll(() => rows().count()).toBe(6)
    await screenshot(page, 'import-report')
  })

  it('imports a dropped file', async () => {
    const text = readFileSync(join(FIXTURES, 'notes.md'), 'utf8')
    await page.evaluate((content) => {
      const dt = new DataTransfer()
      dt.items.add(new File([content], 'notizen.md', { type: 'text/markdown' }))
      window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt }))
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt }))
    }, text)
    await expect.poll(() => rows().count()).toBe(7)
    expect(
      await page.locator('.title-cell a', { hasText: 'Vokabelnotizen zum Ostsee-Gipfel' }).count(),
    ).toBe(1)
  })

  it('opens an article and reads clean text with its metadata', async () => {
    await page
      .locator('.title-cell a', { hasText: 'Ostsee-Gipfel in Rostock: Einigung beim Kabelschutz' })
      .click()
    const article = page.locator('[data-testid=article]')
    await article.waitFor()
    expect(await article.getAttribute('lang')).toBe('de')
    expect(await page.locator('.article-title').innerText()).toBe(
      'Ostsee-Gipfel in Rostock: Einigung beim Kabelschutz, Streit ums Geld',
    )
    expect(await page.locator('.article-meta').innerText()).toMatch(
      /Tagesblick.*14\. März 2025.*Von jkl\/AFP\/dpa/s,
    )
    const paragraphs = (await page.locator('.article-body > *').allInnerTexts()).map((t) =>
      t.replace(/\u00ad/g, ''),
    )
    expect(paragraphs).toEqual(readSample('02-tagesblick.md').paragraphs)
    expect(await page.locator('.article-body h2').allInnerTexts()).toEqual([
      'Streit um 1,2 Milliarden Euro',
    ])
    expect(await screenshot(page, 'reader')).toBeTruthy()
  })

  it('shows reader comments of an imported page collapsed below the text', async () => {
    await page.getByRole('button', { name: /Zur Bibliothek/ }).click()
    const page_ = [
      'Startseite > Region',
      'Fähre nach Gedser fährt wieder nach Plan',
      '',
      'Rostock (dpa) - Nach drei Wochen Werftaufenthalt ist die Fähre zwischen Rostock und Gedser wieder im Einsatz. Die Reederei rechnet mit vollen Schiffen über Ostern.',
      '',
      'Fahrgäste sollten dennoch früh buchen, weil am Wochenende nur zwei Abfahrten angeboten werden.',
      '',
      '2 Kommentare',
      'seebaer 02.04.2025',
      '1. Endlich',
      'Wir haben die Fähre sehr vermisst.',
      'Nordlicht_77 02.04.2025',
      'Zwei Abfahrten sind zu wenig.',
      '© Nordwest-Echo 2025',
    ].join('\n')
    await page
      .locator('[data-testid=file-input]')
      .setInputFiles({ name: 'faehre.txt', mimeType: 'text/plain', buffer: Buffer.from(page_) })
    // the report of this import (an earlier one says "1 importiert" too)
    const row = page.locator('.import-report li', {
      hasText: 'Fähre nach Gedser fährt wieder nach Plan',
    })
    await row.waitFor()
    expect(await page.locator('.import-report .summary').innerText()).toBe(
      '1 importiert, 0 schon vorhanden, 0 fehlgeschlagen',
    )
    await row.getByRole('button', { name: 'Öffnen' }).click()
    await page
      .locator('.article-title', { hasText: 'Fähre nach Gedser fährt wieder nach Plan' })
      .waitFor()
    expect((await page.locator('.article-body').innerText()).replace(/\u00ad/g, '')).not.toMatch(
      /seebaer|Kommentare|Nordwest-Echo 2025|Startseite/,
    )
    const comments = page.locator('[data-testid=comments]')
    expect(await comments.locator('summary').innerText()).toBe('2 Leserkommentare')
    expect(await comments.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false)
    expect(await comments.locator('.comment').first().isVisible()).toBe(false)
    await comments.locator('summary').click()
    await comments.locator('.comment').first().waitFor()
    expect(await comments.locator('.comment-author').allInnerTexts()).toEqual([
      'seebaer',
      'Nordlicht_77',
    ])
    await comments.scrollIntoViewIfNeeded()
    await screenshot(page, 'reader-comments')
  })

  it('sets German text for reading: hyphenation, a readable line length, adjustable size', async () => {
    const p = page.locator('.article-body p').first()
    const style = await p.evaluate((el) => {
      const cs = getComputedStyle(el)
      return {
        hyphens: cs.hyphens,
        fontSize: parseFloat(cs.fontSize),
        width: el.getBoundingClientRect().width,
        text: el.textContent ?? '',
      }
    })
    expect(style.hyphens).toBe('auto')
    expect(style.text).toContain('\u00ad') // soft hyphens for engines without German dictionaries
    // about 60–75 characters a line
    const charsPerLine = style.width / (style.fontSize * 0.5)
    expect(charsPerLine).toBeGreaterThan(55)
    expect(charsPerLine).toBeLessThan(80)
    await page.getByRole('button', { name: 'Schrift vergrößern' }).click()
    expect(await p.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThan(
      style.fontSize,
    )
  })

  it('cleans a pasted text', async () => {
    await page.getByRole('button', { name: /Importieren/ }).click()
    await page.getByRole('menuitem', { name: 'Text einfügen …' }).click()
    const dialog = page.getByRole('dialog')
    await dialog
      .getByLabel('Artikeltext')
      .fill(
        [
          'Startseite > Lokales',
          '',
          'Neue Radwege am Stadthafen',
          '',
          'Die Stadt baut bis zum Sommer zwei neue Radwege entlang des Stadthafens und schließt damit eine Lücke im Netz.',
          '',
          'Foto: Ina Test/dpa',
          '',
          'Teilen',
          '© Nordwest-Echo 2025',
        ].join('\n'),
      )
    await screenshot(page, 'paste-dialog')
    await dialog.getByRole('button', { name: 'Importieren' }).click()
    const row = page.locator('.import-report li', { hasText: 'Neue Radwege am Stadthafen' })
    await row.waitFor()
    expect(await page.locator('.import-report .summary').innerText()).toBe(
      '1 importiert, 0 schon vorhanden, 0 fehlgeschlagen',
    )
    await row.getByRole('button', { name: 'Öffnen' }).click()
    await page.locator('.article-title', { hasText: 'Neue Radwege am Stadthafen' }).waitFor()
    expect((await page.locator('.article-body').innerText()).replace(/\u00ad/g, '')).toBe(
      'Die Stadt baut bis zum Sommer zwei neue Radwege entlang des Stadthafens und schließt damit eine Lücke im Netz.',
    )
    expect(await page.locator('.article-meta').innerText()).toContain('Nordwest-Echo')
  })

  it('searches as you type, German-aware, and opens a hit with the matches marked', async () => {
    await page.keyboard.press('Control+k')
    await page.keyboard.type('Sicherheitsgarantie', { delay: 20 })
    const hits = page.locator('[data-testid=search-hit]')
    await expect.poll(() => hits.count()).toBeGreaterThanOrEqual(2)
    // inflected and compound forms, marked as they are written
    const marked = await page.locator('.hit-snippet mark').allInnerTexts()
    expect(marked.length).toBeGreaterThanOrEqual(2)
    for (const m of marked) expect(m).toMatch(/^Sicherheitsgarantie(n)?$/)
    await screenshot(page, 'search')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await page.locator('[data-testid=article]').waitFor()
    await expect
      .poll(() => page.locator('[data-testid=article] mark').count())
      .toBeGreaterThanOrEqual(1)
    expect(
      (await page.locator('[data-testid=article] mark.current').innerText()).replace(/\u00ad/g, ''),
    ).toMatch(/Sicherheitsgarantie/)
    expect(await page.getByTestId('find-count').innerText()).toMatch(/^1 von \d+$/)
    await screenshot(page, 'reader-search')
  })

  it('finds words in the article with the find box', async () => {
    await page.keyboard.press('Control+f')
    const box = page.getByTestId('find-input')
    await box.fill('Ostsee Kabel')
    const current = page.locator('[data-testid=article] mark.current')
    await expect
      .poll(async () => (await current.innerText()).replace(/\u00ad/g, ''))
      .toMatch(/Ostsee|Kabel/)
    expect(await page.getByTestId('find-count').innerText()).toMatch(/^1 von [2-9]/)
    await box.press('Enter')
    expect(await page.getByTestId('find-count').innerText()).toMatch(/^2 von/)
  })

  it('switches to English and keeps it after a reload', async () => {
    await page.getByRole('button', { name: 'EN', exact: true }).click()
    await page.getByRole('button', { name: /Back to the results/ }).click()
    await page.getByRole('heading', { name: /Search/ }).waitFor()
    await page.getByRole('navigation').getByRole('button', { name: 'Library' }).click()
    await page.getByRole('heading', { name: /Library/ }).waitFor()
    await page.reload()
    await page.getByRole('heading', { name: /Library\s+9 articles/ }).waitFor()
    await screenshot(page, 'library-en')
  })

  it('keeps the library controls in place when an outlet has a name as long as a headline', async () => {
    const outlet =
      'Stadtanzeiger für Bergheim, Kerpen, Frechen und Pulheim – Nachrichten aus dem Rhein-Erft-Kreis'
    const text = `---\ntitle: Neue Radwege am Kanal\noutlet: ${outlet}\npublished: 2025-05-02\n---\n\nDer Kreis baut bis zum Herbst zwei neue Radwege entlang des Kanals. Die Arbeiten beginnen im Juni.\n`
    await page.getByRole('button', { name: /Import/ }).click()
    await page
      .locator('[data-testid=file-input]')
      .setInputFiles({ name: 'radwege.md', mimeType: 'text/markdown', buffer: Buffer.from(text) })
    await page.getByRole('heading', { name: /Library\s+10 articles/ }).waitFor()
    await expect
      .poll(() =>
        page.locator('[data-testid=outlet-filter] option', { hasText: 'Stadtanzeiger' }).count(),
      )
      .toBe(1)
    const table = (await page.locator('.article-table').boundingBox())!
    const outlets = (await page.getByTestId('outlet-filter').boundingBox())!
    const sort = (await page.getByTestId('sort').boundingBox())!
    // the fields stay beside the heading and inside the table's width
    expect(sort.x + sort.width).toBeLessThanOrEqual(table.x + table.width + 1)
    expect(Math.abs(outlets.y - sort.y)).toBeLessThan(2)
    expect(outlets.width).toBeLessThanOrEqual(262)
    await screenshot(page, 'library-long-outlet')
  })

  it('ran without console errors or CSP violations', () => {
    expect(errors).toEqual([])
  })
})
