/**
 * The library list at 100,000 articles: the columns the list sorts and filters by, held in
 * memory, and each order computed once. SQLite has no index for most of these orders, and a
 * scan of the articles table reads every row with its raw original (about a second at
 * 100,000); the list then asks for the rows it shows, a screenful at a time, by id.
 *
 * The columns are read once and kept in step cheaply: new articles (a larger id) are read
 * alone, a deletion or any other change (the count or the generation differs) reads them again.
 */
import type { LibrarySort } from '../../../shared/types'
import type { Db } from '../db/open'
import { stmt } from '../db/statements'

interface Columns {
  ids: Int32Array
  published: (string | null)[]
  imported: string[]
  words: Int32Array
  /** Lower-cased, as SQLite's NOCASE compares (case only). */
  title: string[]
  outlet: (string | null)[]
  outletKey: (string | null)[]
  count: number
  maxId: number
}

export interface ListQuery {
  sort: LibrarySort
  order: 'asc' | 'desc'
  outlet: string | null
}

const ROWS = `SELECT a.id, a.published, a.imported_at, a.words, a.title, o.name
  FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id`

const indexes = new WeakMap<Db, LibraryListIndex>()

/** The list index of a library connection (one per connection, made on first use). */
export function listIndexFor(db: Db): LibraryListIndex {
  let index = indexes.get(db)
  if (!index) indexes.set(db, (index = new LibraryListIndex(db)))
  return index
}

/** Sorted and filtered article ids, answered from memory. */
export class LibraryListIndex {
  private cols: Columns | null = null
  /** Sorted positions into the columns, per sort and direction. */
  private readonly positions = new Map<string, Int32Array>()
  /** Finished lists of ids, per sort, direction and outlet. */
  private readonly orders = new Map<string, Int32Array>()
  /** Bumped by `invalidate()`: changes the cheap checks cannot see (a title edited). */
  private generation = 0
  private loadedGeneration = -1

  constructor(private readonly db: Db) {}

  /** Forget everything: the next query reads the columns again. */
  invalidate(): void {
    this.generation++
  }

  /** The ids of the library in the list's order, only the outlet's when one is given. */
  ids(query: ListQuery): Int32Array {
    const cols = this.columns()
    const key = `${query.sort}\u0000${query.order}\u0000${query.outlet ?? ''}`
    let ids = this.orders.get(key)
    if (ids) return ids
    const whole = `${query.sort}\u0000${query.order}`
    let positions = this.positions.get(whole)
    if (!positions) {
      positions = sortOrder(cols, query.sort, query.order)
      this.positions.set(whole, positions)
    }
    if (query.outlet) {
      const wanted = query.outlet
      const out: number[] = []
      for (const pos of positions) if (cols.outlet[pos] === wanted) out.push(cols.ids[pos]!)
      ids = Int32Array.from(out)
    } else {
      ids = positions.map((pos) => cols.ids[pos]!)
    }
    // a few recent lists (each sort order, an outlet or two); the columns change rarely
    if (this.orders.size >= 16) this.orders.delete(this.orders.keys().next().value!)
    this.orders.set(key, ids)
    return ids
  }

  /** The number of articles in the library. */
  count(): number {
    return this.columns().count
  }

  /** Articles just deleted: taken out of the columns without reading them again. */
  forget(deleted: Iterable<number>): void {
    const cols = this.cols
    if (!cols) return
    const gone = new Set(deleted)
    const keep: number[] = []
    for (let i = 0; i < cols.count; i++) if (!gone.has(cols.ids[i]!)) keep.push(i)
    if (keep.length === cols.count) return
    const pick = <T>(xs: T[]) => keep.map((i) => xs[i]!)
    this.cols = {
      ids: Int32Array.from(keep, (i) => cols.ids[i]!),
      words: Int32Array.from(keep, (i) => cols.words[i]!),
      published: pick(cols.published),
      imported: pick(cols.imported),
      title: pick(cols.title),
      outlet: pick(cols.outlet),
      outletKey: pick(cols.outletKey),
      count: keep.length,
      maxId: keep.reduce((m, i) => Math.max(m, cols.ids[i]!), 0),
    }
    this.forgetOrders()
  }

  private columns(): Columns {
    const { maxId, count } = stmt(
      this.db,
      'SELECT coalesce(max(id), 0) AS maxId, count(*) AS count FROM articles',
    ).get() as { maxId: number; count: number }
    const cols = this.cols
    if (cols && this.loadedGeneration === this.generation) {
      if (cols.maxId === maxId && cols.count === count) return cols
      if (maxId > cols.maxId) {
        const added = this.read(`${ROWS} WHERE a.id > ? ORDER BY a.id`, cols.maxId)
        if (cols.count + added.length === count) {
          this.cols = append(cols, added)
          this.forgetOrders()
          return this.cols
        }
      }
    }
    const rows = this.read(`${ROWS} ORDER BY a.id`)
    this.cols = append(empty(), rows)
    this.forgetOrders()
    this.loadedGeneration = this.generation
    return this.cols
  }

  private forgetOrders(): void {
    this.positions.clear()
    this.orders.clear()
  }

  private read(sql: string, ...params: number[]): Row[] {
    return stmt(this.db, sql)
      .raw(true)
      .all(...params) as Row[]
  }
}

type Row = [number, string | null, string, number, string, string | null]

function empty(): Columns {
  return {
    ids: new Int32Array(0),
    published: [],
    imported: [],
    words: new Int32Array(0),
    title: [],
    outlet: [],
    outletKey: [],
    count: 0,
    maxId: 0,
  }
}

function append(cols: Columns, rows: Row[]): Columns {
  const n = cols.count + rows.length
  const ids = new Int32Array(n)
  ids.set(cols.ids)
  const words = new Int32Array(n)
  words.set(cols.words)
  const out: Columns = {
    ids,
    words,
    published: cols.published,
    imported: cols.imported,
    title: cols.title,
    outlet: cols.outlet,
    outletKey: cols.outletKey,
    count: n,
    maxId: cols.maxId,
  }
  rows.forEach(([id, published, imported, w, title, outlet], k) => {
    const i = cols.count + k
    ids[i] = id
    words[i] = w
    out.published.push(published)
    out.imported.push(imported)
    out.title.push(title.toLowerCase())
    out.outlet.push(outlet)
    out.outletKey.push(outlet === null ? null : outlet.toLowerCase())
    out.maxId = Math.max(out.maxId, id)
  })
  return out
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/**
 * Each value's rank among the column's distinct values (null: -1), so the sorts below compare
 * whole numbers: a date or outlet column has few distinct values, and even 100,000 distinct
 * strings are sorted once here instead of compared twice per comparison of the sort.
 */
function ranks(values: readonly (string | null)[]): Int32Array {
  const distinct = [...new Set(values)].filter((v): v is string => v !== null).sort(cmp)
  const rank = new Map(distinct.map((v, i) => [v, i]))
  return Int32Array.from(values, (v) => (v === null ? -1 : rank.get(v)!))
}

/**
 * The same orders as `listArticles` (SQL), as positions into the columns: undated articles and
 * articles without an outlet last whatever the direction, ties broken by the id in the
 * direction asked for.
 */
function sortOrder(cols: Columns, sort: LibrarySort, order: 'asc' | 'desc'): Int32Array {
  const dir = order === 'asc' ? 1 : -1
  const ids = cols.ids
  const byId = (a: number, b: number) => dir * (ids[a]! - ids[b]!)
  // nulls last whatever the direction: -1 becomes the largest (asc) or smallest (desc) key
  const last = (r: Int32Array) => r.map((v) => (v < 0 ? (dir > 0 ? 2 ** 31 - 1 : -1) : v))
  let compare: (a: number, b: number) => number
  switch (sort) {
    case 'published': {
      const p = last(ranks(cols.published))
      const imp = ranks(cols.imported)
      compare = (a, b) => dir * (p[a]! - p[b]!) || dir * (imp[a]! - imp[b]!)
      break
    }
    case 'title': {
      const t = ranks(cols.title)
      compare = (a, b) => dir * (t[a]! - t[b]!)
      break
    }
    case 'outlet': {
      const o = last(ranks(cols.outletKey))
      // within an outlet, newest first whatever the direction (undated last), as the SQL
      const p = ranks(cols.published)
      compare = (a, b) => dir * (o[a]! - o[b]!) || p[b]! - p[a]!
      break
    }
    case 'words':
      compare = (a, b) => dir * (cols.words[a]! - cols.words[b]!)
      break
    case 'imported': {
      const imp = ranks(cols.imported)
      compare = (a, b) => dir * (imp[a]! - imp[b]!)
      break
    }
  }
  const idx = Array.from({ length: cols.count }, (_, i) => i)
  idx.sort((a, b) => compare(a, b) || byId(a, b))
  return Int32Array.from(idx)
}
