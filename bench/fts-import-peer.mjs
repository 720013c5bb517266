/**
 * The peer of the plain-text import benchmark: a plain SQLite + FTS5 import of the same
 * folder, as a minimal program would write it (no extraction, no German analysis, no
 * near-duplicates): each file read, its first line taken as the title and the rest as
 * paragraphs, stored with its bytes and a SHA-256, and indexed by FTS5's unicode61 tokenizer;
 * 1,000 files to a transaction. Usage: node bench/fts-import-peer.mjs FOLDER LIBRARY
 */
import Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const [folder, library] = process.argv.slice(2)
const db = new Database(library)
db.pragma('journal_mode = WAL')
db.pragma('synchronous = NORMAL')
db.exec(`CREATE TABLE articles (id INTEGER PRIMARY KEY, title TEXT, hash TEXT UNIQUE, raw BLOB);
  CREATE TABLE paragraphs (article_id INTEGER, position INTEGER, text TEXT,
    PRIMARY KEY (article_id, position));
  CREATE VIRTUAL TABLE fts USING fts5(title, text, tokenize = 'unicode61 remove_diacritics 2');`)
const article = db.prepare('INSERT OR IGNORE INTO articles (title, hash, raw) VALUES (?, ?, ?)')
const paragraph = db.prepare('INSERT INTO paragraphs VALUES (?, ?, ?)')
const indexed = db.prepare('INSERT INTO fts (rowid, title, text) VALUES (?, ?, ?)')
const store = db.transaction((files) => {
  let stored = 0
  for (const raw of files) {
    const lines = raw
      .toString('utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
    const title = lines.shift() ?? ''
    const hash = createHash('sha256').update(raw).digest('hex')
    const { changes, lastInsertRowid } = article.run(title, hash, raw)
    if (!changes) continue
    const id = Number(lastInsertRowid)
    lines.forEach((text, i) => paragraph.run(id, i, text))
    indexed.run(id, title, lines.join('\n'))
    stored++
  }
  return stored
})
let chunk = []
let stored = 0
for (const name of readdirSync(folder).sort()) {
  chunk.push(readFileSync(join(folder, name)))
  if (chunk.length === 1000) {
    stored += store(chunk)
    chunk = []
  }
}
stored += store(chunk)
process.stdout.write(`${JSON.stringify({ stored })}\n`)
