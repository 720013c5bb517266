import { tokenize } from './analyzer'
import type { QueryPart } from './query'

/**
 * True when the text has the phrase's words next to each other. Words compare by their
 * stem, so "Vereinte Nationen" matches "der Vereinten Nationen"; stopwords compare as written
 * ("unter vier Augen").
 */
export function verifyPhrase(text: string, phrase: QueryPart): boolean {
  const want = phrase.keys
  const tokens = tokenize(text)
  outer: for (let i = 0; i + want.length <= tokens.length; i++) {
    for (let k = 0; k < want.length; k++) {
      const t = tokens[i + k]!
      if (t.key !== want[k] && !(t.parts?.includes(want[k]!) ?? false)) continue outer
      // a phrase does not run across paragraphs
      if (k > 0 && text.slice(tokens[i + k - 1]!.end, t.start).includes('\n')) continue outer
    }
    return true
  }
  return false
}
