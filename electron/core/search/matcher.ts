/**
 * Which words of a text match a query: the matcher made from a parsed query and the terms
 * its keys stand for, and the strings every matching word contains (a quick pre-check).
 */
import { keysOfWord } from './analyzer'
import { foldPrefix, keyKind, TYPED_MIN, type ParsedQuery, type QueryPart } from './query'
import type { Expansions } from './types'

/** Returns the index of the query part a word (as written) matches, or -1. */
export type Matcher = ((word: string) => number) & {
  /** Strings every matching word contains once folded (see `foldText`): a quick pre-check. */
  needles?: string[]
  /** The query's phrases: their words count only where the whole phrase stands. */
  phrases?: { part: number; phrase: QueryPart; needles: string[] }[]
  /** The query part one index key of a word matches, or -1 (see `keysOfWord`). */
  partOfKey: (key: string) => number
  /**
   * What `partOfKey` answers from: the keys it knows (each with its part) and the beginnings
   * it takes, a key it knows first, then the first beginning the key has.
   */
  keys: { exact: ReadonlyMap<string, number>; prefixes: readonly (readonly [string, number])[] }
}

/** Lower case, ß as ss, umlauts and their digraphs as plain vowels: how index keys are spelt. */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/ae|ä/g, 'a')
    .replace(/oe|ö/g, 'o')
    .replace(/(?<!q)ue|ü/g, 'u')
}

/**
 * Which query part a word of a text matches. `wordsBegin` (finding in an article, as a
 * browser's find does): a word of three letters or more also matches the words it begins
 * ("Atom" marks "Atomkonflikt"), besides its inflections and the compounds it ends.
 * `typedBegins` (the user's notes, searched with completions of their own): a word being
 * typed, of three letters or more, also matches the words it begins.
 */
export function makeMatcher(
  parsed: ParsedQuery,
  expansions: Expansions,
  options: { wordsBegin?: boolean; typedBegins?: boolean } = {},
): Matcher {
  const exact = new Map<string, number>()
  const prefixes: [string, number][] = []
  parsed.include.forEach((part, i) => {
    part.keys.forEach((key, k) => {
      if (part.stops?.[k]) return
      if (key.endsWith('*')) prefixes.push([key.slice(0, -1), i])
      for (const term of expansions.get(key) ?? [key]) if (!term.endsWith('*')) exact.set(term, i)
    })
    if (
      (options.wordsBegin && (part.kind === 'word' || part.kind === 'typed')) ||
      (options.typedBegins && part.kind === 'typed')
    ) {
      const begins = foldPrefix(part.text)
      if (begins.length >= TYPED_MIN) prefixes.push([begins, i])
    }
  })
  const memo = new Map<string, number>()
  const needles = parsed.include.flatMap((part) =>
    part.keys
      .filter((_, k) => !part.stops?.[k])
      .flatMap((key) => {
        const k = keyKind(key)
        // a word being typed: its stem's words, and the words its letters begin
        return k.kind === 'prefix'
          ? needlesOf(k.prefix)
          : k.kind === 'typed'
            ? [...(k.stem ? needlesOf(k.stem) : []), ...needlesOf(k.prefix)]
            : needlesOf(k.stem)
      }),
  )
  const partOfKey = (key: string) => {
    const direct = exact.get(key)
    if (direct !== undefined) return direct
    for (const [p, part] of prefixes) if (key.startsWith(p)) return part
    return -1
  }
  const byWord = (word: string) => {
    let hit = memo.get(word)
    if (hit !== undefined) return hit
    hit = -1
    for (const key of keysOfWord(word)) if ((hit = partOfKey(key)) >= 0) break
    memo.set(word, hit)
    return hit
  }
  const matcher: Matcher = Object.assign(byWord, { partOfKey, keys: { exact, prefixes } })
  matcher.needles = needles
  matcher.phrases = parsed.include.flatMap((phrase, part) =>
    phrase.kind === 'phrase'
      ? [{ part, phrase, needles: phrase.keys.filter((_, k) => !phrase.stops?.[k]).map(needleOf) }]
      : [],
  )
  return matcher
}

/** True when the matcher's query part `part` is a phrase. */
export const isPhrase = (matcher: Matcher, part: number) =>
  matcher.phrases?.some((p) => p.part === part) ?? false

/**
 * What every word spelt like `key` contains, in the text lower-cased with umlauts as plain
 * vowels (`lowerPlain`): the key up to its first a, o or u (the text may go on with an e:
 * "erneuerbar" has the key "erneurbar", "aktuell" "aktull") and before an ss (the text may
 * have ß).
 */
function needleOf(key: string): string {
  let cut = key.length
  const vowel = key.search(/[aou]/)
  if (vowel >= 0) cut = vowel + 1
  const ss = key.indexOf('ss')
  if (ss > 0) cut = Math.min(cut, ss)
  return key.slice(0, cut)
}

/**
 * Strings one of which every word spelt like `key` contains (in `lowerPlain` text), longer
 * than `needleOf`'s one: the key up to its second a, o or u, with the first written as it is
 * or followed by an e ("arzt": "arzt" or "aerzt"; "erneurbar": "erneurb" or "erneuerb"), cut
 * before an ss. A needle of one common letter ("a" for "arzt") would stop at every word.
 */
function needlesOf(key: string): string[] {
  const first = key.search(/[aou]/)
  const cutSs = (s: string) => (s.indexOf('ss') > 0 ? s.slice(0, s.indexOf('ss')) : s)
  if (first < 0) return [cutSs(key)]
  const next = key.slice(first + 1).search(/[aou]/)
  const head = next < 0 ? key : key.slice(0, first + 1 + next)
  return [
    ...new Set([cutSs(head), cutSs(`${head.slice(0, first + 1)}e${head.slice(first + 1)}`)]),
  ].filter(Boolean)
}
