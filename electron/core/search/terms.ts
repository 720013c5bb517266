/**
 * Reading the index: the posting lists of a query key (with the compounds a word is the head
 * of, or a prefix's completions), word positions for phrases, and per-key impact lists, each
 * decoded from the stored segments into a size-bounded cache. Deleted documents (tombstones
 * not yet merged away) are dropped on the way.
 */
import type { Db } from '../db/open'
import { stem } from './analyzer'
import { SizedLru } from './lru'
import {
  concatPostings,
  decodePostings,
  decodeTermPositions,
  EMPTY,
  unionPostings,
  type Postings,
  type TermPositions,
} from './postings'
import { keyKind, TYPED_MIN } from './query'
import { buildImpacts, type KeyImpacts } from './topk'
import type { DocTable } from './doctable'
import { B, FIELDS, WEIGHT, type Expansions, type Field, type PostingSource } from './types'

/** One term's segments are the keys `id * SEGMENT_SPAN + segment` (segment numbers < 64). */
export const SEGMENT_SPAN = 64
/** Decoded postings kept for repeated query words (8 bytes each: about 16 MB). */
const CACHED_POSTINGS = 2_000_000
/** Documents of the impact lists kept in memory (17 bytes each). */
const CACHED_IMPACTS = 600_000
/** Word positions kept in memory (for phrases). */
const CACHED_POSITIONS = 1_000_000
/** The shortest head a compound is found by ("öl" finds "rohöl"; "o" finds nothing). */
const MIN_HEAD = 2
/** The words a typed word's letters begin: at most this many (the bounded candidate set). */
export const COMPLETIONS = 8
/** Of at most this many terms with those letters, the earliest indexed (the commonest). */
const COMPLETION_SCAN = 5000
/** Linking elements between a compound's parts (Sicherheit-s-rat). */
const LINKS = ['s', 'es', 'n', 'en', 'e', 'er']

export const reverse = (s: string) => [...s].reverse().join('')

export class TermReader implements PostingSource {
  /** Documents deleted but still in some segments (tombstones), shared with the writer. */
  deleted = new Set<number>()
  /** Decoded postings of recent query keys, at most CACHED_POSTINGS of them in all. */
  private readonly cache = new SizedLru<Postings>(CACHED_POSTINGS, (p) => p.docs.length)
  private readonly impactCache = new SizedLru<KeyImpacts>(CACHED_IMPACTS, (l) => l.docs.length)
  private readonly positionCache = new SizedLru<TermPositions>(
    CACHED_POSITIONS,
    (t) => t.pos.length + t.docs.length,
  )
  private readonly expansions = new Map<string, string[]>()
  /**
   * Each key's terms over all fields, one Set per key until the index changes: a caller may
   * keep what it derives from a Set (the notes search its union of lists) while it is the same.
   */
  private readonly expansionSets = new Map<string, ReadonlySet<string>>()
  private readonly sql

  constructor(private readonly db: Db) {
    this.sql = {
      termId: db.prepare('SELECT id FROM search_terms WHERE field = ? AND term = ?').pluck(),
      segments: db
        .prepare('SELECT data FROM search_postings WHERE key >= ? AND key < ? ORDER BY key')
        .pluck(),
      segmentsWithPositions: db.prepare(
        'SELECT data, pos FROM search_postings WHERE key >= ? AND key < ? ORDER BY key',
      ),
      // which of these words are indexed (in text or title): compound modifiers, in one query
      knownTerms: db
        .prepare(
          "SELECT DISTINCT term FROM search_terms WHERE field IN ('text', 'title') AND term IN (SELECT value FROM json_each(?))",
        )
        .pluck(),
      // terms beginning with some letters, earliest indexed first: a term's id grows with the
      // order words first appeared in the library, and common words appear early
      completions: db
        .prepare(
          `SELECT term FROM (SELECT id, term FROM search_terms WHERE field = ? AND term >= ? AND term < ? LIMIT ${COMPLETION_SCAN}) ORDER BY id LIMIT ${COMPLETIONS}`,
        )
        .pluck(),
      byPrefix: db
        .prepare(
          'SELECT term FROM search_terms WHERE field = ? AND term >= ? AND term < ? LIMIT 5000',
        )
        .pluck(),
      bySuffix: db
        .prepare('SELECT term FROM search_terms WHERE field = ? AND rev > ? AND rev < ? LIMIT 5000')
        .pluck(),
      tombstones: db.prepare('SELECT doc_no FROM search_deleted').pluck(),
    }
  }

  /** Reads the tombstones again (at start, and after another process wrote the index). */
  loadDeleted(): void {
    this.deleted = new Set(this.sql.tombstones.all() as number[])
  }

  /** Forgets everything decoded (after every index write). */
  forget(): void {
    this.cache.clear()
    this.impactCache.clear()
    this.positionCache.clear()
    this.expansions.clear()
    this.expansionSets.clear()
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

  /** The postings of exactly this term in one field (no compounds, no completions; not cached). */
  exact(field: Field, term: string): Postings {
    return this.read(field, term)
  }

  private read(field: Field, term: string): Postings {
    const id = this.sql.termId.get(field, term) as number | undefined
    if (id === undefined) return EMPTY
    const segs = this.sql.segments.all(id * SEGMENT_SPAN, (id + 1) * SEGMENT_SPAN) as Buffer[]
    if (segs.length === 0) return EMPTY
    return concatPostings(segs.map(decodePostings), this.deleted)
  }

  /** Word positions of one exact term in every document, kept in a bounded cache. */
  termPositions(field: Field, term: string): TermPositions {
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
  impacts(key: string, docs: DocTable): KeyImpacts {
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

  /**
   * The indexed terms a query key stands for. A prefix ("wirtsch*") stands for every term it
   * begins; a word stands for itself and for the compounds it is the head of:
   * "programm" -> "atomprogramm", "sanktion" -> "wirtschaftssanktion"; a word being typed
   * also for the few commonest words its letters begin ("osterr" -> "osterreich").
   */
  expand(field: Field, key: string): string[] {
    const cacheKey = `${field}\u0000${key}`
    const known = this.expansions.get(cacheKey)
    if (known) return known
    const k = keyKind(key)
    let terms: string[]
    if (k.kind === 'prefix') {
      terms = this.sql.byPrefix.all(field, k.prefix, `${k.prefix}\uffff`) as string[]
    } else if (k.kind === 'word') {
      terms = [k.stem, ...this.compounds(field, k.stem)]
    } else {
      // a word being typed: short, it is looked for only as it is (see TYPED_MIN)
      terms = k.stem ? [k.stem] : [] // (none: a stopword, by what it begins only)
      if (k.stem.length >= TYPED_MIN) terms.push(...this.compounds(field, k.stem))
      if (k.prefix.length >= TYPED_MIN)
        for (const t of this.sql.completions.all(field, k.prefix, `${k.prefix}\uffff`) as string[])
          if (!terms.includes(t)) terms.push(t)
    }
    if (this.expansions.size > 4000) this.expansions.clear()
    this.expansions.set(cacheKey, terms)
    return terms
  }

  /**
   * The indexed compounds `head` is the head of. A compound counts when the part before the
   * head is long enough, or is itself an indexed word (with a linking -s-, -es-, -n-, -en-,
   * -e-, -er-), so "rat" finds "stadtrat" but not "apparat". Heads of one letter find none.
   */
  private compounds(field: Field, head: string): string[] {
    if (head.length < MIN_HEAD) return []
    const rev = reverse(head)
    const withHead = (this.sql.bySuffix.all(field, rev, `${rev}\uffff`) as string[]).filter(
      (t) => t.length - head.length >= 3,
    )
    if (head.length >= 7 || withHead.length === 0) return withHead
    // the modifiers a compound may have, checked against the index in one query
    const modifiers = new Map<string, string[]>()
    for (const t of withHead) {
      const modifier = t.slice(0, t.length - head.length)
      const candidates = [modifier, stem(modifier)]
      for (const link of LINKS)
        if (modifier.endsWith(link) && modifier.length - link.length >= 3)
          candidates.push(modifier.slice(0, -link.length))
      modifiers.set(
        t,
        candidates.filter((c) => c.length >= 3),
      )
    }
    const indexed = new Set(
      this.sql.knownTerms.all(
        JSON.stringify([...new Set([...modifiers.values()].flat())]),
      ) as string[],
    )
    return withHead.filter((t) => modifiers.get(t)!.some((c) => indexed.has(c)))
  }

  /** Every indexed term each key stood for, over all fields (for highlighting). */
  queryExpansions(keys: string[]): Expansions {
    if (this.expansionSets.size > 4000) this.expansionSets.clear()
    return new Map(
      keys.map((k) => {
        let set = this.expansionSets.get(k)
        if (!set) {
          set = new Set(FIELDS.flatMap((f) => this.expand(f, k)).concat(wordOf(k)))
          this.expansionSets.set(k, set)
        }
        return [k, set]
      }),
    )
  }
}

/** The word a key stands for itself (none for a prefix). */
function wordOf(key: string): string[] {
  const k = keyKind(key)
  return k.kind === 'prefix' || !k.stem ? [] : [k.stem]
}
