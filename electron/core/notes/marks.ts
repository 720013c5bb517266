/**
 * Where a query stands in the user's notes, on the keys the notes index keeps per note (in
 * text order, stopwords too): whether a note has a phrase, and, for a note shown whole in the
 * results, which of its words and phrases to mark, without its text being read again.
 */
import type { TextRange } from '../../../shared/types'
import type { Token } from '../search/analyzer'
import { isPhrase, mergeRanges, type Matcher } from '../search/snippet'

/** A phrase as key numbers, and the word its search starts from (the first not a stopword). */
export interface PhraseKeys {
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
 * The ranges of a note shown whole that match (as `matchRanges` finds them in its text): its
 * words by their key numbers (`wordPart` of a key: the matcher's `partOfKey` of that key),
 * its phrases where `phrases` stand, in order, overlaps merged.
 */
export function noteMarks(
  t: NoteTokens,
  note: number,
  wordPart: (keyId: number) => number,
  phrases: readonly PhraseKeys[],
  matcher: Matcher,
): TextRange[] {
  const { keys, bounds, stops, parts } = t
  const first = t.from[note]!
  const end = t.from[note + 1]!
  const out: TextRange[] = []
  for (let i = first; i < end; i++) {
    if (stops[i]) continue
    let part = wordPart(keys[i]!)
    if (part < 0 && parts.size && parts.has(i))
      for (const key of parts.get(i)!) if ((part = matcher.partOfKey(key)) >= 0) break
    if (part >= 0 && !isPhrase(matcher, part))
      out.push({ start: bounds[2 * i]!, end: bounds[2 * i + 1]! })
  }
  if (!phrases.length) return out
  for (const phrase of phrases) {
    const n = phrase.ids.length
    for (let i = phraseAt(t, note, phrase); i >= 0; i = phraseAt(t, note, phrase, i + n))
      out.push({ start: bounds[2 * i]!, end: bounds[2 * (i + n - 1) + 1]! })
  }
  return mergeRanges(out)
}
