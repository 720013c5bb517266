/**
 * Every single-word key of the lexicon in memory, with what it can be (a noun's lemma, a
 * verb's infinitive, a form of an adjective …): morphology, compound splits, names and
 * annotation ask this map thousands of times per text, never SQLite.
 */
import type { Db } from '../db/open'
import { stmt } from '../db/statements'
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

export class KnownWords {
  private flags: Map<string, number> | null = null
  /** Verb entries written with their objects, by the bare verb ("unterstreichen" -> ids). */
  private bare: Map<string, number[]> | null = null
  /** How many forms the dictionary lists for an entry: its main senses list the most. */
  private formCounts: Map<number, number> | null = null

  constructor(private readonly db: Db) {}

  /** Forgets the map (after imports and edits, or a write by another process). */
  invalidate(): void {
    this.flags = null
    this.bare = null
    this.formCounts = null
  }

  /** How many forms the entry lists (conjugations, plurals). */
  formsOf(id: number): number {
    this.map()
    return this.formCounts!.get(id) ?? 0
  }

  /** How many entries have this headword (objects left out: "etw. geben" counts for geben). */
  sensesOf(key: string): number {
    return (this.map().get(key) ?? 0) >>> SENSES
  }

  /** Whether the map is loaded (the first use loads it, about a second with a dictionary). */
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
   * The map itself: key -> flags, with the number of entries that have the key as their
   * headword in the bits above FLAGS (one map, not two: it holds half a million words).
   */
  map(): Map<string, number> {
    if (this.flags) return this.flags
    const known = new Map<string, number>()
    const bare = new Map<string, number[]>()
    const formCounts = new Map<number, number>()
    for (const [id, key, lemma, pos, gender, plural] of stmt(
      this.db,
      // only the columns a row needs: strings are what reading half a million rows costs
      `SELECT id, key, CASE WHEN pos = 'abbr' THEN lemma END, pos,
         CASE WHEN pos = 'noun' THEN gender END, plural FROM lexicon_entries`,
    )
      .raw()
      .iterate() as IterableIterator<
      [number, string, string | null, string, string | null, string | null]
    >) {
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
      if (headword.length >= 2 && !headword.includes(' '))
        known.set(headword, ((known.get(headword) ?? 0) | flags) + ONE_SENSE)
      if (plural) {
        const p = plural.toLowerCase()
        if (p.length >= 2 && !p.includes(' ')) known.set(p, (known.get(p) ?? 0) | NOUN | PLURAL)
      }
    }
    // the simple verbs inside separable ones: "lehnen" of ablehnen, "kündigen" of ankündigen
    const bases: string[] = []
    for (const [key, f] of known) {
      if (!(f & VERB_LEMMA)) continue
      for (let n = 2; n <= PARTICLE_MAX && key.length - n >= 4; n++)
        if (PARTICLES.has(key.slice(0, n))) bases.push(key.slice(n))
    }
    for (const base of bases) known.set(base, (known.get(base) ?? 0) | VERB_BASE)
    for (const [key, pos, id] of stmt(
      this.db,
      'SELECT f.key, e.pos, f.entry_id FROM lexicon_forms f JOIN lexicon_entries e ON e.id = f.entry_id',
    )
      .raw()
      .iterate() as IterableIterator<[string, string, number]>) {
      formCounts.set(id, (formCounts.get(id) ?? 0) + 1)
      if (key.length < 2 || key.includes(' ')) continue
      known.set(key, (known.get(key) ?? 0) | (pos === 'abbr' ? 0 : kindOf(pos)))
    }
    this.flags = known
    this.bare = bare
    this.formCounts = formCounts
    return known
  }
}

function kindOf(pos: string): number {
  if (pos === 'noun' || pos === 'abbr') return NOUN
  if (pos === 'verb') return VERB
  if (pos === 'adj' || pos === 'adv') return ADJ
  return OTHER
}
