/**
 * Everything the reader needs of a whole text at once: each word's lemma and the glossary
 * terms. Works from the in-memory word list with the same rules as a lookup (a lower-case word
 * is read as a verb or adjective, a capitalised one as a noun, an agent noun keeps its lemma, a
 * compound takes its head's); only inflected forms ask SQLite for their lemma, once per text.
 */
import type { TermMatch } from '../../../shared/types'
import { joinCompound } from './compound'
import { tokenize, type Token } from './context'
import { ADJ, LEMMA, NOUN, VERB, VERB_LEMMA, type KnownWords } from './known'
import { adjectiveReadings, agentNoun, nounReadings, verbReadings } from './morphology'

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
  /** The infinitive of a listed verb form ("gab" -> "geben"). */
  verbOf(form: string): string | null
  splitCompound(word: string): { parts: string[]; head: string; headText: string } | null
  terms(text: string, tokens: Token[]): TermMatch[]
}

/** The infinitive a lower-case verb form stands for, from the word list (forms: once each). */
function verbLemma(key: string, lexicon: AnnotationLexicon, flags: (key: string) => number) {
  // a form the lexicon lists ("sagte", "gab") needs no rules
  if (flags(key) & VERB && !(flags(key) & VERB_LEMMA)) {
    const verb = lexicon.verbOf(key)
    if (verb) return verb
  }
  for (const r of verbReadings(key, flags)) {
    if (r.kind !== 'form') {
      const infinitive = r.particle + r.key
      if (flags(infinitive) & VERB_LEMMA) return infinitive
      continue
    }
    const verb = lexicon.verbOf(r.key)
    if (verb === null) continue
    if (!r.particle) return verb
    if (flags(r.particle + verb) & VERB_LEMMA) return r.particle + verb
  }
  return null
}

export function annotateText(text: string, lexicon: AnnotationLexicon): Annotation {
  const { known } = lexicon
  const flags = (key: string) => known.get(key)
  const seen = new Map<string, { lemma: string | null; compound: boolean }>()
  const lemmas: (string | null)[] = []
  let resolved = 0
  let compounds = 0
  const tokens = tokenize(text)
  for (const t of tokens) {
    // the same spelling in the same kind of place reads the same
    const id = t.capital && !t.initial ? `N${t.raw}` : t.raw
    let r = seen.get(id)
    if (r === undefined) {
      r = lemmaOfToken(t.raw, t.key, t.capital, t.initial, lexicon, flags)
      seen.set(id, r)
    }
    lemmas.push(r.lemma)
    if (r.lemma) resolved++
    if (r.compound) compounds++
  }
  return { words: lemmas.length, resolved, compounds, lemmas, terms: lexicon.terms(text, tokens) }
}

function lemmaOfToken(
  raw: string,
  key: string,
  capital: boolean,
  initial: boolean,
  lexicon: AnnotationLexicon,
  flags: (key: string) => number,
): { lemma: string | null; compound: boolean } {
  const f = flags(key)
  if (!capital || initial) {
    // lower case: a verb or an adjective, never a noun
    if (f & LEMMA && !(f & NOUN)) return { lemma: key, compound: false }
    if (!capital || !(f & NOUN)) {
      const verb = verbLemma(key, lexicon, flags)
      if (verb) return { lemma: verb, compound: false }
      const adjective = adjectiveReadings(key, flags)[0]
      if (adjective) return { lemma: adjective, compound: false }
      if (f & ADJ) return { lemma: lexicon.lemmaOf(key), compound: false }
      if (!capital) return { lemma: f ? lexicon.lemmaOf(key) : null, compound: false }
    }
  }
  if (f) return { lemma: lexicon.lemmaOf(key), compound: false }
  const noun = nounReadings(key, flags)[0]
  if (noun) return { lemma: lexicon.lemmaOf(noun.key), compound: false }
  const split = lexicon.splitCompound(raw)
  if (split) {
    const head = lexicon.lemmaOf(split.head)
    if (head)
      return {
        lemma: joinCompound(raw.slice(0, raw.length - split.headText.length), head),
        compound: true,
      }
  }
  const agent = agentNoun(raw, flags)
  if (agent) return { lemma: agent.lemma, compound: false }
  return { lemma: null, compound: false }
}
