/** Sentences, cross-outlet alignment, and translations aligned with their article. */
import { z } from 'zod'
import type { PartialDate } from '../types'
import { articleId, rowId } from './common'

/** Largest translation accepted (text). */
export const MAX_TRANSLATION_CHARS = 2_000_000

const translationId = rowId
const lang = z
  .string()
  .trim()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'a language code like en, fr or pt-BR')

export const alignSchemas = {
  'article.sentences': z.strictObject({ id: articleId }),
  'align.articles': z.strictObject({
    ids: z.array(articleId).min(2).max(8),
  }),
  'align.story': z.strictObject({ id: rowId }),
  'translation.add': z.strictObject({
    id: articleId,
    text: z.string().max(MAX_TRANSLATION_CHARS),
    lang: lang.nullable().default(null),
    name: z.string().max(500).nullable().default(null),
  }),
  'translation.list': z.strictObject({ id: articleId }),
  'translation.get': z.strictObject({ id: translationId }),
  'translation.delete': z.strictObject({ id: translationId }),
  'translation.correct': z.discriminatedUnion('op', [
    /** Joins a bead with the next one. */
    z.strictObject({ id: translationId, op: z.literal('join'), bead: z.number().int().min(0) }),
    /** Splits a bead before the given sentences (indices into each side's sentences). */
    z.strictObject({
      id: translationId,
      op: z.literal('split'),
      bead: z.number().int().min(0),
      source: z.number().int().min(0),
      translation: z.number().int().min(0),
    }),
    /** Moves a bead's last sentence on one side to the next bead (down) or its first to the previous one (up). */
    z.strictObject({
      id: translationId,
      op: z.literal('move'),
      bead: z.number().int().min(0),
      side: z.enum(['source', 'translation']),
      direction: z.enum(['up', 'down']),
    }),
    /** Forgets every correction. */
    z.strictObject({ id: translationId, op: z.literal('reset') }),
  ]),
} as const

/** A sentence of an article: offsets into its body (the paragraphs joined by "\n"). */
export interface Sentence {
  paragraph: number
  start: number
  end: number
  text: string
}

export interface ArticleSentences {
  id: number
  sentences: Sentence[]
}

/** An article as the parallel view shows it. */
export interface AlignedArticle {
  id: number
  title: string
  outlet: string | null
  published: PartialDate | null
  words: number
  paragraphs: string[]
  headings: number[]
  sentences: Sentence[]
}

/** A sentence of one article: `sentence` indexes that article's `sentences`. */
export interface SentenceRef {
  id: number
  sentence: number
}

/** Two sentences of different articles that report the same fact. */
export interface SentencePair {
  a: SentenceRef
  b: SentenceRef
  /** 0–1; pairs are kept from the aligner's threshold up. */
  score: number
}

export interface Alignment {
  articles: AlignedArticle[]
  pairs: SentencePair[]
  /** Sentences no other article has ("only here"). */
  only: SentenceRef[]
}

export interface TranslationSummary {
  id: number
  articleId: number
  lang: string
  /** Whether the language was detected rather than given. */
  detected: boolean
  name: string | null
  addedAt: string
  sentences: number
}

/** Source sentences and translation sentences that translate each other (monotone). */
export interface Bead {
  source: number[]
  translation: number[]
  score: number
  /** Set by the user (join, split, move): kept when the text is aligned again. */
  fixed: boolean
}

export interface TranslationAlignment {
  source: { id: number; title: string; sentences: Sentence[] }
  translation: { id: number; lang: string; sentences: Sentence[] }
  beads: Bead[]
}

export interface AlignResults {
  'article.sentences': ArticleSentences
  'align.articles': Alignment
  'align.story': Alignment
  'translation.add': TranslationSummary
  'translation.list': TranslationSummary[]
  'translation.get': TranslationAlignment
  'translation.delete': { deleted: boolean }
  'translation.correct': TranslationAlignment
}

export interface AlignEvents {
  /** A translation was added, corrected or deleted. */
  'translation.changed': { articleId: number }
}
