/**
 * The key a lemma is counted and studied under, the same in the core and the reader: lower
 * case, and a dictionary headword with its objects as its verb ("etw. sagen", "sich für etw.
 * aussprechen" -> "sagen", "aussprechen"), so that a word saved from the popover ("etw. sagen")
 * is the word the reader tints in every form ("sagte", "gesagt").
 */

/** Placeholders Ding puts before a verb: "etw. unterstreichen", "jdn./etw. bezeichnen". */
const PLACEHOLDER = /^(?:(?:jd[mnrs]?|etw|sb|sth)\.|sich)$/

/** Prepositions a verb governs: "sich für etw. aussprechen", "auf etw. hinweisen". */
export const GOVERNED = new Set(
  'an auf aus bei durch für gegen in mit nach über um unter von vor zu zwischen als'.split(' '),
)

/**
 * The verb a Ding headword with its objects stands for: "etw. unterstreichen" ->
 * "unterstreichen", "jdn./etw. (als jdn./etw.) bezeichnen" -> "bezeichnen", "sich für etw.
 * aussprechen" -> "aussprechen"; null for a phrase ("stimmen für", "Wert legen": no object).
 */
export function bareVerb(key: string): string | null {
  if (!key.includes(' ')) return null
  const all = key.replace(/\([^()]*\)/g, ' ').split(' ')
  const words = all.filter((w) => w && !w.split('/').every((p) => PLACEHOLDER.test(p)))
  if (words.length === all.filter(Boolean).length) return null // no object: a phrase
  // "für/gegen" in "sich für/gegen etw. aussprechen" is a governed preposition too
  const verb = words.filter((w) => !w.split('/').every((p) => GOVERNED.has(p)))
  return verb.length === 1 && verb[0] !== key && words.length - verb.length <= 1 ? verb[0]! : null
}

/** The key a lemma is counted, tinted and studied under (see above). */
export function studyKey(lemma: string): string {
  const key = lemma.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim()
  return bareVerb(key) ?? key
}
