/**
 * The cards of a saved word and which one comes next. A word gets a recognition card (word →
 * gloss) when it has a gloss, a cloze card (a gap in the learner's own sentence, the gloss as
 * hint) when it has a sentence, and for nouns with a gender a der/die/das + plural card.
 * Known and ignored words are not reviewed. New cards are introduced up to a daily limit, at
 * most one per word a day (its other cards wait for another day, as Anki buries siblings).
 */
import { GENDER_ARTICLE, type Gender } from '../../../shared/types'
import type { CardKind, ReviewCounts, StudyCard } from '../../../shared/study'
import type { Db } from '../db/open'
import { stmt } from '../db/statements'
import { createCard, type CardRow } from './fsrs'
import { logStatus, readWord, sentencesOf, STATE_NAMES } from './words'

/** The kinds of card a word can have now. */
function applicableKinds(db: Db, wordId: number): CardKind[] {
  const w = readWord(db, wordId)
  if (!w) return []
  const kinds: CardKind[] = []
  if (w.gloss) kinds.push('recognition')
  const sentences = stmt(db, 'SELECT count(*) FROM study_sentences WHERE word_id = ?')
    .pluck()
    .get(wordId) as number
  if (sentences > 0) kinds.push('cloze')
  if (w.pos === 'noun' && (w.gender === 'm' || w.gender === 'f' || w.gender === 'n'))
    kinds.push('gender')
  return kinds
}

/**
 * Gives a saved word the cards it can have; removes cards that no longer apply and were never
 * answered (answered ones stay, so their history is not lost). Call inside a transaction.
 */
export function syncCards(db: Db, wordId: number, now: Date): void {
  const saved = stmt(db, 'SELECT saved_at FROM study_words WHERE id = ?').pluck().get(wordId)
  if (!saved) return
  const kinds = applicableKinds(db, wordId)
  for (const kind of kinds) createCard(db, wordId, kind, now)
  stmt(
    db,
    `DELETE FROM study_cards WHERE word_id = ? AND reps = 0 AND kind NOT IN (${kinds.map(() => '?').join(',') || "''"})`,
  ).run(wordId, ...kinds)
}

/** Midnight of the local day of `now`, in milliseconds. */
export function dayStart(now: Date): number {
  const d = new Date(now)
  d.setHours(0, 0, 0, 0)
  return d.getTime()
}

const REVIEWED_CARD = `SELECT c.* FROM study_cards c JOIN study_words w ON w.id = c.word_id
  WHERE c.state > 0 AND c.due <= @now AND w.status <= 4 AND c.kind IN (%KINDS%)
  ORDER BY c.due LIMIT 1`

const NEW_CARD = `SELECT c.* FROM study_cards c JOIN study_words w ON w.id = c.word_id
  WHERE c.state = 0 AND w.status <= 4 AND c.kind IN (%KINDS%)
    AND NOT EXISTS (SELECT 1 FROM study_cards s WHERE s.word_id = c.word_id AND s.last_review >= @day)
  ORDER BY c.id LIMIT 1`

const ALL_KINDS = "'cloze','gender','recognition'"

/** The next card to review: due learning and review cards first, then new ones (limited). */
export function nextCardRow(db: Db, now: Date, newPerDay: number): CardRow | null {
  const due = stmt(db, REVIEWED_CARD.replace('%KINDS%', ALL_KINDS)).get({ now: now.getTime() }) as
    CardRow | undefined
  if (due) return due
  const day = dayStart(now)
  if (newToday(db, day) >= newPerDay) return null
  return (
    (stmt(db, NEW_CARD.replace('%KINDS%', ALL_KINDS)).get({ day }) as CardRow | undefined) ?? null
  )
}

/** New cards answered for the first time today. */
function newToday(db: Db, day: number): number {
  return stmt(db, 'SELECT count(*) FROM study_reviews WHERE reviewed_at >= ? AND state = 0')
    .pluck()
    .get(day) as number
}

export function reviewCounts(db: Db, now: Date, newPerDay: number): ReviewCounts {
  const t = now.getTime()
  const day = dayStart(now)
  const due = stmt(
    db,
    `SELECT count(*) FROM study_cards c JOIN study_words w ON w.id = c.word_id
     WHERE c.state > 0 AND c.due <= ? AND w.status <= 4`,
  )
    .pluck()
    .get(t) as number
  const left = Math.max(0, newPerDay - newToday(db, day))
  // words with a new card that may come today (counted up to what the limit leaves)
  const waiting = stmt(
    db,
    `SELECT count(*) FROM (SELECT DISTINCT c.word_id FROM study_cards c INDEXED BY study_cards_new
       JOIN study_words w ON w.id = c.word_id
     WHERE c.state = 0 AND w.status <= 4
       AND NOT EXISTS (SELECT 1 FROM study_cards s WHERE s.word_id = c.word_id AND s.last_review >= ?)
     LIMIT ?)`,
  )
    .pluck()
    .get(day, left) as number
  const doneToday = stmt(db, 'SELECT count(*) FROM study_reviews WHERE reviewed_at >= ?')
    .pluck()
    .get(day) as number
  const next = stmt(
    db,
    `SELECT min(c.due) FROM study_cards c JOIN study_words w ON w.id = c.word_id
     WHERE c.state > 0 AND c.due > ? AND w.status <= 4`,
  )
    .pluck()
    .get(t) as number | null
  return {
    due,
    fresh: Math.min(waiting, left),
    doneToday,
    nextDue: next === null ? null : new Date(next).toISOString(),
  }
}

const GAP = '[…]'

/** A card as the review screen and `review next` show it. */
export function renderCard(db: Db, row: CardRow): StudyCard {
  const w = readWord(db, row.word_id)!
  const gender = (w.gender || null) as Gender | null
  const article = gender ? GENDER_ARTICLE[gender] : null
  const headword = article && w.pos === 'noun' ? `${article} ${w.lemma}` : w.lemma
  const base = {
    id: row.id,
    kind: row.kind,
    lemma: w.lemma,
    wordId: w.id,
    hint: w.gloss,
    cloze: null,
    noun: null,
    source: null,
    state: STATE_NAMES[row.state] ?? 'new',
    due: new Date(row.due).toISOString(),
  } satisfies Partial<StudyCard>
  if (row.kind === 'cloze') {
    const sentences = sentencesOf(db, w.id)
    // the sentences take turns, so a word is met in each of its contexts
    const s = sentences[row.reps % Math.max(1, sentences.length)]
    if (s) {
      const before = s.text.slice(0, s.formStart)
      const after = s.text.slice(s.formStart + s.form.length)
      return {
        ...base,
        front: `${before}${GAP}${after}${w.gloss ? ` (${w.gloss})` : ''}`,
        back: `${s.text}\n${headword}`,
        cloze: { before, answer: s.form, after },
        source: { articleId: s.articleId, title: s.articleTitle, outlet: s.outlet },
      }
    }
  }
  if (row.kind === 'gender' && article) {
    const plural = w.plural
    return {
      ...base,
      front: `der, die oder das? ${w.lemma}${plural ? ' – und der Plural?' : ''}`,
      back: `${article} ${w.lemma}${plural ? `, die ${plural}` : ''}`,
      noun: { article, lemma: w.lemma, plural },
    }
  }
  return { ...base, kind: row.kind, front: headword, back: w.gloss ?? '' }
}

/**
 * After an answer, a learning word's level follows how well its answered cards are held:
 * stability under 2 days learning 1, under 7 learning 2, under 21 learning 3, else learning 4.
 * Known and ignored words keep their status (the learner decides those).
 */
export function levelAfterReview(db: Db, wordId: number, now: Date): boolean {
  const w = readWord(db, wordId)
  if (!w || w.status > 4) return false
  const weakest = stmt(db, 'SELECT min(stability) FROM study_cards WHERE word_id = ? AND reps > 0')
    .pluck()
    .get(wordId) as number | null
  if (weakest === null) return false
  const level = weakest < 2 ? 1 : weakest < 7 ? 2 : weakest < 21 ? 3 : 4
  if (level === w.status) return false
  stmt(db, 'UPDATE study_words SET status = ?, updated_at = ? WHERE id = ?').run(
    level,
    now.toISOString(),
    wordId,
  )
  logStatus(db, w.key, w.status, level, now)
  return true
}
