/** Metadata on pages nobody wrote rules for: dates in German forms, authors and agencies, outlets. */
import { beforeAll, describe, expect, it } from 'vitest'
import { readBroadcastNote, outletName } from '../../electron/core/import/bylines'
import { readDateLine } from '../../electron/core/import/dates'
import { extractArticle } from '../../electron/core/import/extract'
import { hostName } from '../../electron/core/import/html/metadata'
import { loadParsers } from '../../electron/core/import/parsers'
import { extractText } from '../../electron/core/import/pipeline'
import { plainTextLines } from '../../electron/core/import/plaintext'
import {
  readAgencyLine,
  readAuthorLine,
  readCopyrightHolder,
} from '../../electron/core/import/rules'

beforeAll(() => loadParsers())

const BODY = [
  'Der Stadtrat hat am Dienstagabend den Haushalt für das kommende Jahr beschlossen, nach einer langen Debatte über die Kosten der neuen Schwimmhalle.',
  'Die Opposition stimmte geschlossen dagegen und kündigte an, die Pläne im Frühjahr erneut zur Abstimmung zu stellen.',
]
const article = (before: string[], after: string[] = []) =>
  extractText([...before, '', ...BODY, '', ...after].join('\n\n'), 'txt').article

describe('dates in the forms German pages print them', () => {
  it.each([
    ['Stand: 02.10.2023 21:15 Uhr', '2023-10-02'],
    ['Veröffentlicht am 05.06.2024 | Aktualisiert am 06.06.2024', '2024-06-05'],
    ['14.03.2024, 18:42 Uhr', '2024-03-14'],
    ['Aktualisiert am 06.06.2024, 09:12 Uhr', '2024-06-06'],
    ['Nachricht vom 21.11.2024 | 10:42', '2024-11-21'],
    ['Pressemitteilung vom 11.03.2025', '2025-03-11'],
    ['Freitag, 14. März 2025, 18:42 Uhr', '2025-03-14'],
  ])('reads %j', (line, date) => {
    expect(readDateLine(line)?.date).toBe(date)
  })

  it('reads a date with its update and reading time beside it', () => {
    expect(readDateLine('18.09.2024 Aktualisiert: 19.09.2024 Lesezeit: 6 Min.')?.date).toBe(
      '2024-09-18',
    )
    expect(readDateLine('Ausgabe: 14.03.1998, Seite 7')?.date).toBe('1998-03-14')
    // an issue named in a sentence is no date line
    expect(readDateLine('Ausgabe 3/2008 des Blattes; Bericht samt Gegendarstellung')).toBeNull()
  })

  it("reads an archive's source line and drops it", () => {
    const a = article(
      ['Hafen wird saniert', 'Von Hinrich Tammena'],
      ['Quelle: Marschbote, 14.03.1998, Lokales, S. 7'],
    )
    expect(a).toMatchObject({ outlet: 'Marschbote', published: '1998-03-14', paragraphs: BODY })
  })

  it("reads a feed's name over the text, a relative time, a programme and an author's note", () => {
    const a = article(
      [
        'Lauterbrück Online – Lokales',
        'Haushalt beschlossen',
        'vor 3 Stunden · 4 Min. Lesezeit',
        'Ein Beitrag von Jana Wilkens und Tobias Brede',
        'Sendung: Regionalmagazin „Westland am Abend“ vom 04.02.2025 19:30 Uhr',
      ],
      [
        'Jana Wilkens ist Redakteurin im Ressort Region. Sie berichtet über den Stadtrat.',
        'Mehr Infos',
        'Fehler gefunden? Jetzt melden.',
      ],
    )
    expect(a).toMatchObject({
      title: 'Haushalt beschlossen',
      kicker: null,
      outlet: 'Lauterbrück Online',
      author: 'Jana Wilkens und Tobias Brede',
      published: '2025-02-04',
      paragraphs: BODY,
    })
  })

  it('takes a separator alone on its line in its stride ("·" between a byline\'s parts)', () => {
    const a = article(['Haushalt beschlossen', '·', '7 Min. Lesezeit', '·', '3. März 2025'])
    expect(a).toMatchObject({ title: 'Haushalt beschlossen', published: '2025-03-03' })
    expect(a.paragraphs).toEqual(BODY)
  })

  it('takes a row with a date between the headline and the text as metadata, whatever its labels', () => {
    const a = article(['Haushalt beschlossen', 'Online seit 18.09.2024, 08:12 Uhr, Lokalteil'])
    expect(a).toMatchObject({ title: 'Haushalt beschlossen', published: '2024-09-18' })
    expect(a.paragraphs).toEqual(BODY)
  })

  it("reads a municipality's document: its name, its title over the agenda, the minute-taker", () => {
    const text = [
      'Gemeinde Lindweiler',
      '',
      'Niederschrift über die Sitzung des Gemeinderates',
      '',
      BODY[0],
      '',
      'TOP 1 Beratung und Beschluss über den Haushalt 2025',
      '',
      BODY[1],
      '',
      'Schriftführung: Katrin Ohlsen',
    ].join('\n\n')
    const a = extractText(text, 'txt').article
    expect(a).toMatchObject({
      outlet: 'Gemeinde Lindweiler',
      title: 'Niederschrift über die Sitzung des Gemeinderates',
      author: 'Katrin Ohlsen',
    })
    expect(a.paragraphs).toEqual([
      BODY[0],
      'TOP 1 Beratung und Beschluss über den Haushalt 2025',
      BODY[1],
    ])
  })

  it('does not read a sentence with a date as a date line', () => {
    expect(readDateLine('Am 14.03.2024 hat der Stadtrat über den Haushalt beraten.')).toBeNull()
  })

  it('takes the publication date, not the update, and not a date in the text', () => {
    const a = article([
      'Haushalt beschlossen',
      'Aktualisiert am 06.06.2024',
      'Veröffentlicht am 05.06.2024',
    ])
    expect(a.published).toBe('2024-06-05')
    expect(a.paragraphs).toEqual(BODY)
  })

  it('reads the author written after the date: "… · Von Jonas Feldkamp"', () => {
    const a = article([
      'Haushalt beschlossen',
      'Veröffentlicht: 18.04.2024, 20:05 Uhr · Von Jonas Feldkamp',
    ])
    expect(a.author).toBe('Jonas Feldkamp')
    expect(a.published).toBe('2024-04-18')
  })
})

describe('authors and agencies', () => {
  it('reads bylines in several casings', () => {
    expect(readAuthorLine('Von Anna Lindqvist')).toBe('Anna Lindqvist')
    expect(readAuthorLine('VON Tilda Brenner')).toBe('Tilda Brenner')
    expect(readAuthorLine('von Stefan Kramer')).toBe('Stefan Kramer')
    expect(readAuthorLine('Von den Bergen kommt kalte Luft.')).toBeNull()
  })

  it('reads "… mit Material von dpa" as initials and agencies', () => {
    expect(readAgencyLine('rst/mis mit Material von dpa')).toBe('rst/mis/dpa')
    expect(readAgencyLine('Mit Material von dpa und AFP')).toBe('dpa/AFP')
    expect(readAgencyLine('mit Material der Nachrichtenagentur Reuters')).toBe('Reuters')
    expect(readAgencyLine('mit Material von Augenzeugen')).toBeNull()
  })

  it('reads the programme a broadcaster names', () => {
    expect(
      readBroadcastNote(
        'Über dieses Thema berichtete Weserland Aktuell am 02.10.2023 um 19:30 Uhr.',
      ),
    ).toBe('Weserland Aktuell')
    const a = article(
      ['Haushalt beschlossen'],
      ['Über dieses Thema berichtete Radio Marsch im Abendmagazin am 3. Mai 2024.'],
    )
    expect(a.author).toBe('Radio Marsch')
    expect(a.paragraphs).toEqual(BODY)
  })
})

describe('the outlet', () => {
  it('comes from a copyright line, without the legal form', () => {
    expect(readCopyrightHolder('© Heidekurier Verlag GmbH 2024')).toBe('Heidekurier')
    expect(readCopyrightHolder('© 2024 Balkongrün · Stolz präsentiert von WordPress')).toBe(
      'Balkongrün',
    )
    expect(readCopyrightHolder('© TSV Eichenau 1921 e.V. | Impressum')).toBe('TSV Eichenau 1921')
    expect(outletName('Nordblick Medien GmbH & Co. KG')).toBe('Nordblick')
    // a publisher's name joined by a hyphen, and its seat after the legal form
    expect(
      readCopyrightHolder(
        '© Marschbote-Verlag GmbH & Co. KG, Brakenfeld. Alle Rechte vorbehalten.',
      ),
    ).toBe('Marschbote')
  })

  it('comes from the site name the page repeats when it has no copyright line', () => {
    const a = article(
      ['Marschbote', 'Haushalt beschlossen'],
      ['Mehr Nachrichten im Marschbote am Sonntag'],
    )
    expect(a.outlet).toBe('Marschbote')
    expect(a.title).toBe('Haushalt beschlossen')
  })

  it('comes from the address as a last resort', () => {
    expect(hostName('https://www.heidekurier.example/lokales/deich')).toBe('heidekurier.example')
    expect(hostName('kein Link')).toBeNull()
  })
})

describe('titles scored, not taken from the first line', () => {
  it('skips the site name, the menu and a bookmark button', () => {
    const a = article([
      'Westküstenblatt',
      'Politik Wirtschaft Kultur Sport Meinung',
      'Artikel merken',
      'Haushalt mit knapper Mehrheit beschlossen',
    ])
    expect(a.title).toBe('Haushalt mit knapper Mehrheit beschlossen')
    expect(a.removed.map((r) => r.text)).toEqual(
      expect.arrayContaining(['Politik Wirtschaft Kultur Sport Meinung', 'Artikel merken']),
    )
  })

  it('takes a headline that ends in a question mark', () => {
    const lines = plainTextLines(['Wird die Schwimmhalle zu teuer?', '', ...BODY].join('\n\n'))
    expect(extractArticle(lines, {}, { classify: true }).title).toBe(
      'Wird die Schwimmhalle zu teuer?',
    )
  })
})
