/** Each cleanup rule and metadata reader, on short self-written lines. */
import { beforeAll, describe, expect, it } from 'vitest'
import { loadParsers } from '../../electron/core/import/parsers'
import { readCommentHeader } from '../../electron/core/import/comments'
import { findDate, readDateLine } from '../../electron/core/import/dates'
import { extractArticle } from '../../electron/core/import/extract'
import { plainTextLines } from '../../electron/core/import/plaintext'
import {
  endsWithCredit,
  isConsentOrBanner,
  isCopyrightOrFooter,
  isGalleryFurniture,
  isNavigation,
  isPageFurniture,
  isPhotoCredit,
  isShareOrRating,
  readAgencyLine,
  readAuthorLine,
  readCopyrightHolder,
} from '../../electron/core/import/rules'

beforeAll(() => loadParsers())

const BODY = [
  'Berlin (dpa) - Der Bundestag hat am Donnerstag über den neuen Haushalt beraten und nach langer Debatte einen Kompromiss gefunden.',
  'Die Opposition kritisierte die Pläne der Regierung scharf und kündigte an, vor das Verfassungsgericht zu ziehen.',
  'Eine Entscheidung über die Details soll nun in den Ausschüssen fallen, wie ein Sprecher am Abend mitteilte.',
]

/** Runs the whole extractor on a page made of `before`, the body, and `after`. */
function clean(before: string[], after: string[] = []) {
  return extractArticle(
    plainTextLines([...before, '', ...BODY.flatMap((p) => [p, '']), ...after].join('\n')),
  )
}

describe('navigation and page furniture', () => {
  it.each([
    '1. Startseite',
    '  2. Politik',
    'Logo',
    'Startseite > Politik > Ausland',
    'Home | Politik | Wirtschaft | Sport',
    'Zurück zur Startseite',
    'TOP',
  ])('recognises %j as navigation', (line) => expect(isNavigation(line.trim())).toBe(true))
  it.each(['Sie sind hier:', 'Datum:', 'Beitragslänge:', '2 min', 'Lesezeit: 4 Min.', 'Anzeige'])(
    'recognises %j as page furniture',
    (line) => expect(isPageFurniture(line)).toBe(true),
  )
  it('keeps a subheading that happens to be a section name inside the text', () => {
    const a = extractArticle(
      plainTextLines(
        [
          'Titel der Meldung über den Haushalt',
          '',
          BODY[0],
          '',
          'Wirtschaft',
          '',
          BODY[1],
          '',
          BODY[2],
        ].join('\n'),
      ),
    )
    expect(a.paragraphs).toContain('Wirtschaft')
  })
  it('removes breadcrumbs above the title and keeps the title', () => {
    const a = clean(['1. Startseite', '2. Politik', 'Logo', 'Bundestag einigt sich auf Haushalt'])
    expect(a.title).toBe('Bundestag einigt sich auf Haushalt')
    expect(a.paragraphs).toEqual(BODY)
  })
})

describe('photo credits and captions', () => {
  it.each([
    'Foto: Max Mustermann/dpa',
    'Alexa Beispiel/ Nordbild/ AP',
    'Bild: Getty Images',
    '(Foto: picture alliance)',
    'Getty Images',
    'Jan Probe/Reuters',
  ])('recognises %j as a credit', (line) => expect(isPhotoCredit(line)).toBe(true))
  it.each(['Kanzler/Vizekanzler streiten', 'Die Regierung will sparen.', 'dpa'])(
    'does not take %j for a photo credit',
    (line) => expect(isPhotoCredit(line)).toBe(false),
  )
  it('recognises a caption that ends in its credit', () => {
    expect(endsWithCredit('Die Ministerin vor dem Rathaus. Foto: Ina Test/dpa')).toBe(true)
    expect(endsWithCredit('Die Quelle des Streits ist der Haushalt.')).toBe(false)
  })
  it('removes a caption together with the credit below it', () => {
    const a = clean([
      'Haushalt beschlossen',
      '',
      'Die Abgeordneten bei der Abstimmung im Plenarsaal',
      'Ina Test/ Nordbild/ AP',
    ])
    expect(a.paragraphs).toEqual(BODY)
    expect(a.removed.map((r) => r.rule)).toEqual(
      expect.arrayContaining(['caption', 'photo_credit']),
    )
  })
  it('removes a caption that the page repeats, both times', () => {
    const caption = 'Die Abgeordneten bei der Abstimmung im Plenarsaal am Donnerstag.'
    const a = clean(['Haushalt beschlossen', '', caption, caption, 'Dpa'])
    expect(a.paragraphs).toEqual(BODY)
    expect(a.removed.filter((r) => r.rule === 'caption_repeated')).toHaveLength(2)
    // "Dpa" under a caption is the photo's credit, not the article's author
    expect(a.author).toBe('dpa')
  })
  it('removes an image gallery of titled captions', () => {
    const a = clean([
      'Haushalt beschlossen',
      'Abstimmung',
      'Die Abgeordneten stimmen ab. Foto: Ina Test/dpa',
      'Jubel',
      'Die Koalition freut sich über das Ergebnis. Foto: Tom Probe/AP',
      'Bild 2 von 2',
    ])
    expect(a.paragraphs).toEqual(BODY)
    expect(a.removed.map((r) => r.rule)).toEqual(
      expect.arrayContaining(['gallery_title', 'caption', 'gallery']),
    )
  })
  it.each(['Bilder des Tages', 'Bildergalerie', 'Bild 3 von 12', '1/12', 'Fotostrecke'])(
    'recognises %j as gallery furniture',
    (line) => expect(isGalleryFurniture(line)).toBe(true),
  )
})

describe('banners, share bars and footers', () => {
  it.each([
    'Damit wir sehen, wie Leser unsere Webseite nutzen, setzen wir Cookies ein. Hier können Sie widersprechen.',
    'Jetzt die Tagesblick App herunterladen und nichts verpassen!',
    'Die Startseite wurde neu geladen. Jetzt ansehen.',
    'Hier geht es zum Kinderbereich: Mit einem Kinderprofil sehen Sie nur geprüfte Sendungen.',
    'Alle akzeptieren',
    'Diesen Hinweis ausblenden.',
  ])('recognises %j as a banner', (line) => expect(isConsentOrBanner(line)).toBe(true))

  it('keeps a news sentence about a website', () => {
    expect(
      isConsentOrBanner(
        'Die Startseite wurde aktualisiert, nachdem Unbekannte das Ministerium angegriffen hatten und Daten verschwanden.',
      ),
    ).toBe(false)
  })

  it('keeps a news sentence about cookie law', () => {
    expect(
      isConsentOrBanner(
        'Der Europäische Gerichtshof hat die Regeln für Cookies auf Webseiten verschärft.',
      ),
    ).toBe(false)
    expect(
      isConsentOrBanner('Sie brauchen nur eine Garantie für ihre Sicherheit, sagte der Präsident.'),
    ).toBe(false)
  })

  it.each([
    'Teilen',
    'Facebook Twitter WhatsApp E-Mail',
    'Gemerkt! Merken beendet Bewertet! Bewertung entfernt',
    'Jetzt Newsletter abonnieren',
    'War dieser Artikel hilfreich?',
  ])('recognises %j as share or rating furniture', (line) =>
    expect(isShareOrRating(line)).toBe(true),
  )

  it.each([
    '© Tagesblick 2025',
    'Alle Rechte vorbehalten',
    'Nachdruck nur mit Genehmigung',
    'Impressum | Datenschutz | Kontakt',
    'Copyright (c) 2024 Nordwest-Echo',
  ])('recognises %j as a copyright footer', (line) => expect(isCopyrightOrFooter(line)).toBe(true))

  it('reads the outlet from the copyright line', () => {
    expect(readCopyrightHolder('© Tagesblick 2025')).toBe('Tagesblick')
    expect(readCopyrightHolder('Copyright (c) 2024 Nordwest-Echo. Alle Rechte vorbehalten.')).toBe(
      'Nordwest-Echo',
    )
    expect(readCopyrightHolder('© dpa')).toBeNull() // an agency credit, not an outlet
  })

  it('takes everything after the text away and keeps the outlet', () => {
    const a = clean(
      ['Haushalt beschlossen'],
      [
        'Teilen',
        'Facebook Twitter',
        '© Nordwest-Echo 2025',
        'Alle Rechte vorbehalten',
        'Impressum | Datenschutz',
      ],
    )
    expect(a.paragraphs).toEqual(BODY)
    expect(a.outlet).toBe('Nordwest-Echo')
  })
})

describe('related-article links', () => {
  it('removes a "Mehr zum Thema" list', () => {
    const a = clean(
      ['Haushalt beschlossen'],
      [
        'Mehr zum Thema',
        'Koalition streitet über Schuldenbremse',
        'Was der Haushalt für Familien bedeutet',
      ],
    )
    expect(a.paragraphs).toEqual(BODY)
  })
  it('removes headlines that trail the text without a label', () => {
    const a = clean(
      ['Haushalt beschlossen'],
      ['Koalition streitet über Schuldenbremse', '', 'Was der Haushalt für Familien bedeutet'],
    )
    expect(a.paragraphs).toEqual(BODY)
    expect(a.removed.filter((r) => r.rule === 'related_links')).toHaveLength(2)
  })

  it('ends a pasted "Lesen Sie auch: …" at its own line: the subheading under it stays', () => {
    const a = extractArticle(
      plainTextLines(
        [
          'Haushalt beschlossen',
          '',
          BODY[0],
          '',
          'Lesen Sie auch: Koalition streitet über Schuldenbremse',
          '',
          'Opposition will klagen',
          '',
          BODY[1],
          '',
          BODY[2],
        ].join('\n'),
      ),
    )
    expect(a.paragraphs).toEqual([BODY[0], 'Opposition will klagen', BODY[1], BODY[2]])
    expect(a.headings).toEqual([1])
  })
})

describe('metadata', () => {
  it.each([
    ['25.04.2019', '2019-04-25'],
    ['25.4.2019', '2019-04-25'],
    ['25. April 2019', '2019-04-25'],
    ['3. Febr. 2025', null],
    ['2019-04', '2019-04'],
    ['2019-04-25T10:15:00+02:00', '2019-04-25'],
    ['April 2019', '2019-04'],
    ['31.02.2019', null],
  ])('reads the date %j as %j', (text, date) => expect(findDate(text)?.date ?? null).toBe(date))

  it('reads date lines with labels, weekdays, times and places', () => {
    expect(readDateLine('Stand: 25.04.2019, 14:03 Uhr')?.date).toBe('2019-04-25')
    expect(readDateLine('Donnerstag, 25. April 2019')?.date).toBe('2019-04-25')
    expect(readDateLine('Berlin, 3. Februar 2025')?.date).toBe('2025-02-03')
    expect(readDateLine('date 2019-04 ⓒKBS News')).toMatchObject({
      date: '2019-04',
      rest: 'ⓒKBS News',
    })
    expect(
      readDateLine('Am 25. April 2019 trafen sich die Minister in Berlin zu Gesprächen.'),
    ).toBeNull()
  })

  it('never takes a date from running text', () => {
    const a = clean(['Haushalt beschlossen'])
    expect(a.published).toBeNull()
    const b = extractArticle(
      plainTextLines(
        [
          'Haushalt beschlossen',
          '',
          'Am 25. April 2019 trafen sich die Minister in Berlin und berieten lange.',
        ].join('\n'),
      ),
    )
    expect(b.published).toBeNull()
  })

  it.each([
    ['dpa', 'dpa'],
    ['asc/AFP/dpa', 'asc/AFP/dpa'],
    ['(AFP)', 'AFP'],
    ['rtr/dpa', 'rtr/dpa'],
  ])('reads the agency line %j', (line, agency) => expect(readAgencyLine(line)).toBe(agency))

  it('does not read ordinary words as an agency', () => {
    expect(readAgencyLine('Berlin')).toBeNull()
    expect(readAgencyLine('und/oder')).toBeNull()
  })

  it('reads bylines', () => {
    expect(readAuthorLine('Von Katrin Albers')).toBe('Katrin Albers')
    expect(readAuthorLine('Ein Kommentar von Anna Beck, Brüssel')).toBe('Anna Beck')
    expect(readAuthorLine('Von Montag an gilt die neue Regel.')).toBeNull()
  })

  it('reads the dateline and takes its agency as the author', () => {
    const a = clean(['Haushalt beschlossen'])
    expect(a.dateline).toBe('Berlin')
    expect(a.author).toBe('dpa')
    expect(a.paragraphs[0]).toMatch(/^Berlin \(dpa\) - /) // the dateline stays in the text
  })

  it('prefers a byline over the agency', () => {
    const a = clean(['Haushalt beschlossen', 'Von Jana Ott', '25.04.2019'])
    expect(a.author).toBe('Jana Ott')
    expect(a.published).toBe('2019-04-25')
  })

  it('splits a kicker line from the headline below it', () => {
    const a = clean(['Streit im Bundestag', 'Koalition einigt sich auf Haushalt'])
    expect(a.kicker).toBe('Streit im Bundestag')
    expect(a.title).toBe('Koalition einigt sich auf Haushalt')
  })

  it('makes a title from the first sentence when the text has none', () => {
    const a = extractArticle(plainTextLines(BODY.join('\n\n')))
    expect(a.title.length).toBeLessThanOrEqual(110)
    expect(BODY[0]).toContain(a.title.replace(/ …$/, ''))
  })
})

describe('reader comments', () => {
  it.each([
    ['leser_aus_kiel 14.03.2025', { author: 'leser_aus_kiel', posted: '2025-03-14' }],
    ['Hansjürgen K. | 14.03.2025, 18:02', { author: 'Hansjürgen K.', posted: '2025-03-14' }],
    [
      'ostseekind schrieb am 14.03.2025 um 9:12 Uhr:',
      { author: 'ostseekind', posted: '2025-03-14' },
    ],
    ['Kommentar von Jana O. am 14.03.2025', { author: 'Jana O.', posted: '2025-03-14' }],
  ])('reads the comment header %j', (line, header) =>
    expect(readCommentHeader(line)).toEqual(header),
  )

  it('splits comments off, keeps them, and stops at the footer', () => {
    const a = clean(
      ['Haushalt beschlossen'],
      [
        'jkl/dpa',
        '3 Kommentare',
        'nordlicht 25.04.2019',
        '1. Endlich',
        'Gut so.',
        'Mia B. 25.04.2019',
        'Das sehe ich anders.',
        'Zweite Zeile.',
        '© Nordwest-Echo 2025',
      ],
    )
    expect(a.paragraphs).toEqual(BODY)
    expect(a.author).toBe('jkl/dpa')
    expect(a.comments).toEqual([
      { author: 'nordlicht', posted: '2019-04-25', title: 'Endlich', text: 'Gut so.' },
      {
        author: 'Mia B.',
        posted: '2019-04-25',
        title: null,
        text: 'Das sehe ich anders.\nZweite Zeile.',
      },
    ])
    expect(a.outlet).toBe('Nordwest-Echo')
  })

  it('reads comments whose name and date stand on two lines, under a comment marker', () => {
    const a = clean(
      ['Haushalt beschlossen'],
      [
        'Kommentare (12)',
        'Neueste zuerst',
        'Heinz_R.',
        '13.11.2024, 07:48 Uhr',
        'Das hätte man früher wissen können.',
        'Antworten',
        'Sabine Kolbeck',
        '12.11.2024, 19:12 Uhr',
        'Ich bin gespannt, was die Ausschüsse daraus machen.',
      ],
    )
    expect(a.paragraphs).toEqual(BODY)
    expect(a.comments.map((c) => [c.author, c.posted, c.text])).toEqual([
      ['Heinz_R.', '2024-11-13', 'Das hätte man früher wissen können.'],
      ['Sabine Kolbeck', '2024-11-12', 'Ich bin gespannt, was die Ausschüsse daraus machen.'],
    ])
  })

  it('does not take teasers with an author over a date for comments', () => {
    // no comment marker above them: other articles, listed with their author and date
    const a = clean(
      ['Haushalt beschlossen', 'Von Jana Hollerbach | 12.11.2024, 06:15 Uhr'],
      ['Lena Brandt', '11.11.2024', 'Peter Roth', '10.11.2024'],
    )
    expect(a.comments).toEqual([])
    expect(a.author).toBe('Jana Hollerbach')
    expect(a.paragraphs).toEqual(expect.arrayContaining(BODY))
  })

  it('does not take a date line in the header for a comment', () => {
    const a = clean(['Haushalt beschlossen', 'Berlin, 25.04.2019'])
    expect(a.comments).toEqual([])
    expect(a.published).toBe('2019-04-25')
  })
})

describe('hard-wrapped text', () => {
  // (one long line among twenty no longer marks a text as unwrapped: these rows would join)
  it("keeps a table's rows apart in a text whose lines look wrapped", () => {
    const rows = [
      'Eintracht Nordhafen - SV Lindenau 3:0 (1:0)',
      'FC Deichtal - Union Marschbrück 2:1 (1:0)',
      'TuS Kleihörn - VfL Sielhafen 1:1 (0:1)',
      'SC Wiederhusen - SpVgg Brakenfeld 0:2 (0:0)',
      'Germania Priel - Blau-Weiß Warften 4:1 (2:0)',
      'FSV Haffland - SG Kutterhafen 1:0 (0:0)',
      'Rot-Weiß Sielmönken - TSV Grodenhörn 2:2 (1:2)',
      'SV Deichhausen - FC Wattenbüll 0:1 (0:1)',
      'VfB Marschhausen - Concordia Fleet 3:3 (2:1)',
      'Holstein Kleihafen - SC Wurtenau 1:2 (1:1)',
      'SpVgg Sandwehr - TuS Gödenhörn 2:0 (0:0)',
      'FC Halligbrück - Eintracht Warfen 0:0 (0:0)',
      'SV Brakenhörn - Union Deichwerder 3:1 (1:1)',
      'TSV Kleimarsch - FC Nordsiel 1:4 (0:2)',
      'Blau-Gelb Prielhafen - SC Marschwerder 2:1 (2:0)',
      'VfL Wattenhörn - SV Groden 0:3 (0:1)',
      'Eintracht Siel - FSV Warfenbüll 1:1 (1:0)',
      'SG Deichbrück - TuS Fleethörn 2:3 (1:1)',
      'Union Haffwerder - VfB Sandhörn 4:0 (3:0)',
      'SC Kutterwerder - FC Wurtensiel 1:0 (1:0)',
    ]
    const text = [
      'Der zwölfte Spieltag',
      '',
      'Hier stehen die Ergebnisse des Spieltags, mit dem Stand zur Halbzeit in Klammern.',
      '',
      'Samstag, 5. November:',
      '',
      ...rows,
      '',
      'Am zwölften Spieltag hat Nordhafen die Tabellenführung ausgebaut, weil die Konkurrenz aus Lindenau und Deichtal an diesem Wochenende gleichermaßen Punkte liegen ließ und nun zurückliegt.',
    ].join('\n')
    expect(extractArticle(plainTextLines(text)).paragraphs).toEqual(expect.arrayContaining(rows))
  })

  it('keeps a rule line, a copyright line and a line wider than the column apart', () => {
    const wrapped = [
      'Der kleine Hafen bekommt eine neue Spundwand. Das hat der Rat am',
      'Donnerstagabend nach einer langen Sitzung mit großer Mehrheit',
      'beschlossen. Die Kosten werden auf rund zwei Millionen geschätzt.',
      '',
      'Die Fischer sehen die Pläne mit gemischten Gefühlen, weil sie',
      'während der Bauzeit in einen anderen Hafen ausweichen müssen.',
      '',
      '------------------------------------------------------------',
      'Quelle: Marschbote, 14.03.1998, Lokales, S. 7',
      '© Marschbote-Verlag GmbH & Co. KG, Brakenfeld. Alle Rechte vorbehalten.',
      'Vervielfältigung nur mit Genehmigung des Verlags.',
    ].join('\n')
    const a = extractArticle(plainTextLines(`Hafen wird saniert\n\n${wrapped}`))
    expect(a.paragraphs).toHaveLength(2)
    expect(a.paragraphs[1]).toMatch(/ausweichen müssen\.$/)
    expect(a.outlet).toBe('Marschbote')
  })

  it('joins wrapped lines and re-joins words split at the line end', () => {
    const text = [
      'Leserbrief zur Verkehrspolitik',
      '',
      'Noch vor einer Woche hatte der zuständige Landesverkehrs-',
      'minister versprochen, dass die Straßenbahn während der Bauarbeiten',
      'im normalen Takt fährt. Davon konnte in der vergangenen Woche keine',
      'Rede sein, und viele Fahrgäste standen im Regen.',
      '',
      'Ich bitte die Verantwortlichen, früher und ehrlicher zu informieren,',
      'damit sich Pendlerinnen und Pendler auf die Sperrungen einstellen können.',
    ].join('\n')
    const a = extractArticle(plainTextLines(text))
    expect(a.paragraphs).toHaveLength(2)
    expect(a.paragraphs[0]).toMatch(
      /zuständige Landesverkehrsminister versprochen, dass die Straßenbahn während der Bauarbeiten im normalen Takt/,
    )
  })
  it('joins a lead wrapped by hand among unwrapped paragraphs, but not a list without bullets', () => {
    const long = (s: string) =>
      `${s} ${'Die Bauarbeiten dauern nach Angaben der Stadt bis in den Spätsommer.'.repeat(2)}`
    const text = [
      'Neue Deichlinie für Sielhafen',
      '',
      'Nach dem Beschluss des Kreistags baut das Amt für Küstenschutz und Gewässer',
      '(AKG) ab März eine zweite Deichlinie vor dem Ortsteil Neufeld.',
      '',
      long('Die Anwohner waren vorab informiert worden.'),
      '',
      'Der Kreistag verlangt vom Amt dazu die folgenden Unterlagen:',
      'Lagepläne der neuen Deichlinie und der Zufahrten für die Baufahrzeuge',
      'alle Gutachten zur Standfestigkeit des Untergrunds im Vorland',
      'die Kostenschätzung nach Bauabschnitten',
      '',
      long('Eine Entscheidung über den dritten Abschnitt fällt im Herbst.'),
    ].join('\n')
    const a = extractArticle(plainTextLines(text))
    expect(a.title).toBe('Neue Deichlinie für Sielhafen')
    expect(a.paragraphs[0]).toBe(
      'Nach dem Beschluss des Kreistags baut das Amt für Küstenschutz und Gewässer (AKG) ab März eine zweite Deichlinie vor dem Ortsteil Neufeld.',
    )
    expect(a.paragraphs).toEqual(
      expect.arrayContaining([
        'alle Gutachten zur Standfestigkeit des Untergrunds im Vorland',
        'die Kostenschätzung nach Bauabschnitten',
      ]),
    )
  })
})
