import { eachWord, keysOfWord } from './analyzer'
import type { QueryPart } from './query'

/**
 * True when the text has the phrase's words next to each other. Words compare by their
 * stem, so "Vereinte Nationen" matches "der Vereinten Nationen"; stopwords compare as written
 * ("unter vier Augen").
 */
export function verifyPhrase(text: string, phrase: QueryPart): boolean {
  return phraseRanges(text, phrase, 1).length > 0
}

/**
 * Where the phrase stands in the text (at most `limit` places), from its first to its last
 * word: the text's words in a row, within one line, each the phrase's word (by its stem, a
 * hyphenated word also by its parts) or stopword (as written, ß as ss). Stems come from the
 * analyzer's cache of word forms, so a long text costs a walk over its words.
 */
export function phraseRanges(
  text: string,
  phrase: QueryPart,
  limit = Infinity,
): { start: number; end: number }[] {
  const n = phrase.keys.length
  const raws: string[] = []
  const starts: number[] = []
  const ends: number[] = []
  eachWord(text, (raw, start, end) => {
    raws.push(raw)
    starts.push(start)
    ends.push(end)
  })
  const is = (i: number, k: number) => {
    const raw = raws[i]!
    const key = phrase.keys[k]!
    return phrase.stops?.[k]
      ? raw.toLowerCase().replace(/ß/g, 'ss') === key
      : keysOfWord(raw).includes(key)
  }
  const out: { start: number; end: number }[] = []
  for (let i = 0; i + n <= raws.length && out.length < limit; i++) {
    let k = 0
    while (
      k < n &&
      (k === 0 || !text.slice(ends[i + k - 1]!, starts[i + k]!).includes('\n')) &&
      is(i + k, k)
    )
      k++
    if (k === n) {
      out.push({ start: starts[i]!, end: ends[i + n - 1]! })
      i += n - 1
    }
  }
  return out
}
