/**
 * Compound splits by dynamic programming over the word against every key of the lexicon:
 * "Sicherheitsgarantien" -> Sicherheit + s + Garantie. The head (last part) must be a noun;
 * linking elements -s-, -es-, -n-, -en-, -e-, -er- and a dropped -e are allowed; splits compare
 * by fewer parts, parts that are lemmas, a longer shortest part, fewer links.
 */
import { FEMININE, LEMMA, NOUN, type KnownWords } from './known'

const LINKS = ['', 's', 'es', 'n', 'en', 'e', 'er'] as const
const VOWELS = new Set([...'aeiouyäöü'].map((c) => c.charCodeAt(0)))

export interface Part {
  /** The text of the part in the word (lower case). */
  text: string
  /** The lexicon key it stands for (a lemma or a form). */
  key: string
}

export interface RawSplit {
  parts: Part[]
  /** The linking element after each part ("" for none). */
  links: string[]
}

interface Scored extends RawSplit {
  /** Fewer parts, lemma parts, longer shortest part, fewer links, no dropped -e. */
  score: [number, number, number, number, number]
}

function better(a: Scored, b: Scored | null): boolean {
  if (!b) return true
  for (let i = 0; i < a.score.length; i++)
    if (a.score[i] !== b.score[i]) return a.score[i]! > b.score[i]!
  return false
}

/** The best split of a lower-case word without hyphens, or null (fewer than two parts). */
export function splitKey(w: string, known: KnownWords): RawSplit | null {
  if (w.length < 6 || w.includes(' ')) return null
  const flags = known.map()
  const headKey = (rest: string): string | null => {
    for (const ending of ['', 's', 'es', 'n', 'en', 'e', 'er', 'ern', 'ns']) {
      if (!rest.endsWith(ending)) continue
      const base = rest.slice(0, rest.length - ending.length)
      if (base.length >= 3 && (flags.get(base) ?? 0) & NOUN) return base
    }
    return null
  }
  const memo = new Map<number, Scored | null>()
  const best = (i: number): Scored | null => {
    if (memo.has(i)) return memo.get(i)!
    let result: Scored | null = null
    if (i > 0) {
      const rest = w.slice(i)
      const key = headKey(rest)
      if (key)
        result = {
          parts: [{ text: rest, key }],
          links: [''],
          score: [-1, flags.get(key)! & LEMMA ? 0 : -1, rest.length, 0, 0],
        }
    }
    for (let j = i + 3; j <= w.length - 3; j++) {
      const piece = w.slice(i, j)
      let key = piece
      let f = flags.get(piece)
      // "Grenzkontrolle": a feminine modifier may drop its final -e (Grenze); a masculine one
      // does not ("Russland" is not Russe + Land)
      if (
        f === undefined &&
        !VOWELS.has(piece.charCodeAt(piece.length - 1)) &&
        (flags.get(`${piece}e`) ?? 0) & FEMININE
      ) {
        key = `${piece}e`
        f = flags.get(key)
      }
      if (f === undefined || f === 0) continue
      for (const link of LINKS) {
        if (link && !w.startsWith(link, j)) continue
        const tail = best(j + link.length)
        if (!tail) continue
        const candidate: Scored = {
          parts: [{ text: piece, key }, ...tail.parts],
          links: [link, ...tail.links],
          score: [
            tail.score[0] - 1,
            tail.score[1] + (f & LEMMA ? 0 : -1),
            Math.min(piece.length, tail.score[2]),
            tail.score[3] - (link ? 1 : 0),
            tail.score[4] - (key === piece ? 0 : 1),
          ],
        }
        if (better(candidate, result)) result = candidate
      }
    }
    memo.set(i, result)
    return result
  }
  const split = best(0)
  if (!split || split.parts.length < 2) return null
  return { parts: split.parts, links: split.links }
}

/** "Atomwaffen" + "Programm" -> "Atomwaffenprogramm". */
export function joinCompound(prefix: string, head: string): string {
  return prefix.endsWith('-')
    ? prefix + head
    : prefix + head.charAt(0).toLowerCase() + head.slice(1)
}
