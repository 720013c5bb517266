/**
 * A word read with the rest of its clause: a separable verb from either part ("gaben … preis"),
 * and a verb inside a fixed phrase ("trat … in Kraft": in Kraft treten). Both answer with the
 * whole entry and the words as they stand apart in the sentence.
 */
import type { WordInfo } from '../../../shared/types'
import type { Token } from './context'
import { emptyInfo } from './explain'
import { NOUN, VERB, VERB_LEMMA, type KnownWords } from './known'
import { clauseOf, phraseAt, type PhraseMatch } from './phrases'
import type { Readings, Situation } from './readings'
import { separableAt, unknownSeparable, type SeparableLexicon } from './separable'
import { lexiconKey } from './store'

/** What reading in the clause needs of the lexicon. */
export interface ClauseReader {
  readings: Readings
  known: KnownWords
  /** The best explanation of a word or headword in a situation (lookup.ts). */
  resolve(query: string, situation: Situation): WordInfo
}

/** The word at token i read with its clause, or null when its clause adds nothing. */
export function readInClause(
  tokens: Token[],
  i: number,
  situation: Situation,
  reader: ClauseReader,
): WordInfo | null {
  return separableIn(tokens, i, situation, reader) ?? phraseIn(tokens, i, situation, reader)
}

function separableLexicon({ readings, known }: ClauseReader): SeparableLexicon {
  return {
    // a split verb is finite: a participle or zu-infinitive is written in one ("angehört"),
    // so "gehören … an" is no "hören" read as a participle
    infinitives: (t) =>
      readings
        .infinitives(t.key, true)
        .filter((i) => i.kind !== 'participle' && i.kind !== 'zu-infinitive')
        .map((i) => i.key),
    isVerb: (key) => (known.get(key) & VERB_LEMMA) !== 0,
    isFiniteVerb: (t) =>
      !t.capital && (known.get(t.key) & (VERB | NOUN)) === VERB && !t.key.endsWith('en'),
    listed: (verb, particle) => {
      // "wies zurück" is listed under "ablehnen; zurückweisen" too: only a verb that starts
      // with the particle counts
      for (const r of readings.lookUp(`${verb} ${particle}`)) {
        const infinitive = lexiconKey(r.entry.lemma).split(' ').pop()!
        if (r.via === 'form' && r.entry.pos === 'verb' && infinitive.startsWith(particle))
          return infinitive
      }
      return null
    },
  }
}

/**
 * The word as part of a separable verb in its sentence ("gaben … preis"), or, when a particle
 * closes its clause but the lexicon has no such verb, unknown with the simple verb under
 * "more" ("forderte … auf" without auffordern: fordern would be wrong). Null otherwise.
 */
export function separableIn(
  tokens: Token[],
  i: number,
  situation: Situation,
  reader: ClauseReader,
): WordInfo | null {
  const token = tokens[i]!
  const lexicon = separableLexicon(reader)
  const verb = { ...situation, role: 'lower' as const }
  const pair = separableAt(tokens, i, lexicon)
  if (pair) {
    const info = reader.resolve(pair.key, verb)
    if (info.found)
      return {
        ...info,
        query: token.raw,
        via: 'separable',
        separable: `${tokens[pair.verb]!.raw} … ${tokens[pair.particle]!.raw}`,
      }
  }
  const particle = unknownSeparable(tokens, i, lexicon)
  if (particle < 0 || reader.readings.infinitives(token.key).length === 0) return null
  // the particle is another verb's ("werfen einige Blogs … vor": vorwerfen, and "einige" no
  // verb of its own)
  const owner = separableAt(tokens, particle, lexicon)
  if (owner && owner.verb !== i) return null
  const simple = reader.resolve(token.raw, verb)
  return {
    ...emptyInfo(token.raw),
    separable: `${token.raw} … ${tokens[particle]!.raw}`,
    more: [...asMore(simple), ...simple.more],
  }
}

/**
 * A verb form inside a fixed phrase of its clause ("Das Gesetz trat im Mai in Kraft"), or a
 * noun of that phrase ("Kraft"): the phrase's entry, with the clicked word's own explanation
 * first under "more". Null when no phrase of the lexicon fits.
 */
function phraseIn(
  tokens: Token[],
  i: number,
  situation: Situation,
  reader: ClauseReader,
): WordInfo | null {
  const token = tokens[i]!
  const found = !token.capital
    ? phraseOfVerb(tokens, i, reader)
    : token.initial
      ? null
      : phraseOfNoun(tokens, i, reader)
  if (!found) return null
  const bare: Situation = { ...situation, role: 'lower', inSentence: false, words: '' }
  const key = reader.readings.bestHeadword(found.match.keys, bare, situation.words)
  const info = reader.resolve(key, bare)
  // the phrase's own entry, not one that lists it among its forms
  if (!info.found || info.lemma === null || lexiconKey(info.lemma) !== key) return null
  const simple = reader.resolve(token.raw, situation)
  const words = [found.verb, ...found.match.tokens].sort((a, b) => a - b)
  const shown = words
    .map((k, n) => (n > 0 && k > words[n - 1]! + 1 ? '… ' : '') + tokens[k]!.raw)
    .join(' ')
  return {
    ...info,
    query: token.raw,
    via: 'phrase',
    separable: shown,
    more: [...asMore(simple), ...info.more.filter((m) => m.id !== simple.entryId)],
  }
}

/** The phrase the verb form at token v belongs to in its clause, or null. */
function phraseOfVerb(
  tokens: Token[],
  v: number,
  reader: ClauseReader,
): { verb: number; match: PhraseMatch } | null {
  const key = tokens[v]!.key
  const infinitives = reader.readings.infinitives(key).map((inf) => inf.key)
  if (reader.known.get(key) & VERB_LEMMA && !infinitives.includes(key)) infinitives.push(key)
  if (infinitives.length === 0) return null
  const match = phraseAt(tokens, v, infinitives, {
    phrases: (verb) => reader.known.phrasesOf(verb),
    isInfinitive: (k) => (reader.known.get(k) & VERB_LEMMA) !== 0,
  })
  return match && { verb: v, match }
}

/** The phrase a noun at token i belongs to with a verb of its clause ("Kraft"), or null. */
function phraseOfNoun(
  tokens: Token[],
  i: number,
  reader: ClauseReader,
): { verb: number; match: PhraseMatch } | null {
  const [from, to] = clauseOf(tokens, i)
  const separable = separableLexicon(reader)
  for (let v = from; v <= to; v++) {
    if (v === i || tokens[v]!.capital) continue
    // "… Punkte ein und gibt die rote Laterne ab": gibt is abgeben's, no "Punkte geben"
    if (separableAt(tokens, v, separable)) continue
    const found = phraseOfVerb(tokens, v, reader)
    if (found?.match.tokens.includes(i)) return found
  }
  return null
}

/** A word's own explanation as an entry under "more" (none for a compound's assembly). */
function asMore(info: WordInfo): WordInfo['more'] {
  if (info.entryId === null || info.source === null || info.source === 'compound') return []
  return [
    {
      id: info.entryId,
      lemma: info.lemma ?? info.query,
      gloss: info.gloss ?? '',
      source: info.source,
      pos: info.pos ?? 'verb',
    },
  ]
}
