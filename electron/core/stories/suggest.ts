/**
 * Suggested stories: groups of articles about the same event, found from their signatures.
 * A plain batch function with a progress callback and an AbortSignal, so it can run in the
 * core's event loop (yielding) or be moved into a worker as it is. It never changes the
 * library: the user accepts a suggestion with one click (`story.create`).
 */
import type { StorySuggestion } from '../../../shared/contract/stories'
import type { Db } from '../db/open'
import { stmt } from '../db/statements'
import { SAME_STORY, nearestRows, relationsAmong } from './similar'
import type { SignatureTable } from './signatures'
import { dismissedSuggestions, suggestionKey } from './store'

/** Neighbours kept per article. */
const NEIGHBOURS = 8
/** A suggested group never grows past this (a chain of loosely related articles is not a story). */
const MAX_GROUP = 30
/** Rows between two yields to the event loop. */
const YIELD_EVERY = 2000

export interface SuggestOptions {
  signal?: AbortSignal
  onProgress?: (done: number, total: number) => void
  /** Yields to the event loop now and then (off in a worker, where nothing else waits). */
  yieldTo?: () => Promise<void>
}

const defaultYield = () => new Promise<void>((r) => setImmediate(r))

/** Every suggested story, best first (groups the user dismissed or already has are left out). */
export async function suggestStories(
  db: Db,
  table: SignatureTable,
  options: SuggestOptions = {},
): Promise<StorySuggestion[]> {
  const n = table.ids.length
  const yieldTo = options.yieldTo ?? defaultYield
  const scratch = new Float64Array(n)
  const edges: { a: number; b: number; score: number }[] = []
  for (let i = 0; i < n; i++) {
    if (i % YIELD_EVERY === 0) {
      options.signal?.throwIfAborted()
      options.onProgress?.(i, n)
      if (i > 0) await yieldTo()
    }
    const near = nearestRows(table, i, scratch, NEIGHBOURS).filter(([, s]) => s >= SAME_STORY)
    // an edge found from both sides is kept once (see cluster)
    for (const [j, score] of near) edges.push({ a: Math.min(i, j), b: Math.max(i, j), score })
  }
  options.onProgress?.(n, n)
  const groups = cluster(n, edges)
  const together = articlesTogether(db)
  const dismissed = dismissedSuggestions(db)
  const title = stmt(db, 'SELECT title FROM articles WHERE id = ?').pluck()
  const out: StorySuggestion[] = []
  for (const g of groups) {
    const ids = g.rows.map((r) => table.ids[r]!).sort((a, b) => a - b)
    const key = suggestionKey(ids)
    if (dismissed.has(key) || together(ids)) continue
    out.push({
      articles: ids,
      title: title.get(table.ids[g.center]!) as string,
      score: Math.round(g.score * 1000) / 1000,
      relations: [],
    })
  }
  out.sort((a, b) => b.score - a.score || b.articles.length - a.articles.length)
  return out
}

/** Fills in the wire copies and duplicates of suggestions (only for those shown). */
export function withRelations(
  db: Db,
  table: SignatureTable,
  suggestions: StorySuggestion[],
): StorySuggestion[] {
  return suggestions.map((s) => ({ ...s, relations: relationsAmong(db, table, s.articles) }))
}

interface Group {
  rows: number[]
  score: number
  center: number
}

/** Groups rows along their strongest edges first (union-find with a size limit). */
function cluster(n: number, edges: { a: number; b: number; score: number }[]): Group[] {
  const seen = new Set<string>()
  const unique = edges.filter((e) => {
    const k = `${e.a},${e.b}`
    return !seen.has(k) && seen.add(k)
  })
  unique.sort((x, y) => y.score - x.score)
  const parent = new Int32Array(n).map((_, i) => i)
  const size = new Int32Array(n).fill(1)
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!
    return x
  }
  const used: typeof unique = []
  for (const e of unique) {
    const ra = find(e.a)
    const rb = find(e.b)
    if (ra === rb) {
      used.push(e)
      continue
    }
    if (size[ra]! + size[rb]! > MAX_GROUP) continue
    parent[rb] = ra
    size[ra]! += size[rb]!
    used.push(e)
  }
  const byRoot = new Map<number, { rows: Set<number>; sum: number; count: number }>()
  const strength = new Map<number, number>()
  for (const e of used) {
    const r = find(e.a)
    let g = byRoot.get(r)
    if (!g) byRoot.set(r, (g = { rows: new Set(), sum: 0, count: 0 }))
    g.rows.add(e.a).add(e.b)
    g.sum += e.score
    g.count++
    strength.set(e.a, (strength.get(e.a) ?? 0) + e.score)
    strength.set(e.b, (strength.get(e.b) ?? 0) + e.score)
  }
  return [...byRoot.values()].map((g) => {
    const rows = [...g.rows]
    const center = rows.reduce((best, r) => (strength.get(r)! > strength.get(best)! ? r : best))
    return { rows, score: Math.min(1, g.sum / g.count), center }
  })
}

/** A test: are all these articles already in one story together? */
function articlesTogether(db: Db): (ids: number[]) => boolean {
  const storiesOf = stmt(db, 'SELECT story_id FROM story_articles WHERE article_id = ?').pluck()
  return (ids) => {
    let common: number[] | null = null
    for (const id of ids) {
      const mine = new Set(storiesOf.all(id) as number[])
      common = common === null ? [...mine] : common.filter((s) => mine.has(s))
      if (common.length === 0) return false
    }
    return common !== null && common.length > 0
  }
}
