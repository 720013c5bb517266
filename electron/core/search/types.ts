/**
 * What the search room's modules share: the indexed fields, the ranking constants, and the
 * shapes of filters, hits and outcomes. Depends on nothing else of the room but the query
 * types, so every module can import it without a cycle.
 */
import type { ParsedQuery } from './query'
import type { Postings } from './postings'

/**
 * The indexed fields, in a fixed order (a document's fields are a bit mask in this order).
 * A new field (notes, highlights) is added here, with its weight in `WEIGHT`, a `len_<field>`
 * column in `search_docs` (a migration), journal triggers on its table, and its text in
 * `FIELD_SOURCES` (writer.ts); see docs/DECISIONS.md, Search.
 */
export const FIELDS = ['title', 'text', 'comments'] as const
export type Field = (typeof FIELDS)[number]

/** How much a match in each field counts. */
export const WEIGHT: Record<Field, number> = { title: 2.5, text: 1, comments: 0.35 }
/** BM25's term-frequency saturation and length normalisation. */
export const K1 = 1.2
export const B = 0.75

export interface SearchFilters {
  outlet?: string | null
  from?: string | null
  to?: string | null
  tag?: string | null
  story?: number | null
  /**
   * With a date range: the articles certainly in it (the default), also those whose date is
   * only partly known or unknown ('all'), or only those ('uncertain'; see filters.ts).
   */
  dates?: 'certain' | 'all' | 'uncertain'
}

export interface RankedHit {
  articleId: number
  score: number
  /** How many of the query's parts the article contains. */
  matched: number
  /** The fields the query matched in. */
  fields: Field[]
}

/**
 * Every indexed term each query key stood for (compounds, prefix completions). A key's Set is
 * the same object while the index is unchanged (see `TermReader.queryExpansions`).
 */
export type Expansions = ReadonlyMap<string, ReadonlySet<string>>

export interface SearchOutcome {
  hits: RankedHit[]
  total: number
  parsed: ParsedQuery
  expansions: Expansions
  /**
   * Matching articles a date range left out because their date is known only by month or
   * year, or not at all (0 without a date range, or when they were asked for).
   */
  uncertainDates: number
  /**
   * The query as it was asked, when a word being typed that no indexed word is or begins was
   * left out of `parsed` (see `withoutEmptyTyped`): the user's notes may have it.
   */
  asked?: ParsedQuery
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

/** A candidate in ranking order: its document, its row in the scoring arrays, parts matched. */
export type Ranked = { docNo: number; c: number; matched: number }

/** Where FlexSearch's storage adapter gets a key's documents from. */
export interface PostingSource {
  lookup(field: Field | 'all', key: string): Postings
}
