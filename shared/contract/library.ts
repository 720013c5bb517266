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
  'library.outlets': z.strictObject({}),
  'article.get': z.strictObject({ id: articleId }),
  'article.delete': z.strictObject({ id: articleId }),
} as const

export interface LibraryResults {
  'library.list': ArticleSummary[]
  'library.outlets': OutletCount[]
  'article.get': ArticleDetail
  'article.delete': { deleted: boolean }
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
