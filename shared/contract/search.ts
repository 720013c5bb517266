/** Full-text search over the library. */
import { z } from 'zod'
import type { ArticleMatches, SearchIndexStatus, SearchResults } from '../types'
import { articleId, partialDate, searchText } from './common'

export const searchSchemas = {
  'search.query': z.strictObject({
    query: searchText,
    // no upper bound: scripts may ask for every hit (the app asks for a page at a time)
    limit: z.number().int().min(1).default(20),
    offset: z.number().int().min(0).default(0),
    /**
     * The query is being typed: its last word may be unfinished and also matches the words it
     * begins (a bounded number of them), so each keystroke is answered quickly.
     */
    asYouType: z.boolean().default(false),
    /**
     * With a date range, also the articles whose date is known only by month or year, or not
     * at all, and so may or may not be in it (left out by default, and counted).
     */
    uncertainDates: z.boolean().default(false),
    outlet: z.string().min(1).max(200).nullable().default(null),
    from: partialDate.nullable().default(null),
    to: partialDate.nullable().default(null),
    tag: z.string().min(1).max(200).nullable().default(null),
    story: z.number().int().positive().nullable().default(null),
  }),
  'search.matches': z.strictObject({ id: articleId, query: searchText }),
  'search.status': z.strictObject({}),
  'search.rebuild': z.strictObject({}),
} as const

export interface SearchResultsTable {
  'search.query': SearchResults
  'search.matches': ArticleMatches
  'search.status': SearchIndexStatus
  'search.rebuild': SearchIndexStatus
}

export interface SearchEvents {
  /** Progress of a search index rebuild. */
  'search.progress': { done: number; total: number }
}
