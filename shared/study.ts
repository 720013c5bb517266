/**
 * The study room's domain, as both sides see it: saved words with the sentences they were met
 * in, what the learner knows, review cards scheduled by FSRS, progress. Plain data only.
 */
import type { Gender, PartialDate } from './types'

/**
 * What the learner knows of a lemma. A lemma nobody gave a status is `new`; saving a word makes
 * it `learning1`; reviews move it through `learning1`–`learning4`; `known` and `ignored` are
 * the learner's word (names she does not want counted, words she knows).
 */
export const WORD_STATUSES = [
  'new',
  'learning1',
  'learning2',
  'learning3',
  'learning4',
  'known',
  'ignored',
] as const
export type WordStatus = (typeof WORD_STATUSES)[number]

/** The review cards a saved word can have. */
export const CARD_KINDS = ['cloze', 'gender', 'recognition'] as const
export type CardKind = (typeof CARD_KINDS)[number]

/** The four answers of a review, as FSRS and Anki name them. */
export const RATINGS = ['again', 'hard', 'good', 'easy'] as const
export type Rating = (typeof RATINGS)[number]

export type CardState = 'new' | 'learning' | 'review' | 'relearning'

/** One sentence a word was saved with. */
export interface SavedSentence {
  id: number
  /** The sentence as it stands in the article. */
  text: string
  /** The word as it was met there ("Sicherheitsgarantien"), and where it is in `text`. */
  form: string
  formStart: number
  /** The article (null once it was deleted: the sentence is kept). */
  articleId: number | null
  articleTitle: string | null
  outlet: string | null
  published: PartialDate | null
  /** Where the sentence is in the article: paragraph position (-1: the title) and offset. */
  paragraph: number | null
  start: number | null
  savedAt: string
}

/** A saved word (or a lemma with a status), as the vocabulary page and `vocab list` show it. */
export interface VocabWord {
  id: number
  lemma: string
  /** Part of speech as the lexicon names it (noun, verb, …), or null when not known. */
  pos: string | null
  gender: Gender | null
  /** "der", "die", "das" for nouns with a gender. */
  article: string | null
  plural: string | null
  gloss: string | null
  status: WordStatus
  /** When it was saved as vocabulary (null: only a status was given, e.g. "all known"). */
  savedAt: string | null
  updatedAt: string
  sentences: SavedSentence[]
  /** The earliest due date of its cards (ISO), or null without cards. */
  due: string | null
  cards: { id: number; kind: CardKind; due: string; state: CardState }[]
  /**
   * In how many articles of the library the lemma occurs (from the difficulty pass); null for
   * a phrase ("in Kraft treten"), since that pass counts single words.
   */
  frequency: number | null
}

/** A review card as `review next` gives it. */
export interface StudyCard {
  id: number
  kind: CardKind
  /** The question and the answer as plain text (the CLI prints these). */
  front: string
  back: string
  lemma: string
  wordId: number
  /** The English gloss, shown as a hint on cloze cards. */
  hint: string | null
  /** Cloze cards: the sentence around the gap and the word that fills it. */
  cloze: { before: string; answer: string; after: string } | null
  /** Gender cards: the article and the plural asked for. */
  noun: { article: string; lemma: string; plural: string | null } | null
  /** Where the sentence of a cloze card comes from. */
  source: { articleId: number | null; title: string | null; outlet: string | null } | null
  state: CardState
  due: string
}

/** What answering a card did to its schedule. */
export interface ReviewOutcome {
  card: number
  rating: Rating
  due: string
  stability: number
  difficulty: number
  state: CardState
  reps: number
  lapses: number
  scheduledDays: number
}

/** How much there is to review now. */
export interface ReviewCounts {
  /** Cards due now that were seen before (learning and review). */
  due: number
  /** New cards that may still be introduced today (after the daily limit). */
  fresh: number
  /** Reviews answered today. */
  doneToday: number
  /** When the next card that is not due yet falls due (ISO), or null. */
  nextDue: string | null
}

/** Every word of an article with its lemma's status, for tinting the reader. */
export interface ArticleWords {
  articleId: number
  /** Each word as written (names and numbers left out) → its index in `lemmas`. */
  forms: Record<string, number>
  lemmas: { key: string; lemma: string; status: WordStatus }[]
  /** Running words counted (names, numbers and ignored words left out). */
  words: number
  /** Share of the counted running words not known yet (new or learning), 0–1. */
  unknownShare: number
  /** Lemmas of this article nobody gave a status yet (what "all known" would mark). */
  newLemmas: number
}

/**
 * The unknown share of every article (null: not computed yet). Not `active`: the lists are
 * empty, and every article's share is 1 (no word is known yet).
 */
export interface Difficulty {
  ids: number[]
  shares: (number | null)[]
  /** Articles without a share yet. */
  pending: number
  /** Whether the background pass is (or is about to be) updating the shares. */
  computing: boolean
  /** Whether the learner has saved a word or given a status (else the library hides it all). */
  active: boolean
}

export interface StudySettings {
  /** How many new cards the review introduces per day. */
  newPerDay: number
  /** The highest unknown share that still "fits my level" (0–1). */
  levelShare: number
}

/** The figures of the study page's charts. Days are local `YYYY-MM-DD`. */
export interface StudyStats {
  reviewsPerDay: { day: string; again: number; hard: number; good: number; easy: number }[]
  /** Lemmas known and learning at the end of each day. */
  wordsOverTime: { day: string; known: number; learning: number }[]
  /** Share of answers to cards in review that were not "again", per week (Monday). */
  retention: { week: string; reviews: number; retention: number | null }[]
  readingPerWeek: { week: string; seconds: number }[]
  /** Cards falling due on each of the next days (overdue ones count for today). */
  forecast: { day: string; due: number }[]
  totals: {
    saved: number
    known: number
    learning: number
    reviews: number
    readingSeconds: number
  }
}

export interface AnkiExport {
  /** Anki's text import format, UTF-8, one note per line. */
  text: string
  filename: string
  notes: number
}
