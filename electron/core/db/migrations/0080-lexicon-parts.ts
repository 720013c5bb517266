import type { Database } from 'better-sqlite3'

/**
 * How many parts a dictionary line gives after its headwords (inflected forms, examples,
 * phrases: "Zug {m} | Züge {pl} | mit dem Zug fahren | …"), per entry of those headwords. A
 * main sense has many, a rare one few; the glossary ranks a noun's senses by it. 0 for the
 * line's other entries, for the built-in glossary and own terms, and for dictionaries read
 * before it was kept (they are offered to be imported again).
 */
export function up(db: Database): void {
  db.exec('ALTER TABLE lexicon_entries ADD COLUMN parts INTEGER NOT NULL DEFAULT 0')
}
