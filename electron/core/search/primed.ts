/**
 * Analyses done ahead by another thread (the import's extraction thread): a text's index
 * positions, handed over with the names of the keys that thread numbered them by. The writer
 * takes a text's analysis from here when it has one for exactly that text, and analyses the
 * text itself otherwise, so a handed-over analysis can only save time, never change the index.
 */
import { indexPositions, keyId, PLACE_SPAN, type IndexPositions } from './analyzer'
import type { Field } from './types'

/** What an article gives the index, as it will be stored. */
export interface IndexedArticle {
  title: string
  kicker: string | null
  paragraphs: readonly string[]
  comments: readonly { title: string | null; text: string }[]
}

/**
 * The text of each field of an article as the writer reads it back from the library (its
 * title with the kicker above it; paragraphs, and comments, one per line; see the writer's
 * FIELD_SOURCES), in the order of FIELDS.
 */
export function indexTexts(a: IndexedArticle): Record<Field, string> {
  return {
    title: a.kicker ? `${a.kicker}\n${a.title}` : a.title,
    text: a.paragraphs.join('\n'),
    comments: a.comments.map((c) => `${c.title ?? ''} ${c.text}`).join('\n'),
  }
}

/** Analyses waiting for their text, at most this many (a safety bound: an import clears them). */
const MAX_PRIMED = 5000

const primed = new Map<string, IndexPositions>()
let taken = 0

/** Hands over the analysis of `text` (already in this thread's key numbers). */
export function prime(text: string, positions: IndexPositions): void {
  if (!text) return
  if (primed.size >= MAX_PRIMED) primed.clear()
  primed.set(text, positions)
}

/**
 * Analyses an article's fields ahead, in this thread, for the writer to take when it indexes
 * exactly these texts (a job that extracts before it takes the write lock).
 */
export function primeArticle(a: IndexedArticle): void {
  const texts = indexTexts(a)
  for (const field of Object.keys(texts) as Field[])
    if (texts[field]) prime(texts[field], indexPositions(texts[field]))
}

/** The analysis handed over for exactly this text, once; undefined when there is none. */
export function takePrimed(text: string): IndexPositions | undefined {
  const found = primed.get(text)
  if (found) {
    primed.delete(text)
    taken++
  }
  return found
}

/** Forgets analyses nobody took (an import's end: skipped duplicates, cancelled files). */
export function clearPrimed(): void {
  primed.clear()
}

/** How many handed-over analyses the writer has used so far in this thread. */
export function primedTaken(): number {
  return taken
}

/**
 * Another thread's key numbers, mapped to this thread's: that thread sends the names of the
 * keys it numbered since its last message, in order; pairs are then renumbered in place.
 */
export class ForeignKeys {
  private readonly ids: number[] = []

  /** Learns the names that thread numbered from `from` on; false when they do not follow on. */
  learn(from: number, names: readonly string[]): boolean {
    if (from !== this.ids.length) return false
    for (const name of names) this.ids.push(keyId(name))
    return true
  }

  /**
   * Renumbers packed (key, place) pairs in place. A key's pairs stay together and in order of
   * place, which is all the writer needs of their order.
   */
  translate(pairs: Float64Array): boolean {
    const ids = this.ids
    for (let i = 0; i < pairs.length; i++) {
      const p = pairs[i]!
      const key = Math.floor(p / PLACE_SPAN)
      const mine = ids[key]
      if (mine === undefined) return false
      pairs[i] = mine * PLACE_SPAN + (p - key * PLACE_SPAN)
    }
    return true
  }
}
