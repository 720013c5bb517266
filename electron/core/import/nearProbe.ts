/**
 * What the near-duplicate check asks of a new text before it looks in the library: the index
 * keys of its rarest words and its length. Computed where the text is extracted (a large
 * import's second thread does it for its files).
 */
import { keysOfWord } from '../search/analyzer'
import { comparableWords } from '../text/minhash'

export interface NearProbe {
  /** The index keys of the longest word of each third of the text. */
  keys: string[]
  /** Its words, as the shingles count them. */
  words: number
}

export function nearProbe(paragraphs: readonly string[]): NearProbe {
  const words = comparableWords(paragraphs.join('\n'))
  return {
    keys: [...new Set(candidateWords(words).flatMap((w) => keysOfWord(w)))],
    words: words.length,
  }
}

/**
 * The longest word of each third of the text. Long words are rare, so the articles with two
 * of them are few and finding them is one of the index's cheapest lookups.
 */
function candidateWords(words: readonly string[]): string[] {
  const third = Math.ceil(words.length / 3)
  const longest = (part: readonly string[]) =>
    part.reduce((best, w) => (w.length > best.length && /^\p{L}+$/u.test(w) ? w : best), '')
  const picked = new Set([0, 1, 2].map((i) => longest(words.slice(i * third, (i + 1) * third))))
  return [...picked].filter((w) => w.length >= 5)
}
