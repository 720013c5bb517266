/**
 * Marking page furniture in the reader, in real Chromium against browser mode and a real
 * library: the line leaves the article, and an article of the same outlet imported later
 * comes without it.
 */
import { readFileSync } from 'node:fs'
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

beforeAll(async () => {
  app = await startWeb(join(tempDirForSuite(), 'library.sqlite'))
  browser = await launch()
  const context = await browser.newContext({
    locale: 'de-DE',
    viewport: { width: 1280, height: 900 },
  })
  page = await context.newPage()
  errors = watchErrors(page)
  await page.goto(app.url)
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

async function importFile(name: string, text: string) {
  await page.getByRole('button', { name: /Importieren/ }).click()
  await page.locator('[data-testid=file-input]').setInputFiles({
    name,
    mimeType: 'text/plain',
    buffer: Buffer.from(text),
  })
  await page.getByText(/1 importiert/).waitFor()
}

/** The article as read (without the soft hyphens the reader adds for line breaking). */
const articleText = async () =>
  (await page.getByTestId('article').innerText()).replace(/\u00ad/g, '')

describe('page furniture in the reader', () => {
  it('takes a marked line out of the article and remembers it for the outlet', async () => {
    const page1 = readFileSync(join(ROOT, 'tests/fixtures/unseen/regionalzeitung.txt'), 'utf8')
    await importFile('deich.txt', page1)
    await page.locator('.title-cell a', { hasText: 'Wendlingen bekommt einen neuen Deich' }).click()
    await page.getByTestId('article').waitFor()
    expect(await articleText()).toContain('Trockene Füße')

    await page.getByRole('button', { name: 'Aufräumen …' }).click()
    const dialog = page.getByRole('dialog', { name: 'Gehört nicht zum Artikel' })
    await dialog
      .locator('.furniture-line', { hasText: 'Die Bürgerinitiative' })
      .getByRole('button', { name: 'entfernen bei Heidekurier' })
      .click()
    await dialog.getByText('Aus 1 Artikel entfernt. Lesesaal merkt sich das.').waitFor()
    await screenshot(page, 'furniture-dialog')
    await dialog.getByRole('button', { name: 'Schließen' }).click()
    await expect.poll(articleText).not.toContain('Trockene Füße')

    // a later article of the same outlet with the same line comes without it
    await page.getByRole('button', { name: 'Bibliothek', exact: true }).click()
    // another article of the outlet (its own text), with the same line in it
    const body = page1.slice(
      page1.indexOf('Ein Jahr nach dem Hochwasser'),
      page1.indexOf('Die Bürgerinitiative'),
    )
    const page2 = page1
      .replace(
        'Wendlingen bekommt einen neuen Deich – aber erst 2027',
        'Neue Schleuse für Wendlingen',
      )
      .replace(
        body,
        [
          'Die alte Schleuse am Mühlenkanal wird ersetzt. Der Wasserverband hat den Auftrag für den Neubau an eine Firma aus Lüneburg vergeben, die im Herbst beginnen soll.',
          'Während der Bauzeit bleibt der Kanal für Sportboote gesperrt. Die Paddelvereine müssen auf die Wümme ausweichen, was längere Wege bedeutet.',
          'Der Neubau kostet nach den Angaben des Verbands 3,2 Millionen Euro und soll bis zum Frühjahr 2026 fertig sein.',
          '',
        ].join('\n\n'),
      )
    await importFile('schleuse.txt', page2)
    await page.locator('.title-cell a', { hasText: 'Neue Schleuse für Wendlingen' }).click()
    await page.getByTestId('article').waitFor()
    expect(await articleText()).not.toContain('Trockene Füße')
    expect(errors).toEqual([])
  })
})
