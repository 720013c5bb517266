/** Full-text search over the library. */
import { z } from 'zod'
import type { ArticleMatches, SearchIndexStatus, SearchResults } from '../types'
import { articleId, partialDate, searchText } from './common'

export const searchSchemas = {
  'search.query': z.strictObject({
    query: searchText,
    limit: z.number().int().min(1).max(100).default(20),
    offset: z.number().int().min(0).max(100_000).default(0),
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
