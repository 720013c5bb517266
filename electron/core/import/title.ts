/**
 * The title of a scraped page, chosen by scoring the lines above the text: a headline's length
 * and shape, closeness to the lead, a byline, date or lead after it. A menu line, a site name
 * or a label never wins.
 */
import {
  countWords,
  endsLikeSentence,
  isHeadingLike,
  isSignature,
  SALUTATION_START,
  type Line,
} from './lines'
import { stopwordStats } from './html/stopwords'
import { OUTLET_NAME } from './metalines'

/** Lower case, no quotes, one kind of dash and space: for comparing lines. */
export function simplify(s: string): string {
  return s
    .toLowerCase()
    .replace(/[„“”"«»‚‘’'`´]/g, '')
    .replace(/[–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
}

export const same = (a: string, b: string) => simplify(a) === simplify(b)

/** The first sentence, shortened at a word boundary: a title for texts that have none. */
export function titleFromText(text: string): string {
  const sentence = /^.{10,}?[.!?](?=\s|$)/u.exec(text)?.[0] ?? text
  if (sentence.length <= 110) return sentence.replace(/[.]$/, '')
  const cut = sentence.slice(0, 100)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 60)).replace(/[,;:–-]\s*$/, '')} …`
}

/** What the scorer knows about a candidate's surroundings. */
export interface TitleContext {
  lines: Line[]
  /** Candidate line indices (untagged, above the first paragraph), in order. */
  candidates: number[]
  /** Lines read as metadata (dates, bylines) or as the first paragraph: a headline's company. */
  isMetaOrLead: (i: number) => boolean
  /** How much a line looks like page furniture (see lineclass.ts), 0 when unknown. */
  evidence: (i: number) => number
  /** Lines read as metadata (a date, a byline). */
  isMeta?: (i: number) => boolean
}

/** Scores one candidate; higher is more like the article's headline. */
export function titleScore(i: number, rankFromEnd: number, c: TitleContext): number {
  const line = c.lines[i]!
  const text = line.text
  const words = countWords(text)
  let s = 0
  if (words >= 4 && words <= 18) s += 1.5
  else if (words === 3) s += 0.5
  else if (words <= 2) s -= 1.5
  else s -= 1
  if (text.length >= 25 && text.length <= 140) s += 0.5
  if (line.heading) s += 1.5
  // a headline has grammar: function words, a colon or dash, a question
  const { stopwords } = stopwordStats(text)
  if (stopwords > 0 || /[:–—?]/.test(text)) s += 0.5
  if (!/\p{Ll}/u.test(text)) s -= 1 // ALL CAPS: a site name or a kicker
  if (text.endsWith(':')) s -= 2
  // an item of an agenda ("TOP 1 Eröffnung …") heads a section, not the document
  if (/^(?:TOP|Tagesordnungspunkt)\s*\d/.test(text)) s -= 3
  // a letter's salutation ("Liebe Leserinnen und Leser,") opens, it does not head
  if (/,$/.test(text) || SALUTATION_START.test(text)) s -= 3
  // a labelled line ("Von: Pressestelle …", "Betreff: …") names, it does not head
  if (/^(?:Von|An|Betreff|Datum|Quelle|Autor(?:in)?|Text|Foto|From|To|Subject|Date):\s/i.test(text))
    s -= 3
  if (endsLikeSentence(text) && !/[?!]["“”»«]?$/.test(text)) s -= 1
  // near the text, and followed by a byline, a date or the lead
  s -= 0.4 * rankFromEnd
  for (let j = i + 1; j < c.lines.length && j <= i + 3; j++) {
    if (c.candidates.includes(j)) break
    if (c.isMetaOrLead(j)) {
      s += 1
      break
    }
  }
  s -= 1.5 * Math.max(0, c.evidence(i))
  // a line whose sentence goes on in the next line is no headline
  const next = c.lines[i + 1]
  if (next && !next.blankBefore && /^\p{Ll}/u.test(next.text)) s -= 2
  return s
}

/** The genre of a piece, as papers print it over the headline. */
const GENRE =
  /^(?:Nachruf|Kommentar|Analyse|Interview|Reportage|Porträt|Glosse|Leitartikel|Gastbeitrag|Essay|Rezension|Kritik|Filmkritik|Faktencheck|Kolumne|Pro (?:&|und) Contra|Nahaufnahme|Pressemitteilung|Satire)$/

/**
 * Picks the title among the candidates, and a kicker: the short line right above it in the
 * same block ("Nach dem Hochwasser" over the headline).
 */
export function chooseTitle(c: TitleContext): { title: number; kicker: number | null } | null {
  const usable = c.candidates.filter(
    (i) =>
      c.lines[i]!.heading ||
      isHeadingLike(c.lines[i]!.text) ||
      isQuestion(c.lines[i]!.text) ||
      /(?:\b\p{Lu}|\b[IVX]{1,5})\.$/u.test(c.lines[i]!.text),
  )
  if (usable.length === 0) return null
  let best = usable[0]!
  let bestScore = -Infinity
  usable.forEach((i, k) => {
    const score = titleScore(i, usable.length - 1 - k, c)
    if (score > bestScore) {
      best = i
      bestScore = score
    }
  })
  // A page of signed contributions (letters to the editor: heading, text, "Gerda Fink,
  // Lübeck", and again) is titled by the line over the first of them that a date follows
  // ("Leserbriefe" / "18.03.2025"), not by the first letter's heading.
  if (c.isMeta && c.lines.slice(best + 1).filter((l) => isSignature(l.text)).length >= 2) {
    const dated = usable.filter(
      (i) => i < best - 1 && [i + 1, i + 2].some((j) => j < best && c.isMeta!(j)),
    )
    if (dated.length) best = dated[dated.length - 1]!
  }
  const above = best - 1
  const kicker =
    usable.includes(above) &&
    // (a genre's label may stand in a block of its own: "Nachruf", then the headline)
    (!c.lines[best]!.blankBefore || GENRE.test(c.lines[above]!.text)) &&
    !c.lines[above]!.heading &&
    c.lines[above]!.text.length <= c.lines[best]!.text.length + 20 &&
    c.evidence(above) < 2 &&
    // "Rheintal Bote" over the headline is the site's name, not a kicker
    !OUTLET_NAME.test(c.lines[above]!.text)
      ? above
      : null
  return { title: best, kicker }
}

function isQuestion(text: string): boolean {
  return /\?["“”»«]?$/.test(text) && countWords(text) <= 16 && text.length <= 150
}
