/**
 * Looking words up as a learner clicks them, in their sentence: a name is a name; a separable
 * verb is one verb from either part ("gaben … preis"), a verb in a fixed phrase the phrase
 * ("trat … in Kraft", clause.ts); otherwise the part of speech the
 * word's place allows decides, then whose entry and how directly it was found (readings.ts);
 * only a noun that nothing else explains is split as a compound or read as a derivation
 * ("Politiker" from Politik keeps its own lemma).
 */
import { type TermMatch, type WordContext, type WordInfo } from '../../../shared/types'
import { withoutReadingDots } from '../../../shared/words'
import type { Db } from '../db/open'
import { stmt } from '../db/statements'
import type { SearchIndex } from '../search'
import { annotateText, RunningWords, type Annotation } from './annotate'
import { readInClause, separableIn, type ClauseReader } from './clause'
import { joinCompound, splitKey } from './compound'
import { tokenAt, tokenize, type Token } from './context'
import {
  agencyName,
  explainDerived,
  explainEntry,
  emptyInfo,
  nounLemma,
  placeAdjective,
  womanByArticle,
} from './explain'
import { KnownWords, LEMMA, NOUN, NOUN_LEMMA } from './known'
import { adjectiveBase, agentNoun } from './morphology'
import type { NameSpan } from './names'
import { contractionOf } from './determiners'
import { findOccurrences, listedForms, type LemmaProfiles } from './occurrences'
import { readNumbered, type NumberedLexicon } from './numbered'
import { NO_PLACE, situationAt } from './place'
import { Readings, type Entry, type Situation } from './readings'
import { SenseRanker } from './senses'
import { getNote, lexiconKey } from './store'
import { GlossaryTerms } from './terms'
import { TextNames } from './textnames'

export class Lexicon {
  /** The lexicon's words in memory (compound splits, morphology, names, annotation). */
  readonly known: KnownWords
  private readonly senses: SenseRanker
  private readonly readings: Readings
  private readonly glossary: GlossaryTerms
  private readonly text: TextNames
  /** Separable verbs and fixed phrases read in their clause (clause.ts). */
  private readonly clauseReader: ClauseReader
  /** The articles' lemma profiles, which tell where a word occurs (set by the study room). */
  profiles: LemmaProfiles | null = null
  private lookups = new Map<string, WordInfo>()
  private lemmas = new Map<string, string | null>()
  /** Running words read as the popover reads them, remembered (annotate.ts). */
  private readonly runningWords = new RunningWords({
    resolve: (query, situation) => this.resolve(query, situation),
    separable: (tokens, i, situation) => separableIn(tokens, i, situation, this.clauseReader),
    pair: (pair, situation) => this.pairEntry(pair, situation)?.lemma ?? null,
  })
  private readonly entriesOf = (key: string) => this.readings.lookUp(key).map((r) => r.entry)
  /** Words written with a number: numbered.ts. */
  private readonly numbered: NumberedLexicon = {
    suffixEntry: (key) => this.readings.lookUp(key)[0]?.entry ?? null,
    noun: (word) => {
      const info = this.resolve(word, { ...NO_PLACE, role: 'noun' })
      return info.found && info.pos === 'noun' ? info : null
    },
  }

  constructor(
    private readonly db: Db,
    private readonly search: SearchIndex,
  ) {
    this.known = new KnownWords(db)
    this.senses = new SenseRanker(db)
    this.readings = new Readings(db, this.known, this.senses)
    this.glossary = new GlossaryTerms(db)
    this.text = new TextNames(db, this.known, this.glossary)
    this.clauseReader = {
      readings: this.readings,
      known: this.known,
      resolve: (query, situation) => this.resolve(query, situation),
    }
  }

  /**
   * Loads the word list in the background (see `KnownWords.load`) and the sense ranks: what
   * every lookup and annotation needs; a no-op once loaded.
   */
  async load(): Promise<void> {
    try {
      await this.known.load()
      this.senses.warm()
    } catch {
      // the library was closed meanwhile; the next lookup loads them at once
    }
  }

  /** Forgets the remembered lookups only (the benchmark measures lookups from cold). */
  forgetLookups(): void {
    this.lookups.clear()
    this.runningWords.forget()
    this.lemmas.clear()
    this.readings.forget()
  }

  /**
   * Forgets everything derived from the lexicon and the library (after imports and edits here,
   * or when another process changed the library file).
   */
  invalidate(): void {
    this.known.invalidate()
    this.senses.invalidate()
    this.glossary.invalidate()
    this.text.invalidate()
    this.forgetLookups()
  }

  private flags = (key: string) => this.known.get(key)

  /**
   * Splits a compound into lexicon words with linking elements ("Sicherheitsgarantien" ->
   * Sicherheit, s, Garantie); hyphenated words split at their hyphens.
   */
  splitCompound(word: string): { parts: string[]; head: string; headText: string } | null {
    const pieces = word.split(/[-‐‑]/).filter(Boolean)
    if (pieces.length > 1)
      return {
        parts: pieces,
        head: lexiconKey(pieces[pieces.length - 1]!),
        headText: pieces[pieces.length - 1]!,
      }
    const split = splitKey(lexiconKey(word), this.known)
    if (!split) return null
    const parts: string[] = []
    split.parts.forEach((p, k) => {
      parts.push(this.lemmaOf(p.key) ?? p.text)
      const link = split.links[k]
      if (link && k < split.parts.length - 1) parts.push(link)
    })
    const last = split.parts[split.parts.length - 1]!
    return { parts, head: last.key, headText: word.slice(word.length - last.text.length) }
  }

  /** The lemma a key stands for, as the lexicon writes it (a singular noun if there is one). */
  lemmaOf(key: string): string | null {
    const remembered = this.lemmas.get(key)
    if (remembered !== undefined) return remembered
    const flags = this.known.get(key)
    if (flags & NOUN_LEMMA) return key.charAt(0).toUpperCase() + key.slice(1)
    if (flags & LEMMA && !(flags & NOUN)) return key
    const lemma =
      (stmt(
        this.db,
        `SELECT lemma FROM (
           SELECT lemma, pos, gender, 0 AS via FROM lexicon_entries WHERE key = @key
           UNION ALL
           SELECT e.lemma, e.pos, e.gender, 1 AS via FROM lexicon_forms f JOIN lexicon_entries e ON e.id = f.entry_id
            WHERE f.key = @key)
         ORDER BY pos <> 'noun', gender IS 'pl', via LIMIT 1`,
      )
        .pluck()
        .get({ key }) as string | undefined) ?? null
    if (this.lemmas.size > 20000) this.lemmas.clear()
    this.lemmas.set(key, lemma)
    return lemma
  }

  /**
   * Looks a word up (see the module comment). With the text around it (and the article it
   * is in, for names introduced earlier) the word is read in its sentence, as the popover does.
   */
  async lookup(word: string, withOccurrences = true, context?: WordContext): Promise<WordInfo> {
    await this.load()
    const info = this.explain(word.trim(), context)
    const note = info.lemma ? getNote(this.db, lexiconKey(info.lemma)) : null
    const occurrences = withOccurrences
      ? await findOccurrences(this.db, this.search, this.profiles, {
          lemma: info.lemma ?? info.query,
          pos: info.pos,
          form: word.trim(),
          forms: listedForms(this.db, (k) => this.readings.lookUp(k), info.lemma ?? info.query),
          article: context?.article,
        })
      : { total: 0, articles: [] }
    return { ...info, note, occurrences }
  }

  /** The explanation of a word without its occurrences and note. */
  explain(written: string, context?: WordContext): WordInfo {
    // "Rat·haus" (Leichte Sprache) is the word Rathaus; the dots are a reading aid
    const query = withoutReadingDots(written)
    let situation: Situation = {
      ...NO_PLACE,
      role: query.charAt(0) === query.charAt(0).toLowerCase() ? 'lower' : 'initial',
    }
    /** The word with the one before it, for a pair the lexicon has ("ein paar"). */
    let pair: string | null = null
    if (context && !query.includes(' ') && context.offset <= context.text.length) {
      const tokens = tokenize(context.text)
      const i = tokenAt(tokens, context.offset)
      const token = tokens[i]
      if (token && token.raw === query) {
        const name = this.text.nameAt(tokens, i, context)
        if (name) return { ...emptyInfo(query), found: true, lemma: name, pos: 'name', via: 'name' }
        situation = situationAt(
          tokens,
          i,
          context.text,
          (k) => this.readings.infinitives(k).length > 0,
        )
        const inClause = readInClause(tokens, i, situation, this.clauseReader)
        if (inClause) return inClause
        const before = tokens[i - 1]
        if (before && !token.initial) pair = `${before.raw} ${query}`
      }
    }
    const cacheKey = `${query}\u0000${pair}\u0000${Object.values(situation).join('\u0000')}`
    const cached = this.lookups.get(cacheKey)
    if (cached) return cached
    let info = this.resolve(query, situation)
    // a word found only with the one before it: "paar" in "ein paar"
    const paired = !info.found && pair ? this.pairEntry(pair, situation) : null
    if (paired)
      info = { ...explainEntry(query, paired, 'phrase', paired.lemma), parts: [], more: [] }
    else if (pair) info = womanByArticle(info, query, pair.slice(0, pair.indexOf(' ')))
    if (this.lookups.size > 5000) this.lookups.clear()
    this.lookups.set(cacheKey, info)
    return info
  }

  private resolve(query: string, situation: Situation): WordInfo {
    const numbered = /^(?:\d|…-)/.test(query) ? readNumbered(query, this.numbered) : null
    if (numbered) return numbered
    const agency = agencyName(query)
    if (agency) return agency
    // "die Kieler Woche", "die Hamburger Hafenbehörde": of the place, not a person or a burger
    const ofPlace = situation.beforeNoun ? placeAdjective(query, this.entriesOf) : null
    if (ofPlace) return ofPlace
    const readings = this.readings.read(query, situation)
    const usable = readings.filter((r) => r.rank[0]! < (situation.inSentence ? 20 : 99))
    const best = usable[0]
    const nounWanted = situation.role !== 'lower'
    const key = lexiconKey(query)
    const more = (skip: number) =>
      readings
        .filter((r) => r.entry.id !== skip)
        .slice(0, 8)
        .map(({ entry: e }) => ({
          id: e.id,
          lemma: e.lemma,
          gloss: e.gloss,
          source: e.source,
          pos: e.pos,
        }))
    if (best && (best.rank[0] === 0 || !nounWanted || query.includes(' '))) {
      const lemma = best.entry.pos === 'noun' ? nounLemma(best.entry, this.flags) : best.entry.lemma
      const info = explainEntry(query, best.entry, best.via, lemma)
      return {
        ...info,
        // "zur" is zu + der: said, since the headword shown is the preposition alone
        explanation: info.explanation ?? contractionOf(key),
        parts: best.entry.pos === 'noun' ? this.partsFor(query, lemma) : [],
        more: more(best.entry.id),
      }
    }
    if (nounWanted && !query.includes(' ')) {
      // a nominalised verb: "das Vorgehen"
      if (best?.entry.pos === 'verb' && best.tier === 0 && situation.role === 'noun')
        return explainDerived(query, {
          lemma: query.charAt(0).toUpperCase() + key.slice(1),
          gender: 'n',
          plural: null,
          base: best.entry,
          parts: [],
          more: more(best.entry.id),
        })
      // an adjective the lexicon has only as an adjective: "die Arbeitslosen" below
      const adjective = adjectiveBase(key, this.flags)
      const adjectiveEntry = adjective
        ? this.readings.lookUp(adjective).find((r) => r.entry.pos === 'adj')?.entry
        : undefined
      // … or capitalised in a name, before its noun ("der Demokratischen Partei", "Islamischer
      // Staat", "die Salzburger Festspiele"): the adjective, not "dem | Okra | Tisch"
      const inName = best?.entry.pos === 'adj' ? best.entry : adjectiveEntry
      if (situation.beforeNoun && inName)
        return { ...explainEntry(query, inName, 'form', inName.lemma), more: more(inName.id) }
      const compound = this.compound(query)
      if (compound) return compound
      const agent = agentNoun(query, this.flags)
      if (agent) {
        const base = this.readings.lookUp(agent.baseKey)[0]?.entry ?? null
        return explainDerived(query, {
          lemma: agent.lemma,
          gender: agent.gender,
          plural: agent.plural,
          base,
          parts: [agent.base, agent.suffix],
          more: [],
        })
      }
      if (adjective && adjectiveEntry && situation.inSentence)
        return explainDerived(query, {
          lemma: `${adjective.charAt(0).toUpperCase()}${adjective.slice(1)}e`,
          gender: 'm',
          plural: `${adjective.charAt(0).toUpperCase()}${adjective.slice(1)}en`,
          base: adjectiveEntry,
          parts: [],
          more: [],
        })
    }
    if (best) {
      const lemma = best.entry.pos === 'noun' ? nounLemma(best.entry, this.flags) : best.entry.lemma
      return {
        ...explainEntry(query, best.entry, best.via, lemma),
        parts: [],
        more: more(best.entry.id),
      }
    }
    return { ...emptyInfo(query), more: more(-1) }
  }

  /** The entry of two words written as the lexicon has them: "ein paar" (a few), not "ein Paar". */
  private pairEntry(pair: string, situation: Situation): Entry | null {
    // first in a sentence, the pair may be capitalised only there ("Ein paar Anwohner …")
    const spellings = [pair, pair.charAt(0).toLowerCase() + pair.slice(1)]
    return (
      this.readings.read(pair, situation).find((r) => spellings.includes(r.entry.lemma))?.entry ??
      null
    )
  }

  /** A noun's compound parts when they make up its lemma (no "Vorsitz | Ende"). */
  private partsFor(query: string, lemma: string): string[] {
    if (adjectiveBase(lexiconKey(query), this.flags)) return []
    // the lemma splits into lemmas ("Amtskollege": Amt | s | Kollege, not … | Kollegen); a
    // hyphenated word as written when its lemma is written together (Vier-Augen-Gespräch)
    const whole = lemma.includes(' ') || (query.includes('-') && !lemma.includes('-'))
    return this.splitCompound(whole ? query : lemma)?.parts ?? []
  }

  /** A compound the lexicon does not have: gender and plural from its head. */
  private compound(query: string): WordInfo | null {
    const split = this.splitCompound(query)
    if (!split) return null
    const head = this.readings
      .lookUp(split.head)
      .map((r) => r.entry)
      .filter((e) => e.pos === 'noun')
      .sort((a, b) => Number(a.gender === 'pl') - Number(b.gender === 'pl'))[0]
    if (!head) return null
    const prefix = query.slice(0, query.length - split.headText.length)
    const headLemma = nounLemma(head, this.flags)
    return {
      ...explainEntry(query, head, 'compound', joinCompound(prefix, headLemma)),
      plural: head.plural ? joinCompound(prefix, head.plural) : null,
      genitive: null,
      gloss: head.gloss ? `… ${head.gloss}` : null,
      explanation: null,
      source: 'compound',
      parts: split.parts,
      more: [],
    }
  }

  /**
   * The glossary terms in a text (built-in and own entries, multi-word terms like "Vereinte
   * Nationen" or "unter vier Augen" included), for marking them in the reader; never names.
   */
  terms(text: string, tokens?: Token[]): TermMatch[] {
    return this.text.terms(text, [], [], tokens)
  }

  /** The terms of a whole article: names found anywhere in it are names in every paragraph. */
  articleTerms(title: string, paragraphs: string[]) {
    return this.text.articleTerms(title, paragraphs)
  }

  /** The names in a text's tokens. */
  names(tokens: Token[], text: string): NameSpan[] {
    return this.text.names(tokens, text)
  }

  /** Every word's lemma and the glossary terms of a text (see annotate.ts). */
  annotate(text: string): Annotation {
    return annotateText(text, {
      known: this.known,
      lemmaOf: (key) => this.lemmaOf(key),
      readingAt: (tokens, i, place) => this.runningWords.at(tokens, i, place),
      terms: (t, tokens) => this.terms(t, tokens),
    })
  }
}
