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
 * The first place at or after token `from` where a note's keys hold the phrase's keys one
 * after the other (-1: none): found where its anchor word stands (a native search), then the
 * words around it are compared.
 */
export function phraseAt(sequence: Int32Array, { ids, anchor }: PhraseKeys, from = 0): number {
  const n = ids.length
  const word = ids[anchor]!
  for (
    let at = sequence.indexOf(word, from + anchor);
    at >= 0;
    at = sequence.indexOf(word, at + 1)
  ) {
    const i = at - anchor
    if (i + n > sequence.length) return -1
    let j = 0
    while (j < n && sequence[i + j] === ids[j]) j++
    if (j === n) return i
  }
  return -1
}

/** What the index keeps of a note shown whole: where each token stands, and what it is. */
export interface ShownNote {
  /** Each token's start and end, one after the other. */
  bounds: Int32Array
  /** 1 where a token is a stopword. */
  stops: Uint8Array
  /** The keys of a hyphenated token's parts ("Grünen-Politiker": grun, politik), by token. */
  parts: Map<number, string[]> | null
}

export function shownNote(tokens: readonly Token[]): ShownNote {
  const bounds = new Int32Array(tokens.length * 2)
  const stops = new Uint8Array(tokens.length)
  let parts: Map<number, string[]> | null = null
  tokens.forEach((t, i) => {
    bounds[2 * i] = t.start
    bounds[2 * i + 1] = t.end
    if (t.stop) stops[i] = 1
    if (t.parts?.length) (parts ??= new Map()).set(i, t.parts)
  })
  return { bounds, stops, parts }
}

/**
 * The ranges of a note shown whole that match (as `matchRanges` finds them in its text): its
 * words by their keys (`keyNames` of `sequence`), its phrases where `phrases` stand, in order,
 * overlaps merged.
 */
export function noteMarks(
  note: ShownNote,
  sequence: Int32Array,
  keyNames: readonly string[],
  phrases: readonly PhraseKeys[],
  matcher: Matcher,
): TextRange[] {
  const { bounds, stops, parts } = note
  const { partOfKey } = matcher
  const out: TextRange[] = []
  for (let i = 0; i < sequence.length; i++) {
    if (stops[i]) continue
    let part = partOfKey(keyNames[sequence[i]!]!)
    if (part < 0 && parts?.has(i))
      for (const key of parts.get(i)!) if ((part = partOfKey(key)) >= 0) break
    if (part >= 0 && !isPhrase(matcher, part))
      out.push({ start: bounds[2 * i]!, end: bounds[2 * i + 1]! })
  }
  if (!phrases.length) return out
  for (const phrase of phrases) {
    const n = phrase.ids.length
    for (let i = phraseAt(sequence, phrase); i >= 0; i = phraseAt(sequence, phrase, i + n))
      out.push({ start: bounds[2 * i]!, end: bounds[2 * (i + n - 1) + 1]! })
  }
  return mergeRanges(out)
}
