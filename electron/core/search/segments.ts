/**
 * The term dictionary and posting segments, as the writer changes them: a term's postings are
 * appended as a new segment (keys `id * 64 + segment`), and a term with too many segments is
 * merged into one, without deleted documents. Runs inside the writer's transaction, holding
 * the write lock; the term table it keeps in memory is forgotten whenever the writer finds
 * that another process wrote the index.
 */
import type { Db } from '../db/open'
import { encodePositions, encodePostings, mergeSegments } from './postings'
import { reverse, SEGMENT_SPAN } from './terms'
import type { Field } from './types'

/** A term with more segments than this is merged into one (segment numbers stay below 64). */
const MAX_SEGMENTS = 16

type TermEntry = { id: number; segs: number }
type TermRow = { id: number; field: string; term: string }

export class SegmentWriter {
  /** The term dictionary: "field\u0000term" -> id and last segment number. */
  private terms: Map<string, TermEntry> | null = null
  private readonly sql

  constructor(db: Db) {
    this.sql = {
      allTerms: db.prepare('SELECT id, field, term FROM search_terms'),
      termsAfter: db.prepare(
        'SELECT id, field, term FROM search_terms WHERE id > ? ORDER BY id LIMIT 256',
      ),
      allKeys: db.prepare('SELECT key FROM search_postings').pluck(),
      segmentsWithPositions: db.prepare(
        'SELECT data, pos FROM search_postings WHERE key >= ? AND key < ? ORDER BY key',
      ),
      insertSegment: db.prepare('INSERT INTO search_postings (key, data, pos) VALUES (?, ?, ?)'),
      deleteSegments: db.prepare('DELETE FROM search_postings WHERE key >= ? AND key < ?'),
      insertTerm: db.prepare('INSERT INTO search_terms (field, term, rev) VALUES (?, ?, ?)'),
      deleteTerm: db.prepare('DELETE FROM search_terms WHERE id = ?'),
    }
  }

  /** Forgets the term table (it is read again at the next write). */
  forget(): void {
    this.terms = null
  }

  /** Appends one term's postings (documents ascending) as a new segment. */
  append(
    field: Field,
    term: string,
    docs: ArrayLike<number>,
    tfs: ArrayLike<number>,
    pos: ArrayLike<number>,
    deleted: ReadonlySet<number>,
  ): void {
    const terms = this.termTable()
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
      encodePostings(docs, tfs),
      encodePositions(pos, tfs),
    )
    if (entry.segs > MAX_SEGMENTS) this.merge(entry, deleted, name)
  }

  /** Merges every term into one segment, dropping deleted documents. */
  mergeAll(deleted: ReadonlySet<number>): void {
    for (const [name, entry] of [...this.termTable()])
      if (deleted.size || entry.segs > 0) this.merge(entry, deleted, name)
  }

  /**
   * Merges the terms whose id is above `after`, in id order, dropping `deleted` documents,
   * until `ms` have passed (one piece of a purge); the last term id merged, null when none was
   * left.
   */
  mergeFrom(after: number, deleted: ReadonlySet<number>, ms: number): number | null {
    const start = performance.now()
    const terms = this.termTable()
    let last: number | null = null
    for (;;) {
      const rows = this.sql.termsAfter.all(last ?? after) as TermRow[]
      if (rows.length === 0) return last
      for (const r of rows) {
        const name = `${r.field}\u0000${r.term}`
        const entry = terms.get(name)
        if (entry) this.merge(entry, deleted, name)
        last = r.id
        if (performance.now() - start >= ms) return last
      }
    }
  }

  /** The term dictionary for writing, loaded on the first write (holding the write lock). */
  private termTable(): Map<string, TermEntry> {
    if (this.terms) return this.terms
    const byId = new Map<number, TermEntry>()
    this.terms = new Map()
    for (const r of this.sql.allTerms.iterate() as IterableIterator<TermRow>) {
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
  private merge(entry: TermEntry, deleted: ReadonlySet<number>, name: string): void {
    const from = entry.id * SEGMENT_SPAN
    const segments = this.sql.segmentsWithPositions.all(from, from + SEGMENT_SPAN) as {
      data: Buffer
      pos: Buffer
    }[]
    const merged = mergeSegments(segments, deleted)
    this.sql.deleteSegments.run(from, from + SEGMENT_SPAN)
    if (merged.count) {
      this.sql.insertSegment.run(from, merged.data, merged.pos)
      entry.segs = 0
    } else {
      this.sql.deleteTerm.run(entry.id)
      this.terms?.delete(name)
    }
  }
}
