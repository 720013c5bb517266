/**
 * Full-text search over the library, in the library file. This module wires the room's parts
 * together; each has one job:
 *
 * - `writer.ts`: the journal drained into per-field, per-term append-only segments
 *   (`postings.ts` encodes them), the document table and tombstones, in one transaction.
 * - `terms.ts`: reading a key's postings (with the compounds a word is the head of, or a
 *   prefix's completions), word positions and impact lists, into size-bounded caches.
 * - `doctable.ts`: the indexed documents in memory (lengths, dates) for BM25 and recency.
 * - `best.ts`: the best page by the threshold algorithm (`topk.ts`) over impact lists, when
 *   the page can only hold articles with every part of the query.
 * - `fullpass.ts`: otherwise every candidate FlexSearch supplies (through the storage adapter
 *   `store.ts`) is scored; `rank.ts` holds what both paths share.
 * - `phrase-check.ts`: phrases by word positions, which keep the stopword right before each
 *   word ("in Wien"), and against the stored text where they cannot tell ("in der Stadt").
 * - `status.ts`: the index compared with the articles.
 * - `candidates.ts`: articles by exact keys, unranked, for other rooms to check.
 *
 * Ranking, either way: BM25 per field with a title boost, more matched query parts first,
 * newer articles first on ties. The index follows the articles through a journal that
 * triggers fill in the same transaction as every article change; `drain()` applies it and
 * deletes the journal rows in the same transaction as the index write, and runs again at the
 * next start after a crash.
 *
 * Other processes may write the same library: before each use, a look at SQLite's
 * `data_version` (`db/changes.ts`) says whether anyone else committed; if they wrote the
 * index (its generation moved), everything remembered of it is dropped and read again.
 */
import { yieldWriteLock } from '../db/yieldLock'
import { Index, type StorageInterface } from 'flexsearch'
import { LibraryChanges } from '../db/changes'
import type { Db } from '../db/open'
import { ANALYZER_ID } from './analyzer'
import { bestPage } from './best'
import { articlesSharingKeys, articlesWithTerms } from './candidates'
import type { QueryContext } from './context'
import { DocTableCache, type DocTable } from './doctable'
import { createGermanEncoder } from './encoder'
import { fullPass, type FlexIndexes } from './fullpass'
import { parseQuery, partKeys, type ParsedQuery } from './query'
import { Scratch } from './scratch'
import { indexStatus } from './status'
import { SearchStore } from './store'
import { TermReader } from './terms'
import { ArticleTexts } from './texts'
import {
  FIELDS,
  type Field,
  type IndexStatus,
  type SearchFilters,
  type SearchOutcome,
  type Expansions,
} from './types'
import { IndexWriter } from './writer'
import type { Postings } from './postings'

export { FIELDS }
export type {
  Expansions,
  Field,
  IndexStatus,
  RankedHit,
  SearchFilters,
  SearchOutcome,
} from './types'

/** search_meta: the last article an unfinished re-analysis indexed again. */
const REANALYSED = 'reanalysed_upto'

export class SearchIndex {
  private readonly flex: FlexIndexes
  private readonly reader: TermReader
  private readonly docs: DocTableCache
  private readonly writer: IndexWriter
  private readonly scratch = new Scratch()
  private readonly texts: ArticleTexts
  private readyPromise: Promise<void> | null = null
  /** True when another process committed to the library since the last look. */
  private readonly foreignWrites: () => boolean

  constructor(
    private readonly db: Db,
    changes: LibraryChanges = new LibraryChanges(db),
    /**
     * When the index was built with another analysis: rebuild it here, at once (the command
     * line, inline jobs), or hand it to a function (the app: a job in the worker thread that
     * indexes the articles again a piece at a time, see `jobs/kinds/reanalyse.ts`), or leave
     * it (null: the worker's own connection, which does it only as that job).
     */
    private readonly staleAnalysis: 'here' | null | (() => void) = 'here',
  ) {
    this.foreignWrites = changes.cursor()
    const encoder = createGermanEncoder()
    // resolution 1: FlexSearch's positional scoring is not used; Lesesaal ranks by BM25
    const flexIndex = () => new Index({ encoder, resolution: 1, commit: false, cache: false })
    const byField = {} as Record<Field, Index>
    for (const field of FIELDS) byField[field] = flexIndex()
    this.flex = { byField, all: flexIndex() }
    this.reader = new TermReader(db)
    this.docs = new DocTableCache(db)
    this.writer = new IndexWriter(db, this.reader, this.docs)
    this.texts = new ArticleTexts(db)
  }

  /** Mounts the FlexSearch indexes and rebuilds the index if another analysis built it. */
  ready(): Promise<void> {
    this.readyPromise ??= (async () => {
      for (const field of FIELDS) {
        await this.flex.byField[field].mount(
          new SearchStore(this.reader, field) as unknown as StorageInterface,
        )
      }
      await this.flex.all.mount(new SearchStore(this.reader, 'all') as unknown as StorageInterface)
      // a read-only library is searched as it is (never rebuilt: that would write)
      const stale = !this.db.readonly && this.writer.analyzer() !== ANALYZER_ID
      // a library never indexed, or without articles, is set up here: there is nothing to redo
      if (stale && (this.staleAnalysis === 'here' || this.writer.isEmpty())) this.writer.reset(true)
      else {
        this.writer.resync()
        if (stale && typeof this.staleAnalysis === 'function') this.staleAnalysis()
      }
    })()
    return this.readyPromise
  }

  /**
   * When another process wrote the index since the last look, forgets everything remembered
   * of it (it is read again on demand). A few microseconds when nobody did.
   */
  private catchUp(): void {
    if (this.foreignWrites() && this.writer.storedGeneration() !== this.writer.generation)
      this.writer.resync()
  }

  /**
   * Gets ready to answer at once: mounts, catches up with the journal and reads the document
   * table (a tenth of a second at 100,000 articles), so the first keystroke does not wait.
   */
  async warm(): Promise<void> {
    await this.ready()
    this.catchUp()
    this.drain()
    this.docs.get()
  }

  /**
   * Forgets what this connection holds in memory about the index (documents, terms,
   * tombstones, caches, an unwritten batch) after another connection wrote the library (a
   * worker's import) or a transaction that wrote the index was rolled back.
   */
  reload(): void {
    this.writer.resync()
  }

  /** Drops the whole index and queues every article: used when the analysis changed. */
  reset(): void {
    this.writer.reset()
  }

  /**
   * Indexes the articles after the id `after` (at most `count`) again, with this analysis,
   * and remembers how far it got: an index of another analysis is brought up to date a piece
   * at a time, each piece a short transaction, while every article stays searchable (the
   * rest under the old analysis). Call inside a write transaction. Returns the last id done;
   * when there is none left, records this analysis as the index's.
   */
  reanalyseAfter(after: number, count: number): number {
    const last = this.writer.queueAfter(after, count)
    this.drain()
    if (last === after) {
      this.writer.setMeta('analyzer', ANALYZER_ID)
      this.writer.setMeta(REANALYSED, '0')
    } else this.writer.setMeta(REANALYSED, String(last))
    return last
  }

  /** How far an unfinished re-analysis got (the last article id done; 0: not begun). */
  reanalysed(): number {
    return Number(this.writer.meta(REANALYSED) ?? 0)
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
    if (this.db.readonly) return 0 // a read-only library: what is indexed is searched
    this.catchUp()
    const done = this.writer.drain(options)
    // a purge that came due is begun here when nothing else holds the write lock (a job's
    // transaction: the job calls `tidy` when it is done)
    if (this.writer.purgeDue && !this.db.inTransaction)
      this.purge().catch((err: Error) =>
        console.error('[lesesaal] the search index could not be purged:', err.message),
      )
    return done
  }

  /** Purges deleted documents if that is due (a job's end, outside its transactions). */
  async tidy(): Promise<void> {
    if (this.writer.purgeDue) await this.purge()
  }

  private purging: Promise<void> | null = null

  /**
   * Purges deleted documents from the posting lists a piece at a time (each a transaction of
   * about 50 ms, the event loop free in between), so no writer waits long and the thread
   * keeps answering: at 10,000 articles a purge in one transaction took about 2.5 s. One
   * purge at a time; the documents it purges are those deleted when it began.
   */
  purge(): Promise<void> {
    this.purging ??= (async () => {
      const purged = new Set(this.reader.deleted)
      let after = 0
      for (;;) {
        if (!this.db.open) return // the library was closed: the next drain finds it due again
        const last = this.writer.purgePiece(after, purged, 50)
        if (last === null) break
        if (last !== false) after = last
        await yieldWriteLock()
      }
      while (this.db.open && !this.writer.endPurge(purged));
    })().finally(() => (this.purging = null))
    return this.purging
  }

  /** Merges every term into one segment and purges deleted documents. */
  optimize(): void {
    this.catchUp()
    this.writer.optimize()
  }

  /**
   * The postings of one index key in one field (or in any field: 'all'), with its compounds
   * or completions.
   */
  lookup(field: Field | 'all', key: string): Postings {
    this.catchUp()
    return this.reader.lookup(field, key)
  }

  /**
   * The articles whose text has any of these exact index keys (no compounds, no completions),
   * each with how many of the keys it has, most first (then the newest first), at most
   * `limit`: candidates for a near-duplicate, found without ranking.
   */
  async articlesWithKeys(
    keys: readonly string[],
    limit: number,
  ): Promise<{ articleId: number; has: number }[]> {
    await this.readyToAnswer()
    return articlesSharingKeys(this.reader, this.docs.get(), keys, limit)
  }

  /** The indexed terms a query key stands for (itself and its compounds, or completions). */
  expand(field: Field, key: string): string[] {
    this.catchUp()
    return this.reader.expand(field, key)
  }

  /** Every indexed term each key stood for, over all fields (for highlighting). */
  queryExpansions(keys: string[]): Expansions {
    this.catchUp()
    return this.reader.queryExpansions(keys)
  }

  /**
   * The articles whose title or text has any of these exact index keys (no compounds; a key
   * ending in `*` stands for every key it begins), unranked: candidates for where a word
   * occurs, to be checked by its lemma.
   */
  async articlesWithTerms(keys: readonly string[]): Promise<number[]> {
    await this.readyToAnswer()
    return articlesWithTerms(this.reader, this.docs.get(), keys)
  }

  /**
   * Searches, ranks and filters; `limit`/`offset` page through the ranked hits. `asYouType`:
   * the query is being typed, so its last word may be unfinished (see `parseQuery`).
   */
  async search(
    query: string,
    filters: SearchFilters,
    limit: number,
    offset: number,
    options: { asYouType?: boolean } = {},
  ): Promise<SearchOutcome> {
    await this.readyToAnswer()
    const asked = parseQuery(query, { typing: options.asYouType })
    const parsed = withoutEmptyTyped(asked, this.reader)
    const keys = [...new Set(parsed.include.flatMap(partKeys))]
    const empty: SearchOutcome = {
      hits: [],
      total: 0,
      parsed,
      expansions: new Map(),
      uncertainDates: 0,
    }
    if (keys.length === 0) return empty
    const docs = this.docs.get()
    if (docs.live === 0) return empty
    const outcome = await this.rank(parsed, keys, filters, limit, offset, docs)
    if (asked !== parsed) outcome.asked = asked
    // a date range: how many matching articles it left out for a date known only in part
    if ((filters.from || filters.to) && (filters.dates ?? 'certain') === 'certain')
      outcome.uncertainDates = (
        await this.rank(parsed, keys, { ...filters, dates: 'uncertain' }, 1, 0, docs)
      ).total
    return outcome
  }

  /** Mounted and caught up with the journal, as far as it can be (drain catches up first). */
  private async readyToAnswer(): Promise<void> {
    await this.ready()
    try {
      this.drain()
    } catch (err) {
      // the journal stays and is applied next time; the index as it is can still answer
      console.error('[lesesaal] the search index could not catch up:', err)
    }
  }

  private async rank(
    parsed: ParsedQuery,
    keys: string[],
    filters: SearchFilters,
    limit: number,
    offset: number,
    docs: DocTable,
  ): Promise<SearchOutcome> {
    const best = this.searchTop(parsed, keys, filters, limit, offset, docs)
    if (best) return best
    return fullPass(this.context(docs), this.flex, parsed, keys, filters, limit, offset)
  }

  /**
   * The page by the threshold algorithm (see `best.ts`), or null when the query needs the
   * full pass.
   */
  private searchTop(
    parsed: ParsedQuery,
    keys: string[],
    filters: SearchFilters,
    limit: number,
    offset: number,
    docs: DocTable,
  ): SearchOutcome | null {
    return bestPage(this.context(docs), parsed, keys, filters, limit, offset)
  }

  private context(docs: DocTable): QueryContext {
    return { db: this.db, reader: this.reader, docs, scratch: this.scratch, texts: this.texts }
  }

  /**
   * The index's generation as this process last saw it: it moves with every write of the
   * index (new, changed and deleted articles, their titles, dates and outlets) by any process,
   * once this one has caught up, as every search does first. What was read of the articles
   * under one generation still holds while it stays.
   */
  generation(): number {
    return this.writer.generation
  }

  /** Compares the index with the articles. */
  async status(): Promise<IndexStatus> {
    await this.ready()
    this.catchUp()
    return indexStatus(this.db, {
      analyzer: this.writer.analyzer(),
      pending: this.writer.journalCount(),
      deleted: this.reader.deleted.size,
    })
  }
}

/**
 * A word being typed that no indexed word is or begins ("Flüchtlinge Ö") adds nothing yet: it
 * is left out, so the other words are answered as they would be alone (by the best-page path,
 * not a full pass over every candidate).
 */
function withoutEmptyTyped(parsed: ParsedQuery, reader: TermReader): ParsedQuery {
  const include = parsed.include.filter(
    (p) => p.kind !== 'typed' || reader.lookup('all', p.keys[0]!).docs.length > 0,
  )
  return include.length === parsed.include.length || include.length === 0
    ? parsed
    : { ...parsed, include }
}
