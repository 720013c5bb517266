/**
 * The best page of a query without scoring every matching article.
 *
 * Per query key, an impact list: the key's documents in any field with the key's BM25F weight
 * in each (field-weighted term frequency, normalised by field length), and the same documents
 * ordered by that weight, best first. The threshold algorithm (Fagin, Lotem and Naor) reads
 * the keys' lists best first, one position at a time in turn, scores every document it meets
 * over all keys (looking the document up in the other lists), and stops as soon as no document
 * it has not met can beat the k-th best found: its weight for each key is at most the weight
 * at the current position of that key's list. For a common word at 100,000 articles that is a
 * few dozen documents instead of tens of thousands. The ranking is the same as scoring all of
 * them: the same formula, the same order of additions, the same tie-breaks.
 */
import type { Postings } from './postings'

/** One query key's documents in any field, with weights and an order by weight. */
export interface KeyImpacts {
  /** Ascending document numbers. */
  docs: Int32Array
  /** BM25F weight (before saturation) per document. */
  weight: Float64Array
  /** Bit per field the key is in. */
  fields: Uint8Array
  /** Indexes into `docs`, by weight (quantised) descending. */
  order: Int32Array
}

/** One field's postings of a key, with what BM25 needs to weigh them. */
export interface FieldPostings {
  postings: Postings
  /** Field weight (title boost). */
  boost: number
  /** Length of this field per document. */
  lens: Int32Array
  /** Average length of this field. */
  avg: number
}

/** Weights are quantised to 1/QUANTUM for ordering; bounds round up to the next step. */
const QUANTUM = 2 ** 18
const MAX_STEP = 2 ** 30
const INDEX_SPAN = 2 ** 22

/**
 * Builds a key's impact list from its postings per field (in the fields' fixed order, so the
 * weights add up exactly as in a full scoring pass). `live` says whether a document still
 * exists.
 */
export function buildImpacts(
  fields: FieldPostings[],
  b: number,
  live: (doc: number) => boolean,
): KeyImpacts {
  // a merge of the fields' ascending lists, twice: first to count, then to fill arrays of
  // the exact size (a long-running process keeps less garbage)
  const at = new Int32Array(fields.length)
  const NONE = 2 ** 31 - 1
  const nextDoc = () => {
    let doc = NONE
    for (let f = 0; f < fields.length; f++) {
      const d = fields[f]!.postings.docs
      if (at[f]! < d.length && d[at[f]!]! < doc) doc = d[at[f]!]!
    }
    return doc
  }
  let n = 0
  for (let doc = nextDoc(); doc !== NONE; doc = nextDoc()) {
    for (let f = 0; f < fields.length; f++) {
      const d = fields[f]!.postings.docs
      if (at[f]! < d.length && d[at[f]!] === doc) at[f]!++
    }
    if (live(doc)) n++
  }
  at.fill(0)
  const docs = new Int32Array(n)
  const weight = new Float64Array(n)
  const mask = new Uint8Array(n)
  let k = 0
  for (let doc = nextDoc(); doc !== NONE; doc = nextDoc()) {
    let w = 0
    let bits = 0
    for (let f = 0; f < fields.length; f++) {
      const field = fields[f]!
      const i = at[f]!
      if (i < field.postings.docs.length && field.postings.docs[i] === doc) {
        w += (field.boost * field.postings.tfs[i]!) / (1 - b + (b * field.lens[doc]!) / field.avg)
        bits |= 1 << f
        at[f]!++
      }
    }
    if (!live(doc)) continue
    docs[k] = doc
    weight[k] = w
    mask[k++] = bits
  }
  return { docs, weight, fields: mask, order: orderByWeight(weight) }
}

function step(w: number): number {
  return Math.min(Math.floor(w * QUANTUM), MAX_STEP - 1)
}

/** An upper bound of the weight of every document at or after this position of the order. */
function boundAt(list: KeyImpacts, j: number): number {
  const s = step(list.weight[list.order[j]!]!)
  return s === MAX_STEP - 1 ? Infinity : (s + 1) / QUANTUM
}

/** Reused for sorting (nothing waits while it is in use). */
let sortBuffer = new Float64Array(1024)

/** Positions by weight descending: (step, index) packed into one number for a native sort. */
function orderByWeight(weight: Float64Array): Int32Array {
  const n = weight.length
  const order = new Int32Array(n)
  if (n >= INDEX_SPAN) {
    for (let i = 0; i < n; i++) order[i] = i
    return order.sort((a, b) => weight[b]! - weight[a]! || a - b)
  }
  if (sortBuffer.length < n) sortBuffer = new Float64Array(Math.max(n, sortBuffer.length * 2))
  const packed = sortBuffer.subarray(0, n)
  for (let i = 0; i < n; i++) packed[i] = (MAX_STEP - 1 - step(weight[i]!)) * INDEX_SPAN + i
  packed.sort()
  for (let i = 0; i < n; i++) order[i] = packed[i]! % INDEX_SPAN
  return order
}

/** Index of `value` in the ascending `a` (between `from` and before `to`), or -1. */
export function indexOf(a: Int32Array, value: number, from = 0, to = a.length): number {
  let lo = from
  let hi = to - 1
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    const v = a[mid]!
    if (v < value) lo = mid + 1
    else if (v > value) hi = mid - 1
    else return mid
  }
  return -1
}

export interface TopKInput {
  lists: KeyImpacts[]
  /** Inverse document frequency per key. */
  idf: number[]
  k1: number
  /** How many of the best are wanted. */
  need: number
  /** Publication date per document (newer wins a tie). */
  published: Int32Array
  /** A table as large as the document numbers, and a number not yet used in it. */
  seen: Int32Array
  stamp: number
  /** Filters that cost little: checked before a document is scored. */
  allowed: (doc: number) => boolean
  /** Checks that cost more (the stored text): only for a document that would enter the best. */
  verify?: (doc: number) => boolean
  /** After this many failed `verify` calls the search ends with what it has. */
  maxRejected?: number
}

export interface TopKHit {
  doc: number
  score: number
  fields: number
}

export interface TopKOutcome {
  /** The best documents with every key, best first. */
  hits: TopKHit[]
  /** Every document with all the keys was met: fewer than `need` hits means there are no more. */
  complete: boolean
}

/** The `need` best documents that have every key, by BM25F, then date, then number. */
export function topKWithEveryKey(input: TopKInput): TopKOutcome {
  const { lists, idf, k1, need, published, seen, stamp, allowed, verify } = input
  const m = lists.length
  const sat = (w: number) => (w * (k1 + 1)) / (w + k1)
  const best: TopKHit[] = []
  // a worse than b: lower score, then older, then lower number
  const worse = (a: TopKHit, b: TopKHit) =>
    a.score < b.score ||
    (a.score === b.score &&
      (published[a.doc]! < published[b.doc]! ||
        (published[a.doc] === published[b.doc] && a.doc < b.doc)))
  const idx = new Int32Array(m)
  let rejected = 0
  const maxRejected = input.maxRejected ?? Infinity
  let complete = false
  outer: for (let j = 0; ; j++) {
    for (let k = 0; k < m; k++) {
      const list = lists[k]!
      if (j >= list.order.length) {
        complete = true
        break outer
      }
      const doc = list.docs[list.order[j]!]!
      if (seen[doc] === stamp) continue
      seen[doc] = stamp
      if (!allowed(doc)) continue
      let every = true
      for (let o = 0; o < m; o++) {
        idx[o] = o === k ? list.order[j]! : indexOf(lists[o]!.docs, doc)
        if (idx[o]! < 0) {
          every = false
          break
        }
      }
      if (!every) continue
      // in the keys' order, as a full scoring pass adds them
      let score = 0
      let fields = 0
      for (let o = 0; o < m; o++) {
        const l = lists[o]!
        const w = l.weight[idx[o]!]!
        if (w > 0) score += idf[o]! * sat(w)
        fields |= l.fields[idx[o]!]!
      }
      const hit = { doc, score, fields }
      if (best.length === need && !worse(best[need - 1]!, hit)) continue
      if (verify && !verify(doc)) {
        if (++rejected >= maxRejected) break outer
        continue
      }
      let i = best.length < need ? best.length : need - 1
      if (best.length < need) best.push(hit)
      while (i > 0 && worse(best[i - 1]!, hit)) {
        best[i] = best[i - 1]!
        i--
      }
      best[i] = hit
    }
    if (best.length === need) {
      // no document not yet met scores above this
      let bound = 0
      for (let k = 0; k < m; k++) bound += idf[k]! * sat(boundAt(lists[k]!, j))
      if (best[need - 1]!.score > bound) break
    }
  }
  return { hits: best, complete }
}
