/**
 * Fixed phrases around a verb in its clause, the way German news writes them: "Das Gesetz trat
 * im Mai in Kraft" is in Kraft treten (to come into force), not treten (to kick); "kam bei dem
 * Unfall ums Leben" is ums Leben kommen; "übte scharfe Kritik an …" is Kritik üben; "stellte
 * die Zahlen in Frage" is etw. in Frage stellen. A clicked verb form is read as such a phrase
 * when the phrase's other words stand in the verb's clause, in their order, with at most a
 * couple of words (adjectives, an article) between them.
 */
import { segmentBreak, type Token } from './context'
import { GOVERNED } from './known'
import { PARTICIPLE } from './readings'
import { lexiconKey } from './store'

/** Placeholders for a phrase's objects: "jdm. etw. zur Verfügung stellen". */
const PLACEHOLDER = /^(?:(?:jd[mnrs]?|jds|etw|sb|sth)\.|sich)$/
/** What an infinitive ends in ("treten", "handeln", "ändern", "sein", "tun"). */
const INFINITIVE = /^[a-zäöüß]+n$/
/** Words allowed between two of a phrase's words ("eine wichtige Rolle", "in ernste Gefahr"). */
const MAX_GAP = 2

/** One of a phrase's fixed words: its spellings ("Streik/Ausstand") and whether it is a noun. */
export interface Slot {
  words: string[]
  noun: boolean
}

export interface PhraseParts {
  /** The phrase's verb, last in the headword ("treten"). */
  verb: string
  /** The other words, in order. */
  fixed: Slot[]
  /** A reflexive phrase ("sich Sorgen machen"): the clause must have its pronoun. */
  reflexive: boolean
}

/**
 * A headword's verb and fixed words ("in Kraft treten" -> treten + in, Kraft), leaving out
 * placeholders, bracketed notes and the prepositions that govern a placeholder ("an jdm.
 * Kritik üben" -> üben + Kritik); null when it is no phrase of that kind: one of its words
 * must be a noun ("sicher sein", "nichts tun" say no more than their words).
 */
export function phraseParts(lemma: string): PhraseParts | null {
  if (!lemma.includes(' ') || /[,;:]/.test(lemma)) return null
  const words = lemma
    .normalize('NFC')
    .replace(/\([^()]*\)/g, ' ')
    .split(' ')
    .filter(Boolean)
  // a verb is written in lower case ("Vereinte Nationen" ends in no verb)
  const verb = words.pop()
  if (!verb || !INFINITIVE.test(verb)) return null
  const isPlaceholder = (w: string) => w.split('/').every((p) => PLACEHOLDER.test(p))
  const fixed: Slot[] = []
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!
    if (isPlaceholder(w)) continue
    const next = words[k + 1]
    if (next && isPlaceholder(next) && w.split('/').every((p) => GOVERNED.has(p))) continue
    const spellings = w.split('/').filter(Boolean)
    const noun = spellings.every((p) => p.charAt(0) !== p.charAt(0).toLowerCase())
    fixed.push({ words: spellings.map((p) => p.toLowerCase()), noun })
  }
  if (fixed.length === 0 || fixed.length > 4 || !fixed.some((slot) => slot.noun)) return null
  return { verb, fixed, reflexive: words.includes('sich') }
}

const parsed = new Map<string, PhraseParts | null>()

/** `phraseParts`, remembered: a common verb ("machen", "stellen") has hundreds of phrases. */
function partsOf(lemma: string): PhraseParts | null {
  let parts = parsed.get(lemma)
  if (parts === undefined) {
    if (parsed.size >= 50_000) parsed.clear()
    parts = phraseParts(lemma)
    parsed.set(lemma, parts)
  }
  return parts
}

export interface PhraseMatch {
  /**
   * The headwords' keys that fit with as many words as any ("eine rolle spielen" and "bei etw.
   * eine rolle spielen"): which explains the clause best is the caller's choice.
   */
  keys: string[]
  /** The tokens of the fixed words in the text (of the first key). */
  tokens: number[]
}

/** What finding phrases needs of the lexicon. */
export interface PhraseLexicon {
  /** The phrases (headwords as written) that end in a verb (KnownWords.phrasesOf). */
  phrases(verb: string): readonly string[]
  /** Whether a lower-case word is a verb's infinitive ("treten"). */
  isInfinitive(key: string): boolean
}

const AUXILIARY = new Set(['haben', 'sein', 'werden'])

/** Whether token i's clause has a participle or another infinitive besides token i. */
function auxiliaryBeside(
  tokens: Token[],
  [from, to]: [number, number],
  i: number,
  lexicon: PhraseLexicon,
): boolean {
  for (let k = from; k <= to; k++) {
    const t = tokens[k]!
    if (k === i || t.capital) continue
    if (PARTICIPLE.test(t.key) || (t.key.endsWith('en') && lexicon.isInfinitive(t.key))) return true
  }
  return false
}

/** The clause around token i: [from, to], between commas, dashes or sentence ends. */
export function clauseOf(tokens: Token[], i: number): [number, number] {
  let from = i
  while (!segmentBreak(tokens, from)) from--
  let to = i
  while (to + 1 < tokens.length && !segmentBreak(tokens, to + 1)) to++
  return [from, to]
}

/**
 * Whether a token is the slot's word: a noun written as one in mid-sentence ("mit Rot" is not
 * "rot"; "Laut Medienberichten …" is no noun Laut), any other word in lower case.
 */
function fits(token: Token, slot: Slot): boolean {
  if (!slot.words.includes(token.key)) return false
  return slot.noun ? token.capital && !token.initial : !token.capital || token.initial
}

/** Reflexive pronouns ("sich Sorgen machen": "ich mache mir Sorgen" is not read so). */
const REFLEXIVE = new Set(['sich', 'mich', 'dich', 'uns', 'euch'])
/** Prepositions and their contractions with an article. */
const PREPOSITIONS = new Set([
  ...GOVERNED,
  ...'am im zum zur ins ans aufs ums vom beim außer ohne seit wegen'.split(' '),
])

/**
 * Whether a phrase may be read in the clause at all: "sein" only with a preposition ("in der
 * Lage sein", "am Ende sein"; in "Ein Teil der Antwort ist …" the noun is the subject), "geben"
 * not as "es gibt", a reflexive phrase only with its pronoun.
 */
function allowed(tokens: Token[], [from, to]: [number, number], parts: PhraseParts): boolean {
  if (parts.verb === 'sein' && !parts.fixed.some((s) => s.words.some((w) => PREPOSITIONS.has(w))))
    return false
  const has = (words: Set<string> | string) => {
    for (let k = from; k <= to; k++)
      if (typeof words === 'string' ? tokens[k]!.key === words : words.has(tokens[k]!.key))
        return true
    return false
  }
  if (parts.verb === 'geben' && has('es')) return false
  return !parts.reflexive || has(REFLEXIVE)
}

/** The fixed words of a phrase in the clause, in order, skipping token `skip`; or null. */
function find(
  tokens: Token[],
  [from, to]: [number, number],
  fixed: Slot[],
  skip: number,
): number[] | null {
  // every place the first word stands is tried: "in" may stand twice in a clause
  for (let start = from; start <= to; start++) {
    if (start === skip || !fits(tokens[start]!, fixed[0]!)) continue
    const found = [start]
    for (let w = 1; w < fixed.length && found.length === w; w++) {
      const last = found[w - 1]!
      for (let k = last + 1; k <= Math.min(to, last + 1 + MAX_GAP); k++) {
        if (k === skip) break
        if (fits(tokens[k]!, fixed[w]!)) {
          found.push(k)
          break
        }
      }
    }
    if (found.length === fixed.length) return found
  }
  return null
}

/**
 * The phrases the verb form at token i belongs to in its clause, those with the most words
 * when several fit ("eine wichtige Rolle spielen" over "eine Rolle spielen"); null when none
 * does.
 * `infinitives` are the verbs the form can stand for; `phrases` the phrase headwords whose verb
 * is a given infinitive.
 */
export function phraseAt(
  tokens: Token[],
  i: number,
  infinitives: string[],
  lexicon: PhraseLexicon,
): PhraseMatch | null {
  const clause = clauseOf(tokens, i)
  let best: PhraseMatch | null = null
  for (const verb of infinitives) {
    // haben, sein, werden beside a participle or infinitive are auxiliaries: "habe … einen
    // Schlag gespürt" is no "einen Schlag haben"
    if (AUXILIARY.has(verb) && auxiliaryBeside(tokens, clause, i, lexicon)) continue
    for (const lemma of lexicon.phrases(verb)) {
      const parts = partsOf(lemma)
      if (!parts || parts.verb !== verb || !allowed(tokens, clause, parts)) continue
      const key = lexiconKey(lemma)
      const found = find(tokens, clause, parts.fixed, i)
      if (!found || (best && found.length < best.tokens.length)) continue
      if (best && found.length === best.tokens.length) {
        if (!best.keys.includes(key)) best.keys.push(key)
      } else best = { keys: [key], tokens: found }
    }
  }
  return best
}
