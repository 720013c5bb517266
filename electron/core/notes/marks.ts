/**
 * Where a query stands in the user's notes, on the keys the notes index keeps per note (in
 * text order, stopwords too): whether a note has a phrase, and, for a note in the results,
 * which of its words and phrases to mark (a short note shown whole, a longer one by its best
 * passage), without its text being read again for them.
 */
import type { TextRange } from '../../../shared/types'
import type { Token } from '../search/analyzer'
import { isPhrase, type Matcher } from '../search/matcher'
import { mergeRanges, snippetAt, type Place, type Snippet } from '../search/snippet'
import type { WordPart } from './wordParts'

/**
 * A phrase as key numbers, the word its search starts from (the first not a stopword), and
 * the query part it is.
 */
export interface PhraseKeys {
  part: number
  ids: Int32Array
  anchor: number
}

/**
 * Every note's tokens in one run of arrays, note after note (note `i` holds tokens `from[i]`
 * up to `from[i + 1]`): a query that marks a few notes reads a few short stretches, not a
 * handful of small arrays per note scattered over the heap.
 */
export interface NoteTokens {
  from: Int32Array
  /** Each token's key number. */
  keys: Int32Array
  /** Each token's start and end in its note, one after the other. */
  bounds: Int32Array
  /** 1 where a token is a stopword. */
  stops: Uint8Array
  /** The keys of a hyphenated token's parts ("Grünen-Politiker": grun, politik), by token. */
  parts: Map<number, string[]>
}

/** The tokens of every note (in the notes' order), their keys numbered by `keyId`. */
export function noteTokens(
  perNote: readonly (readonly Token[])[],
  keyId: (key: string) => number,
): NoteTokens {
  let total = 0
  for (const tokens of perNote) total += tokens.length
  const from = new Int32Array(perNote.length + 1)
  const keys = new Int32Array(total)
  const bounds = new Int32Array(total * 2)
  const stops = new Uint8Array(total)
  const parts = new Map<number, string[]>()
  let k = 0
  perNote.forEach((tokens, i) => {
    from[i] = k
    for (const t of tokens) {
      keys[k] = keyId(t.key)
      bounds[2 * k] = t.start
      bounds[2 * k + 1] = t.end
      if (t.stop) stops[k] = 1
      if (t.parts?.length) parts.set(k, t.parts)
      k++
    }
  })
  from[perNote.length] = k
  return { from, keys, bounds, stops, parts }
}

/**
 * The first token at or after `at` (default: the note's first) where note `note` holds the
 * phrase's keys one after the other (-1: none).
 */
export function phraseAt(
  t: NoteTokens,
  note: number,
  { ids, anchor }: PhraseKeys,
  at = t.from[note]!,
): number {
  const end = t.from[note + 1]!
  const keys = t.keys
  const n = ids.length
  const word = ids[anchor]!
  for (let w = at + anchor; w < end; w++) {
    if (keys[w] !== word) continue
    const i = w - anchor
    if (i + n > end) return -1
    let j = 0
    while (j < n && keys[i + j] === ids[j]) j++
    if (j === n) return i
  }
  return -1
}

/**
 * Where a note matches, in text order of its words, then its phrases: its words by their key
 * numbers (`wordPart`: the matcher's `partOfKey` of a key, or of a hyphenated word's parts), its phrases where `phrases` stand; with `parts`, each with its query part.
 */
function notePlaces<P extends TextRange>(
  t: NoteTokens,
  note: number,
  wordPart: WordPart,
  phrases: readonly PhraseKeys[],
  matcher: Matcher,
  place: (start: number, end: number, part: number) => P,
): P[] {
  const { keys, bounds, stops, parts } = t
  const first = t.from[note]!
  const end = t.from[note + 1]!
  const out: P[] = []
  for (let i = first; i < end; i++) {
    if (stops[i]) continue
    let part = wordPart.part(keys[i]!)
    if (part < 0 && parts.size && parts.has(i))
      for (const key of parts.get(i)!) if ((part = matcher.partOfKey(key)) >= 0) break
    if (part >= 0 && !isPhrase(matcher, part))
      out.push(place(bounds[2 * i]!, bounds[2 * i + 1]!, part))
  }
  for (const phrase of phrases) {
    const n = phrase.ids.length
    for (let i = phraseAt(t, note, phrase); i >= 0; i = phraseAt(t, note, phrase, i + n))
      out.push(place(bounds[2 * i]!, bounds[2 * (i + n - 1) + 1]!, phrase.part))
  }
  return out
}

const range = (start: number, end: number): TextRange => ({ start, end })
const withPart = (start: number, end: number, part: number) => ({ start, end, part })

/**
 * The ranges of a note shown whole that match (as `matchRanges` finds them in its text), in
 * order, overlaps merged.
 */
export function noteMarks(
  t: NoteTokens,
  note: number,
  wordPart: WordPart,
  phrases: readonly PhraseKeys[],
  matcher: Matcher,
): TextRange[] {
  const out = notePlaces(t, note, wordPart, phrases, matcher, range)
  return phrases.length ? mergeRanges(out) : out
}

/**
 * The best passage of a longer note (`text`), as `bestSnippet` chooses and cuts it from its
 * paragraphs, at the places the note's keys give; null when they give none.
 */
export function notePassage(
  t: NoteTokens,
  note: number,
  text: string,
  wordPart: WordPart,
  phrases: readonly PhraseKeys[],
  matcher: Matcher,
  chars: number,
): Snippet | null {
  const at = notePlaces(t, note, wordPart, phrases, matcher, withPart)
  if (!at.length) return null
  // the paragraphs as `text.split(/\n+/)` gives them, blank ones left out, with their offsets
  const paragraphs: string[] = []
  const offsets: number[] = []
  for (const m of text.matchAll(/[^\n]+/g))
    if (m[0].trim()) {
      paragraphs.push(m[0])
      offsets.push(m.index)
    }
  const found: Place[] = []
  for (const { start, end, part } of at) {
    let p = offsets.length - 1
    while (p > 0 && offsets[p]! > start) p--
    const from = offsets[p]!
    // a phrase across a line break is not one (a paragraph's phrases are its own)
    if (start >= from && end <= from + paragraphs[p]!.length)
      found.push({ p, start: start - from, end: end - from, part })
  }
  return found.length ? snippetAt(paragraphs, found, chars) : null
}
