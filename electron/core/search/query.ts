/**
 * The search syntax: words (all are looked for; documents with more of them rank first),
 * "quoted phrases" (adjacent words, verified against the text), -word (excluded), word*
 * (prefix).
 */
import { fold, isStopword, stem, tokenize } from './analyzer'

export interface QueryPart {
  /** What the user typed, for messages and highlighting. */
  text: string
  /** Index keys: one per word; a phrase has one per word (stopwords included, marked). */
  keys: string[]
  kind: 'word' | 'prefix' | 'phrase'
  /** Phrase words that are stopwords (not indexed, checked in the text only). */
  stops?: boolean[]
}

export interface ParsedQuery {
  include: QueryPart[]
  exclude: QueryPart[]
}

const PART = /(-?)(?:"([^"]*)"?|„([^“”"]*)[“”"]?|(\S+))/gu

/** Reads a query string into included and excluded parts. */
export function parseQuery(input: string): ParsedQuery {
  const include: QueryPart[] = []
  const exclude: QueryPart[] = []
  for (const m of input.matchAll(PART)) {
    const negative = m[1] === '-'
    const phrase = m[2] ?? m[3]
    const target = negative ? exclude : include
    if (phrase !== undefined) {
      const tokens = tokenize(phrase)
      if (tokens.length === 0) continue
      if (tokens.length === 1 && !tokens[0]!.stop) {
        target.push({ text: phrase, keys: [tokens[0]!.key], kind: 'word' })
        continue
      }
      target.push({
        text: phrase,
        keys: tokens.map((t) => t.key),
        stops: tokens.map((t) => t.stop),
        kind: 'phrase',
      })
      continue
    }
    const word = m[4]!
    if (/^[\p{L}\p{N}][\p{L}\p{N}-]*\*$/u.test(word) && word.length >= 3) {
      const prefix = fold(word.slice(0, -1))
        .replace(/[äöü]/g, (c) => ({ ä: 'a', ö: 'o', ü: 'u' })[c]!)
        .replace(/-/g, '')
      target.push({ text: word, keys: [`${prefix}*`], kind: 'prefix' })
      continue
    }
    for (const t of tokenize(word)) {
      if (t.stop || isStopword(word)) continue
      target.push({ text: word.slice(t.start, t.end), keys: [t.key], kind: 'word' })
    }
  }
  return { include, exclude }
}

/** The indexed keys of a part (phrases: their non-stopwords). */
export function partKeys(part: QueryPart): string[] {
  return part.kind === 'phrase' ? part.keys.filter((_, i) => !part.stops?.[i]) : part.keys
}

export { stem }
