/**
 * Phrases at query time. By word positions first: each stored position keeps the stopword
 * right before the word, so "in Wien" and "Sanktionen gegen Nordkorea" are decided by the
 * index alone. A phrase with stopwords the positions cannot tell ("in der Stadt") is also
 * checked against the stored text of the hits shown (`phrase.ts` walks the text).
 */
import { stopNumber } from './analyzer'
import type { DocTable } from './doctable'
import { verifyPhrase } from './phrase'
import type { TermPositions } from './postings'
import type { QueryPart } from './query'
import type { Scratch } from './scratch'
import type { TermReader } from './terms'
import type { ArticleTexts } from './texts'
import { indexOf } from './topk'
import { FIELDS, type Ranked } from './types'

/**
 * A phrase is checked by positions alone when each of its stopwords stands right before one of
 * its words ("in Wien", "Sanktionen gegen Nordkorea"); otherwise ("in der Stadt") also
 * against the stored text.
 */
export function needsText(phrase: QueryPart): boolean {
  return phrase.keys.some(
    (key, k) =>
      phrase.stops?.[k] &&
      (k + 1 >= phrase.keys.length || phrase.stops[k + 1] || stopNumber(key) === 0),
  )
}

/** Keeps candidates (rows of `cand`) in which each phrase's words stand at consecutive positions. */
export function phraseFilter(
  kept: Int32Array,
  cand: number[],
  phrases: QueryPart[],
  docs: DocTable,
  reader: TermReader,
  scratch: Scratch,
): Int32Array {
  const count = scratch.array('phraseCount', Uint8Array, docs.articleId.length)
  const n = phraseMarks(phrases, count, reader)
  return n === 0 ? kept : kept.filter((c) => count[cand[c]!] === n)
}

/**
 * Counts per document (in `count`) the phrases whose words stand at consecutive positions
 * in one of its fields, each stopword that stands right before a word included (the index
 * keeps it with the word's position), and returns how many phrases were checked: a document
 * has every phrase when its count equals that number. A phrase of one word without such a
 * stopword needs no check here: every candidate has the word.
 */
export function phraseMarks(phrases: QueryPart[], count: Uint8Array, reader: TermReader): number {
  let checked = 0
  for (const phrase of phrases) {
    const words = phrase.keys
      .map((key, k) => ({
        key,
        offset: k,
        before: k > 0 && phrase.stops?.[k - 1] ? stopNumber(phrase.keys[k - 1]!) : 0,
      }))
      .filter((_, k) => !phrase.stops?.[k])
    if (words.length === 0 || (words.length === 1 && words[0]!.before === 0) || checked === 255)
      continue
    const at = words.map((w) => w.offset - words[0]!.offset)
    const before = words.map((w) => w.before)
    for (const field of FIELDS) {
      const lists = words.map((w) => reader.termPositions(field, w.key))
      markAdjacent(lists, at, before, count, checked)
    }
    checked++
  }
  return checked
}

/**
 * Raises `count` from `checked` to `checked + 1` for the documents in which the words stand at
 * the given distances from the first, each with the given stopword right before it (0: any).
 * The rarest word's documents are walked in order, the others' lists followed alongside.
 */
function markAdjacent(
  lists: TermPositions[],
  at: number[],
  before: number[],
  count: Uint8Array,
  checked: number,
): void {
  let r = 0
  for (let w = 1; w < lists.length; w++) if (lists[w]!.docs.length < lists[r]!.docs.length) r = w
  const rarest = lists[r]!.docs
  const cursor = new Int32Array(lists.length)
  const from = new Int32Array(lists.length)
  next: for (let i = 0; i < rarest.length; i++) {
    const doc = rarest[i]!
    if (doc >= count.length || count[doc] !== checked) continue
    for (let w = 0; w < lists.length; w++) {
      if (w === r) {
        from[w] = i
        continue
      }
      const docs = lists[w]!.docs
      let c = cursor[w]!
      while (c < docs.length && docs[c]! < doc) c++
      cursor[w] = c
      if (c >= docs.length || docs[c] !== doc) continue next
      from[w] = c
    }
    if (adjacentIn(lists, from, at, before)) count[doc] = checked + 1
  }
}

/** The words stand at the distances in one document (`from`: its index in each list). */
function adjacentIn(lists: TermPositions[], from: Int32Array, at: number[], before: number[]) {
  const first = lists[0]!
  for (let i = first.start[from[0]!]!; i < first.start[from[0]! + 1]!; i++) {
    if (before[0] !== 0 && first.before[i] !== before[0]) continue
    let all = true
    for (let w = 1; w < lists.length && all; w++) {
      const l = lists[w]!
      const j = indexOf(l.pos, first.pos[i]! + at[w]!, l.start[from[w]!]!, l.start[from[w]! + 1]!)
      all = j >= 0 && (before[w] === 0 || l.before[j] === before[w])
    }
    if (all) return true
  }
  return false
}

/** The stored text of an article has every phrase: title first, then body, then comments. */
export function verifyText(articleId: number, phrases: QueryPart[], texts: ArticleTexts): boolean {
  const article = texts.heading(articleId)
  if (!article) return false
  const pending = new Set(phrases)
  const check = (text: string) => {
    for (const p of pending) if (verifyPhrase(text, p)) pending.delete(p)
    return pending.size === 0
  }
  return (
    check(`${article.kicker ?? ''}\n${article.title}`) ||
    check(texts.body(articleId)) ||
    check(texts.comments(articleId))
  )
}

/**
 * For phrases whose stopwords the positions cannot tell ("in der Stadt", see `needsText`):
 * the hits shown are checked against the stored text, in rank order.
 */
export function verifyShown(
  ranked: Ranked[],
  phrases: QueryPart[],
  docs: DocTable,
  texts: ArticleTexts,
  offset: number,
  limit: number,
): Ranked[] {
  const out: Ranked[] = []
  let skipped = 0
  for (const r of ranked) {
    if (out.length >= limit) break
    if (!verifyText(docs.articleId[r.docNo]!, phrases, texts)) continue
    if (skipped++ < offset) continue
    out.push(r)
  }
  return out
}
