/**
 * Results tables and lists in scraped plain text: rows of a table ("Eintracht Nordhafen –
 * SV Lindenau 2 : 1 (1 : 0)") are short lines without sentence punctuation, as menus and
 * links to other articles are, but they are the article. The texts are invented; the expected
 * answers were written down before the rules were changed.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { ExtractedArticle } from '../../electron/core/import/extract'
import { loadParsers } from '../../electron/core/import/parsers'
import { extractFile } from '../../electron/core/import/pipeline'

const extract = (text: string): ExtractedArticle =>
  extractFile(Buffer.from(text, 'utf8'), 'spieltag.txt').article

beforeAll(async () => {
  await loadParsers()
})

describe('a results table at the end of the text', () => {
  const football = [
    'Achter Spieltag der Nordliga',
    '',
    'Der achte Spieltag der Nordliga wurde vom 3. bis 5. Oktober ausgetragen. Tabellenführer Eintracht Nordhafen blieb auch im achten Spiel ohne Niederlage.',
    '',
    'Freitag, 3. Oktober 2025',
    '',
    'Eintracht Nordhafen – SV Lindenau 2 : 1 (1 : 0)',
    '',
    'Samstag, 4. Oktober 2025',
    '',
    'FC Moorbach – TuS Helgenfeld 0 : 0',
    'VfR Altwerder – Borussia Kleinsee 3 : 2 (2 : 2)',
    'SC Hafenstadt 04 – Union Deichtal 1:4 (0:1)',
  ].join('\n')

  it('keeps every result and the days above them', () => {
    const a = extract(football)
    expect(a.title).toBe('Achter Spieltag der Nordliga')
    expect(a.paragraphs).toEqual([
      'Der achte Spieltag der Nordliga wurde vom 3. bis 5. Oktober ausgetragen. Tabellenführer Eintracht Nordhafen blieb auch im achten Spiel ohne Niederlage.',
      'Freitag, 3. Oktober 2025',
      'Eintracht Nordhafen – SV Lindenau 2 : 1 (1 : 0)',
      'Samstag, 4. Oktober 2025',
      'FC Moorbach – TuS Helgenfeld 0 : 0',
      'VfR Altwerder – Borussia Kleinsee 3 : 2 (2 : 2)',
      'SC Hafenstadt 04 – Union Deichtal 1:4 (0:1)',
    ])
    // the days head their results; a result is no heading
    expect(a.headings).toEqual([1, 3])
    // a match day inside the text is not the day the article was published
    expect(a.published).toBeNull()
  })

  it('keeps pairings without scores and rows written "Team 2 - Team 1"', () => {
    const fixtures = extract(
      [
        'Die Paarungen des neunten Spieltags',
        '',
        'Am kommenden Wochenende stehen in der Nordliga gleich drei Derbys an, darunter das Spiel der beiden Aufsteiger aus dem Kreis Deichtal.',
        '',
        'Union Deichtal - SC Hafenstadt 04',
        'Borussia Kleinsee - FC Moorbach',
        'TuS Helgenfeld - Eintracht Nordhafen',
      ].join('\n'),
    )
    expect(fixtures.paragraphs.slice(1)).toEqual([
      'Union Deichtal - SC Hafenstadt 04',
      'Borussia Kleinsee - FC Moorbach',
      'TuS Helgenfeld - Eintracht Nordhafen',
    ])
    const hockey = extract(
      [
        'Eishockey: Die Ergebnisse vom Dienstag',
        '',
        'Nach der langen Pause wegen der Länderspiele ist die Liga am Dienstagabend mit vier Partien in die zweite Saisonhälfte gestartet.',
        '',
        'Falken\t2  - Wölfe\t5',
        'Bären\t3 - Adler\t2',
        'Luchse 1 - Haie 4',
        'Steinböcke 6 - Dachse 0',
      ].join('\n'),
    )
    expect(hockey.paragraphs).toHaveLength(5)
    expect(hockey.paragraphs.join('\n')).toContain('Steinböcke 6 - Dachse 0')
  })
})

describe('furniture that looks like a table row', () => {
  it('still drops a breadcrumb, a share bar and links to other articles', () => {
    const a = extract(
      [
        'Startseite - Sport - Fußball',
        '',
        'Nordhafen bleibt Tabellenführer',
        '',
        'Eintracht Nordhafen hat auch das achte Spiel der Saison nicht verloren. Gegen den SV Lindenau gewann die Mannschaft am Freitagabend mit 2:1, das Siegtor fiel erst in der Nachspielzeit.',
        '',
        'Teilen - Drucken - Merken',
        '',
        'Mehr zum Thema',
        'Lindenau trennt sich von Trainer Meyer',
        'Neues Flutlicht für das Stadion am Deich',
      ].join('\n'),
    )
    expect(a.title).toBe('Nordhafen bleibt Tabellenführer')
    expect(a.paragraphs).toEqual([
      'Eintracht Nordhafen hat auch das achte Spiel der Saison nicht verloren. Gegen den SV Lindenau gewann die Mannschaft am Freitagabend mit 2:1, das Siegtor fiel erst in der Nachspielzeit.',
    ])
  })

  it('keeps a date line at the end as the date when no row follows it', () => {
    const a = extract(
      [
        'Neue Fähre für die Inselkinder',
        '',
        'Die Kinder der Hallig fahren ab Montag mit einer neuen Fähre zur Schule. Die alte war nach mehr als vierzig Jahren nicht mehr zu reparieren.',
        '',
        'Stand: 14.03.2025 18:42 Uhr',
      ].join('\n'),
    )
    expect(a.published).toBe('2025-03-14')
    expect(a.paragraphs).toHaveLength(1)
  })
})

describe('numbers with per cent signs', () => {
  it('keeps an election result and drops a ticker above the headline', () => {
    const a = extract(
      [
        'DAX 18.100,20 +0,3 %',
        'Gold 2.150,10 -0,1 %',
        'Gemeinderat Lindenau: Die Grünen gewinnen deutlich',
        '',
        'Bei der Wahl zum Gemeinderat haben die Grünen am Sonntag mehr als acht Prozentpunkte hinzugewonnen, die Wahlbeteiligung stieg auf 61 Prozent.',
        '',
        'CDU: 31,4 % (2019: 35,0 %)',
        'Grüne: 24,9 % (2019: 16,7 %)',
        'SPD: 18,2 % (2019: 21,3 %)',
        'Freie Wähler Lindenau und Umgebung e. V.: 12,5 % (2019: 14,0 %)',
      ].join('\n'),
    )
    expect(a.title).toBe('Gemeinderat Lindenau: Die Grünen gewinnen deutlich')
    expect(a.paragraphs).toHaveLength(5)
    expect(a.paragraphs.join('\n')).toContain('SPD: 18,2 % (2019: 21,3 %)')
    expect(a.paragraphs.join('\n')).not.toContain('DAX')
  })
})

describe('a short line with a time between two paragraphs', () => {
  it('is a subheading of the text, not a counter', () => {
    const a = extract(
      [
        'Kreistag beschließt neuen Nahverkehrsplan',
        '',
        'Der Kreistag hat am Mittwoch in einer langen Sitzung über den Nahverkehr, die Schulen und den Haushalt des kommenden Jahres beraten und die meisten Vorlagen angenommen.',
        '',
        'Beschlüsse bis 12:00 Uhr',
        '',
        'Zuerst stimmten die Abgeordneten dem neuen Nahverkehrsplan zu, der ab dem Sommer einen Stundentakt auf allen Buslinien des Kreises vorsieht, auch am Wochenende.',
      ].join('\n'),
    )
    expect(a.paragraphs).toHaveLength(3)
    expect(a.paragraphs[1]).toBe('Beschlüsse bis 12:00 Uhr')
    expect(a.headings).toEqual([1])
  })
})
