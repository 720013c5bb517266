/** The line classifier for plain scraped text, and the named rules for teasers and notes. */
import { describe, expect, it } from 'vitest'
import { classifyLine, classifyLines, lineFeatures } from '../../electron/core/import/lineclass'
import type { Line } from '../../electron/core/import/lines'
import {
  isAudioTeaser,
  isContactLine,
  isPaywallTeaser,
  readRepublicationNote,
} from '../../electron/core/import/teasers'

const cls = (text: string) => classifyLine(lineFeatures(text, new Map()))
const lines = (texts: string[]): Line[] => texts.map((text) => ({ text, blankBefore: true }))

describe('the line classifier', () => {
  it('takes menus for furniture, by their shape and their words', () => {
    expect(cls('Politik Wirtschaft Kultur Sport Meinung')).toBe('bad')
    expect(cls('Märkte Aktien Devisen Rohstoffe Nachrichten')).toBe('bad')
    expect(cls('Startseite Mediathek Podcast Newsletter')).toBe('bad')
  })

  it('keeps prose and headlines without function words', () => {
    expect(
      cls(
        'Die Gemeinde hat am Montag beschlossen, die alte Schule zu sanieren, statt sie abzureißen und neu zu bauen, wie es der Bürgermeister vorgeschlagen hatte.',
      ),
    ).toBe('good')
    expect(cls('FC Bayern entlässt Trainer Magath')).not.toBe('bad')
    expect(cls('Starkes Erdbeben erschüttert Mexikos Süden')).not.toBe('bad')
  })

  it('lets a short line between two paragraphs stay, and repeated counters go', () => {
    const prose =
      'Der Landkreis will bis zum Sommer entscheiden, ob die Buslinie über den Bahnhof hinaus verlängert wird, und hat dafür eine Umfrage unter den Fahrgästen in Auftrag gegeben.'
    const r = classifyLines(
      lines([
        prose,
        'Was die Fahrgäste wollen',
        prose.replace('Sommer', 'Herbst'),
        '3 Min',
        '3 Min',
      ]),
      [null, null, null, null, null],
    )
    expect(r.final.slice(0, 3)).toEqual(['good', 'good', 'good'])
    expect(r.final.slice(3)).toEqual(['bad', 'bad'])
  })
})

describe('teasers and notes', () => {
  it.each([
    'Lesen Sie weiter mit Nordblick+',
    'Jetzt 4 Wochen für 0,99 € testen',
    'Danach 9,99 € monatlich, jederzeit kündbar',
    'Sie sind bereits Abonnent? Hier anmelden',
    'Dieser Artikel ist nur für Abonnenten verfügbar.',
    'Küstenbote+',
  ])('recognises %j as a paywall teaser', (line) => expect(isPaywallTeaser(line)).toBe(true))

  it('keeps a sentence about subscriptions', () => {
    expect(
      isPaywallTeaser(
        'Die Zahl der Abonnenten ist im vergangenen Jahr um vier Prozent gesunken, teilte der Verlag mit.',
      ),
    ).toBe(false)
  })

  it.each([
    'Audio starten',
    'Artikel anhören',
    'Diesen Artikel anhören 04:12',
    'Audio: Der Tag in drei Minuten',
  ])('recognises %j as an audio teaser', (line) => expect(isAudioTeaser(line)).toBe(true))

  it('reads republication notes and the outlet they name', () => {
    expect(
      readRepublicationNote(
        'Dieser Artikel erschien zuerst in der Printausgabe des Heidekurier vom 15. März 2024.',
      ),
    ).toBe('Heidekurier')
    expect(readRepublicationNote('Der Text ist zuerst bei Marschblatt Online erschienen.')).toBe(
      'Marschblatt Online',
    )
    expect(readRepublicationNote('Die Zeitung erschien zuerst 1921 als Wochenblatt.')).toBeNull()
  })

  it('recognises the lines of a contact block', () => {
    expect(isContactLine('Telefon 07999 123-456')).toBe(true)
    expect(isContactLine('presse@gruenthal.example')).toBe(true)
    expect(isContactLine('Marktplatz 1, 79999 Grünthal')).toBe(true)
    expect(isContactLine('Die Stadt will den Marktplatz im Sommer sanieren lassen.')).toBe(false)
  })
})
