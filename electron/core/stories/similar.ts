/**
 * How articles relate: the same text (a duplicate, or an agency text two outlets ran with
 * small edits: a wire copy) or the same story in their own words. Text overlap is measured on
 * word 4-shingles (MinHash estimates to find candidates, exact sets to label them); the
 * subject on the articles' top stems weighted by rarity, and publication dates close together.
 */
import type { SimilarArticle, StoryRelation } from '../../../shared/contract/stories'
import type { Db } from '../db/open'
import { stmt } from '../db/statements'
import { MINHASH_BINS, shingleSet } from './signature'
import type { SignatureTable } from './signatures'

/** Resemblance (shared / all shingles) from which two texts are duplicates. */
export const DUPLICATE_RESEMBLANCE = 0.85
/** Containment (shared / the shorter text's shingles) from which a text is a wire copy. */
export const WIRE_CONTAINMENT = 0.5
/** MinHash estimate from which the exact overlap is worth computing. */
const TEXT_CANDIDATE = 0.12
/** Subject similarity from which two articles are the same story. */
export const SAME_STORY = 0.25
/** Terms in more articles than this are too common to find candidates with. */
const MAX_CANDIDATE_DF = 400

/** How much publication dates say about two articles being one story (1: same days). */
export function dateFactor(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return 0.85
  const days = Math.abs(a - b)
  if (days <= 2) return 1
  return Math.max(0, 1 - (days - 2) / 12)
}

/**
 * Subject similarity of one row to every row sharing a term with it: the weight of the terms
 * they share (each at the smaller of its two weights) over the smaller of their total weights,
 * times how close their dates are. An article that reports part of a story shares most of
 * its terms with a longer one; cosine would punish it for being short.
 */
export function topicNeighbours(
  table: SignatureTable,
  row: number,
  scratch: Float64Array = new Float64Array(table.ids.length),
): Map<number, number> {
  const { term, weight } = table.terms[row]!
  const touched: number[] = []
  const maxDf = Math.max(MAX_CANDIDATE_DF, Math.ceil(table.ids.length / 200))
  for (let j = 0; j < term.length; j++) {
    const k = term[j]!
    const list = table.postings[k]!
    if (list.length > maxDf) continue
    const weights = table.postingWeights[k]!
    const w = weight[j]!
    for (let p = 0; p < list.length; p++) {
      const other = list[p]!
      if (other === row) continue
      if (scratch[other] === 0) touched.push(other)
      scratch[other]! += Math.min(w, weights[p]!)
    }
  }
  const out = new Map<number, number>()
  const sum = table.sum[row]!
  for (const other of touched) {
    const overlap = scratch[other]! / Math.min(sum, table.sum[other]!)
    scratch[other] = 0
    const score = overlap * dateFactor(table.day[row]!, table.day[other]!)
    if (score > 0) out.set(other, score)
  }
  return out
}

/** The exact subject similarity of two rows (their term lists merged), without dates. */
export function topicOverlap(table: SignatureTable, a: number, b: number): number {
  const x = table.terms[a]!
  const y = table.terms[b]!
  let i = 0
  let j = 0
  let shared = 0
  while (i < x.term.length && j < y.term.length) {
    const d = x.term[i]! - y.term[j]!
    if (d === 0) shared += Math.min(x.weight[i++]!, y.weight[j++]!)
    else if (d < 0) i++
    else j++
  }
  return shared / Math.min(table.sum[a]!, table.sum[b]!)
}

/**
 * The closest rows of one row for the suggestion batch, fast on a large library: candidates
 * come from its terms that few articles have (a term in hundreds of articles finds nothing
 * specific), the best of them are scored exactly.
 */
export function nearestRows(
  table: SignatureTable,
  row: number,
  scratch: Float64Array,
  keep: number,
): [number, number][] {
  const { term, weight } = table.terms[row]!
  const cap = Math.max(60, Math.ceil(table.ids.length / 1000))
  const touched: number[] = []
  for (let j = 0; j < term.length; j++) {
    const list = table.postings[term[j]!]!
    if (list.length > cap) continue
    const weights = table.postingWeights[term[j]!]!
    const w = weight[j]!
    for (let p = 0; p < list.length; p++) {
      const other = list[p]!
      if (other === row) continue
      if (scratch[other] === 0) touched.push(other)
      scratch[other]! += Math.min(w, weights[p]!)
    }
  }
  const partial = touched.map((o) => [o, scratch[o]!] as [number, number])
  for (const o of touched) scratch[o] = 0
  partial.sort((a, b) => b[1] - a[1])
  return partial
    .slice(0, keep * 3)
    .map(
      ([o]) =>
        [o, topicOverlap(table, row, o) * dateFactor(table.day[row]!, table.day[o]!)] as [
          number,
          number,
        ],
    )
    .sort((a, b) => b[1] - a[1])
    .slice(0, keep)
}

/** Estimated shingle resemblance of two rows. */
export function estimatedOverlap(table: SignatureTable, a: number, b: number): number {
  const m = table.minhash
  let same = 0
  for (let i = 0; i < MINHASH_BINS; i++)
    if (m[a * MINHASH_BINS + i] === m[b * MINHASH_BINS + i]) same++
  return same / MINHASH_BINS
}

/** Exact overlap of two articles' texts, read from the library. */
export function textOverlap(
  db: Db,
  a: number,
  b: number,
  memo = new Map<number, Set<number>>(),
): { resemblance: number; containment: number } {
  const sa = shinglesOf(db, a, memo)
  const sb = shinglesOf(db, b, memo)
  const [small, large] = sa.size <= sb.size ? [sa, sb] : [sb, sa]
  let shared = 0
  for (const h of small) if (large.has(h)) shared++
  const union = sa.size + sb.size - shared
  return {
    resemblance: union ? shared / union : 0,
    containment: small.size ? shared / small.size : 0,
  }
}

function shinglesOf(db: Db, id: number, memo: Map<number, Set<number>>): Set<number> {
  let set = memo.get(id)
  if (!set) {
    const paragraphs = stmt(
      db,
      'SELECT text FROM paragraphs WHERE article_id = ? ORDER BY position',
    )
      .pluck()
      .all(id) as string[]
    memo.set(id, (set = shingleSet(paragraphs)))
  }
  return set
}

/** The text relation of two articles, or null when they are not the same text. */
export function textRelation(overlap: {
  resemblance: number
  containment: number
}): { kind: StoryRelation['kind']; similarity: number } | null {
  if (overlap.resemblance >= DUPLICATE_RESEMBLANCE)
    return { kind: 'duplicate', similarity: overlap.containment }
  if (overlap.containment >= WIRE_CONTAINMENT)
    return { kind: 'wire copy', similarity: overlap.containment }
  return null
}

/** Duplicates and wire copies among a few articles (a story's, a suggestion's). */
export function relationsAmong(
  db: Db,
  table: SignatureTable,
  ids: readonly number[],
): StoryRelation[] {
  const out: StoryRelation[] = []
  const memo = new Map<number, Set<number>>()
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const ra = table.row.get(ids[i]!)
      const rb = table.row.get(ids[j]!)
      if (ra !== undefined && rb !== undefined && estimatedOverlap(table, ra, rb) < TEXT_CANDIDATE)
        continue
      const rel = textRelation(textOverlap(db, ids[i]!, ids[j]!, memo))
      if (rel) out.push({ a: ids[i]!, b: ids[j]!, ...round(rel) })
    }
  }
  return out
}

function round<T extends { similarity: number }>(x: T): T {
  return { ...x, similarity: Math.round(x.similarity * 1000) / 1000 }
}

/** Articles like `id`: its duplicates and wire copies, then the same story, best first. */
export function similarTo(
  db: Db,
  table: SignatureTable,
  id: number,
  limit: number | null,
): Omit<SimilarArticle, 'title' | 'outlet' | 'published'>[] {
  const row = table.row.get(id)
  if (row === undefined) return []
  const found = new Map<number, Omit<SimilarArticle, 'title' | 'outlet' | 'published'>>()
  const memo = new Map<number, Set<number>>()
  // the same text: every signature is compared (64 numbers each, a few ms at 100,000)
  for (let other = 0; other < table.ids.length; other++) {
    if (other === row || estimatedOverlap(table, row, other) < TEXT_CANDIDATE) continue
    const otherId = table.ids[other]!
    const rel = textRelation(textOverlap(db, id, otherId, memo))
    if (rel) found.set(otherId, round({ id: otherId, ...rel }))
  }
  // the same story in other words
  for (const [other, score] of topicNeighbours(table, row)) {
    const otherId = table.ids[other]!
    if (score < SAME_STORY || found.has(otherId)) continue
    found.set(otherId, round({ id: otherId, similarity: Math.min(1, score), kind: 'same story' }))
  }
  const rank = { duplicate: 0, 'wire copy': 1, 'same story': 2 }
  const list = [...found.values()].sort(
    (a, b) => rank[a.kind] - rank[b.kind] || b.similarity - a.similarity || a.id - b.id,
  )
  return limit === null ? list : list.slice(0, limit)
}
