/** Stories: named groups of articles about one event, suggested groups, similar articles. */
import { z } from 'zod'
import type { ArticleSummary, PartialDate } from '../types'
import { articleId, rowId } from './common'

export const storyId = rowId
const articleIds = z.array(articleId).max(1000)
const storyTitle = z.string().trim().min(1).max(300)

export const storySchemas = {
  'story.list': z.strictObject({
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).nullable().default(null),
  }),
  'story.get': z.strictObject({ id: storyId }),
  'story.create': z.strictObject({ title: storyTitle, articles: articleIds.default([]) }),
  'story.rename': z.strictObject({ id: storyId, title: storyTitle }),
  'story.delete': z.strictObject({ id: storyId }),
  'story.addArticles': z.strictObject({ id: storyId, articles: articleIds.min(1) }),
  'story.removeArticles': z.strictObject({ id: storyId, articles: articleIds.min(1) }),
  'story.forArticle': z.strictObject({ id: articleId }),
  'story.suggest': z.strictObject({
    limit: z.number().int().min(1).nullable().default(null),
  }),
  'story.dismiss': z.strictObject({ articles: articleIds.min(2) }),
  'article.similar': z.strictObject({
    id: articleId,
    limit: z.number().int().min(1).nullable().default(20),
  }),
} as const

/** A story in the list of stories. */
export interface StorySummary {
  id: number
  title: string
  /** ISO timestamp. */
  createdAt: string
  articleCount: number
  outlets: string[]
  /** The earliest and latest publication dates of its articles. */
  first: PartialDate | null
  last: PartialDate | null
}

/** How two articles relate (see `article.similar`). */
export type SimilarityKind = 'duplicate' | 'wire copy' | 'same story'

/** Two articles of a story that share much of their text word for word. */
export interface StoryRelation {
  a: number
  b: number
  /** The share of text they have in common, 0–1. */
  similarity: number
  kind: Exclude<SimilarityKind, 'same story'>
}

/** One story with its articles in the order of publication (the timeline). */
export interface StoryDetail extends StorySummary {
  articles: ArticleSummary[]
  relations: StoryRelation[]
}

/** A group of articles that look like one story; nothing is created until the user accepts. */
export interface StorySuggestion {
  articles: number[]
  title: string
  /** How sure the suggestion is, 0–1. */
  score: number
  /** Articles of the group that share their text (wire copies, duplicates). */
  relations: StoryRelation[]
}

/** An article like another one. */
export interface SimilarArticle {
  id: number
  /**
   * For `duplicate` and `wire copy`: the share of text the two have in common word for word
   * (0.92: "92 % the same text"); for `same story`: how close their subjects are.
   */
  similarity: number
  kind: SimilarityKind
  title: string
  outlet: string | null
  published: PartialDate | null
}

export interface StoryResults {
  'story.list': StorySummary[]
  'story.get': StoryDetail
  'story.create': StoryDetail
  'story.rename': StoryDetail
  'story.delete': { deleted: boolean }
  'story.addArticles': StoryDetail
  'story.removeArticles': StoryDetail
  'story.forArticle': StorySummary[]
  'story.suggest': StorySuggestion[]
  'story.dismiss': { dismissed: boolean }
  'article.similar': SimilarArticle[]
}

export interface StoryEvents {
  /** A story was created, renamed, changed or deleted (null: several at once). */
  'story.changed': { id: number | null }
}
