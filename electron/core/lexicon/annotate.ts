/**
 * Everything the reader needs of a whole text at once: each word's lemma and the glossary
 * terms. A word the word list alone decides (the lemma of one part of speech, a noun's lemma
 * capitalised in mid-sentence) takes its lemma from it; every other word (a form, a plural the
 * dictionary also lists as a headword, a participle that is also an adjective, a word of two
 * parts of speech) is read as the popover reads it, by its place (`Lexicon.readingAt`), so the
 * lemma a learner saves from the popover is the lemma the reader tints and the profiles count.
 */
import type { TermMatch, WordInfo } from '../../../shared/types'
import { withoutReadingDots } from '../../../shared/words'
import { auxiliaryIn, roleOf, segmentBreak, sentenceOf, tokenize, type Token } from './context'
import { PARTICLES } from './particles'
import type { Situation } from './place'
import {
  ADJ,
  LEMMA,
  NOUN,
  NOUN_LEMMA,
  OTHER,
  PLURAL,
  VERB,
  VERB_LEMMA,
  type KnownWords,
} from './known'

export interface Annotation {
  words: number
  resolved: number
  compounds: number
  lemmas: (string | null)[]
  terms: TermMatch[]
}

export interface AnnotationLexicon {
  known: KnownWords
  lemmaOf(key: string): string | null
  /** The popover's reading of token i (its lemma, and whether it was split as a compound). */
  readingAt(tokens: Token[], i: number, place: TokenPlace): TokenLemma
  terms(text: string, tokens: Token[]): TermMatch[]
}

/** What a word's sentence says of it, worked out once per sentence. */
export interface TokenPlace {
  /** haben/werden or sein in the sentence. */
  auxiliary: 'haben' | 'sein' | null
  /**
   * It may be one part of a verb split in its clause: a particle at the end of a clause
   * ("… an."), or a lower-case verb form with such a particle after it in its sentence.
   */
  split: boolean
}

export interface TokenLemma {
  lemma: string | null
  compound: boolean
}

/** Parts of speech; a key with more than one of them is read by its place. */
const KINDS = NOUN | VERB | ADJ | OTHER

export function annotateText(text: string, lexicon: AnnotationLexicon): Annotation {
  const { known } = lexicon
  const flags = (key: string) => known.get(key)
  const lemmas: (string | null)[] = []
  let resolved = 0
  let compounds = 0
  const tokens = tokenize(text)
  const places = sentencePlaces(tokens, flags)
  tokens.forEach((t, i) => {
    const place = places[i]!
    const simple = place.split
      ? null
      : simpleLemma(t.key, t.capital && !t.initial, flags(t.key), lexicon)
    // otherwise read by its place (readingAt remembers each spelling in each kind of place)
    const r = simple ?? lexicon.readingAt(tokens, i, place)
    lemmas.push(r.lemma)
    if (r.lemma) resolved++
    if (r.compound) compounds++
  })
  return { words: lemmas.length, resolved, compounds, lemmas, terms: lexicon.terms(text, tokens) }
}

/**
 * The lemma when the word list alone decides it: capitalised in mid-sentence, a noun's lemma
 * that is nothing else (not a plural: Ding lists "Menschen" as a headword, the popover reads
 * Mensch); in lower case, an infinitive that is nothing else. Otherwise null: read by its
 * place (an adjective may be another's comparative or form: "schlechter", "viele").
 */
function simpleLemma(
  key: string,
  midCapital: boolean,
  f: number,
  lexicon: AnnotationLexicon,
): TokenLemma | null {
  if (!(f & LEMMA) || f & PLURAL) return null
  const kinds = f & KINDS
  if (kinds & (kinds - 1)) return null // more than one part of speech
  if (midCapital) return f & NOUN_LEMMA ? { lemma: lexicon.lemmaOf(key), compound: false } : null
  return kinds === VERB && f & VERB_LEMMA ? { lemma: key, compound: false } : null
}

/**
 * A verb form, or a word the word list does not know alone (a verb the dictionary lists only
 * with its particle, "kündigte an").
 */
const maybeVerb = (f: number) => f === 0 || (f & VERB) !== 0

/** Each token's place (see `TokenPlace`), sentence by sentence. */
function sentencePlaces(tokens: Token[], flags: (key: string) => number): TokenPlace[] {
  const out: TokenPlace[] = []
  let from = 0
  while (from < tokens.length) {
    const [, to] = sentenceOf(tokens, from)
    const auxiliary = auxiliaryIn(tokens, from)
    // the last particle that ends a clause in this sentence
    let particle = -1
    for (let k = to; k >= from && particle < 0; k--)
      if (PARTICLES.has(tokens[k]!.key) && segmentBreak(tokens, k + 1)) particle = k
    for (let i = from; i <= to; i++) {
      const { key, capital, initial } = tokens[i]!
      const split = PARTICLES.has(key)
        ? segmentBreak(tokens, i + 1)
        : particle > i && key.length > 1 && !(capital && !initial) && maybeVerb(flags(key))
      out.push({ auxiliary, split })
    }
    from = to + 1
  }
  return out
}

/** Running words' readings remembered at most (about 20 MB). */
const REMEMBERED = 200_000

/**
 * Reads running words as the popover reads them when only their place in the sentence is known
 * (`TokenPlace`), not their clause; a possible split verb is read with its clause. Remembered
 * per spelling and place, across texts.
 */
export class RunningWords {
  private readonly memo = new Map<string, TokenLemma>()

  constructor(
    private readonly reader: {
      resolve(query: string, situation: Situation): WordInfo
      separable(tokens: Token[], i: number, situation: Situation): WordInfo | null
      /** The lemma of two words the lexicon has as written ("ein paar"), or null. */
      pair(words: string, situation: Situation): string | null
    },
  ) {}

  at(tokens: Token[], i: number, place: TokenPlace): TokenLemma {
    const t = tokens[i]!
    const next = tokens[i + 1]
    const role = roleOf(t)
    const { auxiliary } = place
    const beforeNoun = next !== undefined && next.capital && !next.initial
    const situation: Situation = {
      role,
      inSentence: true,
      auxiliary,
      pronounAfter: false,
      beforeNoun,
      reflexive: false,
      words: '',
    }
    // one verb with its other part ("kündigte … an": ankündigen)
    if (place.split) {
      const inClause = this.reader.separable(tokens, i, situation)
      if (inClause) return { lemma: inClause.lemma, compound: false }
    }
    const id = `${role}\u0000${auxiliary}\u0000${beforeNoun}\u0000${t.raw}`
    let r = this.memo.get(id)
    if (!r) {
      const info = this.reader.resolve(withoutReadingDots(t.raw), situation)
      // a name is no word to learn (the reader leaves names out)
      r = { lemma: info.pos === 'name' ? null : info.lemma, compound: info.source === 'compound' }
      if (this.memo.size >= REMEMBERED) this.memo.clear()
      this.memo.set(id, r)
    }
    // a word found only with the one before it ("paar" in "ein paar")
    const before = tokens[i - 1]
    if (r.lemma === null && before && !t.initial) {
      const words = `${before.raw} ${t.raw}`
      let paired = this.memo.get(`\u0001${words}`)
      if (!paired) {
        paired = { lemma: this.reader.pair(words, situation), compound: false }
        this.memo.set(`\u0001${words}`, paired)
      }
      if (paired.lemma) return paired
    }
    return r
  }

  forget(): void {
    this.memo.clear()
  }
}
