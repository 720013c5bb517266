/**
 * The glossary popover, own terms, the glossary page and dictionary import in real Chromium
 * against browser mode: the learner's side of the reader.
 */
import { copyFileSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from '../helpers/fixtures'
import { launch, screenshot, startWeb, watchErrors, type WebApp } from './browser'
import { tempDirForSuite } from './tmp'

let app: WebApp
let browser: Browser
let page: Page
let errors: string[]
let dictionary: string

beforeAll(async () => {
  const dir = tempDirForSuite()
  // a dictionary "on this computer" for the app to offer (the hand-written Ding fixture)
  dictionary = join(dir, 'de-en')
  copyFileSync(join(ROOT, 'tests/fixtures/lexicon/mini.ding'), dictionary)
  app = await startWeb(join(dir, 'library.sqlite'), ['--dictionary', dictionary])
  browser = await launch()
  const context = await browser.newContext({
    locale: 'de-DE',
    viewport: { width: 1100, height: 760 },
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

const popover = () => page.getByTestId('word-popover')
const word = (w: string) => page.locator(`[data-testid=article] .w[data-word="${w}"]`).first()

/** The popover is inside the window and does not cover the word it explains. */
async function expectBesideWord(w: string) {
  const a = (await word(w).boundingBox())!
  const b = (await popover().boundingBox())!
  const view = page.viewportSize()!
  expect(b.x).toBeGreaterThanOrEqual(0)
  expect(b.y).toBeGreaterThanOrEqual(0)
  expect(b.x + b.width).toBeLessThanOrEqual(view.width)
  expect(b.y + b.height).toBeLessThanOrEqual(view.height)
  const overlaps =
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
  expect(overlaps).toBe(false)
}

describe('the glossary popover', () => {
  it('explains a compound on click: article, plural, gloss, parts, occurrences', async () => {
    await word('Sicherheitsgarantien').click()
    await expect
      .poll(() => popover().locator('.popover-head').innerText())
      .toMatch(/^die Sicherheitsgarantie/)
    const text = await popover().innerText()
    expect(text).toContain('Pl. Sicherheitsgarantien')
    expect(text).toContain('security guarantee')
    expect(await popover().locator('.parts button').allInnerTexts()).toEqual([
      'Sicherheit',
      'Garantie',
    ])
    expect(await popover().locator('.parts .link-element').innerText()).toBe('s')
    expect(text).toMatch(/Kommt in 3 Artikeln Ihrer Bibliothek vor/)
    await expectBesideWord('Sicherheitsgarantien')
    await screenshot(page, 'popover')
  })

  it('looks up a compound part, and Escape closes with the focus back on the word', async () => {
    await popover().getByRole('button', { name: 'Garantie' }).click()
    await expect.poll(() => popover().locator('.popover-head').innerText()).toMatch(/^die Garantie/)
    await page.keyboard.press('Escape')
    await expect.poll(() => popover().count()).toBe(0)
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.word)).toBe(
      'Sicherheitsgarantien',
    )
  })

  it('moves through the words with the arrow keys and opens with Enter', async () => {
    await page.keyboard.press('ArrowRight')
    const next = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.word)
    expect(next).toBe('gingen')
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.press('Enter')
    await expect
      .poll(() => popover().locator('.popover-head').innerText())
      .toMatch(/Sicherheitsgarantie/)
    await page.keyboard.press('Escape')
  })

  it('previews a word on hover after a short delay, and hides it when the pointer leaves', async () => {
    await word('Gipfeltreffens').hover()
    expect(await popover().count()).toBe(0) // not at once
    await expect
      .poll(() => popover().locator('.popover-head').innerText())
      .toMatch(/^das Gipfeltreffen/)
    expect(await popover().getAttribute('class')).not.toContain('pinned')
    await expectBesideWord('Gipfeltreffens')
    await page.mouse.move(2, 400)
    await expect.poll(() => popover().count()).toBe(0)
    // the page scrolls under a pointer at rest over the text: the words passing under it are
    // not pointed at (the wheel, a jump to a highlight)
    const box = (await word('Gipfeltreffens').boundingBox())!
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    await expect.poll(() => popover().count()).toBe(1)
    await page.keyboard.press('Escape')
    await expect.poll(() => popover().count()).toBe(0)
    await page.evaluate(() => window.scrollBy(0, 40))
    await page.waitForTimeout(900)
    expect(await popover().count()).toBe(0)
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.mouse.move(2, 400)
  })

  it('marks glossary terms subtly, multi-word terms as one', async () => {
    const terms = page.locator('[data-testid=article] .w.term')
    expect(await terms.count()).toBeGreaterThan(5)
    const eu = page.locator('[data-testid=article] .w.term[data-term="Europäische Union"]')
    expect(await eu.count()).toBe(2)
    await eu.first().click()
    await expect
      .poll(() => popover().locator('.popover-head').innerText())
      .toMatch(/^die Europäische Union/)
    await page.keyboard.press('Escape')
  })

  it('explains a separable verb from its sentence', async () => {
    // "Norwegen nahm als Gast an den Beratungen teil und …"
    await word('nahm').click()
    await expect.poll(() => popover().locator('.popover-head').innerText()).toMatch(/^teilnehmen/)
    expect(await popover().innerText()).toContain('Trennbares Verb, hier: nahm … teil')
    await screenshot(page, 'popover-separable')
    await page.keyboard.press('Escape')
  })

  it('keeps a note on a word', async () => {
    await word('Delegationen').click()
    const note = popover().getByPlaceholder('Notiz zu diesem Wort …')
    await note.fill('Delegation: aus dem Lateinischen')
    await popover().locator('.popover-head').click() // leaving the field saves the note
    await page.keyboard.press('Escape')
    await word('Delegationen').click()
    await expect
      .poll(() => popover().getByPlaceholder('Notiz zu diesem Wort …').inputValue())
      .toBe('Delegation: aus dem Lateinischen')
    await page.keyboard.press('Escape')
  })
})

describe('own terms and the glossary page', () => {
  it('adds an unknown word as an own term from the popover', async () => {
    await page.getByRole('button', { name: 'Zur Bibliothek' }).click()
    await page.locator('[data-testid=article-row]', { hasText: 'Kabelschutz' }).first().waitFor()
    await page.locator('[data-testid=article-row]', { hasText: 'Radio Bernstein' }).click()
    await word('Ostseeanrainer').click()
    await expect.poll(() => popover().innerText()).toContain('steht in keinem Wörterbuch')
    await popover().getByRole('button', { name: 'Als eigenen Begriff anlegen' }).click()
    const editor = page.getByTestId('term-editor')
    await editor.getByLabel('Artikel').selectOption('m')
    await editor.getByRole('textbox', { name: 'Plural' }).fill('Ostseeanrainer')
    await editor.getByLabel('Bedeutung (Englisch)').fill('country on the Baltic Sea')
    await editor.getByLabel('Erklärung (Deutsch)').fill('Ein Staat mit Küste an der Ostsee.')
    // Tab stays in the dialog: from its last button round to its first field
    await editor.getByRole('button', { name: 'Speichern' }).focus()
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => !!document.activeElement?.closest('[role=dialog]'))).toBe(true)
    await editor.getByRole('button', { name: 'Speichern' }).click()
    // the word the popover was for has the focus again
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.word))
      .toBe('Ostseeanrainer')
    // the word is marked now, and the popover explains it as the user wrote it
    await expect
      .poll(() => page.locator('.w.term[data-word="Ostseeanrainer"]').count())
      .toBeGreaterThan(0)
    await word('Ostseeanrainer').click()
    await expect.poll(() => popover().innerText()).toContain('country on the Baltic Sea')
    expect(await popover().locator('.popover-head').innerText()).toMatch(/^der Ostseeanrainer/)
    expect(await popover().innerText()).toContain('Eigener Begriff')
    await page.keyboard.press('Escape')
  })

  it('lists, filters and exports all terms, and deletes an own one', async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'Glossar' }).click()
    await page.getByRole('heading', { name: 'Glossar' }).waitFor()
    const rows = page.locator('[data-testid=glossary-table] tbody tr')
    await expect.poll(() => rows.count()).toBe(100) // first page of more than 300 terms
    expect(await page.getByRole('status').first().innerText()).toMatch(/^\d{3} Begriffe$/)
    // own terms first
    expect(await rows.first().innerText()).toContain('Ostseeanrainer')
    await page.getByLabel('Begriffe filtern').fill('Sanktion')
    await expect
      .poll(async () => (await rows.allInnerTexts()).join('\n'))
      .toContain('Wirtschaftssanktion')
    await screenshot(page, 'glossary')
    await page.getByLabel('Quelle').selectOption('user')
    await page.getByLabel('Begriffe filtern').fill('')
    await expect.poll(() => rows.count()).toBe(1)
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Als CSV exportieren' }).click(),
    ])
    const csv = readFileSync((await download.path())!, 'utf8')
    // BOM: spreadsheets read UTF-8; the headers in the UI's language
    expect(csv.split('\n')[0]).toMatch(/^\ufeffStichwort,Wortart,Genus,Plural,/)
    expect(csv).toContain('Ostseeanrainer,noun,m,Ostseeanrainer,')
    page.once('dialog', (d) => void d.accept())
    await rows.first().getByRole('button', { name: 'Löschen' }).click()
    await expect.poll(() => page.getByText('Keine Begriffe gefunden.').count()).toBe(1)
  })

  it('offers the dictionary on this computer and imports it with progress', async () => {
    await page.getByLabel('Quelle').selectOption('dict')
    const banner = page.getByRole('note')
    await expect.poll(() => banner.innerText()).toContain(dictionary)
    await banner.getByRole('button', { name: 'Jetzt importieren' }).click()
    // the import runs in a worker thread, which starts with the first job
    await expect
      .poll(() => page.locator('.dictionaries').innerText(), { timeout: 20_000 })
      .toContain(
        '(trans-de-en) importiert – Einträge: 31, Formen: 32, übersprungene fehlerhafte Zeilen: 3.',
      )
    await expect.poll(() => banner.count()).toBe(0) // offered only while it is not imported
    expect(await page.getByTestId('dict-progress').count()).toBe(0)
    await expect
      .poll(async () =>
        (await page.locator('[data-testid=glossary-table] tbody tr').allInnerTexts()).join('\n'),
      )
      .toContain('Waffenstillstand')
    await screenshot(page, 'glossary-dictionary')
  })

  it('imports a dictionary file chosen by the user', async () => {
    await page.getByTestId('dict-file').setInputFiles({
      name: 'eigenes-woerterbuch.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(
        'Lotse {m} | Lotsen {pl} :: pilot | pilots\nLotsenboot {n} | Lotsenboote {pl} :: pilot boat | pilot boats\nkaputt\n',
      ),
    })
    await expect
      .poll(() => page.locator('.dictionaries').innerText(), { timeout: 20_000 })
      .toContain(
        'eigenes-woerterbuch.txt importiert – Einträge: 2, Formen: 2, übersprungene fehlerhafte Zeilen: 1.',
      )
  })

  it('says so when a file is no dictionary, and keeps what was imported', async () => {
    await page.getByTestId('dict-file').setInputFiles({
      name: 'foto.png',
      mimeType: 'image/png',
      buffer: Buffer.from('\x89PNG\r\n\x1a\nnot a dictionary at all'),
    })
    await expect
      .poll(() => page.getByRole('alert').innerText())
      .toContain('Das ist kein Wörterbuch im Ding-Format')
    expect(await page.locator('.dictionaries li').count()).toBe(2)
  })

  it('explains names as names and long separable clauses as one verb', async () => {
    await page.goto(app.url)
    await page.getByRole('button', { name: /Importieren/ }).click()
    await page.getByRole('menuitem', { name: 'Text einfügen …' }).click()
    const dialog = page.getByRole('dialog')
    await dialog
      .getByLabel('Artikeltext')
      .fill(
        [
          'Treffen an der Grenze',
          '',
          'Nordkoreas Machthaber Kim Jong Un traf am Morgen den früheren Kanzler Christian Kern.',
          '',
          'Die Delegationen lehnten den Vorschlag nach langen Beratungen mit den Vermittlern in der Hauptstadt ab.',
          '',
          'Kern sagte am Abend, der Kern des Streits sei die Frage der Sanktionen.',
        ].join('\n'),
      )
    await dialog.getByRole('button', { name: 'Importieren' }).click()
    const row = page.locator('.import-report li', { hasText: 'Treffen an der Grenze' })
    await row.getByRole('button', { name: 'Öffnen' }).click()
    await page.locator('.article-title', { hasText: 'Treffen an der Grenze' }).waitFor()
    // "Un" is part of a name, not the UN
    await expect.poll(() => word('Un').getAttribute('class')).toBe('w')
    await word('Un').click()
    await expect.poll(() => popover().locator('.popover-head').innerText()).toMatch(/^Kim Jong Un/)
    expect(await popover().locator('.pos').innerText()).toBe('Name')
    expect(await popover().innerText()).not.toContain('United Nations')
    await screenshot(page, 'popover-name')
    await page.keyboard.press('Escape')
    // the separable verb across a long clause, from the verb
    await word('lehnten').click()
    await expect.poll(() => popover().locator('.popover-head').innerText()).toMatch(/^ablehnen/)
    expect(await popover().innerText()).toContain('Trennbares Verb, hier: lehnten … ab')
    await screenshot(page, 'popover-separable-long')
    await page.keyboard.press('Escape')
    // "Kern" alone in a later paragraph is the name introduced earlier
    const kern = page.locator('[data-testid=article] .w[data-word="Kern"]')
    await kern.nth(1).click()
    await expect
      .poll(() => popover().locator('.popover-head').innerText())
      .toMatch(/^Christian Kern/)
    await page.keyboard.press('Escape')
  })

  it('ran without console errors or CSP violations', () => {
    expect(errors).toEqual([])
  })
})
