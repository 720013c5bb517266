/**
 * Ranking helpers both query paths share: the best k without sorting every candidate, the
 * number of articles with any key, and the re-ordering of a long query's best candidates by
 * the words exactly as typed.
 */
import type { DocTable } from './doctable'
import type { QueryPart } from './query'
import type { Scratch } from './scratch'
import type { TermReader } from './terms'
import type { ArticleTexts } from './texts'
import { FIELDS, type Ranked } from './types'

/** How many of the best candidates of a long query are checked for the words as typed. */
export const EXACT_RERANK = 60

/** The k best items in order, without sorting them all. */
export function topK<T>(items: ArrayLike<T>, k: number, compare: (a: T, b: T) => number): T[] {
  if (items.length <= k * 4) return Array.from(items).sort(compare).slice(0, k)
  const best: T[] = []
  for (let n = 0; n < items.length; n++) {
    const item = items[n]!
    if (best.length === k && compare(item, best[k - 1]!) >= 0) continue
    let i = best.length < k ? best.length : k - 1
    if (best.length < k) best.push(item)
    while (i > 0 && compare(item, best[i - 1]!) < 0) {
      best[i] = best[i - 1]!
      i--
    }
    best[i] = item
  }
  return best
}

/** How many articles have any of the keys, in any field. */
export function countAny(
  keys: string[],
  docs: DocTable,
  reader: TermReader,
  scratch: Scratch,
): number {
  const cap = docs.articleId.length
  const seen = scratch.array('seen', Uint8Array, cap)
  let count = 0
  for (const key of keys)
    for (const field of FIELDS) {
      const p = reader.lookup(field, key).docs
      for (let i = 0; i < p.length; i++) {
        const d = p[i]!
        if (d < cap && seen[d] === 0 && docs.articleId[d] !== 0) {
          seen[d] = 1
          count++
        }
      }
    }
  return count
}

/**
 * Re-orders the best (EXACT_RERANK) candidates of a long query, whatever the page size:
 * more of the query's words written exactly as typed (case aside) come first, within the same
 * number of matched words; the ranking decides the rest. Stemming finds "groß" for "großen";
 * for a query that quotes a text's words, the text that has "großen" is the better answer.
 */
export function exactFirst(
  top: Ranked[],
  words: QueryPart[],
  docs: DocTable,
  texts: ArticleTexts,
): void {
  const typed = words
    .map((w) => w.text.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').toLowerCase())
    .filter(Boolean)
  const letter = /[\p{L}\p{N}]/u
  /** The word stands in the (lower-cased) text as a whole word. */
  const has = (text: string, word: string) => {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      const before = at > 0 ? text[at - 1]! : ' '
      const after = text[at + word.length] ?? ' '
      if (!letter.test(before) && !letter.test(after)) return true
    }
    return false
  }
  const exactOf = new Map<number, number>()
  const best = top.slice(0, EXACT_RERANK)
  for (const r of best) {
    const articleId = docs.articleId[r.docNo]!
    const article = texts.heading(articleId)
    const text =
      `${article?.kicker ?? ''}\n${article?.title ?? ''}\n${texts.body(articleId)}`.toLowerCase()
    exactOf.set(r.c, typed.filter((w) => has(text, w)).length)
  }
  // a stable sort: equal counts keep the ranking's order; the rest stays behind as it was
  best.sort((a, b) => b.matched - a.matched || exactOf.get(b.c)! - exactOf.get(a.c)!)
  top.splice(0, best.length, ...best)
}
