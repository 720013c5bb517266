/**
 * The formats pasted text comes in (subtitles, wiki pages, forwarded mails, newsletters,
 * threads of posts) are recognised by their marks; an ordinary text that has one such mark
 * by chance is read as before. The blind cases of each format: import-unseen.test.ts.
 */
import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadParsers } from '../../electron/core/import/parsers'
import { extractText } from '../../electron/core/import/pipeline'
import { MARKDOWN_TEXT, MARKDOWN_TEXT_ARTICLE } from '../helpers/fixtures'

beforeAll(async () => {
  await loadParsers()
})

const article = (text: string) => extractText(text, 'paste').article
const paragraphs = (text: string) => article(text).paragraphs

const PRESS = [
  'Stadt saniert die Brücke am Mühlenweg',
  '',
  'Von: Pressestelle der Stadt Lindenau',
  '',
  'Die Stadt saniert ab Montag die Brücke am Mühlenweg. Für Fußgänger bleibt ein Steg offen, Autos werden über die Bahnhofstraße umgeleitet (Umleitung Bahnhofstraße --> Kirchplatz).',
  '',
  'Fragen beantwortet das Bauamt unter bauamt@lindenau.example oder telefonisch. Die Arbeiten sollen bis zum Herbst dauern [Stand: Mai].',
].join('\n')

describe('pasted formats', () => {
  it('leave an ordinary text with an address, an arrow and brackets as it is', () => {
    const a = article(PRESS)
    // "Von: …" names the sender; it is no headline
    expect(a.title).toBe('Stadt saniert die Brücke am Mühlenweg')
    expect(a.paragraphs.slice(-2)).toEqual([
      'Die Stadt saniert ab Montag die Brücke am Mühlenweg. Für Fußgänger bleibt ein Steg offen, Autos werden über die Bahnhofstraße umgeleitet (Umleitung Bahnhofstraße --> Kirchplatz).',
      'Fragen beantwortet das Bauamt unter bauamt@lindenau.example oder telefonisch. Die Arbeiten sollen bis zum Herbst dauern [Stand: Mai].',
    ])
  })

  it('read WebVTT subtitles as sentences, with a paragraph per speaker', () => {
    const vtt = [
      'WEBVTT',
      '',
      '00:01.000 --> 00:03.000',
      'REPORTER: Der Deich hält.',
      '',
      '00:03.200 --> 00:05.000',
      'Noch in der Nacht haben Helfer',
      '',
      '00:05.200 --> 00:07.000',
      '<i>Sandsäcke gestapelt.</i>',
      '',
      '00:07.200 --> 00:09.000',
      'MEIER: Wir sind erleichtert.',
    ].join('\n')
    expect(paragraphs(vtt)).toEqual([
      'Der Deich hält. Noch in der Nacht haben Helfer Sandsäcke gestapelt.',
      'Wir sind erleichtert.',
    ])
  })

  it('read Markdown pasted from a notes app: headline, notes under it, headings, links', () => {
    const a = article(readFileSync(MARKDOWN_TEXT, 'utf8'))
    const { title, kicker, outlet, published, url, paragraphs, headings } = a
    expect({ title, kicker, outlet, published, url, paragraphs, headings }).toEqual(
      MARKDOWN_TEXT_ARTICLE,
    )
  })

  it('read a read-later app\'s Markdown: its "# " headline over the title it stored, notes out', () => {
    const body = [
      'Der Stadtrat hat am Dienstag neue Parkgebühren für die Innenstadt beschlossen. Eine Stunde kostet künftig zwei Euro.',
      'Anwohner zahlen weniger: Für sie gilt ein eigener Tarif von 30 Euro im Jahr.',
    ]
    const text = [
      '---',
      'title: "Lindenau: Rat beschließt neue Parkgebühren | Lindenauer Bote"',
      'source: "https://www.lindenauer-bote.example/lokales/parkgebuehren"',
      'site_name: "Lindenauer Bote"',
      'date: 2025-01-29',
      '---',
      '',
      '# Rat beschließt neue Parkgebühren',
      '',
      body[0],
      '',
      body[1],
      '',
      '---',
      '',
      'Gespeichert mit Lesestapel am 30.01.2025 um 07:12',
      'Originalartikel: https://www.lindenauer-bote.example/lokales/parkgebuehren',
    ].join('\n')
    const a = article(text)
    expect(a).toMatchObject({
      title: 'Rat beschließt neue Parkgebühren',
      outlet: 'Lindenauer Bote',
      url: 'https://www.lindenauer-bote.example/lokales/parkgebuehren',
      published: '2025-01-29',
      paragraphs: body,
    })
    // without a "# " headline, the stored title without the site's name
    const titled = article(text.replace('# Rat beschließt neue Parkgebühren\n', ''))
    expect(titled.title).toBe('Lindenau: Rat beschließt neue Parkgebühren')
  })

  it('leave a text with one line that begins with "# " as plain text', () => {
    const text = [
      'Rat beschließt neue Parkgebühren',
      '',
      'Der Stadtrat hat am Dienstag neue Parkgebühren für die Innenstadt beschlossen. Eine Stunde kostet künftig zwei Euro.',
      '',
      '# Anwohner zahlen weniger: Für sie gilt ein eigener Tarif von 30 Euro im Jahr, der ab März beantragt werden kann.',
    ].join('\n')
    const a = article(text)
    expect(a.title).toBe('Rat beschließt neue Parkgebühren')
    expect(a.paragraphs.at(-1)).toContain('# Anwohner zahlen weniger')
  })
})
