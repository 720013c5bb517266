/**
 * Sentence segmentation for German news, usable by every room (alignment, notes, study).
 *
 * `segmentSentences(text)` returns the sentences of a text as `{ start, end }` offsets
 * (UTF-16, `end` exclusive, white space trimmed). Line breaks always end a sentence, so the
 * body of an article joined by "\n" segments paragraph by paragraph.
 *
 * It starts from ICU's segmenter (`Intl.Segmenter`, which knows only a few German
 * abbreviations) and repairs what it gets wrong in news text: abbreviations (z. B., Dr.,
 * Mio., e. V. …), ordinals and dates (am 28. Februar, im 19. Jahrhundert), initials,
 * quotations with stops inside („Wir bleiben. Das ist unser Zuhause“, sagte sie.), datelines
 * in capitals (SCHWERIN. Der Landtag …), and a missing space after a stop.
 */
import { ALWAYS_INSIDE, MAY_END, MONTHS, ORDINAL_BEFORE, isSentenceStarter } from './abbreviations'

/** A sentence: offsets into the segmented text, `end` exclusive. */
export interface SentenceSpan {
  start: number
  end: number
}

const segmenters = new Map<string, Intl.Segmenter>()

function segmenter(lang: string): Intl.Segmenter {
  let s = segmenters.get(lang)
  if (!s) {
    s = new Intl.Segmenter(lang, { granularity: 'sentence' })
    segmenters.set(lang, s)
  }
  return s
}

/**
 * The sentences of `text`, in order. `lang` picks ICU's rules (German by default); the
 * German repairs run for every language, since the abbreviations they know are German or
 * common in German text (Mr., Mrs., etc.).
 */
export function segmentSentences(text: string, lang = 'de'): SentenceSpan[] {
  const out: SentenceSpan[] = []
  let lineStart = 0
  for (;;) {
    const lineEnd = text.indexOf('\n', lineStart)
    const end = lineEnd < 0 ? text.length : lineEnd
    segmentLine(text, lineStart, end, lang, out)
    if (lineEnd < 0) break
    lineStart = lineEnd + 1
  }
  return out
}

/** The sentences of one line (a paragraph), appended to `out`. */
function segmentLine(
  text: string,
  from: number,
  to: number,
  lang: string,
  out: SentenceSpan[],
): void {
  const line = text.slice(from, to)
  if (!line.trim()) return
  // candidate boundaries: where ICU ends a segment, plus a stop glued to the next sentence
  const cuts = new Set<number>()
  for (const seg of segmenter(lang).segment(line)) if (seg.index > 0) cuts.add(seg.index)
  for (const m of line.matchAll(GLUED_STOP)) cuts.add(m.index + m[1]!.length)
  for (const m of line.matchAll(LOWER_START)) cuts.add(m.index + m[1]!.length)
  const quotes = quotationSpans(line)
  const kept: number[] = []
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    if (keepBoundary(line, cut, quotes, kept.length === 0)) kept.push(cut)
  }
  let start = 0
  for (const cut of [...kept, line.length]) {
    pushTrimmed(line, start, cut, from, out)
    start = cut
  }
}

function pushTrimmed(
  line: string,
  start: number,
  end: number,
  offset: number,
  out: SentenceSpan[],
): void {
  while (start < end && /\s/.test(line[start]!)) start++
  while (end > start && /\s/.test(line[end - 1]!)) end--
  if (end > start) out.push({ start: start + offset, end: end + offset })
}

// "endete.Der": a word of two lower-case letters or more, a stop, then a capitalised word
const GLUED_STOP = /(\p{Ll}{2,}[.!?])(?=\p{Lu}\p{Ll})/gu
// "verkauft. eBay": ICU never ends a sentence before a lower-case letter; a brand name may start one
const LOWER_START = /(\p{L}{2,}[.!?]\s+)(?=\p{Ll}+\p{Lu})/gu

const WORD_BEFORE = /(\S+)\s*$/u
const WORD_AFTER = /^[\s"„“”‚‘’«»(]*([\p{L}\p{N}][\p{L}\p{N}-]*)/u

/** Whether the boundary ICU (or a repair) proposed at `cut` really ends a sentence. */
function keepBoundary(
  line: string,
  cut: number,
  quotes: [number, number][],
  first: boolean,
): boolean {
  // only the words around the cut matter (a regular expression over the whole line before it
  // would make segmentation quadratic in the paragraph's length)
  const before = line.slice(Math.max(0, cut - 80), cut).trimEnd()
  const atStart = cut <= 80
  const after = line.slice(cut, cut + 80)
  const lastWord = WORD_BEFORE.exec(before)?.[1] ?? ''
  const next = WORD_AFTER.exec(after)?.[1] ?? ''
  const starter = isSentenceStarter(next)
  const lowerNext = /^\p{Ll}/u.test(next) && !/\p{Lu}/u.test(next.slice(1))

  // inside a quotation that closes later on the line: „Wir bleiben. Das ist …“, sagte sie.
  if (quotes.some(([open, close]) => cut > open && cut <= close)) return false

  if (before.endsWith('.')) {
    if (splitsAbbreviation(before, after)) return false
    const abbr = abbreviationAtEnd(before)
    if (abbr) return MAY_END.has(abbr) ? starter : false
    // initials: Karl H. Petersen, J. R. Ostwald (but: König Harald V. Er kam …)
    if (/(?:^|[\s(])\p{Lu}\.$/u.test(before)) return starter
    // a dateline in capitals at the start of a paragraph: SCHWERIN. Der Landtag …
    if (first && atStart && /^\p{Lu}{3,}(?:[-\s]\p{Lu}{2,})*\.$/u.test(before)) return false
    // ordinals: am 28. Februar, im 19. Jahrhundert, auf dem 3. Platz (but: stieg auf 12. Die …)
    const ordinal = /(?:^|\s)(\S+\s+)?\d{1,3}\.$/u.exec(before)
    if (ordinal) {
      if (lowerNext || MONTHS.has(next.toLowerCase())) return false
      const word = (ordinal[1] ?? '').trim().toLowerCase().replace(/^\(/, '')
      if (ORDINAL_BEFORE.has(word) || /,$/.test(word)) return starter
      return true
    }
  }
  if (lowerNext && !/\p{Lu}/u.test(next)) {
    // ICU keeps a stop before a lower-case word inside a sentence; so do we
    return lastWord.length === 0
  }
  return true
}

const PIECES_BEFORE = /(?:^|[\s(„“"'‚])((?:\p{L}{1,6}\.\s?){0,1}\p{L}{1,6}\.)$/u
const PIECES_AFTER = /^\s?(\p{L}{1,6}\.(?:\s?\p{L}{1,6}\.)?)/u

/** True when the cut falls between the pieces of one abbreviation: "z. | B.", "i. d. | R.". */
function splitsAbbreviation(before: string, after: string): boolean {
  const b = PIECES_BEFORE.exec(before)?.[1]
  const a = PIECES_AFTER.exec(after)?.[1]
  if (!b || !a) return false
  const left = b.split(/(?<=\.)\s?/u).filter(Boolean)
  const right = a.split(/(?<=\.)\s?/u).filter(Boolean)
  for (let i = 0; i < left.length; i++) {
    for (let j = 1; j <= right.length; j++) {
      const pieces = [...left.slice(i), ...right.slice(0, j)]
      for (const candidate of [pieces.join(' '), pieces.join('')])
        if (ALWAYS_INSIDE.has(candidate) || MAY_END.has(candidate)) return true
    }
  }
  return false
}

/** The abbreviation `text` ends with (as listed, e.g. "z. B.", "Dr."), or null. */
function abbreviationAtEnd(text: string): string | null {
  // the last one to three dotted pieces, with or without spaces between them: "i. d. R.", "z.B."
  const m = /(?:^|[\s(„“"'‚])((?:\p{L}{1,6}\.\s?){0,2}\p{L}{1,6}\.)$/u.exec(text)
  if (!m) return null
  const pieces = m[1]!.split(/(?<=\.)\s?/u).filter(Boolean)
  // the longest listed tail: "i. d. R." before "R."
  for (let k = 0; k < pieces.length; k++) {
    const tail = pieces.slice(k)
    const spaced = tail.join(' ')
    const tight = tail.join('')
    for (const candidate of [spaced, tight]) {
      if (ALWAYS_INSIDE.has(candidate) || MAY_END.has(candidate)) return candidate
      const lower = candidate.toLowerCase()
      if (ALWAYS_INSIDE.has(lower) || MAY_END.has(lower)) return lower
    }
  }
  return null
}

/**
 * The quotations of a line that open and close on it, as [open, close] offsets. „…“ and
 * "…" pair up; guillemets pair as »…« when the line's first one is », else as «…».
 */
function quotationSpans(line: string): [number, number][] {
  const spans: [number, number][] = []
  const firstGuillemet = /[«»]/.exec(line)?.[0]
  const guillemetOpen = firstGuillemet === '»' ? '»' : '«'
  const guillemetClose = guillemetOpen === '»' ? '«' : '»'
  let open = -1
  let closer = ''
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!
    if (open < 0) {
      if (c === '„') [open, closer] = [i, '“']
      else if (c === guillemetOpen) [open, closer] = [i, guillemetClose]
      else if (c === '"' && (i === 0 || /[\s(:]/.test(line[i - 1]!))) [open, closer] = [i, '"']
      else if (c === '“' && (i === 0 || /[\s(:]/.test(line[i - 1]!))) [open, closer] = [i, '”']
    } else if (c === closer) {
      spans.push([open, i + 1])
      open = -1
    }
  }
  return spans
}
