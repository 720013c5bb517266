/**
 * Full-text search over the library, in the library file.
 *
 * FlexSearch finds the candidates: one FlexSearch index per field (title, text, reader
 * comments), each with the German encoder, each mounted on a storage adapter that keeps its
 * posting lists in this SQLite file (`store.ts`). Lesesaal then ranks the candidates (BM25 per
 * field with a title boost, more matched query words first, newer articles first on ties),
 * verifies phrases against the text, applies filters and exclusions.
 *
 * The index follows the articles through a journal that triggers fill in the same
 * transaction as every article change; `drain()` applies it, deletes the journal rows in the
 * same transaction as the index write, and runs again at the next start after a crash.
 */
import { Index, type StorageInterface } from 'flexsearch'
import type { Db } from '../db/open'
import { ANALYZER_ID, indexKeys, stem } from './analyzer'
import { createGermanEncoder, PRE_ANALYSED } from './encoder'
import {
  concatPostings,
  decodePostings,
  EMPTY,
  encodePostings,
  unionPostings,
  type Postings,
} from './postings'
import { parseQuery, partKeys, type ParsedQuery, type QueryPart } from './query'
import { SearchStore } from './store'
import { verifyPhrase } from './phrase'

export const FIELDS = ['title', 'text', 'comments'] as const
export type Field = (typeof FIELDS)[number]

/** How much a match in each field counts. */
const WEIGHT: Record<Field, number> = { title: 2.5, text: 1, comments: 0.35 }
const K1 = 1.2
const B = 0.75
/** A term with more segments than this is merged into one. */
const MAX_SEGMENTS = 12
/** Articles indexed per write transaction while draining the journal. */
const BATCH = 2000

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

interface DocTable {
  slot: Map<number, number>
  docNo: number[]
  articleId: number[]
  len: Record<Field, number[]>
  published: number[]
  byArticle: Map<number, number>
  total: Record<Field, number>
}

/** "2025-03-14" -> 20250314, "2025-03" -> 20250300, null -> 0: for recency. */
function dateNumber(published: string | null): number {
  if (!published) return 0
  const [y, m, d] = published.split('-')
  return Number(y) * 10000 + Number(m ?? 0) * 100 + Number(d ?? 0)
}

export class SearchIndex {
  private readonly flex: Record<Field, Index>
  private readonly pending: Record<Field, Map<string, Map<number, number>>>
  private readonly cache = new Map<string, Postings>()
  private readonly expansions = new Map<string, string[]>()
  private deleted = new Set<number>()
  private docs: DocTable | null = null
  private readyPromise: Promise<void> | null = null
  private readonly sql

  constructor(private readonly db: Db) {
    const encoder = createGermanEncoder()
    this.flex = {} as Record<Field, Index>
    this.pending = {} as Record<Field, Map<string, Map<number, number>>>
    for (const field of FIELDS) {
      // resolution 1: FlexSearch's positional scoring is not used; Lesesaal ranks by BM25
      this.flex[field] = new Index({ encoder, resolution: 1, commit: false, cache: false })
      this.pending[field] = new Map()
    }
    this.sql = {
      meta: db.prepare('SELECT value FROM search_meta WHERE key = ?').pluck(),
      setMeta: db.prepare(
        'INSERT INTO search_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      ),
      segments: db
        .prepare('SELECT data FROM search_postings WHERE field = ? AND term = ? ORDER BY seg')
        .pluck(),
      segmentCount: db
        .prepare('SELECT count(*) FROM search_postings WHERE field = ? AND term = ?')
        .pluck(),
      insertSegment: db.prepare(
        'INSERT INTO search_postings (field, term, seg, data) VALUES (?, ?, ?, ?)',
      ),
      deleteSegments: db.prepare('DELETE FROM search_postings WHERE field = ? AND term = ?'),
      insertTerm: db.prepare(
        'INSERT OR IGNORE INTO search_terms (field, term, rev) VALUES (?, ?, ?)',
      ),
      deleteTerm: db.prepare('DELETE FROM search_terms WHERE field = ? AND term = ?'),
      hasTerm: db.prepare('SELECT 1 FROM search_terms WHERE field = ? AND term = ?').pluck(),
      byPrefix: db
        .prepare(
          'SELECT term FROM search_terms WHERE field = ? AND term >= ? AND term < ? LIMIT 5000',
        )
        .pluck(),
      bySuffix: db
        .prepare('SELECT term FROM search_terms WHERE field = ? AND rev > ? AND rev < ? LIMIT 5000')
        .pluck(),
      journal: db.prepare('SELECT id, article_id FROM search_journal ORDER BY id LIMIT ?'),
      journalCount: db.prepare('SELECT count(*) FROM search_journal').pluck(),
      clearJournal: db.prepare('DELETE FROM search_journal WHERE id <= ?'),
      docOf: db.prepare('SELECT doc_no FROM search_docs WHERE article_id = ?').pluck(),
      insertDoc: db.prepare(
        'INSERT INTO search_docs (doc_no, article_id, len_title, len_text, len_comments) VALUES (?, ?, ?, ?, ?)',
      ),
      deleteDoc: db.prepare('DELETE FROM search_docs WHERE doc_no = ?'),
      markDeleted: db.prepare('INSERT OR IGNORE INTO search_deleted (doc_no) VALUES (?)'),
      article: db.prepare('SELECT title, kicker, published FROM articles WHERE id = ?'),
      paragraphs: db
        .prepare('SELECT text FROM paragraphs WHERE article_id = ? ORDER BY position')
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
      for (const field of FIELDS)
        await this.flex[field].mount(new SearchStore(this, field) as unknown as StorageInterface)
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
      this.sql.setMeta.run('next_seg', '1')
    })()
    this.deleted = new Set()
    this.docs = null
    this.cache.clear()
    this.expansions.clear()
  }

  /** Rebuilds the index from the articles. */
  async rebuild(onProgress?: (done: number, total: number) => void): Promise<IndexStatus> {
    await this.ready()
    this.reset()
    this.drain(onProgress)
    this.optimize()
    return this.status()
  }

  /**
   * Applies the journal: (re)indexes changed articles and forgets deleted ones. Returns how
   * many articles were processed. Cheap when there is nothing to do.
   */
  drain(onProgress?: (done: number, total: number) => void): number {
    let done = 0
    const total = onProgress ? (this.sql.journalCount.get() as number) : 0
    for (;;) {
      const rows = this.sql.journal.all(BATCH * 4) as { id: number; article_id: number }[]
      if (rows.length === 0) break
      const maxId = rows[rows.length - 1]!.id
      const articleIds = [...new Set(rows.map((r) => r.article_id))]
      let nextDoc = Number(this.sql.meta.get('next_doc') ?? 1)
      const added: {
        docNo: number
        articleId: number
        len: Record<Field, number>
        published: number
      }[] = []
      const removed: number[] = []
      for (const articleId of articleIds) {
        const old = this.sql.docOf.get(articleId) as number | undefined
        if (old !== undefined) removed.push(old)
        const article = this.sql.article.get(articleId) as
          { title: string; kicker: string | null; published: string | null } | undefined
        if (!article) continue
        const docNo = nextDoc++
        const texts: Record<Field, string> = {
          title: article.kicker ? `${article.kicker} ${article.title}` : article.title,
          text: (this.sql.paragraphs.all(articleId) as string[]).join('\n'),
          comments: (this.sql.comments.all(articleId) as string[]).join('\n'),
        }
        const len = {} as Record<Field, number>
        for (const field of FIELDS) len[field] = this.addDocument(field, docNo, texts[field])
        added.push({ docNo, articleId, len, published: dateNumber(article.published) })
      }
      this.write(added, removed, maxId, nextDoc)
      done += rows.length
      onProgress?.(Math.min(done, total), total)
    }
    return done
  }

  /** Adds one field of one document to FlexSearch, keeping its term frequencies. */
  private addDocument(field: Field, docNo: number, text: string): number {
    if (!text) return 0
    const keys = indexKeys(text)
    if (keys.length === 0) return 0
    const counts = new Map<string, number>()
    for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1)
    const pending = this.pending[field]
    for (const [k, n] of counts) {
      let m = pending.get(k)
      if (!m) pending.set(k, (m = new Map()))
      m.set(docNo, n)
    }
    // FlexSearch indexes the same keys (the encoder passes pre-analysed keys through)
    this.flex[field].add(docNo, PRE_ANALYSED + [...counts.keys()].join(' '))
    return keys.length
  }

  /**
   * Writes what FlexSearch indexed since the last write as one new segment per term, the
   * document table, tombstones, and removes the applied journal rows: one transaction.
   */
  private write(
    added: { docNo: number; articleId: number; len: Record<Field, number>; published: number }[],
    removed: number[],
    journalUpTo: number,
    nextDoc: number,
  ): void {
    let seg = Number(this.sql.meta.get('next_seg') ?? 1)
    const touched: [Field, string][] = []
    this.db.transaction(() => {
      for (const field of FIELDS) {
        const index = this.flex[field] as unknown as FlexInternals
        const pending = this.pending[field]
        for (const [term, slots] of index.map) {
          const ids: number[] = []
          for (const slot of slots) if (slot) ids.push(...slot)
          if (ids.length === 0) continue
          ids.sort((a, b) => a - b)
          const tf = pending.get(term)
          const tfs = ids.map((id) => tf?.get(id) ?? 1)
          this.sql.insertSegment.run(field, term, seg, encodePostings(ids, tfs))
          this.sql.insertTerm.run(field, term, [...term].reverse().join(''))
          touched.push([field, term])
        }
        index.map.clear()
        index.ctx?.clear()
        index.reg.clear()
        index.commit_task = []
        pending.clear()
      }
      for (const docNo of removed) {
        this.sql.deleteDoc.run(docNo)
        this.sql.markDeleted.run(docNo)
      }
      for (const d of added)
        this.sql.insertDoc.run(d.docNo, d.articleId, d.len.title, d.len.text, d.len.comments)
      this.sql.clearJournal.run(journalUpTo)
      this.sql.setMeta.run('next_doc', String(nextDoc))
      this.sql.setMeta.run('next_seg', String(seg + 1))
      seg++
      for (const [field, term] of touched) {
        if ((this.sql.segmentCount.get(field, term) as number) > MAX_SEGMENTS)
          this.mergeTerm(field, term)
      }
    })()
    for (const docNo of removed) this.deleted.add(docNo)
    this.cache.clear()
    this.expansions.clear()
    if (this.docs) {
      for (const docNo of removed) this.forgetDoc(docNo)
      for (const d of added) this.rememberDoc(d.docNo, d.articleId, d.len, d.published)
    }
  }

  /** Rewrites a term's segments as one, without deleted documents. */
  private mergeTerm(field: Field, term: string): void {
    const merged = concatPostings(
      (this.sql.segments.all(field, term) as Buffer[]).map(decodePostings),
      this.deleted,
    )
    this.sql.deleteSegments.run(field, term)
    if (merged.docs.length)
      this.sql.insertSegment.run(field, term, 0, encodePostings(merged.docs, merged.tfs))
    else this.sql.deleteTerm.run(field, term)
  }

  /** Merges every term into one segment and purges deleted documents. */
  optimize(): void {
    const terms = this.db.prepare('SELECT DISTINCT field, term FROM search_postings').all() as {
      field: Field
      term: string
    }[]
    const many = new Set(
      (
        this.db
          .prepare(
            'SELECT field, term FROM search_postings GROUP BY field, term HAVING count(*) > 1',
          )
          .all() as { field: Field; term: string }[]
      ).map((r) => `${r.field}\u0000${r.term}`),
    )
    this.db.transaction(() => {
      for (const { field, term } of terms) {
        if (this.deleted.size || many.has(`${field}\u0000${term}`)) this.mergeTerm(field, term)
      }
      this.db.exec('DELETE FROM search_deleted')
    })()
    this.deleted = new Set()
    this.cache.clear()
  }

  /** The postings of one index key in one field, with its compounds or completions. */
  lookup(field: Field, key: string): Postings {
    const cacheKey = `${field}\u0000${key}`
    const hit = this.cache.get(cacheKey)
    if (hit) return hit
    const terms = this.expand(field, key)
    const result = unionPostings(terms.map((t) => this.read(field, t)))
    if (this.cache.size > 4000) this.cache.clear()
    this.cache.set(cacheKey, result)
    return result
  }

  private read(field: Field, term: string): Postings {
    const segs = this.sql.segments.all(field, term) as Buffer[]
    if (segs.length === 0) return EMPTY
    return concatPostings(segs.map(decodePostings), this.deleted)
  }

  /**
   * The indexed terms a query key stands for. A prefix ("wirtsch*") stands for every term
   * it begins; a word stands for itself and for the compounds it is the head of:
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
      const rev = [...key].reverse().join('')
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

  private loadDocs(): DocTable {
    if (this.docs) return this.docs
    const table: DocTable = {
      slot: new Map(),
      docNo: [],
      articleId: [],
      len: { title: [], text: [], comments: [] },
      published: [],
      byArticle: new Map(),
      total: { title: 0, text: 0, comments: 0 },
    }
    this.docs = table
    const rows = this.db
      .prepare(
        'SELECT d.doc_no, d.article_id, d.len_title, d.len_text, d.len_comments, a.published FROM search_docs d JOIN articles a ON a.id = d.article_id',
      )
      .raw()
      .iterate() as IterableIterator<[number, number, number, number, number, string | null]>
    for (const [docNo, articleId, t, x, c, published] of rows) {
      this.rememberDoc(docNo, articleId, { title: t, text: x, comments: c }, dateNumber(published))
    }
    return table
  }

  private rememberDoc(
    docNo: number,
    articleId: number,
    len: Record<Field, number>,
    published: number,
  ): void {
    const t = this.docs!
    const i = t.docNo.length
    t.slot.set(docNo, i)
    t.docNo.push(docNo)
    t.articleId.push(articleId)
    for (const f of FIELDS) {
      t.len[f].push(len[f])
      t.total[f] += len[f]
    }
    t.published.push(published)
    t.byArticle.set(articleId, docNo)
  }

  private forgetDoc(docNo: number): void {
    const t = this.docs!
    const i = t.slot.get(docNo)
    if (i === undefined) return
    t.slot.delete(docNo)
    if (t.byArticle.get(t.articleId[i]!) === docNo) t.byArticle.delete(t.articleId[i]!)
    for (const f of FIELDS) t.total[f] -= t.len[f][i]!
    t.articleId[i] = -1
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
    const empty: SearchOutcome = { hits: [], total: 0, parsed, expansions: new Map() }
    if (parsed.include.length === 0) return empty
    const docs = this.loadDocs()
    const live = docs.slot.size
    if (live === 0) return empty

    // 1. candidates from FlexSearch, per field (OR over the query's keys)
    const keys = [...new Set(parsed.include.flatMap(partKeys))]
    const candidates = new Map<number, number>() // docNo -> candidate index
    const flexQuery = PRE_ANALYSED + keys.join(' ')
    for (const field of FIELDS) {
      const ids = (await this.flex[field].search(flexQuery, {
        limit: 1e9,
        suggest: true,
      })) as number[]
      for (const id of ids)
        if (!candidates.has(id) && docs.slot.has(id)) candidates.set(id, candidates.size)
    }
    if (candidates.size === 0) return { ...empty, expansions: this.queryExpansions(keys) }

    // 2. BM25 per field and key, accumulated per candidate
    const n = candidates.size
    const score = new Float64Array(n)
    const keyHits = keys.map(() => new Uint8Array(n))
    const fieldMask = new Uint8Array(n)
    keys.forEach((key, k) => {
      const tfNorm = new Float64Array(n)
      let df = 0
      for (const [fi, field] of FIELDS.entries()) {
        const p = this.lookup(field, key)
        const avg = docs.total[field] / live || 1
        for (let i = 0; i < p.docs.length; i++) {
          const c = candidates.get(p.docs[i]!)
          if (c === undefined) continue
          const slot = docs.slot.get(p.docs[i]!)!
          if (keyHits[k]![c] === 0) df++
          keyHits[k]![c] = 1
          fieldMask[c]! |= 1 << fi
          tfNorm[c]! += (WEIGHT[field] * p.tfs[i]!) / (1 - B + (B * docs.len[field][slot]!) / avg)
        }
      }
      const idf = Math.log(1 + (live - df + 0.5) / (df + 0.5))
      for (let c = 0; c < n; c++)
        if (tfNorm[c]! > 0) score[c]! += (idf * tfNorm[c]! * (K1 + 1)) / (tfNorm[c]! + K1)
    })

    // 3. which parts each candidate matches; exclusions; filters
    const keyIndex = new Map(keys.map((k, i) => [k, i]))
    const excluded = new Set<number>()
    for (const part of parsed.exclude) {
      for (const key of partKeys(part)) {
        for (const field of ['title', 'text'] as const) {
          const p = this.lookup(field, key)
          for (let i = 0; i < p.docs.length; i++) excluded.add(p.docs[i]!)
        }
      }
    }
    const allowed = this.allowedDocs(filters)
    const phrases = parsed.include.filter((p) => p.kind === 'phrase')
    let ranked: { docNo: number; c: number; matched: number }[] = []
    for (const [docNo, c] of candidates) {
      if (excluded.has(docNo) || (allowed && !allowed.has(docNo))) continue
      let matched = 0
      let phraseMissing = false
      for (const part of parsed.include) {
        const has = partKeys(part).every((k) => keyHits[keyIndex.get(k)!]![c] === 1)
        if (has) matched++
        else if (part.kind === 'phrase') phraseMissing = true
      }
      if (phraseMissing || matched === 0) continue
      ranked.push({ docNo, c, matched })
    }
    const slotOf = (docNo: number) => docs.slot.get(docNo)!
    ranked.sort(
      (a, b) =>
        b.matched - a.matched ||
        score[b.c]! - score[a.c]! ||
        docs.published[slotOf(b.docNo)]! - docs.published[slotOf(a.docNo)]! ||
        b.docNo - a.docNo,
    )

    // 4. phrases: verified against the stored text, in rank order
    if (phrases.length) ranked = this.verifyPhrases(ranked, phrases, docs, offset + limit)

    const hits = ranked.slice(offset, offset + limit).map((r) => ({
      articleId: docs.articleId[slotOf(r.docNo)]!,
      score: Math.round(score[r.c]! * 1000) / 1000,
      matched: r.matched,
      fields: FIELDS.filter((_, fi) => fieldMask[r.c]! & (1 << fi)),
    }))
    return { hits, total: ranked.length, parsed, expansions: this.queryExpansions(keys) }
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

  /** Phrase candidates checked against the article text, best first; the rest are counted. */
  private verifyPhrases(
    ranked: { docNo: number; c: number; matched: number }[],
    phrases: QueryPart[],
    docs: DocTable,
    needed: number,
  ): { docNo: number; c: number; matched: number }[] {
    const CHECK_ALL = 3000
    const out: typeof ranked = []
    let checked = 0
    for (const r of ranked) {
      if (checked >= CHECK_ALL && out.length >= needed) {
        // beyond this, estimate: keep the unverified rest in proportion to what verified
        const ratio = out.length / checked
        const rest = ranked.slice(checked)
        return out.concat(rest.slice(0, Math.round(rest.length * ratio)))
      }
      checked++
      const articleId = docs.articleId[docs.slot.get(r.docNo)!]!
      const article = this.sql.article.get(articleId) as
        { title: string; kicker: string | null } | undefined
      if (!article) continue
      const text = [
        article.kicker ?? '',
        article.title,
        ...(this.sql.paragraphs.all(articleId) as string[]),
        ...(this.sql.comments.all(articleId) as string[]),
      ].join('\n')
      if (phrases.every((p) => verifyPhrase(text, p))) out.push(r)
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
      where.push(
        'a.id IN (SELECT at.article_id FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE t.name = ?)',
      )
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

/** The parts of a FlexSearch index that the storage adapter reads and clears when writing. */
interface FlexInternals {
  map: Map<string, number[][]>
  ctx?: Map<string, unknown>
  reg: Set<number> | Map<number, unknown>
  commit_task: unknown[]
}
