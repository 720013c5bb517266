/**
 * The lexicon's word notes are notes like any other (one per lemma, `notes.lemma_key`): the
 * popover's note field writes here, so word notes are searchable, taggable and exported.
 * Kept free of lexicon imports, so the lexicon room can call it without a cycle.
 */
import { randomUUID } from 'node:crypto'
import type { Db } from '../db/open'
import { stmt } from '../db/statements'

/** Saves the note on a word (by its lexicon key); an empty text deletes it. */
export function saveLexiconNote(db: Db, key: string, text: string): void {
  const body = text.trim()
  if (!body) {
    stmt(db, 'DELETE FROM notes WHERE lemma_key = ?').run(key)
    return
  }
  const now = new Date().toISOString()
  stmt(
    db,
    `INSERT INTO notes (guid, lemma_key, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(lemma_key) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at
     WHERE body <> excluded.body`,
  ).run(randomUUID(), key, body, now, now)
}
