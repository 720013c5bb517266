/** Builds the two libraries the benchmark compares: Lesesaal's and a SQLite FTS5 peer. */
import { statSync } from 'node:fs'
import { createCore } from '../electron/core'
import { openLibrary, type Db } from '../electron/core/db/open'
import { contentHash } from '../electron/core/import/pipeline'
import { insertArticle } from '../electron/core/library/articles'
import type { BenchArticle } from './corpus'

const BATCH = 1000

/** The library row of a benchmark article. */
export function articleRow(a: BenchArticle) {
  return {
    title: a.title,
    kicker: null,
    outlet: null,
    published: a.published,
    author: null,
    dateline: null,
    url: null,
    paragraphs: a.paragraphs,
    headings: [],
    comments: [],
    words: a.paragraphs.join(' ').split(/\s+/).length,
    hash: contentHash([a.id, ...a.paragraphs]),
    sourceKind: 'paste' as const,
    sourceName: a.id,
    raw: new Uint8Array(0),
    rawEncoding: 'utf-8',
    extractorVersion: 1,
  }
}

export interface BuildFigures {
  /** Articles stored and indexed per second. */
  importPerSecond: number
  importSeconds: number
  /** Seconds to build the whole index again from the stored articles. */
  indexBuildSeconds: number
  fileBytes: number
}

function fileSize(path: string): number {
  let size = statSync(path).size
  for (const ext of ['-wal', '-shm']) {
    try {
      size += statSync(path + ext).size
    } catch {
      // no such file
    }
  }
  return size
}

/** Lesesaal: articles through the library, the search index drained per batch. */
export async function buildLesesaal(path: string, articles: BenchArticle[]): Promise<BuildFigures> {
  const core = createCore({ libraryPath: path })
  await core.search.ready()
  const t0 = performance.now()
  for (let i = 0; i < articles.length; i += BATCH) {
    const batch = articles.slice(i, i + BATCH)
    core.db.transaction(() => {
      for (const a of batch) insertArticle(core.db, articleRow(a))
    })()
    core.search.drain({ flush: false })
  }
  core.search.drain()
  const importSeconds = (performance.now() - t0) / 1000
  const t1 = performance.now()
  await core.search.rebuild()
  const indexBuildSeconds = (performance.now() - t1) / 1000
  core.db.pragma('wal_checkpoint(TRUNCATE)')
  core.db.exec('VACUUM')
  core.close()
  return {
    importPerSecond: articles.length / importSeconds,
    importSeconds,
    indexBuildSeconds,
    fileBytes: fileSize(path),
  }
}

/** The FTS5 peer: the same library schema and rows, with an FTS5 index instead of Lesesaal's. */
export function buildFts5(path: string, articles: BenchArticle[]): BuildFigures {
  const db: Db = openLibrary(path)
  // the same tables, without Lesesaal's search journal
  for (const t of db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    .pluck()
    .all() as string[])
    db.exec(`DROP TRIGGER ${t}`)
  db.exec(
    "CREATE VIRTUAL TABLE fts USING fts5(title, body, content='', tokenize='unicode61 remove_diacritics 2')",
  )
  const ftsInsert = db.prepare('INSERT INTO fts (rowid, title, body) VALUES (?, ?, ?)')
  const t0 = performance.now()
  for (let i = 0; i < articles.length; i += BATCH) {
    const batch = articles.slice(i, i + BATCH)
    db.transaction(() => {
      for (const a of batch) {
        const id = insertArticle(db, articleRow(a))
        ftsInsert.run(id, a.title, a.paragraphs.join('\n'))
      }
    })()
  }
  db.exec("INSERT INTO fts(fts) VALUES('optimize')")
  const importSeconds = (performance.now() - t0) / 1000
  // index build: the same index again from the stored articles
  const t1 = performance.now()
  db.exec("INSERT INTO fts(fts) VALUES('delete-all')")
  const page = db.prepare(
    'SELECT a.id, a.title, (SELECT group_concat(text, char(10)) FROM paragraphs p WHERE p.article_id = a.id) AS body FROM articles a WHERE a.id > ? ORDER BY a.id LIMIT 5000',
  )
  for (let last = 0; ;) {
    const rows = page.all(last) as { id: number; title: string; body: string }[]
    if (rows.length === 0) break
    db.transaction(() => {
      for (const r of rows) ftsInsert.run(r.id, r.title, r.body)
    })()
    last = rows[rows.length - 1]!.id
  }
  db.exec("INSERT INTO fts(fts) VALUES('optimize')")
  const indexBuildSeconds = (performance.now() - t1) / 1000
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.exec('VACUUM')
  db.close()
  return {
    importPerSecond: articles.length / importSeconds,
    importSeconds,
    indexBuildSeconds,
    fileBytes: fileSize(path),
  }
}
