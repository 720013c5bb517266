/**
 * Anchoring highlights to an article's text, as the Hypothesis client anchors web annotations
 * (its `anchoring/match-quote.ts`): W3C TextQuoteSelector (the exact quote with 32 characters
 * of prefix and suffix) and TextPositionSelector (start, end) over the article text of
 * `shared/text.ts`.
 *
 * Re-anchoring in a changed text: the position (mapped through a diff of the two texts) if
 * the quote still stands there, else an exact search for the quote, else a fuzzy search
 * (Myers' bit-parallel matcher from `approx-string-match`, the library Hypothesis uses),
 * candidates scored on quote, prefix, suffix and nearness with Hypothesis's weights. What
 * cannot be found with enough confidence is an orphan: the caller keeps it, never drops it.
 */
import approxSearch from 'approx-string-match'
import type { HighlightStatus } from '../../../shared/contract/notes'

/** How much text around a quote is kept (the W3C model leaves it open; Hypothesis uses 32). */
export const CONTEXT_CHARS = 32

/** The selectors of one highlight. `end` is exclusive; offsets are UTF-16 code units. */
export interface TextSelectors {
  exact: string
  prefix: string
  suffix: string
  start: number
  end: number
}

/** The selectors for `text.slice(start, end)`. */
export function selectorsFor(text: string, start: number, end: number): TextSelectors {
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
    suffix: text.slice(end, end + CONTEXT_CHARS),
    start,
    end,
  }
}

/** Every place `quote` stands in `text` (overlapping ones too). */
export function occurrences(text: string, quote: string): number[] {
  const found: number[] = []
  if (!quote) return found
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) found.push(at)
  return found
}

// Re-anchoring an article's highlights asks for the places of the same words in the same
// text again and again: they are remembered for the last text searched.
let memoText = ''
let memo = new Map<string, number[]>()

function places(text: string, word: string): number[] {
  if (text !== memoText) {
    memoText = text
    memo = new Map()
  }
  let found = memo.get(word)
  if (!found) {
    found = occurrences(text, word)
    if (memo.size < 5000) memo.set(word, found)
  }
  return found
}

/** Where a highlight ended up after its text changed. */
export interface Anchoring {
  status: HighlightStatus
  /** The new selectors (for an orphan: the old ones, unchanged). */
  selectors: TextSelectors
}

interface Candidate {
  start: number
  end: number
  errors: number
}

// Hypothesis's weights: the quote matters most, the context next, nearness breaks ties.
const QUOTE_WEIGHT = 50
const PREFIX_WEIGHT = 20
const SUFFIX_WEIGHT = 20
const POSITION_WEIGHT = 2

/**
 * How sure re-anchoring must be. Hypothesis accepts any match within quote-length/2 errors;
 * here a wrong attachment is worse than an orphan the user can re-attach, so a changed quote
 * needs most of its characters (or a matching context), and a short quote found only
 * somewhere else needs some of its old context.
 */
const FUZZY_MIN_QUOTE_SCORE = 0.75
const FUZZY_MIN_QUOTE_SCORE_WITH_CONTEXT = 0.6
const MIN_CONTEXT_SCORE = 0.5
const SHORT_QUOTE = 32

/**
 * 1 for an exact match of `str` in `text`, falling towards 0 with each edit (Hypothesis's
 * `textMatchScore`). Both are contexts of at most 32 characters, so the fewest edits that
 * turn `str` into some stretch of `text` are counted directly (a 32 × 32 table) rather than
 * with the matcher, whose set-up costs more than the count at this size.
 */
function textMatchScore(text: string, str: string): number {
  if (str.length === 0 || text.length === 0) return 0
  if (text.includes(str)) return 1
  const m = str.length
  let prev = new Uint16Array(m + 1)
  let cur = new Uint16Array(m + 1)
  for (let i = 0; i <= m; i++) prev[i] = i
  let bestErrors = prev[m]!
  for (let j = 1; j <= text.length; j++) {
    cur[0] = 0 // a match may start anywhere in the text
    const c = text.charCodeAt(j - 1)
    for (let i = 1; i <= m; i++) {
      const sub = prev[i - 1]! + (str.charCodeAt(i - 1) === c ? 0 : 1)
      cur[i] = Math.min(sub, prev[i]! + 1, cur[i - 1]! + 1)
    }
    if (cur[m]! < bestErrors) bestErrors = cur[m]!
    ;[prev, cur] = [cur, prev]
  }
  return 1 - bestErrors / m
}

function scoreCandidate(
  text: string,
  old: TextSelectors,
  hint: number,
  m: Candidate,
): { score: number; quote: number; context: number } {
  const quote = 1 - m.errors / old.exact.length
  const prefix = old.prefix
    ? textMatchScore(text.slice(Math.max(0, m.start - old.prefix.length), m.start), old.prefix)
    : 1
  const suffix = old.suffix
    ? textMatchScore(text.slice(m.end, m.end + old.suffix.length), old.suffix)
    : 1
  const position = 1 - Math.abs(m.start - hint) / Math.max(1, text.length)
  const raw =
    QUOTE_WEIGHT * quote +
    PREFIX_WEIGHT * prefix +
    SUFFIX_WEIGHT * suffix +
    POSITION_WEIGHT * position
  return {
    score: raw / (QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT),
    quote,
    context: Math.max(prefix, suffix),
  }
}

function best(
  text: string,
  old: TextSelectors,
  hint: number,
  candidates: Candidate[],
): { start: number; end: number; quote: number; context: number } | null {
  let top: { start: number; end: number; quote: number; context: number; score: number } | null =
    null
  for (const c of candidates) {
    const s = scoreCandidate(text, old, hint, c)
    if (!top || s.score > top.score) top = { start: c.start, end: c.end, ...s }
  }
  return top
}

/**
 * Finds a highlight again in `text`. `mapOffset` carries an offset of the old text to the
 * new one (through a diff); without it, old positions are taken as they are.
 */
export function reanchor(
  text: string,
  old: TextSelectors,
  mapOffset: (offset: number) => number = (o) => o,
): Anchoring {
  const { exact } = old
  const hint = Math.min(text.length, Math.max(0, mapOffset(old.start)))
  // 1. the position, if the quote still stands there
  if (text.startsWith(exact, hint)) {
    return { status: 'anchored', selectors: selectorsFor(text, hint, hint + exact.length) }
  }
  // 2. the exact quote elsewhere: the best by context and nearness
  const exactHits = nearest(
    occurrences(text, exact).map((start) => ({ start, end: start + exact.length, errors: 0 })),
    hint,
  )
  const exactBest = exactHits.length ? best(text, old, hint, exactHits) : null
  if (exactBest && acceptable(exactBest, exact.length))
    return { status: 'moved', selectors: selectorsFor(text, exactBest.start, exactBest.end) }
  // 3. a fuzzy match: the words of the quote changed a little
  if (!exactHits.length && exact.length >= 2) {
    const b = fuzzy(text, old, hint)
    if (b) {
      const { start, end } = trimToText(text, b.start, b.end)
      return { status: 'moved', selectors: selectorsFor(text, start, end) }
    }
  }
  // 4. an orphan: kept as it was
  return { status: 'orphan', selectors: old }
}

/** At most this many candidates are scored: the nearest to where the quote was. */
const MAX_CANDIDATES = 40
/** Fuzzy search looks in at most this many places where the quote's words still stand. */
const MAX_WINDOWS = 24

function nearest<T extends { start: number }>(candidates: T[], hint: number): T[] {
  if (candidates.length <= MAX_CANDIDATES) return candidates
  return [...candidates]
    .sort((a, b) => Math.abs(a.start - hint) - Math.abs(b.start - hint))
    .slice(0, MAX_CANDIDATES)
}

/** Fuzzy candidates inside one stretch of the text, with offsets into the whole text. */
function searchIn(text: string, quote: string, from: number, to: number): Candidate[] {
  const start = Math.max(0, from)
  const maxErrors = Math.min(256, Math.floor(quote.length / 2))
  return approxSearch(text.slice(start, Math.min(text.length, to)), quote, maxErrors).map((m) => ({
    start: m.start + start,
    end: m.end + start,
    errors: m.errors,
  }))
}

/**
 * Filter, then verify (Myers' matcher costs about a millisecond per kilobyte of text for a
 * sentence-long quote, so it does not run over the whole article): first around the mapped
 * position, then where enough of the quote's longer words still stand together. A quote
 * with too few of its words left anywhere is gone.
 */
function fuzzy(
  text: string,
  old: TextSelectors,
  hint: number,
): { start: number; end: number; quote: number; context: number } | null {
  const q = old.exact
  const pad = q.length + CONTEXT_CHARS
  const near = best(
    text,
    old,
    hint,
    nearest(searchIn(text, q, hint - pad, hint + q.length + pad), hint),
  )
  if (near && near.end > near.start && acceptable(near, q.length)) return near
  const candidates: Candidate[] = []
  for (const w of windowsWithWords(text, q)) candidates.push(...searchIn(text, q, w.start, w.end))
  const b = best(text, old, hint, nearest(candidates, hint))
  return b && b.end > b.start && acceptable(b, q.length) ? b : null
}

/** A changed quote keeps at least this share of its longer words (a quote score of 0.6). */
const WORDS_KEPT = 0.4

/**
 * The stretches of `text` where enough of the quote's longer words stand close together
 * for a fuzzy match to be possible: a deleted passage has none, and costs no search.
 */
function windowsWithWords(text: string, quote: string): { start: number; end: number }[] {
  const words = [...new Set(quote.match(/[\p{L}\p{N}]{4,}/gu) ?? [])]
  if (!words.length) return []
  const need = Math.max(1, Math.ceil(words.length * WORDS_KEPT))
  const hits: { at: number; word: number }[] = []
  words.forEach((w, word) => {
    for (const at of places(text, w).slice(0, 500)) hits.push({ at, word })
  })
  hits.sort((a, b) => a.at - b.at)
  const span = 2 * quote.length
  const seen = new Uint16Array(words.length)
  let distinct = 0
  const found: { start: number; end: number; distinct: number }[] = []
  for (let lo = 0, hi = 0; hi < hits.length; hi++) {
    if (seen[hits[hi]!.word]!++ === 0) distinct++
    while (hits[hi]!.at - hits[lo]!.at > span) if (--seen[hits[lo++]!.word]! === 0) distinct--
    if (distinct >= need) {
      const start = hits[lo]!.at - quote.length
      const end = hits[hi]!.at + quote.length
      const last = found.at(-1)
      if (last && start <= last.end) {
        last.end = Math.max(last.end, end)
        last.distinct = Math.max(last.distinct, distinct)
      } else found.push({ start, end, distinct })
    }
  }
  return found.sort((a, b) => b.distinct - a.distinct).slice(0, MAX_WINDOWS)
}

/**
 * Whether a match elsewhere is the highlight's: a long quote by its words (or most of them
 * with its context), a short one (a word or two, which any text may contain) only with some
 * of its old context.
 */
function acceptable(m: { quote: number; context: number }, length: number): boolean {
  const context = m.context >= MIN_CONTEXT_SCORE
  if (length < SHORT_QUOTE) return context && m.quote >= FUZZY_MIN_QUOTE_SCORE_WITH_CONTEXT
  return (
    m.quote >= FUZZY_MIN_QUOTE_SCORE || (context && m.quote >= FUZZY_MIN_QUOTE_SCORE_WITH_CONTEXT)
  )
}

/** A fuzzy match may begin or end in white space; the highlight does not. */
function trimToText(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text[start]!)) start++
  while (end > start && /\s/.test(text[end - 1]!)) end--
  return { start, end }
}
