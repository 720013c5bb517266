/**
 * Saved words and statuses in SQL. A word is a lemma (its lower-cased text, as the lexicon keys
 * it) with part of speech and gender, so "der Band" and "die Band" are two words and a saved
 * word survives a dictionary re-import. Statuses are kept per lemma text for tinting and
 * difficulty: when one lemma text has several words, the least known one counts.
 */
import { GENDER_ARTICLE, type Gender } from '../../../shared/types'
import {
  WORD_STATUSES,
  type CardKind,
  type CardState,
  type SavedSentence,
  type VocabWord,
  type WordStatus,
} from '../../../shared/study'
import type { Db } from '../db/open'
import { stmt } from '../db/statements'

export const NEW = 0
export const LEARNING_1 = 1
export const KNOWN = 5
export const IGNORED = 6

/** The stored number of a status (0 new, 1–4 learning, 5 known, 6 ignored). */
export function statusCode(status: WordStatus): number {
  return WORD_STATUSES.indexOf(status)
}

export function statusName(code: number): WordStatus {
  return WORD_STATUSES[code] ?? 'new'
}

export interface WordRow {
  id: number
  key: string
  lemma: string
  pos: string
  gender: string
  plural: string | null
  gloss: string | null
  status: number
  saved_at: string | null
  created_at: string
  updated_at: string
}

export interface WordFacts {
  key: string
  lemma: string
  pos: string
  gender: Gender | null
  plural: string | null
  gloss: string | null
}

export const STATE_NAMES: CardState[] = ['new', 'learning', 'review', 'relearning']

/** The word with this lemma text, part of speech and gender, or its status-only row. */
function findForSave(db: Db, facts: WordFacts): WordRow | undefined {
  return (stmt(
    db,
    `SELECT * FROM study_words WHERE key = @key AND ((pos = @pos AND gender = @gender) OR (pos = '' AND gender = ''))
     ORDER BY pos = '' LIMIT 1`,
  ).get({ key: facts.key, pos: facts.pos, gender: facts.gender ?? '' }) ?? undefined) as
    WordRow | undefined
}

/**
 * Saves a word as vocabulary: a new one starts as learning 1, a word that was new or ignored
 * becomes learning 1, a known word stays known. Returns its id. Call inside a transaction.
 */
export function saveWord(db: Db, facts: WordFacts, now: Date): number {
  const iso = now.toISOString()
  const row = findForSave(db, facts)
  if (!row) {
    const id = Number(
      stmt(
        db,
        `INSERT INTO study_words (key, lemma, pos, gender, plural, gloss, status, saved_at, created_at, updated_at)
         VALUES (@key, @lemma, @pos, @gender, @plural, @gloss, ${LEARNING_1}, @now, @now, @now)`,
      ).run({ ...facts, gender: facts.gender ?? '', now: iso }).lastInsertRowid,
    )
    logStatus(db, facts.key, NEW, LEARNING_1, now)
    return id
  }
  const status = row.status === NEW || row.status === IGNORED ? LEARNING_1 : row.status
  stmt(
    db,
    `UPDATE study_words SET lemma = @lemma, pos = @pos, gender = @gender,
       plural = coalesce(plural, @plural), gloss = coalesce(gloss, @gloss), status = @status,
       saved_at = coalesce(saved_at, @now), updated_at = @now WHERE id = @id`,
  ).run({ ...facts, gender: facts.gender ?? '', status, now: iso, id: row.id })
  if (status !== row.status) logStatus(db, row.key, row.status, status, now)
  return row.id
}

export interface SentenceInput {
  form: string
  formStart: number
  text: string
  articleId: number | null
  paragraph: number | null
  start: number | null
}

/** Keeps a sentence with a word (once: the same sentence again only refreshes nothing). */
export function addSentence(db: Db, wordId: number, s: SentenceInput, now: Date): void {
  const meta = s.articleId
    ? ((stmt(
        db,
        'SELECT a.title, (SELECT name FROM outlets WHERE id = a.outlet_id) AS outlet, a.published FROM articles a WHERE a.id = ?',
      ).get(s.articleId) as
        { title: string; outlet: string | null; published: string | null } | undefined) ?? null)
    : null
  stmt(
    db,
    `INSERT INTO study_sentences (word_id, form, form_start, text, article_id, paragraph, start, title, outlet, published, created_at)
     VALUES (@wordId, @form, @formStart, @text, @articleId, @paragraph, @start, @title, @outlet, @published, @now)
     ON CONFLICT (word_id, text) DO NOTHING`,
  ).run({
    wordId,
    ...s,
    articleId: meta ? s.articleId : null,
    title: meta?.title ?? null,
    outlet: meta?.outlet ?? null,
    published: meta?.published ?? null,
    now: now.toISOString(),
  })
}

/** Records a status change (for "words known over time"). */
export function logStatus(db: Db, key: string, from: number, to: number, now: Date): void {
  if (from === to) return
  stmt(db, 'INSERT INTO study_status_log (key, old, new, at) VALUES (?, ?, ?, ?)').run(
    key,
    from,
    to,
    now.getTime(),
  )
}

/**
 * Sets the status of every word with this lemma text (creating a status-only row when there
 * is none). Returns how many words changed. Call inside a transaction.
 */
export function setStatusByKey(
  db: Db,
  key: string,
  lemma: string,
  status: number,
  now: Date,
): number {
  const rows = stmt(db, 'SELECT id, status FROM study_words WHERE key = ?').all(key) as {
    id: number
    status: number
  }[]
  const iso = now.toISOString()
  if (rows.length === 0) {
    stmt(
      db,
      `INSERT INTO study_words (key, lemma, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
    ).run(key, lemma, status, iso, iso)
    logStatus(db, key, NEW, status, now)
    return 1
  }
  let changed = 0
  for (const r of rows) {
    if (r.status === status) continue
    stmt(db, 'UPDATE study_words SET status = ?, updated_at = ? WHERE id = ?').run(
      status,
      iso,
      r.id,
    )
    changed++
  }
  // one log row per lemma text: the least known status before and after
  const before = Math.min(...rows.map((r) => r.status))
  if (changed) logStatus(db, key, before, status, now)
  return changed
}

/** Sets the status of one word. Returns whether it changed. Call inside a transaction. */
export function setStatusById(db: Db, id: number, status: number, now: Date): boolean {
  const row = stmt(db, 'SELECT key, status FROM study_words WHERE id = ?').get(id) as
    { key: string; status: number } | undefined
  if (!row || row.status === status) return false
  stmt(db, 'UPDATE study_words SET status = ?, updated_at = ? WHERE id = ?').run(
    status,
    now.toISOString(),
    id,
  )
  logStatus(db, row.key, row.status, status, now)
  return true
}

/** Every lemma text with a status other than new, with its least known status. */
export function statusesByKey(db: Db): Map<string, number> {
  const map = new Map<string, number>()
  for (const [key, status] of stmt(db, 'SELECT key, min(status) FROM study_words GROUP BY key')
    .raw()
    .iterate() as IterableIterator<[string, number]>)
    map.set(key, status)
  return map
}

interface SentenceRow {
  id: number
  word_id: number
  form: string
  form_start: number
  text: string
  article_id: number | null
  paragraph: number | null
  start: number | null
  title: string | null
  outlet: string | null
  published: string | null
  created_at: string
}

export function sentencesOf(db: Db, wordId: number): SavedSentence[] {
  return (
    stmt(db, 'SELECT * FROM study_sentences WHERE word_id = ? ORDER BY id').all(
      wordId,
    ) as SentenceRow[]
  ).map((r) => ({
    id: r.id,
    text: r.text,
    form: r.form,
    formStart: r.form_start,
    articleId: r.article_id,
    articleTitle: r.title,
    outlet: r.outlet,
    published: r.published,
    paragraph: r.paragraph,
    start: r.start,
    savedAt: r.created_at,
  }))
}

/** A word as the API shows it. */
export function toVocabWord(db: Db, row: WordRow): VocabWord {
  const cards = (
    stmt(db, 'SELECT id, kind, due, state FROM study_cards WHERE word_id = ? ORDER BY id').all(
      row.id,
    ) as { id: number; kind: CardKind; due: number; state: number }[]
  ).map((c) => ({
    id: c.id,
    kind: c.kind,
    due: new Date(c.due).toISOString(),
    state: STATE_NAMES[c.state] ?? 'new',
  }))
  const gender = (row.gender || null) as Gender | null
  const due = cards.length ? cards.reduce((a, c) => (c.due < a ? c.due : a), cards[0]!.due) : null
  const counted = stmt(db, 'SELECT articles FROM study_lemmas WHERE key = ?')
    .pluck()
    .get(row.key) as number | undefined
  const frequency = counted ?? (row.key.includes(' ') ? null : 0)
  return {
    id: row.id,
    lemma: row.lemma,
    pos: row.pos || null,
    gender,
    article: gender ? GENDER_ARTICLE[gender] : null,
    plural: row.plural,
    gloss: row.gloss,
    status: statusName(row.status),
    savedAt: row.saved_at,
    updatedAt: row.updated_at,
    sentences: sentencesOf(db, row.id),
    due,
    cards,
    frequency,
  }
}

export function readWord(db: Db, id: number): WordRow | undefined {
  return stmt(db, 'SELECT * FROM study_words WHERE id = ?').get(id) as WordRow | undefined
}

const SORTS = {
  date: 'coalesce(w.saved_at, w.updated_at) %DIR%, w.id %DIR%',
  status: 'w.status %DIR%, w.key',
  lemma: 'w.key %DIR%',
  frequency: 'coalesce(l.articles, 0) %DIR%, w.key',
  article: `(SELECT min(s.article_id) FROM study_sentences s WHERE s.word_id = w.id) IS NULL,
    (SELECT min(s.article_id) FROM study_sentences s WHERE s.word_id = w.id) %DIR%, w.key`,
  due: `(SELECT min(c.due) FROM study_cards c WHERE c.word_id = w.id) IS NULL,
    (SELECT min(c.due) FROM study_cards c WHERE c.word_id = w.id) %DIR%, w.key`,
} as const

/** The vocabulary page: words filtered by status, text and article; sorted; paged. */
export function listWords(
  db: Db,
  opts: {
    status: string
    filter: string
    articleId?: number
    sort: keyof typeof SORTS
    order: 'asc' | 'desc'
    offset: number
    limit: number
  },
): { rows: WordRow[]; total: number } {
  const where: string[] = []
  const params: Record<string, unknown> = {}
  if (opts.status === 'saved') where.push('w.saved_at IS NOT NULL')
  else if (opts.status === 'learning') where.push('w.status BETWEEN 1 AND 4')
  else if (opts.status !== 'all') {
    where.push('w.status = @status')
    params.status = statusCode(opts.status as WordStatus)
  }
  const filter = opts.filter.trim().toLowerCase()
  if (filter) {
    where.push(
      `(w.key LIKE @filter ESCAPE '\\' OR w.gloss LIKE @filter ESCAPE '\\' OR EXISTS (SELECT 1 FROM study_sentences s WHERE s.word_id = w.id AND s.form LIKE @filter ESCAPE '\\'))`,
    )
    params.filter = `%${filter.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
  }
  if (opts.articleId !== undefined) {
    where.push(
      'EXISTS (SELECT 1 FROM study_sentences s WHERE s.word_id = w.id AND s.article_id = @article)',
    )
    params.article = opts.articleId
  }
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : ''
  const dir = opts.order === 'asc' ? 'ASC' : 'DESC'
  const total = db
    .prepare(`SELECT count(*) FROM study_words w ${whereSql}`)
    .pluck()
    .get(params) as number
  const rows = db
    .prepare(
      `SELECT w.* FROM study_words w LEFT JOIN study_lemmas l ON l.key = w.key ${whereSql}
       ORDER BY ${SORTS[opts.sort].replaceAll('%DIR%', dir)} LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: opts.limit, offset: opts.offset }) as WordRow[]
  return { rows, total }
}
