/**
 * What a word is, in every part of Lesesaal that finds words in a text (the reader's word
 * spans, the search index, the glossary, study): letters and digits, joined inside a word by
 * hyphens (Atom-Programm, Sechs-Parteien-Gespräche) or by the middle dot of Leichte Sprache
 * (Rat·haus, Bundes·regierung). The middle dot is a reading aid, not part of the spelling: the
 * word is the one written together (Rathaus), its pieces are its parts. With spaces around it
 * ("Politik · Kultur") the dot separates words, as before.
 */

/** The expression's source: one word, pieces joined by hyphens or middle dots. */
export const WORD_SOURCE = '[\\p{L}\\p{N}]+(?:[-‐‑·][\\p{L}\\p{N}]+)*'

/** A joiner between the pieces of one word: a hyphen or a middle dot. */
export const JOINER = /[-‐‑·]/

/** The joiners of a word, for splitting it into its pieces. */
export const JOINERS = /[-‐‑·]/g

/** The middle dot of Leichte Sprache (U+00B7). */
const READING_DOT = /·/g

/** A word as it is spelt, without the middle dots that help reading it: Rat·haus -> Rathaus. */
export function withoutReadingDots(word: string): string {
  return word.includes('·') ? word.replace(READING_DOT, '') : word
}
