/**
 * Highlights and snippets: which words of an article match a query, as they are written in
 * the article ("Sanktionen", "Wirtschaftssanktionen"), and the passage that shows most of them.
 */
import type { TextRange } from '../../../shared/types'
import { eachWord } from './analyzer'
import { isPhrase, type Matcher } from './matcher'
import { phraseRanges } from './phrase'

/**
 * Where the matcher's phrases stand in a text, with their part numbers. Only the stretches
 * around one of a phrase's words (a quick string search) are read, and only when the text has
 * all of them; `scanSnippet` and the reader, which must not miss spellings the string search
 * misses, ask `thorough`ly.
 */
function phrasePlaces(
  text: string,
  matcher: Matcher,
  thorough = false,
  lowered?: string,
): (TextRange & { part: number })[] {
  if (!matcher.phrases?.length) return []
  const low = thorough ? '' : (lowered ?? lowerPlain(text))
  return matcher.phrases.flatMap(({ part, phrase, needles }) => {
    if (thorough) return phraseRanges(text, phrase).map((r) => ({ ...r, part }))
    if (!needles.every((n) => low.includes(n))) return []
    const out: (TextRange & { part: number })[] = []
    const reach = 300
    let from = -1
    let to = -1
    const read = () => {
      while (from > 0 && isWordChar(text[from - 1]!)) from--
      while (to < text.length && isWordChar(text[to]!)) to++
      for (const r of phraseRanges(text.slice(from, to), phrase))
        if (!out.some((o) => o.start === r.start + from))
          out.push({ start: r.start + from, end: r.end + from, part })
    }
    const anchor = needles[0]!
    for (let i = low.indexOf(anchor); i >= 0; i = low.indexOf(anchor, i + anchor.length)) {
      if (from >= 0 && i - reach <= to) to = Math.min(text.length, i + reach)
      else {
        if (from >= 0) read()
        from = Math.max(0, i - reach)
        to = Math.min(text.length, i + reach)
      }
    }
    if (from >= 0) read()
    return out
  })
}

/**
 * The ranges of `text` that match: words, and phrases as a whole ("in Wien", not every
 * "Wien"), in order, overlaps merged.
 */
export function matchRanges(text: string, matcher: Matcher): TextRange[] {
  const out: TextRange[] = []
  eachWord(text, (word, start, end) => {
    const part = matcher(word)
    if (part >= 0 && !isPhrase(matcher, part)) out.push({ start, end })
  })
  if (!matcher.phrases?.length) return out
  for (const r of phrasePlaces(text, matcher, true)) out.push({ start: r.start, end: r.end })
  return mergeRanges(out)
}

/** Ranges in order, overlapping ones made one (`ranges` is sorted in place). */
export function mergeRanges(ranges: TextRange[]): TextRange[] {
  ranges.sort((a, b) => a.start - b.start)
  const merged: TextRange[] = []
  for (const r of ranges) {
    const last = merged[merged.length - 1]
    if (last && r.start < last.end) last.end = Math.max(last.end, r.end)
    else merged.push({ ...r })
  }
  return merged
}

export interface Snippet {
  text: string
  highlights: TextRange[]
}

const isWordChar = (c: string) =>
  (c >= '0' && c <= '9') || c === '-' || c.toLowerCase() !== c.toUpperCase()

/** Lower case with umlauts as plain vowels, keeping every offset (unlike `foldText`). */
const lowerPlain = (text: string) =>
  text.toLowerCase().replace(/[äöü]/g, (c) => (c === 'ä' ? 'a' : c === 'ö' ? 'o' : 'u'))

/**
 * The best passage of about `chars` characters: the one with the most different query parts,
 * then the most matches; cut at word boundaries, with "…" where text was left out. Matches
 * are found where the query's keys occur in the text (a quick string search), not by reading
 * every word; when that finds nothing (ß or ae spellings), every word is read.
 */
export function bestSnippet(paragraphs: string[], matcher: Matcher, chars = 200): Snippet | null {
  const needles = matcher.needles
  // a word with Leichte Sprache's middle dots (Rat·haus) is not found as a string (rathaus):
  // such a text is read word by word
  if (!needles?.length || paragraphs.some((p) => p.includes('·')))
    return scanSnippet(paragraphs, matcher)
  const found = paragraphs.flatMap((text, p) => quickPlaces(text, needles, matcher, p))
  if (found.length === 0) return scanSnippet(paragraphs, matcher)
  return snippetAt(paragraphs, found, chars)
}

/** Where a query part matched: in paragraph `p`, from `start` to `end`. */
export interface Place {
  p: number
  start: number
  end: number
  part: number
}

/**
 * The best passage of about `chars` characters around the places found (at least one), as
 * `bestSnippet` chooses and cuts it; `found` is sorted in place.
 */
export function snippetAt(paragraphs: string[], found: Place[], chars: number): Snippet {
  found.sort((a, b) => a.p - b.p || a.start - b.start)
  let best = { i: 0, parts: -1, hits: -1, prose: false }
  for (let i = 0; i < found.length; i++) {
    const from = Math.max(0, found[i]!.start - 40)
    let seen = 0
    let parts = 0
    let hits = 0
    for (
      let k = i;
      k < found.length && found[k]!.p === found[i]!.p && found[k]!.end <= from + chars;
      k++
    ) {
      hits++
      if (!(seen & (1 << found[k]!.part))) {
        seen |= 1 << found[k]!.part
        parts++
      }
    }
    // ties go to a passage of running text rather than a subheading
    const prose = paragraphs[found[i]!.p]!.length >= 80
    if (
      parts > best.parts ||
      (parts === best.parts && (hits > best.hits || (hits === best.hits && prose && !best.prose)))
    ) {
      best = { i, parts, hits, prose }
    }
  }
  const anchor = found[best.i]!
  const text = paragraphs[anchor.p]!
  let startAt = Math.max(0, anchor.start - 40)
  while (startAt > 0 && isWordChar(text[startAt - 1]!)) startAt--
  while (startAt < anchor.start && !isWordChar(text[startAt]!)) startAt++
  let endAt = Math.min(text.length, startAt + chars)
  while (endAt < text.length && isWordChar(text[endAt]!)) endAt++
  const lead = startAt > 0 ? '… ' : ''
  const body = text.slice(startAt, endAt).trimEnd()
  const tail = startAt + body.length < text.length ? ' …' : ''
  const highlights = found
    .filter((f) => f.p === anchor.p && f.start >= startAt && f.end <= startAt + body.length)
    .map((f) => ({ start: f.start - startAt + lead.length, end: f.end - startAt + lead.length }))
  return { text: lead + body + tail, highlights }
}

/**
 * The matched words and phrases of one paragraph, found quickly: the query's needles are
 * looked for in the lower-cased text, and only the words around them are analysed.
 */
function quickPlaces(text: string, needles: string[], matcher: Matcher, p: number): Place[] {
  const found: Place[] = []
  const low = lowerPlain(text)
  const seen = new Set<number>()
  for (const needle of needles) {
    for (let i = low.indexOf(needle); i >= 0; i = low.indexOf(needle, i + needle.length)) {
      let start = i
      while (start > 0 && isWordChar(text[start - 1]!)) start--
      let end = i + needle.length
      while (end < text.length && isWordChar(text[end]!)) end++
      while (text[start] === '-') start++
      while (end > start && text[end - 1] === '-') end--
      if (seen.has(start)) continue
      seen.add(start)
      const part = matcher(text.slice(start, end))
      if (part >= 0 && !isPhrase(matcher, part)) found.push({ p, start, end, part })
    }
  }
  for (const r of phrasePlaces(text, matcher, false, low)) found.push({ p, ...r })
  return found
}

/** The same, reading every word: for texts where the quick search finds nothing. */
function scanSnippet(paragraphs: string[], matcher: Matcher, words = 28): Snippet | null {
  let best: {
    p: number
    starts: number[]
    ends: number[]
    marks: number[]
    from: number
    to: number
    parts: number
    hits: number
  } | null = null
  for (let p = 0; p < paragraphs.length; p++) {
    const starts: number[] = []
    const ends: number[] = []
    const marks: number[] = []
    let any = false
    eachWord(paragraphs[p]!, (word, start, end) => {
      starts.push(start)
      ends.push(end)
      marks.push(matcher(word))
    })
    // a phrase's words count only where the whole phrase stands (its stopwords too); the
    // text is read for it only when the paragraph has as many of its words
    for (const { part, needles } of matcher.phrases ?? []) {
      let words = 0
      for (const m of marks) if (m === part) words++
      const places =
        words >= needles.length
          ? phrasePlaces(paragraphs[p]!, matcher, true).filter((r) => r.part === part)
          : []
      for (let i = 0; i < marks.length; i++) {
        const inside = places.some((r) => r.start <= starts[i]! && ends[i]! <= r.end)
        if (inside) marks[i] = part
        else if (marks[i] === part) marks[i] = -1
      }
    }
    for (const m of marks) if (m >= 0) any = true
    if (!any) continue
    for (let i = 0; i < marks.length; i++) {
      if (marks[i]! < 0) continue
      // a window starting a little before this match
      const from = Math.max(0, i - 6)
      const to = Math.min(marks.length, from + words)
      let seen = 0
      let parts = 0
      let hits = 0
      for (let k = from; k < to; k++) {
        const m = marks[k]!
        if (m < 0) continue
        hits++
        if (!(seen & (1 << m))) {
          seen |= 1 << m
          parts++
        }
      }
      if (!best || parts > best.parts || (parts === best.parts && hits > best.hits)) {
        best = { p, starts, ends, marks, from, to, parts, hits }
      }
    }
  }
  if (!best) return null
  const { p, starts, ends, marks, from, to } = best
  const text = paragraphs[p]!
  const startAt = from === 0 ? 0 : starts[from]!
  const endAt = to >= marks.length ? text.length : ends[to - 1]!
  const lead = startAt > 0 ? '… ' : ''
  const tail = endAt < text.length ? ' …' : ''
  const highlights: TextRange[] = []
  for (let k = from; k < to; k++) {
    if (marks[k]! >= 0)
      highlights.push({
        start: starts[k]! - startAt + lead.length,
        end: ends[k]! - startAt + lead.length,
      })
  }
  return { text: lead + text.slice(startAt, endAt).trim() + tail, highlights }
}

/** The opening words of a text, when no passage matches (a title-only hit). */
export function openingSnippet(paragraphs: string[], words = 28): Snippet {
  const first = paragraphs.find((p) => p.trim()) ?? ''
  let count = 0
  let cut = -1
  eachWord(first, (_w, _s, end) => {
    if (++count === words) cut = end
  })
  return cut < 0 || cut >= first.length
    ? { text: first, highlights: [] }
    : { text: `${first.slice(0, cut)} …`, highlights: [] }
}
