/**
 * Property-based tests of the extractor (fast-check): texts and pages put together from the
 * pieces real pages are made of (bylines, dates, separators, labels, comment headers, tables,
 * Markdown marks, sentences) in any order. Whatever comes, an import either gives an article
 * or refuses with one sentence (a UserError); it never fails with an unexpected problem. A
 * separator alone on its line ("·") once did: no reader of metadata may assume text between
 * separators.
 */
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { UserError } from '../../shared/result'
import { loadParsers } from '../../electron/core/import/parsers'
import { extractText } from '../../electron/core/import/pipeline'

const RUNS = process.env.LESESAAL_FAULTS === 'full' ? 3000 : 300

beforeAll(() => loadParsers())

/** Pieces of pages: furniture, metadata and text, as they stand on a line. */
const PIECES = [
  '·',
  '|',
  '–',
  '…',
  '[…]',
  '»',
  '* * *',
  '-----',
  '=====',
  '---',
  'title: Rat tagt',
  'Von Jana Ott',
  'Von Katrin Sommer und Tobias Reuter 16.03.2025, 23:05 Uhr 3 Min. Lesezeit',
  'Autorin Corinne Baum',
  'Ein Beitrag von Jana Wilkens',
  '12.03.2025',
  'Stand: 02.10.2023 21:15 Uhr',
  '18.09.2024 Aktualisiert: 19.09.2024 Lesezeit: 6 Min.',
  'Ausgabe: 14.03.1998, Seite 7',
  'Ausgabe 2/2025 – März/April',
  'vor 3 Stunden · 4 Min. Lesezeit',
  'Sendung: Magazin „Abend“ vom 04.02.2025 19:30 Uhr',
  'Quelle: Marschbote, 14.03.1998, Lokales, S. 7',
  '© Marschbote-Verlag GmbH & Co. KG, Brakenfeld. Alle Rechte vorbehalten.',
  'Powered by Forumwerk® Software © Forumwerk Limited',
  'Lauterbrück Online – Lokales',
  'Veröffentlicht in',
  'Nur für Mitglieder',
  'Kommentare (12)',
  'Antworten',
  'Melden',
  'Heinz_R.',
  '13.11.2024, 07:48 Uhr',
  'leser_aus_kiel 14.03.2025',
  'Lesen Sie auch: Neue Buslinie startet',
  'Mehr zum Thema',
  'Hintergrund',
  'Termine',
  'So, 16.03. 10:00 Uhr Gottesdienst in Hausen',
  'Kontakt',
  'Tel. 07585 931240',
  'E-Mail: pfarramt@example.org',
  'Wissenschaftliche Ansprechpartner:',
  'Originalpublikation:',
  'Liebe Leserinnen und Leser,',
  'Ihr Redaktionsteam',
  'Anzeige',
  'Werbung · Pubblicità',
  'Umfrage: Was halten Sie davon?',
  'Ja Nein Weiß nicht',
  'Foto: dpa',
  'Berlin (dpa) – Der Rat hat am Dienstag getagt.',
  'Hertha Nord - Union Süd 3:0 (1:0)',
  'Name – Partei – Stimmen – Anteil',
  'Gespeichert mit Lesestapel am 30.01.2025',
  'Originalartikel: https://example.org/a',
  '# Rat beschließt Haushalt',
  '## Die Beschlüsse',
  '- ein Punkt der Liste',
  '**Kicker**',
  'Fehler gefunden? Jetzt melden.',
  'Der Stadtrat hat am Dienstagabend den Haushalt beschlossen, nach einer langen Debatte.',
  'Die Opposition stimmte dagegen und kündigte an, die Pläne erneut vorzulegen.',
  '„Wir hatten keine andere Wahl“, sagte die Bürgermeisterin am Montag.',
  'Ist das gerecht?',
  'Rat beschließt Haushalt',
]

const piece = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\u00ad', '\u200b', '\t') },
)

/** A text of lines, separated by single or blank lines. */
const text = fc
  .array(fc.tuple(piece, fc.constantFrom('\n', '\n\n', '\r\n')), { minLength: 1, maxLength: 40 })
  .map((parts) => parts.map(([p, sep]) => p + sep).join(''))

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** The same pieces as elements of a page, some in the boxes pages put them in. */
const WRAPS: ((s: string) => string)[] = [
  (s) => `<p>${s}</p>`,
  (s) => `<h1>${s}</h1>`,
  (s) => `<h2>${s}</h2>`,
  (s) => `<span class="kicker">${s}</span>`,
  (s) => `<li>${s}</li>`,
  (s) => `<time datetime="2025-03-14">${s}</time>`,
  (s) => `<div class="post"><p class="author">${s}</p><div class="content">${s}</div></div>`,
  (s) => `<aside class="infobox"><dl><dt>Regie:</dt><dd>${s}</dd></dl></aside>`,
  (s) => `<table><tr><th>${s}</th><th>x</th></tr><tr><td>${s}</td><td>1</td></tr></table>`,
  (s) => `<div class="comment"><strong>${s}</strong><p>${s}</p></div>`,
  (s) => `<script type="application/ld+json">{"@type":"NewsArticle","articleBody":"${s}"}</script>`,
  (s) => `<script type="application/json">{"a":{"headline":"${s}","kicker":"${s}"}}</script>`,
]
const page = fc
  .array(fc.tuple(piece, fc.integer({ min: 0, max: WRAPS.length - 1 })), { maxLength: 40 })
  .map(
    (parts) =>
      `<html><head><title>Rat | Marschbote</title></head><body><article>${parts
        .map(([p, w]) => WRAPS[w]!(escapeHtml(p)))
        .join('\n')}</article></body></html>`,
  )

/** Extracts, and says how it ended: an article, a refusal with its sentence, or a failure. */
function outcome(input: string, kind: 'paste' | 'txt' | 'md' | 'html'): string | null {
  try {
    extractText(input, kind)
    return null
  } catch (err) {
    if (err instanceof UserError && /^\S[^\n]*$/.test(err.message)) return null
    return err instanceof Error ? (err.stack ?? err.message) : String(err)
  }
}

describe('the extractor on texts put together from the pieces of pages', () => {
  it.each(['paste', 'txt', 'md'] as const)(
    'gives an article or one sentence for any text (%s)',
    (kind) => {
      fc.assert(
        fc.property(text, (t) => {
          expect(outcome(t, kind)).toBeNull()
        }),
        { numRuns: RUNS },
      )
    },
  )

  it('gives an article or one sentence for any page', () => {
    fc.assert(
      fc.property(page, (p) => {
        expect(outcome(p, 'html')).toBeNull()
      }),
      { numRuns: RUNS },
    )
  })
})
