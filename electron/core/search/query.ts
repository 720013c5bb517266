/**
 * The search syntax: words (all are looked for; documents with more of them rank first),
 * "quoted phrases" (adjacent words, verified against the text), -word (excluded), word*
 * (prefix). While a query is being typed, its last word may be unfinished: it stands for
 * itself and for the words it begins (see `typedKey`).
 */
import { fold, isStopword, stem, tokenize } from './analyzer'

export interface QueryPart {
  /** What the user typed, for messages and highlighting. */
  text: string
  /** Index keys: one per word; a phrase has one per word (stopwords included, marked). */
  keys: string[]
  kind: 'word' | 'prefix' | 'phrase' | 'typed'
  /** Phrase words that are stopwords (not indexed, checked in the text only). */
  stops?: boolean[]
}

export interface ParsedQuery {
  include: QueryPart[]
  exclude: QueryPart[]
}

export interface ParseOptions {
  /** The query is being typed: a last word not followed by a space may be unfinished. */
  typing?: boolean
}

/**
 * While typing, a last word shorter than this is looked for only as it is: its completions
 * and the compounds it ends would be thousands of words ("ö" begins and ends too many).
 */
export const TYPED_MIN = 3
/** Marks a typed key: `stem~prefix`. */
const TYPED = '~'

/**
 * The key of a word being typed: its stem (with the compounds it is the head of, like any
 * word) and the words its folded letters begin (a bounded number of them); both only from
 * `TYPED_MIN` letters on.
 */
export function typedKey(stemKey: string, prefix: string): string {
  return `${stemKey}${TYPED}${prefix}`
}

/** What a key is: a word's stem, a prefix (`wirtsch*`), or a typed word's stem and prefix. */
export function keyKind(key: string):
  | { kind: 'word'; stem: string }
  | { kind: 'prefix'; prefix: string }
  | {
      kind: 'typed'
      stem: string
      prefix: string
    } {
  if (key.endsWith('*')) return { kind: 'prefix', prefix: key.slice(0, -1) }
  const at = key.indexOf(TYPED)
  if (at >= 0) return { kind: 'typed', stem: key.slice(0, at), prefix: key.slice(at + 1) }
  return { kind: 'word', stem: key }
}

/** How index keys are spelt, for a prefix: folded, umlauts as plain vowels, no hyphens. */
export function foldPrefix(word: string): string {
  return fold(word)
    .replace(/[äöü]/g, (c) => ({ ä: 'a', ö: 'o', ü: 'u' })[c]!)
    .replace(/-/g, '')
}

const PART = /(-?)(?:"([^"]*)"?|„([^“”"]*)[“”"]?|(\S+))/gu

/** Reads a query string into included and excluded parts. */
export function parseQuery(input: string, options: ParseOptions = {}): ParsedQuery {
  const include: QueryPart[] = []
  const exclude: QueryPart[] = []
  const typing = options.typing === true && /\S$/u.test(input)
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
      target.push({ text: word, keys: [`${foldPrefix(word.slice(0, -1))}*`], kind: 'prefix' })
      continue
    }
    const last = typing && !negative && m.index + m[0].length === input.length
    const tokens = tokenize(word)
    tokens.forEach((t, i) => {
      const text = word.slice(t.start, t.end)
      const stop = t.stop || isStopword(word)
      if (last && i === tokens.length - 1 && t.end === word.length) {
        // being typed: "Über" may become "Überfall"; a stopword only by what it begins
        const prefix = foldPrefix(text)
        if (!stop || prefix.length >= TYPED_MIN)
          target.push({ text, keys: [typedKey(stop ? '' : t.key, prefix)], kind: 'typed' })
      } else if (!stop) target.push({ text, keys: [t.key], kind: 'word' })
    })
  }
  return { include, exclude }
}

/** The indexed keys of a part (phrases: their non-stopwords). */
export function partKeys(part: QueryPart): string[] {
  return part.kind === 'phrase' ? part.keys.filter((_, i) => !part.stops?.[i]) : part.keys
}

export { stem }
