/**
 * The indexed documents in memory: per document number its article, field lengths and date,
 * in typed arrays (what BM25 and recency need for every candidate), loaded from `search_docs`
 * at the first query and kept in step by the writer.
 */
import type { Db } from '../db/open'
import { FIELDS, type Field } from './types'

/** The indexed documents, by document number (0 in `articleId`: no such document). */
export interface DocTable {
  articleId: Int32Array
  len: Record<Field, Int32Array>
  published: Int32Array
  byArticle: Map<number, number>
  total: Record<Field, number>
  live: number
}

/** "2025-03-14" -> 20250314, "2025-03" -> 20250300, null -> 0: for recency. */
export function dateNumber(published: string | null): number {
  if (!published) return 0
  const [y, m, d] = published.split('-')
  return Number(y) * 10000 + Number(m ?? 0) * 100 + Number(d ?? 0)
}

function emptyDocTable(capacity: number): DocTable {
  const len = {} as Record<Field, Int32Array>
  const total = {} as Record<Field, number>
  for (const f of FIELDS) {
    len[f] = new Int32Array(capacity)
    total[f] = 0
  }
  return {
    articleId: new Int32Array(capacity),
    len,
    published: new Int32Array(capacity),
    byArticle: new Map(),
    total,
    live: 0,
  }
}

function growDocTable(t: DocTable, capacity: number): DocTable {
  const grown = emptyDocTable(capacity)
  grown.articleId.set(t.articleId)
  for (const f of FIELDS) grown.len[f].set(t.len[f])
  grown.published.set(t.published)
  grown.byArticle = t.byArticle
  grown.total = t.total
  grown.live = t.live
  return grown
}

/** The document table, loaded on first use; `clear()` makes the next use read it again. */
export class DocTableCache {
  private docs: DocTable | null = null
  private readonly select

  constructor(private readonly db: Db) {
    this.select = db.prepare(
      `SELECT doc_no, article_id, ${FIELDS.map((f) => `len_${f}`).join(', ')}, published FROM search_docs`,
    )
  }

  get loaded(): boolean {
    return this.docs !== null
  }

  clear(): void {
    this.docs = null
  }

  get(): DocTable {
    if (this.docs) return this.docs
    // in one read transaction: one snapshot, though another process may be writing (deferred:
    // a read never waits for another connection's write lock)
    return this.db.transaction(() => this.load()).deferred()
  }

  private load(): DocTable {
    const max = (this.db.prepare('SELECT max(doc_no) FROM search_docs').pluck().get() ??
      0) as number
    const t = (this.docs = emptyDocTable(max + 1024))
    const n = FIELDS.length
    // row by row: 100,000 rows at once would grow the heap by tens of megabytes for good
    for (const row of this.select.raw().iterate() as IterableIterator<number[]>) {
      const docNo = row[0]!
      const articleId = row[1]!
      t.articleId[docNo] = articleId
      for (let f = 0; f < n; f++) {
        const field = FIELDS[f]!
        t.len[field][docNo] = row[2 + f]!
        t.total[field] += row[2 + f]!
      }
      t.published[docNo] = row[2 + n]!
      t.byArticle.set(articleId, docNo)
      t.live++
    }
    return t
  }

  /** A document the writer added (only when the table is loaded). */
  remember(docNo: number, articleId: number, len: Record<Field, number>, published: number): void {
    let t = this.docs
    if (!t) return
    if (docNo >= t.articleId.length) t = this.docs = growDocTable(t, docNo * 2 + 1024)
    t.articleId[docNo] = articleId
    for (const f of FIELDS) {
      t.len[f][docNo] = len[f]
      t.total[f] += len[f]
    }
    t.published[docNo] = published
    t.byArticle.set(articleId, docNo)
    t.live++
  }

  /** A document the writer removed (only when the table is loaded). */
  forget(docNo: number): void {
    const t = this.docs
    if (!t) return
    const articleId = t.articleId[docNo]
    if (!articleId) return
    if (t.byArticle.get(articleId) === docNo) t.byArticle.delete(articleId)
    for (const f of FIELDS) t.total[f] -= t.len[f][docNo]!
    t.articleId[docNo] = 0
    t.live--
  }
}
