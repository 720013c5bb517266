/** Study: saved words, statuses, review with FSRS, difficulty, progress, Anki export. */
import { z } from 'zod'
import {
  RATINGS,
  WORD_STATUSES,
  type AnkiExport,
  type ArticleWords,
  type Difficulty,
  type ReviewCounts,
  type ReviewOutcome,
  type StudyCard,
  type StudySettings,
  type StudyStats,
  type VocabWord,
  type WordStatus,
} from '../study'
import { articleId, rowId } from './common'

const word = z.string().trim().min(1).max(120)
/** A moment, for scripts and tests that answer "as of" a time (default: now). */
const moment = z.iso.datetime({ offset: true }).optional()

export const studySchemas = {
  'vocab.save': z.strictObject({
    word,
    articleId: articleId.optional(),
    /** The article's N-th sentence (from 1) to keep with the word (CLI `--sentence N`). */
    sentence: z.number().int().min(1).max(100_000).optional(),
    /** Where the reader met the word: the text around it and the word's offset there. */
    context: z
      .strictObject({ text: z.string().max(5000), offset: z.number().int().min(0).max(5000) })
      .optional(),
  }),
  'vocab.list': z.strictObject({
    status: z.enum(['all', 'saved', 'learning', ...WORD_STATUSES]).default('all'),
    filter: z.string().max(120).default(''),
    articleId: articleId.optional(),
    sort: z.enum(['date', 'status', 'article', 'frequency', 'lemma', 'due']).default('date'),
    order: z.enum(['asc', 'desc']).default('desc'),
    offset: z.number().int().min(0).default(0),
    /** No upper cap: scripts may list everything. */
    limit: z.number().int().min(1).default(200),
  }),
  'vocab.get': z.strictObject({ id: rowId }),
  'vocab.update': z.strictObject({
    id: rowId,
    lemma: z.string().trim().min(1).max(200).optional(),
    gender: z.enum(['m', 'f', 'n', 'pl']).nullable().optional(),
    plural: z.string().trim().max(200).nullable().optional(),
    gloss: z.string().trim().max(500).nullable().optional(),
    status: z.enum(WORD_STATUSES).optional(),
  }),
  'vocab.delete': z.strictObject({ id: rowId }),
  'vocab.deleteSentence': z.strictObject({ id: rowId }),
  /** Sets the status of a lemma (by the lemma's text, or a form of it) or of a saved word. */
  'vocab.status': z.strictObject({
    lemma: z.string().trim().min(1).max(200).optional(),
    id: rowId.optional(),
    status: z.enum(WORD_STATUSES),
  }),
  'vocab.export': z.strictObject({
    format: z.literal('anki').default('anki'),
    deck: z.string().trim().min(1).max(100).default('Lesesaal'),
    /** The names of the Basic and Cloze note types in the learner's Anki. */
    basicType: z.string().trim().min(1).max(100).default('Basic'),
    clozeType: z.string().trim().min(1).max(100).default('Cloze'),
  }),
  'study.articleWords': z.strictObject({ id: articleId }),
  /** Marks every lemma of the article nobody gave a status yet as known ("page done"). */
  'study.markKnown': z.strictObject({ id: articleId }),
  /** Unknown shares of all articles; `wait`: compute what is missing before answering. */
  'study.difficulty': z.strictObject({ wait: z.boolean().default(false) }),
  'study.reading': z.strictObject({
    id: articleId,
    seconds: z.number().int().min(1).max(600),
  }),
  'study.stats': z.strictObject({
    days: z.number().int().min(7).max(3650).default(90),
    now: moment,
  }),
  'study.settings': z.strictObject({
    newPerDay: z.number().int().min(0).max(9999).optional(),
    levelShare: z.number().min(0).max(1).optional(),
  }),
  'review.next': z.strictObject({ now: moment }),
  'review.answer': z.strictObject({
    card: rowId,
    rating: z.enum(RATINGS),
    now: moment,
    /** How long the card was on screen (for the statistics). */
    durationMs: z.number().int().min(0).max(86_400_000).optional(),
  }),
  'review.undo': z.strictObject({}),
  'review.counts': z.strictObject({ now: moment }),
} as const

export interface StudyResults {
  'vocab.save': VocabWord
  'vocab.list': { words: VocabWord[]; total: number }
  'vocab.get': VocabWord
  'vocab.update': VocabWord
  'vocab.delete': { deleted: boolean }
  'vocab.deleteSentence': { deleted: boolean }
  'vocab.status': { lemma: string; status: WordStatus; words: number }
  'vocab.export': AnkiExport
  'study.articleWords': ArticleWords
  'study.markKnown': { marked: number }
  'study.difficulty': Difficulty
  'study.reading': { seconds: number }
  'study.stats': StudyStats
  'study.settings': StudySettings
  'review.next': { card: StudyCard | null; counts: ReviewCounts }
  'review.answer': ReviewOutcome
  'review.undo': { card: number; lemma: string }
  'review.counts': ReviewCounts
}

export interface StudyEvents {
  /** Saved words, statuses or reviews changed (the navigation's due count, the reader's tints). */
  'study.changed': { reason: 'save' | 'status' | 'review' | 'delete' | 'difficulty' }
  /** Progress of the background difficulty pass (articles done of total). */
  'study.progress': { done: number; total: number }
}
