/** Notes in SQL: Markdown on a highlight, an article, a story or a word, saved by GUID. */
import type { Note, NoteTarget } from '../../../shared/contract/notes'
import { UserError } from '../../../shared/result'
import type { Db } from '../db/open'
import { stmt } from '../db/statements'
import { lexiconKey } from '../lexicon/store'
import { setTags, tagsOf } from './tags'

export interface NoteRow {
  id: number
  guid: string
  highlight_id: number | null
  article_id: number | null
  story_id: number | null
  lemma_key: string | null
  body: string
  created_at: string
  updated_at: string
}

const COLUMNS =
  'id, guid, highlight_id, article_id, story_id, lemma_key, body, created_at, updated_at'

function targetOf(r: NoteRow): NoteTarget {
  if (r.highlight_id !== null) return { kind: 'highlight', id: r.highlight_id }
  if (r.article_id !== null) return { kind: 'article', id: r.article_id }
  if (r.story_id !== null) return { kind: 'story', id: r.story_id }
  return { kind: 'lexicon', lemma: r.lemma_key ?? '' }
}

/** Rows to notes, with their tags (one query for all). */
export function toNotes(db: Db, rows: readonly NoteRow[]): Note[] {
  const tags = tagsOf(
    db,
    'note',
    rows.map((r) => r.id),
  )
  return rows.map((r) => ({
    id: r.id,
    guid: r.guid,
    target: targetOf(r),
    body: r.body,
    tags: tags.get(r.id) ?? [],
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }))
}

export function getNote(db: Db, id: number): Note | null {
  const row = stmt(db, `SELECT ${COLUMNS} FROM notes WHERE id = ?`).get(id) as NoteRow | undefined
  return row ? toNotes(db, [row])[0]! : null
}

export function noteRowByGuid(db: Db, guid: string): NoteRow | null {
  return (
    (stmt(db, `SELECT ${COLUMNS} FROM notes WHERE guid = ?`).get(guid) as NoteRow | undefined) ??
    null
  )
}

/** The notes on these highlights, by highlight id. */
export function notesOfHighlights(db: Db, ids: readonly number[]): Map<number, Note> {
  if (!ids.length) return new Map()
  const rows = db
    .prepare(`SELECT ${COLUMNS} FROM notes WHERE highlight_id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as NoteRow[]
  return new Map(toNotes(db, rows).map((n) => [(n.target as { id: number }).id, n]))
}

/** The notes on an article itself, oldest first. */
export function notesOfArticle(db: Db, articleId: number): Note[] {
  const rows = stmt(
    db,
    `SELECT ${COLUMNS} FROM notes WHERE article_id = ? ORDER BY created_at, id`,
  ).all(articleId) as NoteRow[]
  return toNotes(db, rows)
}

/** The row that a target with one note each (a highlight, a word) already has. */
function singleNoteOf(db: Db, target: NoteTarget): NoteRow | null {
  const row =
    target.kind === 'highlight'
      ? stmt(db, `SELECT ${COLUMNS} FROM notes WHERE highlight_id = ?`).get(target.id)
      : target.kind === 'lexicon'
        ? stmt(db, `SELECT ${COLUMNS} FROM notes WHERE lemma_key = ?`).get(lexiconKey(target.lemma))
        : undefined
  return (row as NoteRow | undefined) ?? null
}

function assertTargetExists(db: Db, target: NoteTarget): void {
  const table = { highlight: 'highlights', article: 'articles', story: 'stories' } as const
  if (target.kind === 'lexicon') return
  const found = stmt(db, `SELECT 1 FROM ${table[target.kind]} WHERE id = ?`).get(target.id)
  if (!found)
    throw new UserError('not_found', `There is no ${target.kind} ${target.id} in the library.`)
}

function sameTarget(a: NoteTarget, b: NoteTarget): boolean {
  if (a.kind !== b.kind) return false
  if (a.kind === 'lexicon')
    return lexiconKey(a.lemma) === lexiconKey((b as { lemma: string }).lemma)
  return a.id === (b as { id: number }).id
}

/**
 * Creates or updates the note with this GUID; an empty text deletes it. Returns the note
 * (null when deleted or never created). Unchanged text does not touch `updated_at`, so a
 * repeated autosave is a no-op. Call inside a transaction.
 */
export function saveNote(
  db: Db,
  input: { guid: string; target: NoteTarget; body: string; tags?: string[] },
  now = new Date().toISOString(),
): Note | null {
  assertTargetExists(db, input.target)
  let row = noteRowByGuid(db, input.guid)
  if (row && !sameTarget(targetOf(row), input.target))
    throw new UserError('invalid_input', 'This note belongs to something else.')
  row ??= singleNoteOf(db, input.target)
  if (!input.body.trim()) {
    if (row) stmt(db, 'DELETE FROM notes WHERE id = ?').run(row.id)
    return null
  }
  let id: number
  if (row) {
    id = row.id
    if (row.body !== input.body)
      stmt(db, 'UPDATE notes SET body = ?, updated_at = ? WHERE id = ?').run(input.body, now, id)
  } else {
    const t = input.target
    id = Number(
      stmt(
        db,
        `INSERT INTO notes (guid, highlight_id, article_id, story_id, lemma_key, body, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        input.guid,
        t.kind === 'highlight' ? t.id : null,
        t.kind === 'article' ? t.id : null,
        t.kind === 'story' ? t.id : null,
        t.kind === 'lexicon' ? lexiconKey(t.lemma) : null,
        input.body,
        now,
        now,
      ).lastInsertRowid,
    )
  }
  if (input.tags) setTags(db, 'note', id, input.tags)
  return getNote(db, id)
}

/** Deletes a note (the user's explicit wish). */
export function deleteNote(db: Db, id: number): boolean {
  return stmt(db, 'DELETE FROM notes WHERE id = ?').run(id).changes > 0
}

/** Keeps a note's earlier text (an import replaced it, or was not taken over it). */
export function keepHistory(db: Db, noteId: number, body: string, reason: string): void {
  stmt(db, 'INSERT INTO note_history (note_id, body, saved_at, reason) VALUES (?, ?, ?, ?)').run(
    noteId,
    body,
    new Date().toISOString(),
    reason,
  )
}

/** The article a note belongs to (directly or through its highlight), if any. */
export function articleOfNote(db: Db, target: NoteTarget): number | null {
  if (target.kind === 'article') return target.id
  if (target.kind !== 'highlight') return null
  return (
    (stmt(db, 'SELECT article_id FROM highlights WHERE id = ?').pluck().get(target.id) as
      number | undefined) ?? null
  )
}
