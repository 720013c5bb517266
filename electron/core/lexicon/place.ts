/**
 * What a word's place in its sentence says about how to read it: the part of speech the place
 * allows (a lower-case word in mid-sentence is no noun; a capital at a sentence's start says
 * nothing), an article before its noun, a preposition before a noun or an article, a sense
 * that says "about" before a number, a verb's governed preposition in its clause. Used by
 * readings.ts to rank every way the lexicon can explain a word.
 */
import type { LexiconEntry } from '../../../shared/types'
import {
  DETERMINERS,
  PRONOUNS,
  auxiliaryIn,
  clauseWords,
  reflexiveIn,
  roleOf,
  type Role,
  type Token,
} from './context'
import { GOVERNED } from './known'
import { PERSON_BY_VERB, PLURAL_PERSON, verbNumberAt, type VerbNumber } from './pronouns'
import { ENGLISH_ARTICLE } from './senses'

type Entry = Omit<LexiconEntry, 'forms'>

/** Where a word stands, as far as its part of speech goes. */
export interface Situation {
  /** noun: capitalised in mid-sentence; lower: lower case; initial: first in a sentence. */
  role: Role
  /** Whether the word's sentence is known (the popover) or only the word (a bare lookup). */
  inSentence: boolean
  /** haben/werden or sein in the sentence: a participle there is a verb form. */
  auxiliary: 'haben' | 'sein' | null
  /** A personal pronoun follows ("Klagen Sie …"): the verb comes first. */
  pronounAfter: boolean
  /** A noun follows: a participle with an ending is attributive ("die beschädigten Häuser"). */
  beforeNoun: boolean
  /** An article or determiner follows ("während der Debatte"). */
  beforeDeterminer?: boolean
  /** A lower-case word and then a noun follow ("eine gewisse Skepsis"). */
  beforeNounPhrase?: boolean
  /** A number follows ("rund 100", "etwa zwanzig"). */
  beforeNumber?: boolean
  /** The word opens a question ("Wie beurteilen Sie …?"). */
  question?: boolean
  /** "sich" is in the sentence: reflexive senses first ("sprach sich … aus"). */
  reflexive: boolean
  /** The clause's words, space-separated with spaces around ("" without a sentence). */
  words: string
  /** For "sie": the number of the finite verb beside it (she, or they and you), if one is. */
  number?: VerbNumber | null
}

export const NOUNISH = new Set(['noun', 'phrase', 'abbr'])
/** A sense that says "about" a figure, and what standing before a number counts for it. */
const APPROXIMATELY_ALONE = /^(?:about|approximately|around|roughly|circa)(?:\s*\/[^/]*\/)?$/
export const approximately = (gloss: string) =>
  gloss.includes('numerical figures') ||
  gloss.split(/[;|]/).some((a) => APPROXIMATELY_ALONE.test(a.trim()))
export const BEFORE_NUMBER = 6
/** A sense a question word has in a question ("Wie …?": how, not like). */
const INTERROGATIVE = /^(?:how|what|who|where|when|why|which)(?:\s*\/[^/]*\/)?$/
export const interrogative = (gloss: string) =>
  gloss.split(/[;|]/).some((a) => INTERROGATIVE.test(a.trim()))
export const IN_QUESTION = 6
/** What standing before a noun counts for an article (its gloss: senses.ts `ENGLISH_ARTICLE`). */
export const ARTICLE_BEFORE_NOUN = 20
/** "gegeben", "abgebrochen", "betont", "verstärkt", "kritisiert" (and with an ending). */
export const PARTICIPLE =
  /(?:^[a-zäöü]*ge[a-zäöü]{2,}(?:t|en)|^(?:be|ver|er|ent|zer|emp|miss|über|unter|hinter|wider|ge)[a-zäöü]{2,}t|iert)(?:e|en|er|es|em)?$/

/**
 * An entry's part of speech for its place in the sentence: a place name the dictionary gives
 * no gender is a noun ("Wien [geogr.]": Vienna, "Mailand": Milan; not "Alter [ugs.]", a way
 * to address someone).
 */
export function placePos(e: Entry): string {
  return e.pos === 'other' && e.domain === 'geogr.' && /^\p{Lu}[\p{Ll}\p{Lu}-]*$/u.test(e.lemma)
    ? 'noun'
    : e.pos
}

/** An adjective's case endings. */
export const CASE_ENDINGS = new Set(['e', 'en', 'er', 'es', 'em'])

/** Parts of speech a lower-case word in a sentence can be at no cost. */
const IN_RUNNING_TEXT = new Set(['verb', 'adj', 'adv', 'prep', 'conj', 'num'])

/** What a declined article, pronoun or contraction can be a form of (not "sein", to be). */
export const DETERMINER_POS = new Set(['other', 'adj', 'num', 'prep'])

/** Parts of speech of the words a capital at a sentence's start may not make nouns of. */
export const FUNCTION_WORD = new Set(['other', 'conj', 'prep'])
export const isLower = (lemma: string) => lemma === lemma.toLowerCase()

/** An article ("die {art} :: the", "ein; eine {art} :: a; an"). */
export function isArticle(e: Entry): boolean {
  return e.pos === 'other' && ENGLISH_ARTICLE.test(e.gloss)
}

export function partOfSpeechCost(pos: string, participle: boolean, s: Situation): number {
  const noun = NOUNISH.has(pos)
  const lower = s.role === 'lower'
  if (s.role === 'noun') return noun ? 0 : 6
  if (s.role === 'initial' && s.pronounAfter) return pos === 'verb' ? 0 : noun ? 3 : 2
  if (!lower) return noun ? 0 : 2
  // lower case: never a noun in a sentence; as a bare lookup only when nothing else fits
  if (noun) return s.inSentence ? 20 : 10
  if (participle && s.inSentence) {
    // "hat … abgelehnt", "wurden … abgebrochen": the verb; "bleibt angespannt": the adjective
    // "seien gescheitert" (a verb) and "war überfüllt" (an adjective) look alike: with sein,
    // whose entry it is and how directly it was found decide
    if (pos === 'verb') return s.auxiliary ? 0 : 1
    if (pos === 'adj' || pos === 'adv') return s.auxiliary === 'haben' ? 2 : 0
  }
  if (IN_RUNNING_TEXT.has(pos)) return 0
  if (pos === 'other') return 3
  return 1
}

/**
 * A verb's sense with the preposition it governs, by whether the clause has it: "sich für
 * etw. aussprechen" where "für" stands in the clause (−2), not where it does not (+1).
 */
export function governed(lemma: string, words: string): number {
  if (!words) return 0
  let score = 0
  for (const w of lemma.toLowerCase().split(' ')) {
    const alternatives = w.split('/')
    if (alternatives.every((p) => GOVERNED.has(p)))
      score += alternatives.some((p) => words.includes(` ${p} `)) ? -2 : 1
  }
  return score
}

/** A number as written: figures, or a number word ("100", "zwanzig", "drei"). */
const NUMBER_WORD =
  /^(?:\d[\d.,]*|(?:ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig|dreißig|vierzig|fünfzig|hundert|tausend|dutzend)\p{L}*)$/u

export const isNumberWord = (key: string) => NUMBER_WORD.test(key)

/** A word looked up outside a sentence. */
export const NO_PLACE: Situation = {
  role: 'lower',
  inSentence: false,
  auxiliary: null,
  pronounAfter: false,
  beforeNoun: false,
  reflexive: false,
  words: '',
}

/**
 * Where token i stands in its sentence, as the popover reads it (`hasInfinitive`: whether a
 * word is a form of a verb, for the number of "sie" by its verb).
 */
export function situationAt(
  tokens: Token[],
  i: number,
  text: string,
  hasInfinitive: (key: string) => boolean,
): Situation {
  const token = tokens[i]!
  const next = tokens[i + 1]
  const after = tokens[i + 2]
  const ahead = next !== undefined && !next.initial
  return {
    role: roleOf(token),
    inSentence: true,
    auxiliary: auxiliaryIn(tokens, i),
    pronounAfter: ahead && PRONOUNS.has(next.key),
    beforeNoun: ahead && next.capital,
    beforeDeterminer: ahead && DETERMINERS.has(next.key),
    beforeNumber: ahead && isNumberWord(next.key),
    // first in a sentence that ends with a question mark
    question: token.initial && /^[^.!?]*\?/.test(text.slice(token.start)),
    beforeNounPhrase:
      ahead && !next.capital && after !== undefined && after.capital && !after.initial,
    reflexive: reflexiveIn(tokens, i),
    words: clauseWords(tokens, i),
    number:
      token.key === PERSON_BY_VERB
        ? verbNumberAt(tokens, i, hasInfinitive)
        : token.key === PLURAL_PERSON
          ? 'plural'
          : null,
  }
}
