/**
 * Every way the lexicon can explain a written word, each with what it costs: the part of
 * speech its place in the sentence allows comes first (a lower-case word in mid-sentence is not
 * a noun, so "klagen" is the verb, not die Klage), then whose entry it is (own terms, the
 * built-in glossary, dictionaries), then how directly it was found (the lemma, a listed form,
 * an inflection read by the rules in morphology.ts), then the sense's rank.
 */
import type { LexiconEntry, WordInfo } from '../../../shared/types'
import type { Db } from '../db/open'
import { stmt } from '../db/statements'
import { VERB_BASE, VERB_LEMMA, bareVerb, type KnownWords } from './known'
import { adjectiveReadings, mayBeVerbForm, nounReadings, verbReadings } from './morphology'
import { determinerBases } from './determiners'
import { PERSON_BY_VERB, PLURAL_PERSON, personCost, pronounAsNoun } from './pronouns'
import {
  ARTICLE_BEFORE_NOUN,
  BEFORE_NUMBER,
  IN_QUESTION,
  interrogative,
  CASE_ENDINGS,
  DETERMINER_POS,
  FUNCTION_WORD,
  NOUNISH,
  PARTICIPLE,
  approximately,
  governed,
  isArticle,
  isLower,
  partOfSpeechCost,
  placePos,
  type Situation,
} from './place'
import { agreement, type SenseRanker } from './senses'
import { correlativeFor, entriesFor } from './store'

export type Entry = Omit<LexiconEntry, 'forms'>
export type { Situation } from './place'
export { PARTICIPLE }

export interface Reading {
  entry: Entry
  via: NonNullable<WordInfo['via']>
  /** 0 the lemma, 1 a listed form, 2 an inflection read by rule. */
  tier: number
  /** The word read as a participle ("abgebrochen", "betont"). */
  participle: boolean
  /** Sort key, lower first. */
  rank: number[]
}

const SOURCE = { user: 0, builtin: 1, dict: 2 } as const
/** What each other sense that agrees with a sense counts for it (senses.ts `agreement`) … */
const AGREEMENT = 1.5
/** … up to this many. */
const MAX_AGREEING = 3
/**
 * A plural headword documented at least this richly (`KnownWords.weightOf`: a line of eight
 * parts or more) is a word of its own, not only a plural.
 */
const OWN_PLURAL = 4

function byRank(a: Reading, b: Reading): number {
  for (let i = 0; i < a.rank.length; i++)
    if (a.rank[i] !== b.rank[i]) return a.rank[i]! - b.rank[i]!
  return a.entry.id - b.entry.id
}

function sameRank(a: Reading, b: Reading): boolean {
  for (let i = 0; i < 5; i++) if (a.rank[i] !== b.rank[i]) return false
  return true
}

export class Readings {
  private byId = new Map<number, Entry>()

  constructor(
    private readonly db: Db,
    private readonly known: KnownWords,
    private readonly senses: SenseRanker,
  ) {}

  forget(): void {
    this.byId.clear()
  }

  private entry(id: number): Entry {
    let e = this.byId.get(id)
    if (!e) {
      e = stmt(
        this.db,
        'SELECT id, lemma, pos, gender, plural, genitive, gloss, explanation, domain, source FROM lexicon_entries WHERE id = ?',
      ).get(id) as Entry
      if (this.byId.size > 20000) this.byId.clear()
      this.byId.set(id, e)
    }
    return e
  }

  /** Entries by lemma or listed form, plus verb entries written with objects ("etw. x"). */
  lookUp(key: string): { entry: Entry; via: 'lemma' | 'form' }[] {
    const found: { entry: Entry; via: 'lemma' | 'form' }[] = entriesFor(this.db, key)
    for (const id of this.known.bareEntries(key))
      found.push({ entry: this.entry(id), via: 'lemma' })
    return found
  }

  /**
   * The infinitives a lower-case verb form stands for ("gaben" -> "geben"); with `bases`, also
   * simple verbs the lexicon has only inside separable ones ("lehnen" of ablehnen).
   */
  infinitives(key: string, bases = false): { key: string; kind: string }[] {
    const out: { key: string; kind: string }[] = []
    const flags = (k: string) => this.known.get(k)
    const wanted = bases ? VERB_LEMMA | VERB_BASE : VERB_LEMMA
    for (const r of verbReadings(key, flags)) {
      if (r.kind !== 'form') {
        const inf = r.particle + r.key
        if (flags(inf) & wanted && !out.some((o) => o.key === inf))
          out.push({ key: inf, kind: r.kind })
        continue
      }
      for (const { entry } of this.lookUp(r.key)) {
        if (entry.pos !== 'verb') continue
        const lemmaKey = entry.lemma.toLowerCase()
        const bare = bareVerb(lemmaKey) ?? lemmaKey
        if (bare.includes(' ')) continue
        const inf = r.particle + bare
        if (flags(inf) & VERB_LEMMA && !out.some((o) => o.key === inf))
          out.push({ key: inf, kind: r.particle ? 'separable' : 'form' })
      }
    }
    return out
  }

  /**
   * Of several headwords that fit a clause equally well (fixed phrases: "eine rolle spielen",
   * "bei etw. eine rolle spielen"), the one whose best entry explains it best: whose entry it
   * is, the prepositions the clause has (`words`, as `Situation.words`), then the sense's rank.
   */
  bestHeadword(keys: string[], situation: Situation, words: string): string {
    let best = keys[0]!
    let bestScore = [Infinity, Infinity]
    for (const key of keys) {
      const top = this.read(key, situation)[0]
      if (!top) continue
      const e = top.entry
      const score = [
        SOURCE[e.source],
        governed(e.lemma, words) +
          (e.source === 'dict' ? this.senses.score(e, this.known.weightOf(e.id)) : 0),
      ]
      if (score[0]! < bestScore[0]! || (score[0] === bestScore[0] && score[1]! < bestScore[1]!)) {
        best = key
        bestScore = score
      }
    }
    return best
  }

  /** Every reading of a word in its situation, best first. */
  read(word: string, situation: Situation): Reading[] {
    const key = word.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim()
    const flags = (k: string) => this.known.get(k)
    const out: Reading[] = []
    const seen = new Map<number, Reading>()
    const capitalsOnly = word === word.toUpperCase()
    // "erhöhte die Gebühren" is a past tense; "die erhöhten Gebühren" a participle
    // … and a verb's own infinitive that looks like one ("gelten", "gewinnen", "verfahren") is
    // one only beside haben, sein or werden ("hat … vergessen"): "Die Regeln gelten" is gelten,
    // not the adjective gelt
    const participle =
      PARTICIPLE.test(key) &&
      (!situation.inSentence || situation.beforeNoun || /(?:t|en)$/.test(key)) &&
      (!situation.inSentence || situation.auxiliary !== null || !(flags(key) & VERB_LEMMA))
    const add = (entry: Entry, via: Reading['via'], tier: number) => {
      const before = seen.get(entry.id)
      if (before) {
        // found again more directly: "etw. vergessen" is a listed form of "vergessen" and
        // also its headword (written with an object)
        if (tier < before.tier) Object.assign(before, { via, tier })
        return
      }
      // "UN" is the United Nations; "Un" (in "Kim Jong Un") is not
      if (entry.pos === 'abbr' && entry.lemma === entry.lemma.toUpperCase() && !capitalsOnly) return
      const reading: Reading = { entry, via, tier, participle, rank: [] }
      seen.set(entry.id, reading)
      out.push(reading)
    }
    for (const r of this.lookUp(key)) add(r.entry, r.via, r.via === 'lemma' ? 0 : 1)
    // a word Ding lists only with its other part: "zwar" in "zwar …, aber …", "weder … noch"
    // (only then: "sich" is not "sich … lassen", nor "was" "was … denn")
    const correlative = key.includes(' ') || out.length ? null : correlativeFor(this.db, key)
    if (correlative)
      add(
        { ...correlative, pos: correlative.pos === 'phrase' ? 'conj' : correlative.pos },
        'lemma',
        0,
      )
    // a declined article or pronoun, or a contraction ("des": der; "seinem": seine; "zur": zu)
    const declined = determinerBases(key)
    if (
      declined &&
      (declined.always || !out.some((r) => r.tier === 0 && DETERMINER_POS.has(r.entry.pos)))
    )
      for (const base of declined.bases)
        for (const r of this.lookUp(base))
          if (r.via === 'lemma' && (DETERMINER_POS.has(r.entry.pos) || pronounAsNoun(r.entry)))
            add(r.entry, 'form', 1)
    if (key.includes('-'))
      for (const r of this.lookUp(key.replace(/-/g, ''))) add(r.entry, r.via, 1)
    // a lemma or listed form of the part of speech the place wants needs no rules
    // (not a plural headword, not a phrase, not a rare dictionary word: "riefen" is rufen's
    // far more often than the verb riefen)
    let verbs: boolean | undefined
    const direct = out.some((r) => {
      const e = r.entry
      const bare = bareVerb(e.lemma.toLowerCase()) ?? e.lemma.toLowerCase()
      if ((e.pos === 'noun' && e.gender === 'pl') || bare.includes(' ')) return false
      const cost = partOfSpeechCost(placePos(e), participle, situation)
      // a bare lookup ("akten", no sentence) takes a listed form of any part of speech, a
      // noun's only when the word cannot be a verb form ("gaben" is geben's)
      if (cost !== 0) {
        if (r.via !== 'form' || situation.inSentence || cost > 10) return false
        if (NOUNISH.has(e.pos) && (verbs ??= mayBeVerbForm(key, flags))) return false
      }
      return e.source !== 'dict' || r.via === 'form' || this.known.sensesOf(bare) >= 3
    })
    if (!key.includes(' ') && !direct) {
      const lower = situation.role !== 'noun'
      const upper = situation.role !== 'lower' || !situation.inSentence
      if (lower) {
        for (const inf of this.infinitives(key))
          for (const r of this.lookUp(inf.key))
            if (r.entry.pos === 'verb') add(r.entry, 'form', inf.key === key ? 0 : 2)
        for (const base of adjectiveReadings(key, flags)) {
          // an adverb takes no case ending ("erste" is no form of erst), only a comparison's
          const declined = key.startsWith(base) && CASE_ENDINGS.has(key.slice(base.length))
          for (const r of this.lookUp(base))
            if (r.entry.pos === 'adj' || (r.entry.pos === 'adv' && !declined))
              add(r.entry, 'form', 2)
        }
      }
      if (upper) {
        for (const reading of nounReadings(key, flags))
          for (const r of this.lookUp(reading.key))
            if (NOUNISH.has(r.entry.pos) && (reading.kind !== 'adjective' || declinesAs(key, r)))
              add(r.entry, 'form', 2)
      }
    }
    // at the start of a sentence a capital says nothing: a function word found as written in
    // lower case ("Ich habe …", "Aber …") is that word, not a noun written alike (das Ich, the
    // ego; das Aber, an objection)
    // (an adverb only when no adjective is written alike: "Bekannt wurde der Fall" is known,
    // not "conversantly")
    const adjective = out.some((r) => r.tier === 0 && r.entry.pos === 'adj')
    const isFunctionWord = (e: Entry) =>
      isLower(e.lemma) && (FUNCTION_WORD.has(e.pos) || (e.pos === 'adv' && !adjective))
    const functionWord =
      situation.role === 'initial' &&
      !situation.pronounAfter &&
      out.some((r) => r.tier === 0 && isFunctionWord(r.entry))
    // the most direct singular reading: a plural headword gives way to a singular the
    // dictionary lists the word as a form of ("Nachbarländer": Nachbarland), or one read as
    // directly as itself ("Gebäudes" is Gebäude's genitive, not the plural headword), not to
    // one only read by rule ("Kosten" are costs, not a plural of Kost, food)
    const singular = Math.min(
      ...out.map((r) => (r.entry.pos === 'noun' && r.entry.gender !== 'pl' ? r.tier : Infinity)),
    )
    /** What the word's place in the sentence says against a reading (0: it fits). */
    // an article stands before its noun, or before an adjective and its noun
    const beforeNounOrPhrase = situation.beforeNoun || situation.beforeNounPhrase === true
    const preposition = out.some((r) => r.tier === 0 && r.entry.pos === 'prep')
    const prepositionBeforeNoun =
      (situation.beforeNoun || situation.beforeDeterminer === true) &&
      situation.role === 'lower' &&
      preposition
    const placeCost = (r: Reading): number => {
      // a headword of several words is a phrase whatever its first letter says; an article
      // before a noun is in its place even where a capital letter asks for a noun ("Eine Frau")
      if (key.includes(' ') || (beforeNounOrPhrase && isArticle(r.entry))) return 0
      // before a number, a sense that says "about" is in its place ("Rund 100 Menschen …")
      if (situation.beforeNumber && r.tier === 0 && approximately(r.entry.gloss)) return 0
      // "sie" is she, they or you as the verb beside it says ("sie sagten": they)
      if (situation.number && (key === PERSON_BY_VERB || key === PLURAL_PERSON) && r.tier <= 1)
        return personCost(r.entry.gloss, situation.number, situation.role)
      // a plural pronoun the dictionary calls a noun ("wir sind") is no noun, except before one
      // ("ihr Team" is the possessive)
      if (pronounAsNoun(r.entry) && !situation.beforeNoun)
        return partOfSpeechCost('other', r.participle, situation)
      if (functionWord && r.tier === 0) return isFunctionWord(r.entry) ? 0 : 1
      // right before a noun or an article, a word that can be a preposition is one: an
      // adjective there would be declined ("laut Polizei": according to, not loud; "während
      // der Debatte": during, not the conjunction while)
      if (prepositionBeforeNoun && ['adj', 'adv', 'conj'].includes(r.entry.pos)) return 1
      // … and a word found as written as a preposition is no other word's declined form
      // ("wegen" is not weg, lost)
      if (preposition && r.tier === 2 && (r.entry.pos === 'adj' || r.entry.pos === 'adv')) return 2
      return partOfSpeechCost(placePos(r.entry), r.participle, situation)
    }
    for (const r of out) {
      const e = r.entry
      const lemmaKey = e.lemma.toLowerCase()
      const bare = bareVerb(lemmaKey) ?? lemmaKey
      const extraWords = !key.includes(' ') && bare.includes(' ')
      r.rank = [
        placeCost(r),
        extraWords ? 1 : 0,
        SOURCE[e.source],
        // "Nachbarländer" is the plural of Nachbarland, not a headword of its own; "Daten", with
        // a line of forty examples, is one as written ("data", not dates)
        e.gender === 'pl' &&
        e.pos === 'noun' &&
        singular <= Math.max(1, r.tier) &&
        !(r.tier === 0 && e.source === 'dict' && this.known.weightOf(e.id) >= OWN_PLURAL)
          ? 1
          : 0,
        // a common word read by rule beats a rare one found as written ("riefen": rufen)
        e.source === 'dict' ? r.tier - 1.5 * Math.log2(1 + this.known.sensesOf(bare)) : r.tier,
        0,
      ]
    }
    out.sort(byRank)
    // the sense's rank only decides between the best readings that tie on all else (it costs
    // a look at the gloss, so it is not worked out for the others)
    const best = out[0]
    if (!best) return out
    let tied = 1
    while (tied < out.length && sameRank(out[tied]!, best)) tied++
    if (tied === 1) return out
    const agreeing = agreement(out.slice(0, tied).map((r) => r.entry))
    for (let i = 0; i < tied; i++) {
      const e = out[i]!.entry
      const sense =
        e.source === 'dict'
          ? this.senses.score(e, this.known.weightOf(e.id)) -
            AGREEMENT * Math.min(agreeing[i]!, MAX_AGREEING)
          : 0
      // "sich zuspitzen" where the sentence has "sich", "etw. zuspitzen" where it has not
      const reflexive = e.pos === 'verb' && /(?:^|\s)sich\s/.test(e.lemma)
      // "Die Regierung": the article, not the relative pronoun "who" (its gloss has no word of
      // meaning, which ranks a sense last)
      out[i]!.rank[5] =
        sense +
        (reflexive === situation.reflexive ? 0 : situation.inSentence ? 3 : 0) +
        governed(e.lemma, situation.words) -
        (beforeNounOrPhrase && isArticle(e) ? ARTICLE_BEFORE_NOUN : 0) -
        // "rund 100 Menschen", "etwa 20 Prozent": about, not round or perhaps
        (situation.beforeNumber && approximately(e.gloss) ? BEFORE_NUMBER : 0) -
        // "Wie beurteilen Sie …?": how, not like
        (situation.question && interrogative(e.gloss) ? IN_QUESTION : 0)
    }
    const top = out.slice(0, tied).sort(byRank)
    return [...top, ...out.slice(tied)]
  }
}

/**
 * Whether a noun read as a declined adjective ("ein Abgeordneter", "den Angestellten") is one:
 * a noun's own headword, not a plural form ("Vorgänger" is no "Vorgänge" + r), masculine for
 * the strong -er ("Hacker" is no feminine "Hacke" + r).
 */
function declinesAs(key: string, r: { entry: Entry; via: string }): boolean {
  if (r.via !== 'lemma' || r.entry.gender === 'pl') return false
  return !key.endsWith('er') || r.entry.gender === 'm'
}
