/**
 * Which person "sie" is: she, they or (written "Sie") you. The finite verb beside it tells:
 * "sie sagte", "sagte sie" (she); "sie sagten", "Sie haben" (they, or you). Where no verb stands
 * next to it ("…, weil sie das Gesetz ablehnen"), nothing is decided.
 */
import { FUNCTION_WORDS, segmentBreak, sentenceOf, type Role, type Token } from './context'

export type VerbNumber = 'singular' | 'plural'

/** The finite forms of the auxiliaries and modal verbs, which most often stand beside it. */
const SINGULAR = new Set(
  `ist war sei wäre hat hatte hätte wird wurde würde kann konnte könnte muss musste müsste
  soll sollte will wollte darf durfte dürfte mag mochte möchte`.split(/\s+/),
)
const PLURAL = new Set(
  `sind waren seien wären haben hatten hätten werden wurden würden können konnten könnten
  müssen mussten müssten sollen sollten wollen wollten dürfen durften dürften mögen mochten
  möchten`.split(/\s+/),
)

const PREPOSITIONS = new Set(
  `an auf aus bei durch für gegen hinter in mit nach neben ohne über um unter von vor zu
  zwischen wegen trotz statt gegenüber am im beim vom zum zur ins`.split(/\s+/),
)
const PARTICIPLE = /^ge\p{L}+(?:t|en)$/u

/** The pronoun whose person the verb decides. */
export const PERSON_BY_VERB = 'sie'
/** Its dative ("ihnen": them, "Ihnen": you), always plural. */
export const PLURAL_PERSON = 'ihnen'

/**
 * The number of the finite verb right before the pronoun at `i` or right after it (no comma,
 * dash or sentence end between); null when neither word is one. `isVerbForm` says whether the lexicon
 * reads a lower-case word as a verb form (an adverb beside it, "sie heute", is none).
 */
export function verbNumberAt(
  tokens: Token[],
  i: number,
  isVerbForm: (key: string) => boolean,
): VerbNumber | null {
  const of = (t: Token | undefined): VerbNumber | null => {
    if (!t) return null
    if (SINGULAR.has(t.key)) return 'singular'
    if (PLURAL.has(t.key)) return 'plural'
    // a participle is no finite verb ("dass sie gewählt wurden")
    if (t.capital || FUNCTION_WORDS.has(t.key) || PARTICIPLE.test(t.key) || !isVerbForm(t.key))
      return null
    // "sagten", "fordern", "wechseln"; "sagte"; "sagt", "arbeitet"
    if (/(?:en|ern|eln)$/.test(t.key)) return 'plural'
    if (/(?:te|t)$/.test(t.key)) return 'singular'
    return null
  }
  // capitalised in mid-sentence it is the polite address, whatever the verb
  if (tokens[i]!.capital && !tokens[i]!.initial) return 'plural'
  // after a preposition it is no subject: the verb beside it is another's ("für sie stimmen")
  if (!segmentBreak(tokens, i) && PREPOSITIONS.has(tokens[i - 1]!.key)) return null
  const before = segmentBreak(tokens, i) ? null : of(tokens[i - 1])
  if (before) {
    // the verb comes first ("Gestern haben sie …", "Das sagten sie …"): what follows is no
    // finite verb ("durften sie bleiben"); the verb speaks of it only where nothing else can
    // be its subject (not "Die Kinder haben sie gesehen")
    // ("Am Abend schrieben sie …" begins with a preposition's phrase, which is none)
    const two = tokens[i - 2]
    const subjectBefore =
      two !== undefined &&
      two.capital &&
      !two.initial &&
      !FUNCTION_WORDS.has(two.key) &&
      !PREPOSITIONS.has(tokens[sentenceOf(tokens, i)[0]]!.key)
    return subjectBefore ? null : before
  }
  if (segmentBreak(tokens, i + 1)) return null
  const after = of(tokens[i + 1])
  // "… welche Pläne sie vorlegen will": an infinitive, then the finite verb
  const third = segmentBreak(tokens, i + 2) ? undefined : tokens[i + 2]
  if (after === 'plural' && third && (SINGULAR.has(third.key) || PLURAL.has(third.key)))
    return SINGULAR.has(third.key) ? 'singular' : 'plural'
  return after
}

/**
 * What the verb's number says against a reading of "sie" (0: it fits): singular "she";
 * plural "they", or "you" where "Sie" is capitalised in mid-sentence (the polite address).
 */
export function personCost(gloss: string, number: VerbNumber, role: Role): number {
  const person = /^(she|they|you)\b/.exec(gloss)?.[1]
  if (!person) return 2
  if (number === 'singular') return person === 'she' ? 0 : 2
  if (person === 'she') return 2
  const wanted = role === 'noun' ? 'you' : 'they'
  return person === wanted ? 0 : 1
}

/**
 * Ding marks its plural pronouns as plural nouns ("wir {ppron} {pl}", "sie", "ihr", "diese"):
 * a one-word noun written in lower case is one of them (German nouns are capitalised).
 */
export function pronounAsNoun(e: { pos: string; lemma: string }): boolean {
  return e.pos === 'noun' && /^\p{Ll}+$/u.test(e.lemma)
}
