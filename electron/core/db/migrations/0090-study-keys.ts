import type { Database } from 'better-sqlite3'
import { studyKey } from '../../../../shared/lemmas'

/**
 * Saved words and their status history are keyed as the reader counts them: a dictionary
 * headword with its objects by its verb ("etw. sagen" -> "sagen", `shared/lemmas.ts`), so that
 * a word saved from the popover tints "sagte" and "gesagt" in the reader. A word whose new key
 * another saved word of the same part of speech and gender already has keeps its old one
 * (both stay in the word list; the older keeps its status).
 */
export function up(db: Database): void {
  const rows = db.prepare('SELECT id, key, pos, gender FROM study_words').all() as {
    id: number
    key: string
    pos: string
    gender: string
  }[]
  const taken = db.prepare('SELECT 1 FROM study_words WHERE key = ? AND pos = ? AND gender = ?')
  const rekey = db.prepare('UPDATE study_words SET key = ? WHERE id = ?')
  for (const r of rows) {
    const key = studyKey(r.key)
    if (key !== r.key && !taken.get(key, r.pos, r.gender)) rekey.run(key, r.id)
  }
  const logged = db.prepare('SELECT DISTINCT key FROM study_status_log').pluck().all() as string[]
  const relog = db.prepare('UPDATE study_status_log SET key = ? WHERE key = ?')
  for (const key of logged) if (studyKey(key) !== key) relog.run(studyKey(key), key)
}
