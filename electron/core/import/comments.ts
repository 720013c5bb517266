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
    if (
      /^(?:Stand|Datum|Aktualisiert|Veröffentlicht|Erschienen|Zuletzt aktualisiert|am|vom|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag|Mo|Di|Mi|Do|Fr|Sa|So)\.?$/i.test(
        author,
      )
    )
      continue
    return { author, posted: parseDate(m.groups.date) }
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
  for (let i = Math.max(bodyStart + 1, 1); i < lines.length; i++) {
    if (!readCommentHeader(lines[i]!.text)) continue
    // Two headers, or one header after a comment marker, make a comment section.
    let markerAt = -1
    for (let j = i - 1; j >= Math.max(bodyStart + 1, i - 6); j--) if (lines[j]!.marker) markerAt = j
    const moreHeaders = lines.slice(i + 1).some((l) => readCommentHeader(l.text))
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
    const header = readCommentHeader(line.text)
    if (header) {
      flush()
      current = { ...header, title: null, text: [] }
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
