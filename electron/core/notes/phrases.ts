/**
 * Phrases in the user's notes, on the keys the notes index keeps per note (in text order,
 * stopwords too): whether a note has a phrase, and where, so that a note shown in the results
 * marks its phrase without its words being read again.
 */
import type { TextRange } from '../../../shared/types'

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

/**
 * Where the phrase stands in a note, from its first word's start to its last word's end;
 * `bounds` holds each token's start and end, in the order of `sequence`.
 */
export function phrasePlaces(
  sequence: Int32Array,
  bounds: Int32Array,
  phrase: PhraseKeys,
): TextRange[] {
  const out: TextRange[] = []
  const n = phrase.ids.length
  for (let i = phraseAt(sequence, phrase); i >= 0; i = phraseAt(sequence, phrase, i + n))
    out.push({ start: bounds[2 * i]!, end: bounds[2 * (i + n - 1) + 1]! })
  return out
}

/** Each token's start and end, one after the other. */
export function tokenBounds(tokens: readonly { start: number; end: number }[]): Int32Array {
  const out = new Int32Array(tokens.length * 2)
  tokens.forEach((t, i) => {
    out[2 * i] = t.start
    out[2 * i + 1] = t.end
  })
  return out
}
