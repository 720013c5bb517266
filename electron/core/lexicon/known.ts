/**
 * Every single-word key of the lexicon in memory, with what it can be (a noun's lemma, a
 * verb's infinitive, a form of an adjective …): morphology, compound splits, names and
 * annotation ask this map thousands of times per text, never SQLite.
 */
import type { Db } from '../db/open'
import { stmt } from '../db/statements'
import { GOVERNED, bareVerb } from '../../../shared/lemmas'
import { PARTICLES } from './particles'

/** The key is some entry's lemma. */
export const LEMMA = 1
/** The key is a noun (its lemma or a form of it). */
export const NOUN = 2
/** The key is the lemma of a noun (not only a form of one). */
export const NOUN_LEMMA = 4
/** The key is a verb form (an infinitive included). */
export const VERB = 8
/** The key is a verb's infinitive. */
export const VERB_LEMMA = 16
/** The key is an adjective or adverb (its lemma or a form). */
export const ADJ = 32
/** The key is the lemma of a feminine noun (Grenze: "Grenzkontrolle" may drop its -e). */
export const FEMININE = 64
/** The key is the plural of a noun. */
export const PLURAL = 128
/** The key is an abbreviation written in capitals (UN, EU): only "UN" matches, not "Un". */
export const ABBREVIATION = 256
/** The key is a word of some other kind (preposition, conjunction, number, unmarked). */
export const OTHER = 512
/**
 * The key is the simple verb inside a separable one the lexicon has ("lehnen" in ablehnen):
 * with its particle in the sentence ("lehnen … ab") it is that verb.
 */
export const VERB_BASE = 1024

/** The flag bits of a map value; above them, the number of entries with the key. */
const FLAGS = 0xffff
const SENSES = 16
const ONE_SENSE = 1 << SENSES

const PARTICLE_MAX = Math.max(...[...PARTICLES].map((p) => p.length))

export { GOVERNED, bareVerb }

export class KnownWords {
  private flags: Map<string, number> | null = null
  /** Verb entries written with their objects, by the bare verb ("unterstreichen" -> ids). */
  private bare: Map<string, number[]> | null = null
  /** How richly the dictionary documents an entry (see `weightOf`): main senses the most. */
  private weights: Map<number, number> | null = null
  /** Verb and phrase entries of several words, by their last word ("treten" -> ids). */
  private phrases: Map<string, number[]> | null = null
  /** Their headwords as written, read when a verb is first looked up (a few per click). */
  private phraseLemmas = new Map<string, string[]>()
  /** The background build under way, and how many times the lexicon changed (see `load`). */
  private building: Promise<void> | null = null
  private generation = 0

  constructor(private readonly db: Db) {}

  /** Forgets the map (after imports and edits, or a write by another process). */
  invalidate(): void {
    this.generation++
    this.flags = null
    this.bare = null
    this.weights = null
    this.phrases = null
    this.phraseLemmas.clear()
  }

  /**
   * How richly the dictionary documents an entry: the forms it lists (conjugations, plurals)
   * and, for a noun, a preposition, a conjunction or an adverb no adjective is written like,
   * half the parts of its line (examples, phrases), at most five ("Zug {m}" the train has
   * fifty, the puff of a cigarette four; a noun's line lists one plural whatever the sense; a
   * preposition's glosses are all function words: "von" from, of, off; "schon": already).
   */
  weightOf(id: number): number {
    this.map()
    return this.weights!.get(id) ?? 0
  }

  /** How many entries have this headword (objects left out: "etw. geben" counts for geben). */
  sensesOf(key: string): number {
    return (this.map().get(key) ?? 0) >>> SENSES
  }

  /** Whether the map is loaded (`load()` or the first use loads it). */
  get loaded(): boolean {
    return this.flags !== null
  }

  get(key: string): number {
    return (this.map().get(key) ?? 0) & FLAGS
  }

  /** Ids of verb entries that carry objects in their headword ("etw. unterstreichen"). */
  bareEntries(key: string): number[] {
    this.map()
    return this.bare!.get(key) ?? []
  }

  /**
   * Verb and phrase headwords (as written) of several words, one a noun, that end in `verb`
   * ("in Kraft treten", "etw. in Frage stellen"): the fixed phrases a verb form may belong to
   * (phrases.ts).
   */
  phrasesOf(verb: string): readonly string[] {
    this.map()
    const ids = this.phrases!.get(verb)
    if (!ids) return []
    let lemmas = this.phraseLemmas.get(verb)
    if (!lemmas) {
      const all = stmt(
        this.db,
        'SELECT lemma FROM lexicon_entries WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id',
      )
        .pluck()
        .all(JSON.stringify(ids)) as string[]
      // a phrase is one with a noun: the rest never make one (phrases.ts)
      lemmas = [...new Set(all.filter((l) => /\p{Lu}/u.test(l)))]
      if (this.phraseLemmas.size >= 500) this.phraseLemmas.clear()
      this.phraseLemmas.set(verb, lemmas)
    }
    return lemmas
  }

  /**
   * The map itself: key -> flags, with the number of entries that have the key as their
   * headword in the bits above FLAGS (one map, not two: it holds half a million words).
   * Built at once when it is needed before `load()` has built it.
   */
  map(): Map<string, number> {
    if (this.flags) return this.flags
    const b = new Building()
    for (const row of stmt(this.db, ENTRIES).raw().iterate() as IterableIterator<EntryRow>)
      b.entry(row)
    b.bases()
    for (const row of stmt(this.db, FORMS).raw().iterate() as IterableIterator<FormRow>) b.form(row)
    return this.keep(b)
  }

  /**
   * Builds the map in the background: a page of rows at a time, giving the event loop back
   * every `sliceMs` (with Debian's dictionary about a second of work in all, which at once
   * would hold every other call of the window as long). Lookups await it; a change of the
   * lexicon meanwhile makes it start again.
   */
  load(sliceMs = 12): Promise<void> {
    if (this.flags) return Promise.resolve()
    const generation = this.generation
    const run = (this.building ??= (async () => {
      const b = new Building()
      let started = performance.now()
      const breathe = async () => {
        if (performance.now() - started < sliceMs) return
        await new Promise((resolve) => setImmediate(resolve))
        started = performance.now()
      }
      const entries = stmt(this.db, `${ENTRIES} WHERE id > ? ORDER BY id LIMIT ${PAGE}`).raw()
      for (let last = 0; ;) {
        const rows = entries.all(last) as EntryRow[]
        for (const row of rows) b.entry(row)
        if (rows.length < PAGE) break
        last = rows[rows.length - 1]![0]
        await breathe()
      }
      b.bases()
      const top = (stmt(this.db, 'SELECT max(id) FROM lexicon_entries').pluck().get() ??
        0) as number
      const forms = stmt(this.db, `${FORMS} WHERE f.entry_id > ? AND f.entry_id <= ?`).raw()
      for (let low = 0; low < top; low += PAGE * 4) {
        for (const row of forms.all(low, low + PAGE * 4) as FormRow[]) b.form(row)
        await breathe()
      }
      // a lexicon changed meanwhile (an import, an own term) is built again when next needed
      if (generation === this.generation && !this.flags) this.keep(b)
    })().finally(() => {
      if (this.building === run) this.building = null
    }))
    return run.then(() => (this.flags ? undefined : this.load(sliceMs)))
  }

  private keep(b: Building): Map<string, number> {
    this.flags = b.known
    this.bare = b.bare
    this.weights = b.weights
    this.phrases = b.phrases
    return b.known
  }
}

/** The entry columns a row of the map needs: strings are what reading half a million costs. */
const ENTRIES = `SELECT id, key, CASE WHEN pos = 'abbr' THEN lemma END, pos,
  CASE WHEN pos = 'noun' THEN gender END, plural, CASE WHEN pos IN ('noun', 'prep', 'conj', 'adv') THEN parts ELSE 0 END
  FROM lexicon_entries`
const FORMS =
  'SELECT f.key, e.pos, f.entry_id FROM lexicon_forms f JOIN lexicon_entries e ON e.id = f.entry_id'
/** Rows read at a time by the background build. */
const PAGE = 5000

type EntryRow = [number, string, string | null, string, string | null, string | null, number]
type FormRow = [string, string, number]

/** The map being built: entries, then the verbs inside separable ones, then forms. */
class Building {
  readonly known = new Map<string, number>()
  readonly bare = new Map<string, number[]>()
  readonly weights = new Map<number, number>()
  readonly phrases = new Map<string, number[]>()
  /** Adverbs' weights from their lines' parts, kept where no adjective is written alike. */
  private readonly adverbs: [number, string, number][] = []
  private readonly adjectives = new Set<string>()
  /** The verbs' infinitives met so far (what `bases` looks into). */
  private readonly verbs = new Set<string>()

  entry([id, key, lemma, pos, gender, plural, parts]: EntryRow): void {
    const { known, bare } = this
    if (parts > 0) {
      // an adverb's only where no adjective is written alike (bases(): "deutlich" is clear
      // before it is remarkably)
      if (pos === 'adv') this.adverbs.push([id, key, Math.min(parts, 10) / 2])
      else this.weights.set(id, Math.min(parts, 10) / 2)
    }
    if (pos === 'adj') this.adjectives.add(key)
    let flags = LEMMA | kindOf(pos)
    if (pos === 'abbr' && lemma !== null && lemma === lemma.toUpperCase())
      flags = ABBREVIATION | LEMMA
    else if (pos === 'noun') flags |= NOUN_LEMMA | (gender === 'f' ? FEMININE : 0)
    else if (pos === 'verb') flags |= VERB_LEMMA
    let headword = key
    if (pos === 'verb' && key.includes(' ')) {
      const verb = bareVerb(key)
      if (verb) {
        headword = verb
        const ids = bare.get(verb)
        if (ids) ids.push(id)
        else bare.set(verb, [id])
      }
    }
    if ((pos === 'verb' || pos === 'phrase') && headword === key && key.includes(' ')) {
      // by the last word, which a verb phrase's verb is ("in kraft treten"; a verb's
      // infinitive ends in -n)
      const last = key.slice(key.lastIndexOf(' ') + 1)
      if (last.endsWith('n')) {
        const ids = this.phrases.get(last)
        if (ids) ids.push(id)
        else this.phrases.set(last, [id])
      }
    }
    if (headword.length >= 2 && !headword.includes(' ')) {
      known.set(headword, ((known.get(headword) ?? 0) | flags) + ONE_SENSE)
      if (flags & VERB_LEMMA) this.verbs.add(headword)
    }
    if (plural) {
      const p = plural.toLowerCase()
      if (p.length >= 2 && !p.includes(' ')) known.set(p, (known.get(p) ?? 0) | NOUN | PLURAL)
    }
  }

  /** The simple verbs inside separable ones: "lehnen" of ablehnen, "kündigen" of ankündigen. */
  bases(): void {
    for (const [id, key, weight] of this.adverbs)
      if (!this.adjectives.has(key)) this.weights.set(id, (this.weights.get(id) ?? 0) + weight)
    const { known } = this
    const bases: string[] = []
    for (const key of this.verbs) {
      for (let n = 2; n <= PARTICLE_MAX && key.length - n >= 4; n++)
        if (PARTICLES.has(key.slice(0, n))) bases.push(key.slice(n))
    }
    for (const base of bases) known.set(base, (known.get(base) ?? 0) | VERB_BASE)
  }

  form([key, pos, id]: FormRow): void {
    this.weights.set(id, (this.weights.get(id) ?? 0) + 1)
    if (key.length < 2 || key.includes(' ')) return
    this.known.set(key, (this.known.get(key) ?? 0) | (pos === 'abbr' ? 0 : kindOf(pos)))
  }
}

function kindOf(pos: string): number {
  if (pos === 'noun' || pos === 'abbr') return NOUN
  if (pos === 'verb') return VERB
  if (pos === 'adj' || pos === 'adv') return ADJ
  return OTHER
}
