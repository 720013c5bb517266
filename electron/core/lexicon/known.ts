/**
 * Every single-word key of the lexicon in memory, with what it can be (a noun's lemma, a
 * verb's infinitive, a form of an adjective …): morphology, compound splits, names and
 * annotation ask this map thousands of times per text, never SQLite.
 */
import type { Db } from '../db/open'
import { stmt } from '../db/statements'
import { PARTICLES } from './particles'
import { lexiconKey } from './store'

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

/** Placeholders Ding puts before a verb: "etw. unterstreichen", "jdn./etw. bezeichnen". */
const PLACEHOLDER = /^(?:(?:jd[mnrs]?|etw|sb|sth)\.|sich)$/

/**
 * The verb a Ding headword with its objects stands for: "etw. unterstreichen" ->
 * "unterstreichen", "jdn./etw. (als jdn./etw.) bezeichnen" -> "bezeichnen"; null when the
 * headword is more than one verb with placeholders ("stimmen für" stays a phrase).
 */
export function bareVerb(key: string): string | null {
  if (!key.includes(' ')) return null
  const words = key
    .replace(/\([^()]*\)/g, ' ')
    .split(' ')
    .filter((w) => w && !w.split('/').every((p) => PLACEHOLDER.test(p)))
  return words.length === 1 && words[0] !== key ? words[0]! : null
}

export class KnownWords {
  private flags: Map<string, number> | null = null
  /** Verb entries written with their objects, by the bare verb ("unterstreichen" -> ids). */
  private bare: Map<string, number[]> | null = null
  /** How many forms the dictionary lists for an entry: its main senses list the most. */
  private formCounts: Map<number, number> | null = null
  /** How many entries a headword has: a measure of how common the word is. */
  private senseCounts: Map<string, number> | null = null

  constructor(private readonly db: Db) {}

  /** Forgets the map (after imports and edits, or a write by another process). */
  invalidate(): void {
    this.flags = null
    this.bare = null
    this.formCounts = null
    this.senseCounts = null
  }

  /** How many forms the entry lists (conjugations, plurals). */
  formsOf(id: number): number {
    this.map()
    return this.formCounts!.get(id) ?? 0
  }

  /** How many entries have this headword (objects left out: "etw. geben" counts for geben). */
  sensesOf(key: string): number {
    this.map()
    return this.senseCounts!.get(key) ?? 0
  }

  /** Whether the map is loaded (the first use loads it, about a second with a dictionary). */
  get loaded(): boolean {
    return this.flags !== null
  }

  get(key: string): number {
    return this.map().get(key) ?? 0
  }

  has(key: string, flag: number): boolean {
    return ((this.map().get(key) ?? 0) & flag) !== 0
  }

  /** Ids of verb entries that carry objects in their headword ("etw. unterstreichen"). */
  bareEntries(key: string): number[] {
    this.map()
    return this.bare!.get(key) ?? []
  }

  map(): Map<string, number> {
    if (this.flags) return this.flags
    const known = new Map<string, number>()
    const bare = new Map<string, number[]>()
    const formCounts = new Map<number, number>()
    const senseCounts = new Map<string, number>()
    const count = (key: string) => senseCounts.set(key, (senseCounts.get(key) ?? 0) + 1)
    const add = (key: string, flags: number) => {
      if (key.length < 2 || key.includes(' ')) return
      known.set(key, (known.get(key) ?? 0) | flags)
    }
    const kind = (pos: string) =>
      pos === 'noun'
        ? NOUN
        : pos === 'verb'
          ? VERB
          : pos === 'adj' || pos === 'adv'
            ? ADJ
            : pos === 'abbr'
              ? NOUN
              : OTHER
    for (const [id, key, lemma, pos, gender, plural] of stmt(
      this.db,
      'SELECT id, key, lemma, pos, gender, plural FROM lexicon_entries',
    )
      .raw()
      .iterate() as IterableIterator<
      [number, string, string, string, string | null, string | null]
    >) {
      if (pos === 'abbr' && lemma === lemma.toUpperCase()) {
        add(key, ABBREVIATION | LEMMA)
        continue
      }
      let flags = LEMMA | kind(pos)
      if (pos === 'noun') flags |= NOUN_LEMMA | (gender === 'f' ? FEMININE : 0)
      if (pos === 'verb') flags |= VERB_LEMMA
      add(key, flags)
      if (plural) add(lexiconKey(plural), NOUN | PLURAL)
      let verb: string | null = pos === 'verb' ? key : null
      if (pos === 'verb' && key.includes(' ')) {
        verb = bareVerb(key)
        if (verb) {
          add(verb, VERB | VERB_LEMMA)
          const ids = bare.get(verb)
          if (ids) ids.push(id)
          else bare.set(verb, [id])
        }
      }
      count(verb ?? key)
    }
    // the simple verbs inside separable ones: "lehnen" of ablehnen, "kündigen" of ankündigen
    for (const [key, f] of known) {
      if (!(f & VERB_LEMMA)) continue
      for (const particle of PARTICLES) {
        if (key.length - particle.length < 4 || !key.startsWith(particle)) continue
        add(key.slice(particle.length), VERB_BASE)
      }
    }
    for (const [key, pos, id] of stmt(
      this.db,
      'SELECT f.key, e.pos, f.entry_id FROM lexicon_forms f JOIN lexicon_entries e ON e.id = f.entry_id',
    )
      .raw()
      .iterate() as IterableIterator<[string, string, number]>) {
      add(key, pos === 'abbr' ? 0 : kind(pos))
      formCounts.set(id, (formCounts.get(id) ?? 0) + 1)
    }
    this.flags = known
    this.bare = bare
    this.formCounts = formCounts
    this.senseCounts = senseCounts
    return known
  }
}
