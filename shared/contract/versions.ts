/** Article versions: a newer text of an article, its earlier texts, and what changed. */
import { z } from 'zod'
import { articleId, rowId } from './common'

export const versionsSchemas = {
  /**
   * A newer version of an article: from a path or http(s) URL (where the host may name
   * paths; URLs everywhere) or an uploaded file. Keeps the article, its notes and highlights.
   */
  'article.update': z
    .strictObject({
      id: articleId,
      path: z.string().min(1).max(4096).optional(),
      file: z
        .strictObject({ name: z.string().min(1).max(1024), data: z.string().max(70_000_000) })
        .optional(),
    })
    .refine((x) => Boolean(x.path) !== Boolean(x.file), {
      message: 'give either a path (or URL) or a file, not both',
    }),
  'article.versions': z.strictObject({ id: articleId }),
  /** What changed from version `from` (default: the one before the current) to the current. */
  'article.changes': z.strictObject({ id: articleId, from: rowId.nullable().default(null) }),
  /** One earlier text, for reading it. */
  'article.version': z.strictObject({ id: articleId, version: rowId }),
} as const

/** How many sentences were added, removed and changed. */
export interface ChangeCounts {
  added: number
  removed: number
  changed: number
}

/** One changed sentence. Offsets are into the newer article text (`shared/text.ts`). */
export interface SentenceChange {
  kind: 'added' | 'removed' | 'changed' | 'moved'
  /** Where it stands in the newer text; a removed sentence: where it stood (start = end). */
  start: number
  end: number
  /** The sentence (removed: as it was). */
  text: string
  /** A changed sentence's earlier wording. */
  before: string | null
}

/** What `article.update` (and re-extraction) did to an article. */
export interface ArticleUpdate {
  id: number
  /** The number of the article's text now (1 = the first import). */
  version: number
  /** True when the new text equals the current one (no version was added). */
  unchanged: boolean
  changed: ChangeCounts
  highlights: { anchored: number; moved: number; orphan: number }
}

/** One version of an article, newest first in lists. */
export interface ArticleVersion {
  version: number
  current: boolean
  title: string
  words: number
  /** When this text came into the library. */
  importedAt: string
  /** When a newer text replaced it (null for the current one). */
  replacedAt: string | null
  /** Why it was replaced: a newer version, or re-extraction of the stored original. */
  reason: 'update' | 'reextract' | null
  /** Compared with the version before it (null for version 1). */
  changed: ChangeCounts | null
}

export interface ArticleChanges {
  from: number
  to: number
  counts: ChangeCounts
  changes: SentenceChange[]
}

export interface ArticleVersionText {
  version: number
  title: string
  kicker: string | null
  published: string | null
  author: string | null
  url: string | null
  paragraphs: string[]
  headings: number[]
  importedAt: string
}

export interface VersionsResults {
  'article.update': ArticleUpdate
  'article.versions': ArticleVersion[]
  'article.changes': ArticleChanges
  'article.version': ArticleVersionText
}

// Versions announce themselves through `library.changed` (reason `update`).
export type VersionsEvents = Record<never, never>
