/**
 * Writing the index: the journal is drained (changed articles analysed into an in-memory
 * batch, deleted ones marked), and the batch is written as one new segment per term, with the
 * document table and tombstones, in the same transaction that deletes the journal rows it
 * covers. Terms with too many segments are merged; `optimize` merges everything.
 *
 * Several processes may write one library. Every index write takes the write lock first
 * (BEGIN IMMEDIATE: writers wait for each other) and checks the index's generation, a number
 * in `search_meta` that every index write raises: when another process wrote the index since
 * this one last read it, nothing is written from what this process remembered (term ids,
 * segment numbers, document numbers, the analysed batch); it forgets all that, reads again
 * and starts over.
 */
import type { Db } from '../db/open'
import { ANALYZER_ID, indexPositions, keyName } from './analyzer'
import type { DocTableCache } from './doctable'
import { dateNumber } from './doctable'
import { takePrimed } from './primed'
import { SegmentWriter } from './segments'
import type { TermReader } from './terms'
import type { Batch, StoredArticle } from './batch'
import { PendingPostings } from './pending'
import { FIELDS, type Field } from './types'

/** Journal rows read at a time. */
const READ = 2000
/** Postings held in memory before they are written (about 100 MB at most). */
const FLUSH_POSTINGS = 2_500_000

/** Thrown inside a write transaction: another process wrote the index since this one read it. */
class StaleIndex extends Error {}

/**
 * The text of every field but the title (which comes with the article row), per article:
 * `(article_id, text)` rows in order, for a JSON array of article ids. A new field adds its
 * query here.
 */
const FIELD_SOURCES: Record<Exclude<Field, 'title'>, string> = {
  text: 'SELECT article_id, text FROM paragraphs WHERE article_id IN (SELECT value FROM json_each(?)) ORDER BY article_id, position',
  comments:
    "SELECT article_id, coalesce(title, '') || ' ' || text FROM comments WHERE article_id IN (SELECT value FROM json_each(?)) ORDER BY article_id, position",
}

export class IndexWriter {
  /** The analysed batch: per field, per key number, its documents, frequencies, positions. */
  private readonly pending: Record<Field, PendingPostings>
  private batch: Batch | null = null
  /** The term dictionary and segments, for writing. */
  private readonly segments: SegmentWriter
  /** The index generation that what this process remembers of the index belongs to. */
  generation = -1
  private readonly sql

  constructor(
    private readonly db: Db,
    private readonly reader: TermReader,
    private readonly docs: DocTableCache,
  ) {
    this.segments = new SegmentWriter(db)
    this.pending = {} as Record<Field, PendingPostings>
    for (const field of FIELDS) this.pending[field] = new PendingPostings()
    this.sql = {
      meta: db.prepare('SELECT value FROM search_meta WHERE key = ?').pluck(),
      setMeta: db.prepare(
        'INSERT INTO search_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      ),
      journal: db.prepare(
        'SELECT id, article_id FROM search_journal WHERE id > ? ORDER BY id LIMIT ?',
      ),
      journalCount: db.prepare('SELECT count(*) FROM search_journal').pluck(),
      anyArticle: db.prepare('SELECT EXISTS (SELECT 1 FROM articles)').pluck(),
      idsAfter: db.prepare('SELECT id FROM articles WHERE id > ? ORDER BY id LIMIT ?').pluck(),
      queue: db.prepare('INSERT INTO search_journal (article_id) VALUES (?)'),
      clearJournal: db.prepare('DELETE FROM search_journal WHERE id <= ?'),
      docOf: db.prepare('SELECT doc_no FROM search_docs WHERE article_id = ?').pluck(),
      insertDoc: db.prepare(
        `INSERT INTO search_docs (doc_no, article_id, ${FIELDS.map((f) => `len_${f}`).join(', ')}, published) VALUES (?, ?, ${FIELDS.map(() => '?').join(', ')}, ?)`,
      ),
      deleteDoc: db.prepare('DELETE FROM search_docs WHERE doc_no = ?'),
      markDeleted: db.prepare('INSERT OR IGNORE INTO search_deleted (doc_no) VALUES (?)'),
      unmarkDeleted: db.prepare('DELETE FROM search_deleted WHERE doc_no = ?'),
      articlesIn: db.prepare(
        'SELECT id, title, kicker, published FROM articles WHERE id IN (SELECT value FROM json_each(?))',
      ),
      fieldTexts: Object.entries(FIELD_SOURCES).map(
        ([field, sql]) => [field as Field, db.prepare(sql).raw()] as const,
      ),
    }
  }

  /** The analyzer the stored index was built with. */
  analyzer(): string {
    return String(this.sql.meta.get('analyzer') ?? '')
  }

  /** True for a library never indexed or without articles: resetting it costs nothing. */
  isEmpty(): boolean {
    return this.analyzer() === '' || this.sql.anyArticle.get() === 0
  }

  /**
   * Queues up to `count` articles after the id `after` to be indexed again (an index of
   * another analysis is re-indexed a piece at a time; see `SearchIndex.reanalyseAfter`).
   * Returns the last id queued, `after` when there are none.
   */
  queueAfter(after: number, count: number): number {
    const ids = this.sql.idsAfter.all(after, count) as number[]
    for (const id of ids) this.sql.queue.run(id)
    return ids.at(-1) ?? after
  }

  /** A value of the index's own settings (search_meta). */
  meta(key: string): string | null {
    const value = this.sql.meta.get(key)
    return value === undefined ? null : String(value)
  }

  setMeta(key: string, value: string): void {
    this.sql.setMeta.run(key, value)
  }

  /** The generation stored in the library file: raised by every index write of any process. */
  storedGeneration(): number {
    return Number(this.sql.meta.get('generation') ?? 0)
  }

  /**
   * Forgets everything remembered of the index (decoded lists, the document table, term ids,
   * an analysed batch) and reads the tombstones again: after another process wrote it.
   */
  resync(): void {
    this.generation = this.storedGeneration()
    this.discard()
    this.docs.clear()
    this.reader.forget()
    this.reader.loadDeleted()
  }

  /** Drops the analysed batch and the term table. */
  private discard(): void {
    this.batch = null
    this.segments.forget()
    for (const field of FIELDS) this.pending[field].clear()
  }

  /**
   * Runs `write` holding the write lock (BEGIN IMMEDIATE), when no other process wrote the
   * index since this one read it, and raises the generation. Returns false, having caught up
   * (`resync`), when another process had: the caller starts over. On any other failure the
   * transaction is rolled back and what this process had analysed or loaded is dropped, so the
   * next attempt starts from the file.
   */
  private locked(write: () => void): boolean {
    try {
      this.db
        .transaction(() => {
          const stored = this.storedGeneration()
          if (stored !== this.generation) throw new StaleIndex()
          write()
          this.sql.setMeta.run('generation', String(stored + 1))
        })
        .immediate()
    } catch (err) {
      if (err instanceof StaleIndex) {
        this.resync()
        return false
      }
      this.discard()
      this.docs.clear()
      this.reader.forget()
      throw err
    }
    this.generation++
    return true
  }

  /** How many journal rows wait to be applied. */
  journalCount(): number {
    return this.sql.journalCount.get() as number
  }

  /**
   * Drops the whole index and queues every article: used when the analysis changed (then
   * `onlyForOtherAnalyzer`: not again when another process has just done it).
   */
  reset(onlyForOtherAnalyzer = false): void {
    this.db
      .transaction(() => {
        if (onlyForOtherAnalyzer && this.analyzer() === ANALYZER_ID) return
        this.db.exec(
          'DELETE FROM search_postings; DELETE FROM search_terms; DELETE FROM search_docs; DELETE FROM search_deleted; DELETE FROM search_journal',
        )
        this.db.exec('INSERT INTO search_journal (article_id) SELECT id FROM articles ORDER BY id')
        this.sql.setMeta.run('analyzer', ANALYZER_ID)
        this.sql.setMeta.run('next_doc', '1')
        this.sql.setMeta.run('generation', String(this.storedGeneration() + 1))
      })
      .immediate()
    this.resync()
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
    const total = options.onProgress ? this.journalCount() : 0
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
      const texts = new Map<number, Partial<Record<Field, string[]>>>()
      for (const [field, select] of this.sql.fieldTexts)
        for (const [id, text] of select.all(json) as [number, string][]) {
          let t = texts.get(id)
          if (!t) texts.set(id, (t = {}))
          ;(t[field] ??= []).push(text)
        }
      for (const id of ids) this.analyse(batch, id, articles.get(id), texts.get(id))
      done += rows.length
      // written; or, when another process wrote the index meanwhile, read again from the start
      if (batch.postings >= FLUSH_POSTINGS && !this.flush()) done = 0
      options.onProgress?.(Math.min(done, total), total)
    }
    if (options.flush !== false && !this.flush()) return this.drain(options)
    return done
  }

  /** Analyses the current version of one article (absent: deleted) into the batch. */
  private analyse(
    batch: Batch,
    articleId: number,
    article: StoredArticle | undefined,
    body: Partial<Record<Field, string[]>> | undefined,
  ): void {
    const earlier = batch.added.get(articleId)
    const old = earlier?.docNo ?? (this.sql.docOf.get(articleId) as number | undefined)
    if (old !== undefined) batch.removed.push(old)
    batch.added.delete(articleId)
    if (!article) return
    const docNo = batch.nextDoc++
    const len = {} as Record<Field, number>
    for (const field of FIELDS) {
      const text =
        field === 'title'
          ? article.kicker
            ? `${article.kicker}\n${article.title}`
            : article.title
          : (body?.[field]?.join('\n') ?? '')
      len[field] = this.addDocument(field, docNo, text)
      batch.postings += len[field]
    }
    batch.added.set(articleId, { docNo, articleId, len, published: dateNumber(article.published) })
  }

  /** Analyses one field of one document into the pending batch; returns its length. */
  private addDocument(field: Field, docNo: number, text: string): number {
    if (!text) return 0
    // analysed ahead by the import's extraction thread, or here
    const { pairs, length } = takePrimed(text) ?? indexPositions(text)
    this.pending[field].add(docNo, pairs)
    return length
  }

  /**
   * Writes the analysed batch as one new segment per term, the document table and
   * tombstones, and removes the applied journal rows: one transaction. False when another
   * process wrote the index since the batch was read: the batch is dropped, nothing written.
   */
  private flush(): boolean {
    const batch = this.batch
    if (!batch || batch.journalUpTo === 0) return true
    const added = [...batch.added.values()]
    const removed = batch.removed
    const written = this.locked(() => {
      for (const field of FIELDS) {
        this.pending[field].forEachTerm((key, docs, tfs, places) =>
          this.segments.append(field, keyName(key), docs, tfs, places, this.reader.deleted),
        )
        this.pending[field].clear()
      }
      for (const docNo of removed) {
        this.sql.deleteDoc.run(docNo)
        this.sql.markDeleted.run(docNo)
      }
      for (const d of added)
        this.sql.insertDoc.run(d.docNo, d.articleId, ...FIELDS.map((f) => d.len[f]), d.published)
      this.sql.clearJournal.run(batch.journalUpTo)
      this.sql.setMeta.run('next_doc', String(batch.nextDoc))
    })
    if (!written) return false
    this.batch = null
    const deleted = this.reader.deleted
    for (const docNo of removed) deleted.add(docNo)
    this.reader.forget()
    if (this.docs.loaded) {
      for (const docNo of removed) this.docs.forget(docNo)
      for (const d of added) this.docs.remember(d.docNo, d.articleId, d.len, d.published)
    }
    // deleted documents are purged from the posting lists once they are a fifth of the index:
    // a piece at a time, outside any transaction (`SearchIndex.purge`)
    const live = this.docs.loaded ? this.docs.get().live : deleted.size * 5
    if (deleted.size > 500 && deleted.size * 5 > added.length + live) this.purgeDue = true
    return true
  }

  /** Deleted documents have grown to a fifth of the index: a purge is due. */
  purgeDue = false

  /**
   * One piece of a purge: the terms after the id `after` merged without the `purged`
   * documents for `ms`, in one transaction. The last term id done (null: all were), or false
   * when another process wrote the index meanwhile (the piece is to be done again).
   */
  purgePiece(after: number, purged: ReadonlySet<number>, ms: number): number | null | false {
    let last: number | null = null
    const ok = this.locked(() => (last = this.segments.mergeFrom(after, purged, ms)))
    return ok ? last : false
  }

  /** Ends a purge: its documents are no longer kept as deleted. False: do it again. */
  endPurge(purged: ReadonlySet<number>): boolean {
    const ok = this.locked(() => {
      for (const docNo of purged) this.sql.unmarkDeleted.run(docNo)
    })
    if (!ok) return false
    for (const docNo of purged) this.reader.deleted.delete(docNo)
    this.reader.forget()
    this.purgeDue = false
    return true
  }

  /** Merges every term into one segment and purges deleted documents. */
  optimize(): void {
    const merged = this.locked(() => {
      this.segments.mergeAll(this.reader.deleted)
      this.db.exec('DELETE FROM search_deleted')
    })
    // another process wrote the index meanwhile: merge what it is now
    if (!merged) return this.optimize()
    this.reader.deleted = new Set()
    this.reader.forget()
  }
}
