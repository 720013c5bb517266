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

/** 1 for an exact match of `str` in `text`, falling towards 0 with each edit (Hypothesis). */
function textMatchScore(text: string, str: string): number {
  if (str.length === 0 || text.length === 0) return 0
  if (text.includes(str)) return 1
  const matches = approxSearch(text, str, str.length)
  return matches.length ? 1 - matches[0]!.errors / str.length : 0
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
  const exactHits = occurrences(text, exact).map((start) => ({
    start,
    end: start + exact.length,
    errors: 0,
  }))
  const exactBest = exactHits.length ? best(text, old, hint, exactHits) : null
  if (exactBest && acceptable(exactBest, exact.length))
    return { status: 'moved', selectors: selectorsFor(text, exactBest.start, exactBest.end) }
  // 3. a fuzzy match: the words of the quote changed a little
  const maxErrors = Math.min(256, Math.floor(exact.length / 2))
  if (maxErrors > 0 && !exactHits.length) {
    const b = best(text, old, hint, approxSearch(text, exact, maxErrors))
    if (b && b.end > b.start && acceptable(b, exact.length)) {
      const { start, end } = trimToText(text, b.start, b.end)
      return { status: 'moved', selectors: selectorsFor(text, start, end) }
    }
  }
  // 4. an orphan: kept as it was
  return { status: 'orphan', selectors: old }
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
