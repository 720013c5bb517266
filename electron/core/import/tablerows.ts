/**
 * Rows of a table in scraped text: results and pairings ("Eintracht Nordhafen – SV Lindenau
 * 2 : 1 (1 : 0)", "Luchse 1 - Haie 4", "Union Deichtal - SC Hafenstadt 04"). Scraped tables
 * become short lines without sentence punctuation or function words, as menus and links to
 * other articles are; but they are the article (a match report without its results has lost
 * what it reports).
 */
import { stopwordStats } from './html/stopwords'
import { endsLikeSentence } from './lines'

/** The dash between the two sides of a pairing: spaced, so "Fußball-Bundesliga" is one word. */
const SIDES = /\s[–—-]\s*\|?\s*/
/** A score ("2 : 1", "27:24"), not a time ("18:30 Uhr") or a date. */
const SCORE = /(?<![\d.:,])\d{1,3}\s?:\s?\d{1,3}(?![\d.:,]|\s?Uhr)/
/** A side ending in its points ("Luchse 1", "Penguins1"). */
const POINTS = /\p{L}\s*\d{1,3}$/u
const SIDE = /^[\p{Lu}\d][^]*\p{L}/u

/** Whether a line has the shape of a table row; `number` when it carries a score or points. */
function rowShape(text: string): 'number' | 'pairing' | null {
  if (text.length > 120 || endsLikeSentence(text)) return null
  const sides = text.split(SIDES)
  if (sides.length !== 2) return null
  // the sides without their scores, points and notes in brackets
  const names = sides.map((s) =>
    s
      .replace(/\([^)]*\)/g, ' ')
      .replace(new RegExp(SCORE.source, 'g'), ' ')
      .trim(),
  )
  if (!names.every((n) => SIDE.test(n) && n.split(/\s+/).length <= 6)) return null
  if (stopwordStats(names.join(' ')).stopwords > 0) return null
  if (SCORE.test(sides[1]!)) return 'number'
  const trimmed = sides.map((s) => s.replace(/\([^)]*\)/g, '').trim())
  if (POINTS.test(trimmed[0]!) && POINTS.test(trimmed[1]!)) return 'number'
  return 'pairing'
}

/**
 * Which lines are table rows: a line with a score or points, or a pairing with another row
 * beside it (one "Interview – Kanzlerin Weber" alone is a link's title, a run of pairings is
 * a table).
 */
export function tableRows(texts: readonly string[]): boolean[] {
  const shapes = texts.map(rowShape)
  return shapes.map(
    (s, i) =>
      s === 'number' || (s === 'pairing' && (shapes[i - 1] != null || shapes[i + 1] != null)),
  )
}

/** A number as quoted on a markets page: "18.234,56", "+0,4 %", "41,85 €". */
const QUOTED = /[+\-−]?\d[\d.]*(?:,\d+)?\s*(?:%|€|\$)?/g

/**
 * A price quote: "DAX 18.234,56 +0,4 %", "Krollmann AG 41,85 € -9,2 %" (a name of at most
 * four words without a lower-case word, two or more numbers, a per cent or currency sign).
 */
export function isPriceQuote(text: string): boolean {
  if (text.length > 70 || !/[%€$]/.test(text)) return false
  const words = text.match(/\p{L}+/gu) ?? []
  if (words.length === 0 || words.length > 4 || words.some((w) => /^\p{Ll}/u.test(w))) return false
  return quotesNumbers(text)
}

/** Two or more numbers with a per cent or currency sign: a quote, or a row of results. */
export function quotesNumbers(text: string): boolean {
  return /[%€$]/.test(text) && (text.match(QUOTED) ?? []).length >= 2
}
