/**
 * Every text is accepted (issue 12): a text of one paragraph, of one line, without a title,
 * is imported, with a title from its first sentence. One-paragraph texts about browsers,
 * apps or data protection were refused as "no article text", because the banner rules
 * counted their words as cookie-banner signals and took the whole text away.
 */
import { describe, expect, it } from 'vitest'
import { isConsentOrBanner, isShareOrRating } from '../../electron/core/import/rules'
import { call, testCore } from '../helpers/core'
import { longParagraph } from '../helpers/german'

// Written for this test: prose that names web things the way news does.
const TECH =
  'Der neue Browser des Konzerns soll im Herbst erscheinen, die App für Telefone folgt im Winter. ' +
  'Datenschützer kritisieren, dass die Software mehr Daten sammelt als nötig; der Hersteller ' +
  'verweist auf seine Datenschutzerklärung und auf einen Newsletter, der über Änderungen informiert. ' +
  'Die Bewertung im Handel liegt bei vier Sternen, in Foren sammelten Nutzer dagegen Sterne für die ' +
  'schlechteste Neuerung des Jahres.'

const SHORT_APP =
  'Die App wurde kaum genutzt. Wegen der geringen Nachfrage stellt der Verkehrsverbund die ' +
  'Fahrplan-App nach drei Jahren ein, die App habe die Erwartungen nicht erfüllt. Stattdessen soll ' +
  'die Auskunft in der Stadtwerke-App ausgebaut werden.'

describe('texts of one paragraph', () => {
  it('imports a pasted one-paragraph text of 30,000 characters with a title from its first sentence', async () => {
    const core = testCore()
    const text = `${TECH} ${longParagraph(30_000)}`
    expect(text.length).toBeGreaterThan(30_000)
    expect(text).not.toContain('\n')
    const r = await call(core, 'import.text', { text })
    expect(r.error).toBeNull()
    expect(r.id).toBeGreaterThan(0)
    expect(r.title).toBe(
      'Der neue Browser des Konzerns soll im Herbst erscheinen, die App für Telefone folgt im Winter',
    )
    const article = await call(core, 'article.get', { id: r.id! })
    expect(article.paragraphs).toHaveLength(1)
    expect(article.paragraphs[0]!.length).toBeGreaterThan(30_000)
  })

  it('imports the same text as a file', async () => {
    const core = testCore()
    const data = Buffer.from(`${TECH} ${longParagraph(30_000, 3)}\n`).toString('base64')
    const { results } = await call(core, 'import.files', {
      files: [{ name: 'ein-absatz.txt', data }],
    })
    expect(results[0]).toMatchObject({ error: null, duplicateOf: null })
    expect(results[0]!.title).toMatch(/^Der neue Browser des Konzerns/)
  })

  it('imports a short paragraph that the banner rules read as an app banner', async () => {
    const core = testCore()
    const r = await call(core, 'import.text', { text: SHORT_APP })
    expect(r.error).toBeNull()
    expect(r.title).toBe('Die App wurde kaum genutzt')
    const article = await call(core, 'article.get', { id: r.id! })
    expect(article.paragraphs).toEqual([SHORT_APP])
  })

  it('imports the same two sentences as one paragraph or as two', async () => {
    const core = testCore()
    const one = await call(core, 'import.text', { text: SHORT_APP })
    const two = await call(core, 'import.text', {
      text: SHORT_APP.replace('genutzt. ', 'genutzt.\n\n'),
    })
    expect(one.id).toBeGreaterThan(0)
    // the same text, whatever its paragraphs: the library has it already
    expect(two).toMatchObject({ id: null, duplicateOf: one.id })
  })

  it('imports a text of one line without a full stop, its title the line itself', async () => {
    const core = testCore()
    const line = 'Heute Abend tagt der Ortsbeirat im Gemeindesaal zum neuen Spielplatz'
    const r = await call(core, 'import.text', { text: line })
    expect(r).toMatchObject({ error: null, title: line })
  })

  it('still refuses a text without words, with a reason', async () => {
    const core = testCore()
    const r = await call(core, 'import.text', { text: '— — —' })
    expect(r.id).toBeNull()
    expect(r.error?.code).toBe('no_text')
  })
})

describe('banner rules and long prose', () => {
  it('does not take a long paragraph about browsers and apps for a banner', () => {
    expect(isConsentOrBanner(TECH)).toBe(false)
    expect(isShareOrRating(TECH)).toBe(false)
  })

  it('still recognises a banner that speaks to the reader', () => {
    expect(
      isConsentOrBanner(
        'Wir nutzen Cookies, damit unsere Webseite funktioniert. Mit einem Klick auf „Einverstanden“ stimmen Sie zu.',
      ),
    ).toBe(true)
  })
})

describe('datelines', () => {
  it('reads "Breslau (Wroclaw) –" as a place with its other name, not as the author', async () => {
    const core = testCore()
    const r = await call(core, 'import.text', {
      text:
        'Neue Brücke über die Oder eröffnet\n\n' +
        'Breslau (Wroclaw) – Nach vier Jahren Bauzeit ist die neue Brücke über die Oder für den Verkehr freigegeben worden. ' +
        'Die Stadt rechnet mit deutlich kürzeren Wegen zwischen den Stadtteilen.',
    })
    const a = await call(core, 'article.get', { id: r.id! })
    expect(a.author).toBeNull()
    expect(a.dateline).toBe('Breslau (Wroclaw)')
  })

  it('still takes the agency of "Görlitz (dpa) –" as the author', async () => {
    const core = testCore()
    const r = await call(core, 'import.text', {
      text:
        'Grenzbrücke wieder offen\n\n' +
        'Görlitz (dpa) – Die Altstadtbrücke zwischen Görlitz und Zgorzelec ist nach der Sanierung wieder offen. ' +
        'Fußgänger können die Neiße ab sofort wieder überqueren.',
    })
    const a = await call(core, 'article.get', { id: r.id! })
    expect(a).toMatchObject({ author: 'dpa', dateline: 'Görlitz' })
  })
})
