/**
 * Review scheduling with FSRS through ts-fsrs (the implementation Anki's algorithm comes from).
 * Card state lives in `study_cards`; every answer is logged in `study_reviews` with the whole
 * card before it, so an answer can be undone exactly and any card's schedule can be recomputed
 * from its answers alone (`replayCard`).
 */
import {
  createEmptyCard,
  fsrs,
  generatorParameters,
  Rating as FsrsRating,
  type Card,
  type Grade,
} from 'ts-fsrs'
import type { CardKind, Rating, ReviewOutcome } from '../../../shared/study'
import { UserError } from '../../../shared/result'
import type { Db } from '../db/open'
import { stmt } from '../db/statements'
import { STATE_NAMES } from './words'

/** Lesesaal's FSRS parameters: ts-fsrs's defaults (retention 0.9), with interval fuzz as Anki. */
export const FSRS_PARAMETERS = generatorParameters({ enable_fuzz: true })

export const scheduler = fsrs(FSRS_PARAMETERS)

export const GRADES: Record<Rating, Grade> = {
  again: FsrsRating.Again,
  hard: FsrsRating.Hard,
  good: FsrsRating.Good,
  easy: FsrsRating.Easy,
}

export interface CardRow {
  id: number
  word_id: number
  kind: CardKind
  due: number
  stability: number
  difficulty: number
  elapsed_days: number
  scheduled_days: number
  learning_steps: number
  reps: number
  lapses: number
  state: number
  last_review: number | null
  created_at: number
}

/** The ts-fsrs card of a stored row. */
export function toFsrsCard(row: CardRow): Card {
  return {
    due: new Date(row.due),
    stability: row.stability,
    difficulty: row.difficulty,
    elapsed_days: row.elapsed_days,
    scheduled_days: row.scheduled_days,
    learning_steps: row.learning_steps,
    reps: row.reps,
    lapses: row.lapses,
    state: row.state,
    last_review: row.last_review === null ? undefined : new Date(row.last_review),
  }
}

function cardColumns(card: Card) {
  return {
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    last_review: card.last_review ? card.last_review.getTime() : null,
  }
}

/** Adds a card of `kind` to a word, new and due now (no-op when it has one). */
export function createCard(db: Db, wordId: number, kind: CardKind, now: Date): void {
  stmt(
    db,
    `INSERT INTO study_cards (word_id, kind, due, stability, difficulty, elapsed_days, scheduled_days,
       learning_steps, reps, lapses, state, last_review, created_at)
     VALUES (@word, @kind, @due, @stability, @difficulty, @elapsed_days, @scheduled_days,
       @learning_steps, @reps, @lapses, @state, @last_review, @created)
     ON CONFLICT (word_id, kind) DO NOTHING`,
  ).run({ word: wordId, kind, ...cardColumns(createEmptyCard(now)), created: now.getTime() })
}

export function readCard(db: Db, id: number): CardRow | undefined {
  return stmt(db, 'SELECT * FROM study_cards WHERE id = ?').get(id) as CardRow | undefined
}

/** Answers a card: the next schedule from ts-fsrs, stored with a log row. */
export function answerCard(
  db: Db,
  id: number,
  rating: Rating,
  now: Date,
  durationMs: number | null,
): ReviewOutcome {
  const row = readCard(db, id)
  if (!row) throw new UserError('not_found', `There is no card ${id}.`)
  if (row.last_review !== null && now.getTime() < row.last_review)
    throw new UserError('invalid_input', 'An answer cannot come before the card was last answered.')
  const before = toFsrsCard(row)
  const { card } = scheduler.next(before, now, GRADES[rating])
  const cols = cardColumns(card)
  db.transaction(() => {
    stmt(
      db,
      `UPDATE study_cards SET due = @due, stability = @stability, difficulty = @difficulty,
         elapsed_days = @elapsed_days, scheduled_days = @scheduled_days,
         learning_steps = @learning_steps, reps = @reps, lapses = @lapses, state = @state,
         last_review = @last_review WHERE id = @id`,
    ).run({ ...cols, id })
    stmt(
      db,
      `INSERT INTO study_reviews (card_id, kind, rating, reviewed_at, duration_ms, state, before,
         next_state, next_due, stability, difficulty)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      row.kind,
      GRADES[rating],
      now.getTime(),
      durationMs,
      row.state,
      JSON.stringify(cardColumns(before)),
      card.state,
      cols.due,
      card.stability,
      card.difficulty,
    )
  })()
  return outcome(id, rating, card)
}

export function outcome(id: number, rating: Rating, card: Card): ReviewOutcome {
  return {
    card: id,
    rating,
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    state: STATE_NAMES[card.state] ?? 'new',
    reps: card.reps,
    lapses: card.lapses,
    scheduledDays: card.scheduled_days,
  }
}

/** Undoes the latest answer: the card gets back exactly the state it had before. */
export function undoLastAnswer(db: Db): { cardId: number; wordId: number } {
  const last = stmt(
    db,
    'SELECT id, card_id, before FROM study_reviews WHERE card_id IS NOT NULL ORDER BY id DESC LIMIT 1',
  ).get() as { id: number; card_id: number; before: string } | undefined
  if (!last) throw new UserError('not_found', 'There is no answer to undo.')
  const before = JSON.parse(last.before) as ReturnType<typeof cardColumns>
  db.transaction(() => {
    stmt(
      db,
      `UPDATE study_cards SET due = @due, stability = @stability, difficulty = @difficulty,
         elapsed_days = @elapsed_days, scheduled_days = @scheduled_days,
         learning_steps = @learning_steps, reps = @reps, lapses = @lapses, state = @state,
         last_review = @last_review WHERE id = @id`,
    ).run({ ...before, id: last.card_id })
    stmt(db, 'DELETE FROM study_reviews WHERE id = ?').run(last.id)
  })()
  const wordId = stmt(db, 'SELECT word_id FROM study_cards WHERE id = ?')
    .pluck()
    .get(last.card_id) as number
  return { cardId: last.card_id, wordId }
}

/**
 * A card's schedule recomputed from its logged answers alone (from a new card created at
 * `created_at`): what the stored state must equal.
 */
export function replayCard(db: Db, id: number): Card {
  const row = readCard(db, id)
  if (!row) throw new UserError('not_found', `There is no card ${id}.`)
  const answers = stmt(
    db,
    'SELECT rating, reviewed_at FROM study_reviews WHERE card_id = ? ORDER BY id',
  ).all(id) as { rating: Grade; reviewed_at: number }[]
  let card = createEmptyCard(new Date(row.created_at))
  for (const a of answers) card = scheduler.next(card, new Date(a.reviewed_at), a.rating).card
  return card
}
