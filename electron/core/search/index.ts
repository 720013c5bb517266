/**
 * Full-text search over the library, in the library file.
 *
 * Storage: per field (title, text, reader comments) and term, append-only segments of
 * (document, term frequency) and word positions, in SQLite tables of the library file.
 * The best page: when it can only hold articles with every part of the query, the threshold
 * algorithm over per-key impact lists (`topk.ts`) finds it without scoring every article.
 * Otherwise, candidates: FlexSearch runs the query (AND/OR over the query's keys, documents
 * with more keys first) through a storage adapter (`store.ts`) that answers from those
 * segments, with a word's compounds included ("programm" -> "atomprogramm"), and every
 * candidate is scored. Ranking, either way: BM25 per field with a title boost, more matched
 * query parts first, newer articles first on ties. Phrases are checked by word positions,
 * which keep the stopword right before each word ("in Wien"); a phrase with stopwords
 * elsewhere ("in der Stadt") is also checked against the stored text of the hits shown.
 *
 * The index follows the articles through a journal that triggers fill in the same
 * transaction as every article change; `drain()` applies it and deletes the journal rows in the
 * same transaction as the index write, and runs again at the next start after a crash.
 */
import { Index, type StorageInterface } from 'flexsearch'
import type { Db } from '../db/open'
import { ARTICLES_TAGGED_SQL } from '../notes/tagged'
import { ANALYZER_ID, indexPositions, keyName, PLACE_SPAN, stem, stopNumber } from './analyzer'
import { createGermanEncoder, PRE_ANALYSED } from './encoder'
import { verifyPhrase } from './phrase'
import {
  concatPostings,
  decodePostings,
  decodeTermPositions,
  EMPTY,
  encodePositions,
  encodePostings,
  mergeSegments,
  unionPostings,
  type Postings,
  type TermPositions,
} from './postings'
import { parseQuery, partKeys, type ParsedQuery, type QueryPart } from './query'
import { SizedLru } from './lru'
import { SearchStore } from './store'
import { buildImpacts, indexOf, topKWithEveryKey, type KeyImpacts } from './topk'

export const FIELDS = ['title', 'text', 'comments'] as const
export type Field = (typeof FIELDS)[number]

/** How much a match in each field counts. */
const WEIGHT: Record<Field, number> = { title: 2.5, text: 1, comments: 0.35 }
const K1 = 1.2
const B = 0.75
/** A term with more segments than this is merged into one (segment numbers stay below 64). */
const MAX_SEGMENTS = 16
const SEGMENT_SPAN = 64
/** How many of the best candidates of a long query are checked for the words as typed. */
const EXACT_RERANK = 60
/** Decoded postings kept for repeated query words (8 bytes each: about 16 MB). */
const CACHED_POSTINGS = 2_000_000
/** Documents of the impact lists kept in memory (17 bytes each). */
const CACHED_IMPACTS = 600_000
/** Word positions kept in memory (for phrases). */
const CACHED_POSITIONS = 1_000_000
/** The largest page (offset + limit) found by reading impact lists best first. */
const TOP_K_AT_MOST = 1000
/** Phrases with stopwords: the stored texts checked before giving up. */
const VERIFY_AT_MOST = 200
/** Journal rows read at a time. */
const READ = 2000
/** Postings held in memory before they are written (about 100 MB at most). */
const FLUSH_POSTINGS = 2_500_000

export interface SearchFilters {
  outlet?: string | null
  from?: string | null
  to?: string | null
  tag?: string | null
  story?: number | null
}

export interface RankedHit {
  articleId: number
  score: number
  /** How many of the query's parts the article contains. */
  matched: number
  /** The fields the query matched in. */
  fields: Field[]
}

export interface SearchOutcome {
  hits: RankedHit[]
  total: number
  parsed: ParsedQuery
  /** Every indexed term each query key stood for (compounds, prefix completions). */
  expansions: Map<string, Set<string>>
}

export interface IndexStatus {
  analyzer: string
  articles: number
  indexed: number
  pending: number
  deleted: number
  consistent: boolean
  missing: number[]
  orphaned: number[]
}

/** Terms of one batch: documents in ascending order, their frequencies and positions. */
interface PendingTerm {
  docs: number[]
  tfs: number[]
  pos: number[]
}

/** The indexed documents, by document number (0 in `articleId`: no such document). */
interface DocTable {
  articleId: Int32Array
  len: Record<Field, Int32Array>
  published: Int32Array
  byArticle: Map<number, number>
  total: Record<Field, number>
  live: number
}

type Ranked = { docNo: number; c: number; matched: number }

interface AddedDoc {
  docNo: number
  articleId: number
  len: Record<Field, number>
  published: number
}

interface StoredArticle {
  title: string
  kicker: string | null
  published: string | null
}

/** What has been analysed but not yet written. */
interface Batch {
  added: Map<number, AddedDoc>
  removed: number[]
  /** The last journal row the batch covers. */
  journalUpTo: number
  postings: number
  nextDoc: number
}

/** "2025-03-14" -> 20250314, "2025-03" -> 20250300, null -> 0: for recency. */
function dateNumber(published: string | null): number {
  if (!published) return 0
  const [y, m, d] = published.split('-')
  return Number(y) * 10000 + Number(m ?? 0) * 100 + Number(d ?? 0)
}

const reverse = (s: string) => [...s].reverse().join('')

export class SearchIndex {
  private readonly flex: Record<Field, Index>
  /** Over all fields at once: candidates that have every word, wherever it stands. */
  private readonly flexAll: Index
  /** The analysed batch: per field, per key number, its documents, frequencies, positions. */
  private readonly pending: Record<Field, Map<number, PendingTerm>>
  /** Decoded postings of recent query keys, at most CACHED_POSTINGS of them in all. */
  private readonly cache = new SizedLru<Postings>(CACHED_POSTINGS, (p) => p.docs.length)
  private readonly impactCache = new SizedLru<KeyImpacts>(CACHED_IMPACTS, (l) => l.docs.length)
  private readonly positionCache = new SizedLru<TermPositions>(
    CACHED_POSITIONS,
    (t) => t.pos.length + t.docs.length,
  )
  private stamps = new Int32Array(0)
  private stampNo = 0
  private candidates: Int32Array | null = null
  private readonly buffers = new Map<string, Float64Array | Int32Array | Uint8Array>()
  private readonly expansions = new Map<string, string[]>()
  private deleted = new Set<number>()
  private docs: DocTable | null = null
  private batch: Batch | null = null
  /** The term dictionary, loaded for writing only: "field\u0000term" -> id and last segment. */
  private terms: Map<string, { id: number; segs: number }> | null = null
  private readyPromise: Promise<void> | null = null
  private readonly sql

  constructor(private readonly db: Db) {
    const encoder = createGermanEncoder()
    this.flex = {} as Record<Field, Index>
    this.pending = {} as Record<Field, Map<number, PendingTerm>>
    for (const field of FIELDS) {
      // resolution 1: FlexSearch's positional scoring is not used; Lesesaal ranks by BM25
      this.flex[field] = new Index({ encoder, resolution: 1, commit: false, cache: false })
      this.pending[field] = new Map()
    }
    this.flexAll = new Index({ encoder, resolution: 1, commit: false, cache: false })
    this.sql = {
      meta: db.prepare('SELECT value FROM search_meta WHERE key = ?').pluck(),
      setMeta: db.prepare(
        'INSERT INTO search_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      ),
      termId: db.prepare('SELECT id FROM search_terms WHERE field = ? AND term = ?').pluck(),
      allTerms: db.prepare('SELECT id, field, term FROM search_terms'),
      allKeys: db.prepare('SELECT key FROM search_postings').pluck(),
      segments: db
        .prepare('SELECT data FROM search_postings WHERE key >= ? AND key < ? ORDER BY key')
        .pluck(),
      segmentsWithPositions: db.prepare(
        'SELECT data, pos FROM search_postings WHERE key >= ? AND key < ? ORDER BY key',
      ),
      insertSegment: db.prepare('INSERT INTO search_postings (key, data, pos) VALUES (?, ?, ?)'),
      deleteSegments: db.prepare('DELETE FROM search_postings WHERE key >= ? AND key < ?'),
      insertTerm: db.prepare('INSERT INTO search_terms (field, term, rev) VALUES (?, ?, ?)'),
      deleteTerm: db.prepare('DELETE FROM search_terms WHERE id = ?'),
      hasTerm: db.prepare('SELECT 1 FROM search_terms WHERE field = ? AND term = ?').pluck(),
      byPrefix: db
        .prepare(
          'SELECT term FROM search_terms WHERE field = ? AND term >= ? AND term < ? LIMIT 5000',
        )
        .pluck(),
      bySuffix: db
        .prepare('SELECT term FROM search_terms WHERE field = ? AND rev > ? AND rev < ? LIMIT 5000')
        .pluck(),
      journal: db.prepare(
        'SELECT id, article_id FROM search_journal WHERE id > ? ORDER BY id LIMIT ?',
      ),
      journalCount: db.prepare('SELECT count(*) FROM search_journal').pluck(),
      clearJournal: db.prepare('DELETE FROM search_journal WHERE id <= ?'),
      docOf: db.prepare('SELECT doc_no FROM search_docs WHERE article_id = ?').pluck(),
      insertDoc: db.prepare(
        'INSERT INTO search_docs (doc_no, article_id, len_title, len_text, len_comments, published) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      deleteDoc: db.prepare('DELETE FROM search_docs WHERE doc_no = ?'),
      markDeleted: db.prepare('INSERT OR IGNORE INTO search_deleted (doc_no) VALUES (?)'),
      article: db.prepare('SELECT title, kicker, published FROM articles WHERE id = ?'),
      articlesIn: db.prepare(
        'SELECT id, title, kicker, published FROM articles WHERE id IN (SELECT value FROM json_each(?))',
      ),
      paragraphsIn: db
        .prepare(
          'SELECT article_id, text FROM paragraphs WHERE article_id IN (SELECT value FROM json_each(?)) ORDER BY article_id, position',
        )
        .raw(),
      commentsIn: db
        .prepare(
          "SELECT article_id, coalesce(title, '') || ' ' || text FROM comments WHERE article_id IN (SELECT value FROM json_each(?)) ORDER BY article_id, position",
        )
        .raw(),
      paragraphs: db
        .prepare('SELECT text FROM paragraphs WHERE article_id = ? ORDER BY position')
        .pluck(),
      // the body in one piece (paragraphs joined by line breaks, which phrases do not cross)
      bodyText: db
        .prepare(
          'SELECT group_concat(text, char(10)) FROM (SELECT text FROM paragraphs WHERE article_id = ? ORDER BY position)',
        )
        .pluck(),
      commentText: db
        .prepare(
          "SELECT group_concat(coalesce(title, '') || ' ' || text, char(10)) FROM (SELECT title, text FROM comments WHERE article_id = ? ORDER BY position)",
        )
        .pluck(),
      comments: db
        .prepare(
          "SELECT coalesce(title, '') || ' ' || text FROM comments WHERE article_id = ? ORDER BY position",
        )
        .pluck(),
    }
  }

  /** Mounts the FlexSearch indexes and rebuilds the index if another analysis built it. */
  ready(): Promise<void> {
    this.readyPromise ??= (async () => {
      for (const field of FIELDS) {
        await this.flex[field].mount(new SearchStore(this, field) as unknown as StorageInterface)
      }
      await this.flexAll.mount(new SearchStore(this, 'all') as unknown as StorageInterface)
      if (this.sql.meta.get('analyzer') !== ANALYZER_ID) this.reset()
      this.deleted = new Set(
        this.db.prepare('SELECT doc_no FROM search_deleted').pluck().all() as number[],
      )
    })()
    return this.readyPromise
  }

  /** Drops the whole index and queues every article: used when the analysis changed. */
  reset(): void {
    this.db.transaction(() => {
      this.db.exec(
        'DELETE FROM search_postings; DELETE FROM search_terms; DELETE FROM search_docs; DELETE FROM search_deleted; DELETE FROM search_journal',
      )
      this.db.exec('INSERT INTO search_journal (article_id) SELECT id FROM articles ORDER BY id')
      this.sql.setMeta.run('analyzer', ANALYZER_ID)
      this.sql.setMeta.run('next_doc', '1')
    })()
    this.deleted = new Set()
    this.docs = null
    this.batch = null
    this.terms = null
    for (const field of FIELDS) this.pending[field].clear()
    this.forgetCaches()
  }

  private forgetCaches(): void {
    this.cache.clear()
    this.impactCache.clear()
    this.positionCache.clear()
    this.expansions.clear()
  }

  /** Rebuilds the index from the articles. */
  async rebuild(onProgress?: (done: number, total: number) => void): Promise<IndexStatus> {
    await this.ready()
    this.reset()
    this.drain({ onProgress })
    return this.status()
  }

  /**
   * Applies the journal: (re)indexes changed articles and forgets deleted ones, and writes
   * the result (unless `flush` is false: bulk imports let the analysed batch grow and write
   * it in large pieces). Returns how many journal rows were read. Cheap when there is
   * nothing to do.
   */
  drain(
    options: { flush?: boolean; onProgress?: (done: number, total: number) => void } = {},
  ): number {
    let done = 0
    const total = options.onProgress ? (this.sql.journalCount.get() as number) : 0
    for (;;) {
      const batch = (this.batch ??= {
        added: new Map(),
        removed: [],
        journalUpTo: 0,
        postings: 0,
        nextDoc: Number(this.sql.meta.get('next_doc') ?? 1),
      })
      const rows = this.sql.journal.all(batch.journalUpTo, READ) as {
        id: number
        article_id: number
      }[]
      if (rows.length === 0) break
      batch.journalUpTo = rows[rows.length - 1]!.id
      const ids = [...new Set(rows.map((r) => r.article_id))]
      const json = JSON.stringify(ids)
      const articles = new Map(
        (this.sql.articlesIn.all(json) as ({ id: number } & StoredArticle)[]).map((a) => [a.id, a]),
      )
      const texts = new Map<number, { text: string[]; comments: string[] }>()
      const textsOf = (id: number) => {
        let t = texts.get(id)
        if (!t) texts.set(id, (t = { text: [], comments: [] }))
        return t
      }
      for (const [id, text] of this.sql.paragraphsIn.all(json) as [number, string][])
        textsOf(id).text.push(text)
      for (const [id, text] of this.sql.commentsIn.all(json) as [number, string][])
        textsOf(id).comments.push(text)
      for (const id of ids) this.analyse(batch, id, articles.get(id), texts.get(id))
      done += rows.length
      if (batch.postings >= FLUSH_POSTINGS) this.flush()
      options.onProgress?.(Math.min(done, total), total)
    }
    if (options.flush !== false) this.flush()
    return done
  }

  /** Analyses the current version of one article (absent: deleted) into the batch. */
  private analyse(
    batch: Batch,
    articleId: number,
    article: StoredArticle | undefined,
    body: { text: string[]; comments: string[] } | undefined,
  ): void {
    const earlier = batch.added.get(articleId)
    const old = earlier?.docNo ?? (this.sql.docOf.get(articleId) as number | undefined)
    if (old !== undefined) batch.removed.push(old)
    batch.added.delete(articleId)
    if (!article) return
    const docNo = batch.nextDoc++
    const texts: Record<Field, string> = {
      title: article.kicker ? `${article.kicker}\n${article.title}` : article.title,
      text: body?.text.join('\n') ?? '',
      comments: body?.comments.join('\n') ?? '',
    }
    const len = {} as Record<Field, number>
    for (const field of FIELDS) {
      len[field] = this.addDocument(field, docNo, texts[field])
      batch.postings += len[field]
    }
    batch.added.set(articleId, { docNo, articleId, len, published: dateNumber(article.published) })
  }

  /** Analyses one field of one document into the pending batch; returns its length. */
  private addDocument(field: Field, docNo: number, text: string): number {
    if (!text) return 0
    const { pairs, length } = indexPositions(text)
    const pending = this.pending[field]
    let t: PendingTerm | undefined
    let current = -1
    let lastPos = -1
    for (let i = 0; i < pairs.length; i++) {
      const key = Math.floor(pairs[i]! / PLACE_SPAN)
      const pos = pairs[i]! - key * PLACE_SPAN
      if (key !== current) {
        current = key
        t = pending.get(key)
        if (!t) pending.set(key, (t = { docs: [], tfs: [], pos: [] }))
        t.docs.push(docNo)
        t.tfs.push(0)
        lastPos = -1
      }
      if (pos === lastPos) continue // a compound part at its whole's position
      t!.tfs[t!.tfs.length - 1]!++
      t!.pos.push(pos)
      lastPos = pos
    }
    return length
  }

  /**
   * Writes the analysed batch as one new segment per term, the document table and
   * tombstones, and removes the applied journal rows: one transaction.
   */
  private flush(): void {
    const batch = this.batch
    if (!batch || batch.journalUpTo === 0) return
    this.batch = null
    const added = [...batch.added.values()]
    const removed = batch.removed
    const terms = this.termTable()
    this.db.transaction(() => {
      for (const field of FIELDS) {
        for (const [key, t] of this.pending[field]) {
          const term = keyName(key)
          const name = `${field}\u0000${term}`
          let entry = terms.get(name)
          if (!entry) {
            entry = {
              id: Number(this.sql.insertTerm.run(field, term, reverse(term)).lastInsertRowid),
              segs: 0,
            }
            terms.set(name, entry)
          }
          entry.segs++
          this.sql.insertSegment.run(
            entry.id * SEGMENT_SPAN + entry.segs,
            encodePostings(t.docs, t.tfs),
            encodePositions(t.pos, t.tfs),
          )
          if (entry.segs > MAX_SEGMENTS) this.mergeTerm(entry, name)
        }
        this.pending[field].clear()
      }
      for (const docNo of removed) {
        this.sql.deleteDoc.run(docNo)
        this.sql.markDeleted.run(docNo)
      }
      for (const d of added)
        this.sql.insertDoc.run(
          d.docNo,
          d.articleId,
          d.len.title,
          d.len.text,
          d.len.comments,
          d.published,
        )
      this.sql.clearJournal.run(batch.journalUpTo)
      this.sql.setMeta.run('next_doc', String(batch.nextDoc))
    })()
    for (const docNo of removed) this.deleted.add(docNo)
    this.forgetCaches()
    if (this.docs) {
      for (const docNo of removed) this.forgetDoc(docNo)
      for (const d of added) this.rememberDoc(d.docNo, d.articleId, d.len, d.published)
    }
    // purge deleted documents from the posting lists once they are a fifth of the index
    if (
      this.deleted.size > 500 &&
      this.deleted.size * 5 > added.length + (this.docs?.live ?? this.deleted.size * 5)
    )
      this.optimize()
  }

  /** The term dictionary for writing, loaded on the first write. */
  private termTable(): Map<string, { id: number; segs: number }> {
    if (this.terms) return this.terms
    const byId = new Map<number, { id: number; segs: number }>()
    this.terms = new Map()
    for (const r of this.sql.allTerms.iterate() as IterableIterator<{
      id: number
      field: string
      term: string
    }>) {
      const entry = { id: r.id, segs: 0 }
      byId.set(r.id, entry)
      this.terms.set(`${r.field}\u0000${r.term}`, entry)
    }
    // a term's last segment number, from the keys of its segments
    for (const key of this.sql.allKeys.iterate() as IterableIterator<number>) {
      const entry = byId.get(Math.floor(key / SEGMENT_SPAN))
      if (entry) entry.segs = Math.max(entry.segs, key % SEGMENT_SPAN)
    }
    return this.terms
  }

  /** Rewrites a term's segments as one (segment 0), without deleted documents. */
  private mergeTerm(entry: { id: number; segs: number }, name?: string): void {
    const from = entry.id * SEGMENT_SPAN
    const segments = this.sql.segmentsWithPositions.all(from, from + SEGMENT_SPAN) as {
      data: Buffer
      pos: Buffer
    }[]
    const merged = mergeSegments(segments, this.deleted)
    this.sql.deleteSegments.run(from, from + SEGMENT_SPAN)
    if (merged.count) {
      this.sql.insertSegment.run(from, merged.data, merged.pos)
      entry.segs = 0
    } else {
      this.sql.deleteTerm.run(entry.id)
      if (name) this.terms?.delete(name)
    }
  }

  /** Merges every term into one segment and purges deleted documents. */
  optimize(): void {
    const terms = this.termTable()
    this.db.transaction(() => {
      for (const [name, entry] of [...terms])
        if (this.deleted.size || entry.segs > 0) this.mergeTerm(entry, name)
      this.db.exec('DELETE FROM search_deleted')
    })()
    this.deleted = new Set()
    this.forgetCaches()
  }

  /**
   * The postings of one index key in one field (or in any field: 'all'), with its compounds
   * or completions.
   */
  lookup(field: Field | 'all', key: string): Postings {
    const cacheKey = `${field}\u0000${key}`
    return this.cache.get(cacheKey, () =>
      field === 'all'
        ? unionPostings(FIELDS.map((f) => this.lookup(f, key)))
        : unionPostings(this.expand(field, key).map((t) => this.read(field, t))),
    )
  }

  private read(field: Field, term: string): Postings {
    const id = this.sql.termId.get(field, term) as number | undefined
    if (id === undefined) return EMPTY
    const segs = this.sql.segments.all(id * SEGMENT_SPAN, (id + 1) * SEGMENT_SPAN) as Buffer[]
    if (segs.length === 0) return EMPTY
    return concatPostings(segs.map(decodePostings), this.deleted)
  }

  /** Word positions of one exact term in every document, kept in a bounded cache. */
  private termPositions(field: Field, term: string): TermPositions {
    return this.positionCache.get(`${field}\u0000${term}`, () => {
      const id = this.sql.termId.get(field, term) as number | undefined
      return decodeTermPositions(
        id === undefined
          ? []
          : (this.sql.segmentsWithPositions.all(id * SEGMENT_SPAN, (id + 1) * SEGMENT_SPAN) as {
              data: Buffer
              pos: Buffer
            }[]),
        this.deleted,
      )
    })
  }

  /**
   * A key's impact list: its documents in any field with their BM25F weight, and an order by
   * weight (see topk.ts), kept in a bounded cache like the postings it comes from.
   */
  private impacts(key: string, docs: DocTable): KeyImpacts {
    return this.impactCache.get(key, () =>
      buildImpacts(
        FIELDS.map((field) => ({
          postings: this.lookup(field, key),
          boost: WEIGHT[field],
          lens: docs.len[field],
          avg: docs.total[field] / docs.live || 1,
        })),
        B,
        (doc) => doc < docs.articleId.length && docs.articleId[doc] !== 0,
      ),
    )
  }

  /** A number not yet used in the stamp table (as large as the document numbers). */
  private stamp(cap: number): { seen: Int32Array; stamp: number } {
    if (this.stamps.length < cap || this.stampNo >= 2 ** 31 - 2) {
      this.stamps = new Int32Array(Math.max(cap, this.stamps.length))
      this.stampNo = 0
    }
    return { seen: this.stamps, stamp: ++this.stampNo }
  }

  /**
   * The indexed terms a query key stands for. A prefix ("wirtsch*") stands for every term it
   * begins; a word stands for itself and for the compounds it is the head of:
   * "programm" -> "atomprogramm", "sanktion" -> "wirtschaftssanktion". A compound counts when
   * the part before the head is long enough, or is itself an indexed word (with a linking
   * -s-, -es-, -n-, -en-, -e-, -er-), so "rat" finds "stadtrat" but not "apparat".
   */
  expand(field: Field, key: string): string[] {
    const cacheKey = `${field}\u0000${key}`
    const known = this.expansions.get(cacheKey)
    if (known) return known
    let terms: string[]
    if (key.endsWith('*')) {
      const prefix = key.slice(0, -1)
      terms = this.sql.byPrefix.all(field, prefix, `${prefix}\uffff`) as string[]
    } else {
      const rev = reverse(key)
      const compounds = (this.sql.bySuffix.all(field, rev, `${rev}\uffff`) as string[]).filter(
        (t) => this.isCompoundOf(t, key),
      )
      terms = [key, ...compounds]
    }
    if (this.expansions.size > 4000) this.expansions.clear()
    this.expansions.set(cacheKey, terms)
    return terms
  }

  private isCompoundOf(term: string, head: string): boolean {
    const modifier = term.slice(0, term.length - head.length)
    if (modifier.length < 3) return false
    if (head.length >= 7) return true
    const candidates = [modifier, stem(modifier)]
    for (const link of ['s', 'es', 'n', 'en', 'e', 'er']) {
      if (modifier.endsWith(link) && modifier.length - link.length >= 3)
        candidates.push(modifier.slice(0, -link.length))
    }
    return candidates.some(
      (c) => c.length >= 3 && (this.sql.hasTerm.get('text', c) || this.sql.hasTerm.get('title', c)),
    )
  }

  /** Every indexed term each key stood for, over all fields (for highlighting). */
  queryExpansions(keys: string[]): Map<string, Set<string>> {
    return new Map(
      keys.map((k) => [
        k,
        new Set(FIELDS.flatMap((f) => this.expand(f, k)).concat(k.endsWith('*') ? [] : [k])),
      ]),
    )
  }

  private loadDocs(): DocTable {
    if (this.docs) return this.docs
    const max = (this.db.prepare('SELECT max(doc_no) FROM search_docs').pluck().get() ??
      0) as number
    const t = (this.docs = emptyDocTable(max + 1024))
    // row by row: 100,000 rows at once would grow the heap by tens of megabytes for good
    for (const [docNo, articleId, title, text, comments, published] of this.db
      .prepare(
        'SELECT doc_no, article_id, len_title, len_text, len_comments, published FROM search_docs',
      )
      .raw()
      .iterate() as IterableIterator<[number, number, number, number, number, number]>) {
      t.articleId[docNo] = articleId
      t.len.title[docNo] = title
      t.len.text[docNo] = text
      t.len.comments[docNo] = comments
      t.total.title += title
      t.total.text += text
      t.total.comments += comments
      t.published[docNo] = published
      t.byArticle.set(articleId, docNo)
      t.live++
    }
    return t
  }

  private rememberDoc(
    docNo: number,
    articleId: number,
    len: Record<Field, number>,
    published: number,
  ): void {
    let t = this.docs!
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

  private forgetDoc(docNo: number): void {
    const t = this.docs!
    const articleId = t.articleId[docNo]
    if (!articleId) return
    if (t.byArticle.get(articleId) === docNo) t.byArticle.delete(articleId)
    for (const f of FIELDS) t.total[f] -= t.len[f][docNo]!
    t.articleId[docNo] = 0
    t.live--
  }

  /** Searches, ranks and filters; `limit`/`offset` page through the ranked hits. */
  async search(
    query: string,
    filters: SearchFilters,
    limit: number,
    offset: number,
  ): Promise<SearchOutcome> {
    await this.ready()
    this.drain()
    const parsed = parseQuery(query)
    const keys = [...new Set(parsed.include.flatMap(partKeys))]
    const empty: SearchOutcome = { hits: [], total: 0, parsed, expansions: new Map() }
    if (keys.length === 0) return empty
    const docs = this.loadDocs()
    if (docs.live === 0) return empty
    const best = this.searchTop(parsed, keys, filters, limit, offset, docs)
    if (best) return best

    // 1. candidates from FlexSearch. Words only, without filters: first the articles with
    // every word (in any field); when they fill the page, the ones with fewer words never
    // show, and only their number is needed. Otherwise, per field, articles with any of the
    // words, most words first.
    const flexQuery = PRE_ANALYSED + keys.join(' ')
    const found: ArrayLike<number>[] = []
    const wordsOnly =
      keys.length >= 2 &&
      parsed.exclude.length === 0 &&
      !hasFilters(filters) &&
      parsed.include.every((p) => p.kind !== 'phrase' && partKeys(p).length === 1)
    if (wordsOnly) {
      const every = (await this.flexAll.search(flexQuery, {
        limit: 1e9,
        suggest: false,
      })) as number[]
      if (every.length >= offset + limit) found.push(every)
    }
    const everyWord = found.length > 0
    if (!everyWord)
      for (const field of FIELDS)
        found.push(
          (await this.flex[field].search(flexQuery, { limit: 1e9, suggest: true })) as number[],
        )
    // from here on nothing waits, so the reused candidate table is this query's alone
    const cap = docs.articleId.length
    const index = this.candidateIndex(cap) // docNo -> candidate number (-1: none)
    const cand: number[] = [] // candidate number -> docNo
    for (const ids of found) {
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i]!
        if (id < cap && index[id] === -1 && docs.articleId[id] !== 0) {
          index[id] = cand.length
          cand.push(id)
        }
      }
    }
    if (cand.length === 0) return { ...empty, expansions: this.queryExpansions(keys) }

    // 2. BM25 per field and key, accumulated per candidate
    const n = cand.length
    // scratch arrays reused between queries (nothing below waits, so they are this query's)
    const score = this.scratch('score', Float64Array, n)
    const hitTable = this.scratch('keyHits', Uint8Array, n * keys.length)
    const keyHits = keys.map((_, k) => hitTable.subarray(k * n, (k + 1) * n))
    const fieldMask = this.scratch('fieldMask', Uint8Array, n)
    const tfNorm = this.scratch('tfNorm', Float64Array, n)
    keys.forEach((key, k) => {
      tfNorm.fill(0)
      let df = 0
      const hits = keyHits[k]!
      for (const [fi, field] of FIELDS.entries()) {
        const p = this.lookup(field, key)
        const avg = docs.total[field] / docs.live || 1
        const lens = docs.len[field]
        const weight = WEIGHT[field]
        const bit = 1 << fi
        for (let i = 0; i < p.docs.length; i++) {
          const d = p.docs[i]!
          const c = d < cap ? index[d]! : -1
          if (c < 0) continue
          if (hits[c] === 0) {
            df++
            hits[c] = 1
          }
          fieldMask[c]! |= bit
          tfNorm[c]! += (weight * p.tfs[i]!) / (1 - B + (B * lens[d]!) / avg)
        }
      }
      // with only the articles that have every word as candidates, the key's document
      // frequency comes from its postings
      if (everyWord) df = this.countAny([key], docs)
      const idf = Math.log(1 + (docs.live - df + 0.5) / (df + 0.5))
      for (let c = 0; c < n; c++)
        if (tfNorm[c]! > 0) score[c]! += (idf * tfNorm[c]! * (K1 + 1)) / (tfNorm[c]! + K1)
    })

    // 3. parts matched, exclusions, filters
    const keyIndex = new Map(keys.map((k, i) => [k, i]))
    const excluded = this.scratch('excluded', Uint8Array, n)
    for (const part of parsed.exclude) {
      for (const key of partKeys(part)) {
        for (const field of ['title', 'text'] as const) {
          const p = this.lookup(field, key)
          for (let i = 0; i < p.docs.length; i++) {
            const d = p.docs[i]!
            if (d < cap && index[d]! >= 0) excluded[index[d]!] = 1
          }
        }
      }
    }
    const allowed = this.allowedDocs(filters)
    const phrases = parsed.include.filter((p) => p.kind === 'phrase')
    const partKeyIndexes = parsed.include.map((part) => partKeys(part).map((k) => keyIndex.get(k)!))
    // candidates as numbers in typed arrays: a common word has tens of thousands of them
    const matchedOf = this.scratch('matchedOf', Uint8Array, n)
    const survivors = this.scratch('survivors', Int32Array, n)
    let m = 0
    const parts = parsed.include.map((part, pi) => ({
      hits: partKeyIndexes[pi]!.map((k) => keyHits[k]!),
      phrase: part.kind === 'phrase',
    }))
    for (let c = 0; c < n; c++) {
      if (excluded[c] || (allowed && !allowed.has(cand[c]!))) continue
      let matched = 0
      let phraseMissing = false
      for (const part of parts) {
        let all = true
        for (const h of part.hits)
          if (h[c] !== 1) {
            all = false
            break
          }
        if (all) matched++
        else if (part.phrase) {
          phraseMissing = true
          break
        }
      }
      if (phraseMissing || matched === 0) continue
      matchedOf[c] = matched
      survivors[m++] = c
    }
    let kept: Int32Array = survivors.subarray(0, m)

    // 4. phrases: the words next to each other (positions)
    if (phrases.length) kept = this.phraseFilter(kept, cand, phrases)

    // 5. the best first: only the page (and what phrase checks may need) is put in order
    const published = docs.published
    const better = (a: number, b: number) =>
      matchedOf[b]! - matchedOf[a]! ||
      score[b]! - score[a]! ||
      published[cand[b]!]! - published[cand[a]!]! ||
      cand[b]! - cand[a]!
    // phrases whose stopwords the positions cannot tell ("in der Stadt")
    const textPhrases = phrases.filter(needsText)
    const stopPhrases = textPhrases.length > 0
    // a query of three words or more describes a text more than a topic: among the best
    // candidates, those with the words as typed come first (see exactFirst)
    const words = parsed.include.filter((p) => p.kind === 'word')
    const exact = words.length >= 3 && !stopPhrases
    const top: Ranked[] = topK(
      kept,
      stopPhrases
        ? Math.max(200, (offset + limit) * 4)
        : exact
          ? Math.max(EXACT_RERANK, offset + limit)
          : offset + limit,
      better,
    ).map((c) => ({ docNo: cand[c]!, c, matched: matchedOf[c]! }))
    if (exact) this.exactFirst(top, words, docs)
    // the hits shown are checked against the stored text
    const page = stopPhrases
      ? this.verifyShown(top, textPhrases, docs, offset, limit)
      : top.slice(offset, offset + limit)

    const hits = page.map((r) => ({
      articleId: docs.articleId[r.docNo]!,
      score: Math.round(score[r.c]! * 1000) / 1000,
      matched: r.matched,
      fields: FIELDS.filter((_, fi) => fieldMask[r.c]! & (1 << fi)),
    }))
    const total = everyWord ? this.countAny(keys, docs) : kept.length
    return { hits, total, parsed, expansions: this.queryExpansions(keys) }
  }

  /**
   * Re-orders the best (EXACT_RERANK) candidates of a long query, whatever the page size:
   * more of the query's words written exactly
   * as typed (case aside) come first, within the same number of matched words; the ranking
   * decides the rest. Stemming finds "groß" for "großen"; for a query that quotes a text's
   * words, the text that has "großen" is the better answer.
   */
  private exactFirst(top: Ranked[], words: QueryPart[], docs: DocTable): void {
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
      const article = this.sql.article.get(articleId) as
        { title: string; kicker: string | null } | undefined
      const text = `${article?.kicker ?? ''}\n${article?.title ?? ''}\n${
        (this.sql.bodyText.get(articleId) as string | null) ?? ''
      }`.toLowerCase()
      exactOf.set(r.c, typed.filter((w) => has(text, w)).length)
    }
    // a stable sort: equal counts keep the ranking's order; the rest stays behind as it was
    best.sort((a, b) => b.matched - a.matched || exactOf.get(b.c)! - exactOf.get(a.c)!)
    top.splice(0, best.length, ...best)
  }

  /** How many articles have any of the keys, in any field. */
  private countAny(keys: string[], docs: DocTable): number {
    const cap = docs.articleId.length
    const seen = this.scratch('seen', Uint8Array, cap)
    let count = 0
    for (const key of keys)
      for (const field of FIELDS) {
        const p = this.lookup(field, key).docs
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

  /** A zeroed typed array of `n` elements, from a buffer kept between queries. */
  private scratch<A extends Float64Array | Int32Array | Uint8Array>(
    name: string,
    make: new (length: number) => A,
    n: number,
  ): A {
    let buffer = this.buffers.get(name) as A | undefined
    if (!buffer || buffer.length < n) {
      buffer = new make(Math.max(n, (buffer?.length ?? 0) * 2, 1024))
      this.buffers.set(name, buffer)
    }
    const view = buffer.subarray(0, n) as A
    view.fill(0)
    return view
  }

  /** A docNo -> candidate table of all -1, reused between queries (it is large). */
  private candidateIndex(cap: number): Int32Array {
    if (!this.candidates || this.candidates.length < cap) this.candidates = new Int32Array(cap)
    this.candidates.fill(-1)
    return this.candidates
  }

  /**
   * The page by the threshold algorithm (topk.ts), when the page can only hold articles with
   * every part of the query: words, prefixes and phrases, with filters and exclusions. Null
   * when the query needs the full pass: fewer articles than the page have every part (then
   * articles with some of the parts follow them), or a part has no indexed word.
   */
  private searchTop(
    parsed: ParsedQuery,
    keys: string[],
    filters: SearchFilters,
    limit: number,
    offset: number,
    docs: DocTable,
  ): SearchOutcome | null {
    const parts = parsed.include
    const phrases = parts.filter((p) => p.kind === 'phrase')
    for (const p of parts) {
      const n = partKeys(p).length
      if (n === 0 || (p.kind !== 'phrase' && n !== 1)) return null
    }
    const words = parts.filter((p) => p.kind === 'word')
    // phrases whose stopwords the positions cannot tell: the stored text says
    const textPhrases = phrases.filter(needsText)
    const exact = words.length >= 3 && textPhrases.length === 0
    const need = exact ? Math.max(EXACT_RERANK, offset + limit) : offset + limit
    // a page of thousands is no page: reading the lists best first gains nothing there
    if (need > TOP_K_AT_MOST) return null
    // fewer articles with every key than the page: the full pass, without building lists
    if (parts.length > 1 && !this.everyKeyAtLeast(keys, need)) return null
    const lists = keys.map((k) => this.impacts(k, docs))
    if (lists.some((l) => l.docs.length === 0)) return null
    const cap = docs.articleId.length
    const idf = lists.map((l) =>
      Math.log(1 + (docs.live - l.docs.length + 0.5) / (l.docs.length + 0.5)),
    )

    // what a document must pass besides having every key
    const excluded = parsed.exclude.length ? this.scratch('excludedDocs', Uint8Array, cap) : null
    for (const part of parsed.exclude)
      for (const key of partKeys(part))
        for (const field of ['title', 'text'] as const) {
          const p = this.lookup(field, key).docs
          for (let i = 0; i < p.length; i++) if (p[i]! < cap) excluded![p[i]!] = 1
        }
    const allowedSet = this.allowedDocs(filters)
    const phraseCount = phrases.length ? this.scratch('phraseCount', Uint8Array, cap) : null
    const positional = phraseCount ? this.phraseMarks(phrases, phraseCount) : 0
    const allowed = (doc: number) =>
      (excluded === null || excluded[doc] === 0) &&
      (allowedSet === null || allowedSet.has(doc)) &&
      (positional === 0 || phraseCount![doc] === positional)
    const { seen, stamp } = this.stamp(cap)
    const outcome = topKWithEveryKey({
      lists,
      idf,
      k1: K1,
      need,
      published: docs.published,
      seen,
      stamp,
      allowed,
      verify: textPhrases.length
        ? (doc) => this.verifyText(docs.articleId[doc]!, textPhrases)
        : undefined,
      maxRejected: VERIFY_AT_MOST,
    })
    if (outcome.complete && outcome.hits.length < need && parts.length > 1) return null

    const ranked: Ranked[] = outcome.hits.map((h, i) => ({
      docNo: h.doc,
      c: i,
      matched: parts.length,
    }))
    if (exact) this.exactFirst(ranked, words, docs)
    const hits = ranked.slice(offset, offset + limit).map((r) => {
      const h = outcome.hits[r.c]!
      return {
        articleId: docs.articleId[r.docNo]!,
        score: Math.round(h.score * 1000) / 1000,
        matched: r.matched,
        fields: FIELDS.filter((_, fi) => h.fields & (1 << fi)),
      }
    })

    // the number of articles found: with any of the words, or with every phrase
    let total = 0
    const counted = this.stamp(cap)
    if (phrases.length) {
      const needed = [...new Set(phrases.flatMap(partKeys))].map((k) => lists[keys.indexOf(k)]!)
      const rarest = needed.reduce((a, b) => (b.docs.length < a.docs.length ? b : a))
      for (let i = 0; i < rarest.docs.length; i++) {
        const doc = rarest.docs[i]!
        if (allowed(doc) && needed.every((l) => l === rarest || indexOf(l.docs, doc) >= 0)) total++
      }
    } else {
      for (const l of lists)
        for (let i = 0; i < l.docs.length; i++) {
          const doc = l.docs[i]!
          if (counted.seen[doc] === counted.stamp) continue
          counted.seen[doc] = counted.stamp
          if (allowed(doc)) total++
        }
    }
    return { hits, total, parsed, expansions: this.queryExpansions(keys) }
  }

  /** At least `need` articles have every key (in any field): counted until there are. */
  private everyKeyAtLeast(keys: string[], need: number): boolean {
    const lists = keys.map((k) => this.lookup('all', k).docs).sort((a, b) => a.length - b.length)
    const rarest = lists[0]!
    if (rarest.length < need) return false
    let found = 0
    next: for (let i = 0; i < rarest.length; i++) {
      for (let l = 1; l < lists.length; l++) if (indexOf(lists[l]!, rarest[i]!) < 0) continue next
      if (++found >= need) return true
    }
    return false
  }

  /** Keeps documents in which each phrase's words stand at consecutive positions. */
  private phraseFilter(kept: Int32Array, cand: number[], phrases: QueryPart[]): Int32Array {
    const count = this.scratch('phraseCount', Uint8Array, this.loadDocs().articleId.length)
    const n = this.phraseMarks(phrases, count)
    return n === 0 ? kept : kept.filter((c) => count[cand[c]!] === n)
  }

  /**
   * Counts per document (in `count`) the phrases whose words stand at consecutive positions
   * in one of its fields, each stopword that stands right before a word included (the index
   * keeps it with the word's position), and returns how many phrases were checked: a document
   * has every phrase when its count equals that number. A phrase of one word without such a
   * stopword needs no check here: every candidate has the word.
   */
  private phraseMarks(phrases: QueryPart[], count: Uint8Array): number {
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
        const lists = words.map((w) => this.termPositions(field, w.key))
        markAdjacent(lists, at, before, count, checked)
      }
      checked++
    }
    return checked
  }

  /** The stored text of an article has every phrase: title first, then body, then comments. */
  private verifyText(articleId: number, phrases: QueryPart[]): boolean {
    const article = this.sql.article.get(articleId) as
      { title: string; kicker: string | null } | undefined
    if (!article) return false
    const pending = new Set(phrases)
    const check = (text: string) => {
      for (const p of pending) if (verifyPhrase(text, p)) pending.delete(p)
      return pending.size === 0
    }
    return (
      check(`${article.kicker ?? ''}\n${article.title}`) ||
      check((this.sql.bodyText.get(articleId) as string | null) ?? '') ||
      check((this.sql.commentText.get(articleId) as string | null) ?? '')
    )
  }

  /**
   * For phrases whose stopwords the positions cannot tell ("in der Stadt", see `needsText`):
   * the hits shown are checked against the stored text, in rank order.
   */
  private verifyShown(
    ranked: Ranked[],
    phrases: QueryPart[],
    docs: DocTable,
    offset: number,
    limit: number,
  ): Ranked[] {
    const out: Ranked[] = []
    let skipped = 0
    for (const r of ranked) {
      if (out.length >= limit) break
      if (!this.verifyText(docs.articleId[r.docNo]!, phrases)) continue
      if (skipped++ < offset) continue
      out.push(r)
    }
    return out
  }

  /** Document numbers allowed by the filters, or null when there are none. */
  private allowedDocs(f: SearchFilters): Set<number> | null {
    const where: string[] = []
    const args: unknown[] = []
    if (f.outlet) {
      where.push('a.outlet_id = (SELECT id FROM outlets WHERE name = ?)')
      args.push(f.outlet)
    }
    if (f.from) {
      where.push('a.published >= ?')
      args.push(f.from)
    }
    if (f.to) {
      where.push("a.published <= ? || '~'")
      args.push(f.to)
    }
    if (f.tag) {
      // the article's own tags and those on its highlights and notes (notes room)
      where.push(`a.id IN ${ARTICLES_TAGGED_SQL}`)
      args.push(f.tag)
    }
    if (f.story) {
      where.push('a.id IN (SELECT article_id FROM story_articles WHERE story_id = ?)')
      args.push(f.story)
    }
    if (where.length === 0) return null
    const docs = this.loadDocs()
    const ids = this.db
      .prepare(`SELECT a.id FROM articles a WHERE ${where.join(' AND ')}`)
      .pluck()
      .all(...args) as number[]
    const allowed = new Set<number>()
    for (const id of ids) {
      const docNo = docs.byArticle.get(id)
      if (docNo !== undefined) allowed.add(docNo)
    }
    return allowed
  }

  /** Compares the index with the articles. */
  async status(): Promise<IndexStatus> {
    await this.ready()
    const articles = this.db.prepare('SELECT count(*) FROM articles').pluck().get() as number
    const indexed = this.db.prepare('SELECT count(*) FROM search_docs').pluck().get() as number
    const pending = this.sql.journalCount.get() as number
    const missing = this.db
      .prepare(
        'SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM search_docs) ORDER BY id LIMIT 100',
      )
      .pluck()
      .all() as number[]
    const orphaned = this.db
      .prepare(
        'SELECT article_id FROM search_docs WHERE article_id NOT IN (SELECT id FROM articles) ORDER BY article_id LIMIT 100',
      )
      .pluck()
      .all() as number[]
    return {
      analyzer: String(this.sql.meta.get('analyzer') ?? ''),
      articles,
      indexed,
      pending,
      deleted: this.deleted.size,
      consistent: missing.length === 0 && orphaned.length === 0 && pending === 0,
      missing,
      orphaned,
    }
  }
}

function emptyDocTable(capacity: number): DocTable {
  return {
    articleId: new Int32Array(capacity),
    len: {
      title: new Int32Array(capacity),
      text: new Int32Array(capacity),
      comments: new Int32Array(capacity),
    },
    published: new Int32Array(capacity),
    byArticle: new Map(),
    total: { title: 0, text: 0, comments: 0 },
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

/** The k best items in order, without sorting them all. */
function hasFilters(f: SearchFilters): boolean {
  return Boolean(f.outlet || f.from || f.to || f.tag || f.story)
}

function topK<T>(items: ArrayLike<T>, k: number, compare: (a: T, b: T) => number): T[] {
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

/**
 * A phrase is checked by positions alone when each of its stopwords stands right before one of
 * its words ("in Wien", "Sanktionen gegen Nordkorea"); otherwise ("in der Stadt") also
 * against the stored text.
 */
function needsText(phrase: QueryPart): boolean {
  return phrase.keys.some(
    (key, k) =>
      phrase.stops?.[k] &&
      (k + 1 >= phrase.keys.length || phrase.stops[k + 1] || stopNumber(key) === 0),
  )
}
