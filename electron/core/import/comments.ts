/**
 * Reader comments in scraped pages: found, parsed and kept apart from the article body.
 */
import type { ReaderComment } from '../../../shared/types'
import { parseDate } from './dates'
import { countWords, endsLikeSentence } from './lines'

const DATE = String.raw`\d{1,2}\.\s?\d{1,2}\.\s?(?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}|\d{1,2}\.\s+\p{L}+\.?\s+\d{4}`
const TIME = String.raw`(?:,?\s*(?:um\s+)?\d{1,2}:\d{2}(?:\s*Uhr)?)?`
const HEADERS = [
  // "Kommentar von Jana O. am 14.03.2025"
  new RegExp(
    String.raw`^(?:Kommentar|Antwort|Beitrag)\s+von\s+(?<author>.{1,48}?)\s+(?:am|vom)\s+(?<date>${DATE})${TIME}\s*:?$`,
    'u',
  ),
  // "ostseekind schrieb am 14.03.2025:"
  new RegExp(
    String.raw`^(?<author>\S.{0,48}?)\s+(?:schrieb|schreibt|kommentierte|antwortete)\s+(?:am\s+)?(?<date>${DATE})${TIME}\s*:?$`,
    'u',
  ),
  // "shardan 25.04.2019", "Hansjürgen K. | 14.03.2025, 18:02", "leser_aus_kiel am 14.03.2025 um 9:12 Uhr"
  new RegExp(
    String.raw`^(?<author>\S.{0,48}?)\s*(?:\||·|–|-|,|\s)\s*(?:am\s+)?(?<date>${DATE})${TIME}\s*:?$`,
    'u',
  ),
]

/** Reads a comment header line: who wrote it and when. */
export function readCommentHeader(text: string): { author: string; posted: string | null } | null {
  if (text.length > 90) return null
  // "— Name (@handle) 25. September 2018" signs an embedded post, not a reader comment
  if (/^[—–-]/.test(text) || /\(@\w+\)/.test(text)) return null
  for (const re of HEADERS) {
    const m = re.exec(text)
    if (!m?.groups) continue
    const author = m.groups
      .author!.trim()
      .replace(/[|·,:–-]+$/, '')
      .trim()
    // an author is a name or handle, not a sentence
    if (!author || countWords(author) > 5 || (endsLikeSentence(author) && !/\.$/.test(author)))
      continue
    // "Von Jana Hollerbach | 12.11.2024, 06:15 Uhr" is the article's byline; "Walter
    // Dengler † 27.01.2025" a notice of a death
    if (/^(?:Von|VON|By|Text|Autor(?:in)?:?)\s/.test(author) || /[†✝*]/.test(author)) continue
    if (NOT_A_NAME.test(author)) continue
    return { author, posted: parseDate(m.groups.date) }
  }
  return null
}

const DATE_ONLY = new RegExp(String.raw`^(?:am\s+)?(?<date>${DATE})${TIME}$`, 'u')
const NAME = /^\p{Lu}[\p{L}'-]*\.?(?:\s+\p{Lu}[\p{L}'-]*\.?){0,2}$/u
const HANDLE = /^[\p{L}\d_.@-]{3,30}$/u
const NOT_A_NAME =
  /^(?:Stand|Datum|Aktualisiert|Veröffentlicht|Erschienen|Zuletzt aktualisiert|am|vom|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag|Mo|Di|Mi|Do|Fr|Sa|So|Antworten|Melden|Teilen|Kommentare?)\.?$/i

/**
 * A header over two lines, as a phone's page copies it: the name, then the date alone
 * ("Heinz_R." over "13.11.2024, 07:48 Uhr").
 */
export function readSplitHeader(
  name: string,
  next: string | undefined,
): { author: string; posted: string | null } | null {
  if (!next || name.length > 40 || NOT_A_NAME.test(name)) return null
  // a name ("Sabine Kolbeck", "Brigitte S.") or a handle ("pendler_hb"), nothing else
  if (!NAME.test(name) && !HANDLE.test(name)) return null
  const m = DATE_ONLY.exec(next.trim())
  if (m?.groups) return { author: name, posted: parseDate(m.groups.date) }
  // a network's relative time ("3 Tg.", "2 Std.", "vor 2 Tagen"): a header without a day
  return RELATIVE_TIME.test(next.trim()) ? { author: name, posted: null } : null
}

/** "3 Tg.", "2 Std.", "1 Woche", "vor 2 Tagen", "5 Min.": how long ago a comment was written. */
const RELATIVE_TIME =
  /^(?:vor\s+)?\d{1,2}\s*(?:Sek\.?|Min\.?|Std\.?|Tg\.?|Tagen?|Stunden?|Minuten?|Wochen?|Wo\.?|Mon\.?|Monaten?|J\.?|Jahren?)$/i
/** What a network prints between a commenter's name and the time: a degree, a job title. */
const BETWEEN = /^(?:[•·]?\s*\d\.?\+?|[^.!?]{2,80})$/

/** Either kind of header at line `i`, and how many lines it takes. */
function headerAt(
  texts: (i: number) => string | undefined,
  i: number,
  split = true,
): { author: string; posted: string | null; span: number } | null {
  const one = readCommentHeader(texts(i)!)
  if (one) return { ...one, span: 1 }
  if (!split) return null
  const two = readSplitHeader(texts(i)!, texts(i + 1))
  if (two) return { ...two, span: 2 }
  // the name, one or two lines about the person ("• 2.", "Leiter Netzbetrieb bei …"), the time
  for (let gap = 1; gap <= 2; gap++) {
    const between = [...Array(gap).keys()].map((k) => texts(i + 1 + k))
    if (between.some((b) => !b || !BETWEEN.test(b) || readSplitHeader(texts(i)!, b))) return null
    const header = readSplitHeader(texts(i)!, texts(i + 1 + gap))
    if (header) return { ...header, span: 2 + gap }
  }
  return null
}

/** "3. Ganz meine Meinung" -> "Ganz meine Meinung": the numbered title some sites give a comment. */
export function readCommentTitle(text: string): string | null {
  const m = /^\d{1,4}\.\s+(\S.{0,120})$/.exec(text)
  return m ? m[1]!.trim() : null
}

export interface CommentLine {
  text: string
  /** Boilerplate by a local rule (pagination, footer). */
  boilerplate: boolean
  /** A copyright or legal footer line: the comment section ends here. */
  footer: boolean
}

/**
 * Finds where the comment section starts. It needs a comment header (author and date) after
 * the article body has begun; a marker line ("insgesamt 14 Beiträge") just before it is the
 * start. Returns -1 when the page has no comments.
 */
export function findCommentStart(
  lines: { text: string; marker: boolean }[],
  bodyStart: number,
): number {
  const text = (i: number) => lines[i]?.text
  // a header over two lines counts only under a marker ("Kommentare (12)"): a teaser's
  // author over its date looks the same
  let marked = false
  for (let i = Math.max(bodyStart + 1, 1); i < lines.length; i++) {
    if (lines[i]!.marker) marked = true
    const header = headerAt(text, i, marked)
    if (!header) continue
    // Two headers, or one header after a comment marker, make a comment section.
    let markerAt = -1
    for (let j = i - 1; j >= Math.max(bodyStart + 1, i - 6); j--) if (lines[j]!.marker) markerAt = j
    let moreHeaders = false
    for (let j = i + header.span; j < lines.length && !moreHeaders; j++)
      moreHeaders = headerAt(text, j, marked) !== null
    if (markerAt >= 0) return markerAt
    if (moreHeaders) return i
  }
  return -1
}

/** Parses the comment section into comments, skipping its furniture and stopping at the footer. */
export function parseComments(lines: CommentLine[]): {
  comments: ReaderComment[]
  footerFrom: number
} {
  const comments: ReaderComment[] = []
  let current: {
    author: string | null
    posted: string | null
    title: string | null
    text: string[]
  } | null = null
  const flush = () => {
    if (current && (current.text.length || current.title)) {
      comments.push({
        author: current.author,
        posted: current.posted,
        title: current.title,
        text: current.text.join('\n'),
      })
    }
    current = null
  }
  let footerFrom = lines.length
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (line.footer) {
      footerFrom = i
      break
    }
    const header = headerAt((k) => lines[k]?.text, i)
    if (header) {
      flush()
      current = { author: header.author, posted: header.posted, title: null, text: [] }
      i += header.span - 1
      const next = lines[i + 1]
      const title = next && !next.boilerplate ? readCommentTitle(next.text) : null
      if (title) {
        current.title = title
        i++
      }
      continue
    }
    if (line.boilerplate || !current) continue
    current.text.push(line.text)
  }
  flush()
  return { comments, footerFrom }
}
