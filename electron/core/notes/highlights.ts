/** Highlights in SQL: created by offsets or quote, listed with notes and tags, re-attached. */
import { randomUUID } from 'node:crypto'
import type { Highlight, HighlightColor, HighlightStatus } from '../../../shared/contract/notes'
import { UserError } from '../../../shared/result'
import type { Db } from '../db/open'
import { stmt } from '../db/statements'
import { loadArticleText } from '../library/text'
import { occurrences, selectorsFor, type TextSelectors } from './anchor'
import { notesOfHighlights, saveNote } from './notes'
import { setTags, tagsOf } from './tags'

export interface HighlightRow {
  id: number
  guid: string
  article_id: number
  exact: string
  prefix: string
  suffix: string
  start_pos: number
  end_pos: number
  color: HighlightColor
  status: HighlightStatus
  quote_before: string | null
  created_at: string
  updated_at: string
}

export const HIGHLIGHT_COLUMNS =
  'h.id, h.guid, h.article_id, h.exact, h.prefix, h.suffix, h.start_pos, h.end_pos, h.color, h.status, h.quote_before, h.created_at, h.updated_at'

/** Rows to highlights with their notes and tags (two queries for all of them). */
export function toHighlights(db: Db, rows: readonly HighlightRow[]): Highlight[] {
  const ids = rows.map((r) => r.id)
  const notes = notesOfHighlights(db, ids)
  const tags = tagsOf(db, 'highlight', ids)
  return rows.map((r) => ({
    id: r.id,
    guid: r.guid,
    article: r.article_id,
    quote: r.exact,
    prefix: r.prefix,
    suffix: r.suffix,
    start: r.start_pos,
    end: r.end_pos,
    color: r.color,
    status: r.status,
    quoteBefore: r.quote_before,
    note: notes.get(r.id) ?? null,
    tags: tags.get(r.id) ?? [],
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }))
}

export function highlightRowsOf(db: Db, articleId: number): HighlightRow[] {
  return stmt(
    db,
    `SELECT ${HIGHLIGHT_COLUMNS} FROM highlights h WHERE h.article_id = ? ORDER BY h.start_pos, h.id`,
  ).all(articleId) as HighlightRow[]
}

/** An article's highlights in text order (orphans by their last position). */
export function highlightsOf(db: Db, articleId: number): Highlight[] {
  return toHighlights(db, highlightRowsOf(db, articleId))
}

export function getHighlight(db: Db, id: number): Highlight | null {
  const row = stmt(db, `SELECT ${HIGHLIGHT_COLUMNS} FROM highlights h WHERE h.id = ?`).get(id) as
    HighlightRow | undefined
  return row ? toHighlights(db, [row])[0]! : null
}

function mustGet(db: Db, id: number): Highlight {
  const h = getHighlight(db, id)
  if (!h) throw new UserError('not_found', `There is no highlight ${id} in the library.`)
  return h
}

/** Where to put a highlight: offsets checked against the text, or a quote found in it. */
export type Placement = { start: number; end: number } | { quote: string; occurrence?: number }

/** Resolves a placement to offsets in `text`; one clear sentence when it cannot. */
export function place(text: string, p: Placement): { start: number; end: number } {
  if ('quote' in p) {
    const found = occurrences(text, p.quote)
    if (!found.length)
      throw new UserError('not_found', 'The quote does not occur in the article (as written).')
    if (p.occurrence === undefined && found.length > 1)
      throw new UserError(
        'invalid_input',
        `The quote occurs ${found.length} times in the article; say which with --occurrence N (1 to ${found.length}).`,
      )
    const n = p.occurrence ?? 1
    if (n > found.length)
      throw new UserError(
        'invalid_input',
        `The quote occurs only ${found.length} time${found.length === 1 ? '' : 's'} in the article.`,
      )
    return { start: found[n - 1]!, end: found[n - 1]! + p.quote.length }
  }
  let { start, end } = p
  if (end > text.length || start >= end)
    throw new UserError(
      'invalid_input',
      `The range ${start}–${end} is not inside the article text (0–${text.length}).`,
    )
  while (start < end && /\s/.test(text[start]!)) start++
  while (end > start && /\s/.test(text[end - 1]!)) end--
  if (start === end) throw new UserError('invalid_input', 'A highlight needs some words.')
  return { start, end }
}

function articleTextOrThrow(db: Db, articleId: number): string {
  if (!stmt(db, 'SELECT 1 FROM articles WHERE id = ?').get(articleId))
    throw new UserError('not_found', `There is no article ${articleId} in the library.`)
  return loadArticleText(db, articleId)
}

/** Creates a highlight (with its note and tags). Call inside a transaction. */
export function createHighlight(
  db: Db,
  input: {
    article: number
    placement: Placement
    color: HighlightColor
    note?: string
    tags: string[]
    guid?: string
  },
): Highlight {
  const text = articleTextOrThrow(db, input.article)
  const { start, end } = place(text, input.placement)
  const s = selectorsFor(text, start, end)
  const now = new Date().toISOString()
  const guid = input.guid ?? randomUUID()
  if (stmt(db, 'SELECT 1 FROM highlights WHERE guid = ?').get(guid))
    throw new UserError('invalid_input', `A highlight with the id ${guid} exists already.`)
  const id = Number(
    stmt(
      db,
      `INSERT INTO highlights (guid, article_id, exact, prefix, suffix, start_pos, end_pos, color, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'anchored', ?, ?)`,
    ).run(guid, input.article, s.exact, s.prefix, s.suffix, s.start, s.end, input.color, now, now)
      .lastInsertRowid,
  )
  if (input.tags.length) setTags(db, 'highlight', id, input.tags)
  if (input.note?.trim())
    saveNote(db, { guid: randomUUID(), target: { kind: 'highlight', id }, body: input.note }, now)
  return mustGet(db, id)
}

/** Changes a highlight's colour or tags. */
export function updateHighlight(
  db: Db,
  id: number,
  change: { color?: HighlightColor; tags?: string[] },
): Highlight {
  mustGet(db, id)
  if (change.color)
    stmt(db, 'UPDATE highlights SET color = ?, updated_at = ? WHERE id = ?').run(
      change.color,
      new Date().toISOString(),
      id,
    )
  if (change.tags) setTags(db, 'highlight', id, change.tags)
  return mustGet(db, id)
}

/** Deletes a highlight and its note (the user's explicit wish). */
export function deleteHighlight(db: Db, id: number): { deleted: boolean; article: number | null } {
  const article = stmt(db, 'SELECT article_id FROM highlights WHERE id = ?').pluck().get(id) as
    number | undefined
  const deleted = stmt(db, 'DELETE FROM highlights WHERE id = ?').run(id).changes > 0
  return { deleted, article: article ?? null }
}

/** Puts a highlight (an orphan, usually) on new words of the current text, by the user's choice. */
export function attachHighlight(db: Db, id: number, placement: Placement): Highlight {
  const h = mustGet(db, id)
  const text = loadArticleText(db, h.article)
  const { start, end } = place(text, placement)
  const s = selectorsFor(text, start, end)
  storeAnchoring(db, id, 'anchored', s, s.exact !== h.quote ? (h.quoteBefore ?? h.quote) : null)
  return mustGet(db, id)
}

/**
 * Writes the outcome of (re-)anchoring. `quoteBefore` null keeps what was there.
 * `updated_at` stays: it is the time of the user's last change (imports compare it).
 */
export function storeAnchoring(
  db: Db,
  id: number,
  status: HighlightStatus,
  s: TextSelectors,
  quoteBefore: string | null,
): void {
  stmt(
    db,
    `UPDATE highlights SET status = ?, exact = ?, prefix = ?, suffix = ?, start_pos = ?, end_pos = ?,
       quote_before = coalesce(?, quote_before) WHERE id = ?`,
  ).run(status, s.exact, s.prefix, s.suffix, s.start, s.end, quoteBefore, id)
}
