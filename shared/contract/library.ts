/** The library: listing, reading and deleting articles. */
import { z } from 'zod'
import type { ArticleDetail, ArticleSummary, OutletCount } from '../types'
import { librarySorts } from '../types'
import { articleId } from './common'

export const librarySchemas = {
  'library.list': z.strictObject({
    sort: z.enum(librarySorts).default('published'),
    order: z.enum(['asc', 'desc']).default('desc'),
    outlet: z.string().min(1).max(200).nullable().default(null),
    /** Articles with this tag (on the article, its highlights or its notes). */
    tag: z.string().min(1).max(100).nullable().default(null),
  }),
  /** The list's ids in order (a library of 100,000 is shown a screenful of rows at a time). */
  'library.ids': z.strictObject({
    sort: z.enum(librarySorts).default('published'),
    order: z.enum(['asc', 'desc']).default('desc'),
    outlet: z.string().min(1).max(200).nullable().default(null),
    /** Articles with this tag (on the article, its highlights or its notes). */
    tag: z.string().min(1).max(100).nullable().default(null),
    /** Articles of this story (stories room). */
    story: z.number().int().positive().nullable().default(null),
    /** Also the rows of the first this many ids (one round trip for the first screen). */
    rows: z.number().int().min(0).max(500).default(0),
  }),
  /** The rows of these articles, in this order (ids no longer in the library are left out). */
  'library.rows': z.strictObject({ ids: z.array(articleId).max(500) }),
  'library.outlets': z.strictObject({}),
  'article.get': z.strictObject({ id: articleId }),
  'article.delete': z.strictObject({ id: articleId }),
  /** Deletes several articles at once (the library list's selection). */
  'articles.delete': z.strictObject({ ids: z.array(articleId).min(1).max(1_000_000) }),
  /** Removes the sample library that a first start loaded, in one step. */
  'library.removeSample': z.strictObject({}),
} as const

export interface LibraryResults {
  'library.list': ArticleSummary[]
  'library.ids': LibraryIds
  'library.rows': ArticleSummary[]
  'library.outlets': OutletCount[]
  'article.get': ArticleDetail
  'article.delete': { deleted: boolean }
  'articles.delete': { deleted: number }
  'library.removeSample': { removed: number }
}

export interface LibraryIds {
  /** The ids of the list, in order (only the outlet's when filtered). */
  ids: number[]
  /** Articles in the whole library. */
  total: number
  /** The rows of the first `rows` ids. */
  rows: ArticleSummary[]
  /** How many of the library's articles are the sample library's. */
  samples: number
}

export interface LibraryEvents {
  /**
   * Articles were added, changed or removed (`external`: by another process on the same file;
   * `restore`: the whole library was replaced by a backup).
   */
  'library.changed': {
    reason: 'import' | 'delete' | 'sample' | 'update' | 'external' | 'restore' | 'reextract'
  }
}
