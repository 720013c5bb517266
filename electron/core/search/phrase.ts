import { stem } from './analyzer'
import type { QueryPart } from './query'

const WORD = String.raw`[\p{L}\p{N}]+(?:[-‐‑][\p{L}\p{N}]+)*`
const GAP = String.raw`[^\p{L}\p{N}\n]+`
const compiled = new WeakMap<QueryPart, RegExp>()

/**
 * True when the text has the phrase's words next to each other. Words compare by their
 * stem, so "Vereinte Nationen" matches "der Vereinten Nationen"; stopwords compare as written
 * ("unter vier Augen"). A regular expression finds the places where stopwords and words stand
 * in the right order; only there are the words' stems compared.
 */
export function verifyPhrase(text: string, phrase: QueryPart): boolean {
  return phraseRanges(text, phrase, 1).length > 0
}

/** Where the phrase stands in the text (at most `limit` places), from its first to last word. */
export function phraseRanges(
  text: string,
  phrase: QueryPart,
  limit = Infinity,
): { start: number; end: number }[] {
  let re = compiled.get(phrase)
  if (!re) {
    const parts = phrase.keys.map((key, k) =>
      phrase.stops?.[k] ? `(${key.replace(/ss/g, '(?:ss|ß)')})` : `(${WORD})`,
    )
    re = new RegExp(`(?<![\\p{L}\\p{N}])${parts.join(GAP)}(?![\\p{L}\\p{N}])`, 'giu')
    compiled.set(phrase, re)
  }
  const out: { start: number; end: number }[] = []
  re.lastIndex = 0
  for (let m = re.exec(text); m && out.length < limit; m = re.exec(text)) {
    const ok = phrase.keys.every((key, k) => {
      if (phrase.stops?.[k]) return true
      const word = m![k + 1]!
      if (stem(word.replace(/[-‐‑]/g, '')) === key) return true
      return word.split(/[-‐‑]/).some((part) => stem(part) === key)
    })
    if (ok) {
      out.push({ start: m.index, end: m.index + m[0].length })
      re.lastIndex = m.index + m[0].length
    } else re.lastIndex = m.index + 1
  }
  return out
}
