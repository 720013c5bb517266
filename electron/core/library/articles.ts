/** Articles in SQL: short repository functions over prepared statements. */
import type { Db } from '../db/open'
import { stmt } from '../db/statements'
import { ARTICLES_TAGGED_SQL } from '../notes/tagged'
import type {
  ArticleDetail,
  ArticleSummary,
  LibrarySort,
  OutletCount,
  ReaderComment,
  SourceKind,
} from '../../../shared/types'

export interface NewArticle {
  title: string
  kicker: string | null
  outlet: string | null
  published: string | null
  author: string | null
  dateline: string | null
  url: string | null
  paragraphs: string[]
  headings: number[]
  comments: ReaderComment[]
  words: number
  hash: string
  sourceKind: SourceKind
  sourceName: string | null
  raw: Uint8Array
  rawEncoding: string | null
  extractorVersion: number
}

const SUMMARY_COLUMNS = `
  a.id, a.title, a.kicker, o.name AS outlet, a.published, a.author, a.words,
  a.imported_at AS importedAt,
  (SELECT count(*) FROM comments c WHERE c.article_id = a.id) AS commentCount`

/** Inserts an article with its paragraphs and comments; returns its id. Call inside a transaction. */
export function insertArticle(db: Db, a: NewArticle): number {
  const outletId = a.outlet ? outletIdFor(db, a.outlet) : null
  const { lastInsertRowid } = stmt(
    db,
    `INSERT INTO articles (title, kicker, outlet_id, published, author, dateline, url, words,
       content_hash, source_kind, source_name, raw, raw_encoding, extractor_version, imported_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    a.title,
    a.kicker,
    outletId,
    a.published,
    a.author,
    a.dateline,
    a.url,
    a.words,
    a.hash,
    a.sourceKind,
    a.sourceName,
    Buffer.from(a.raw),
    a.rawEncoding,
    a.extractorVersion,
    new Date().toISOString(),
  )
  const id = Number(lastInsertRowid)
  const headings = new Set(a.headings)
  const para = stmt(
    db,
    'INSERT INTO paragraphs (article_id, position, kind, text) VALUES (?, ?, ?, ?)',
  )
  a.paragraphs.forEach((text, i) => para.run(id, i, headings.has(i) ? 'h' : 'p', text))
  const comment = stmt(
    db,
    'INSERT INTO comments (article_id, position, author, posted, title, text) VALUES (?, ?, ?, ?, ?, ?)',
  )
  a.comments.forEach((c, i) => comment.run(id, i, c.author, c.posted, c.title, c.text))
  return id
}

/** The id of an outlet by name, created when new. */
export function outletIdFor(db: Db, name: string): number {
  const row = stmt(db, 'SELECT id FROM outlets WHERE name = ?').get(name) as
    { id: number } | undefined
  if (row) return row.id
  return Number(stmt(db, 'INSERT INTO outlets (name) VALUES (?)').run(name).lastInsertRowid)
}

/** The id of the article with this content hash, if the library has it. */
export function findByHash(db: Db, hash: string): number | null {
  const row = stmt(db, 'SELECT id FROM articles WHERE content_hash = ?').get(hash) as
    { id: number } | undefined
  return row?.id ?? null
}

const ORDER: Record<LibrarySort, string> = {
  // undated articles last, whatever the direction
  published: 'a.published IS NULL, a.published %DIR%, a.imported_at %DIR%',
  title: 'a.title COLLATE NOCASE %DIR%',
  outlet: 'o.name IS NULL, o.name COLLATE NOCASE %DIR%, a.published DESC',
  words: 'a.words %DIR%',
  imported: 'a.imported_at %DIR%, a.id %DIR%',
}

/** The library list, sorted and optionally filtered by outlet and tag. */
export function listArticles(
  db: Db,
  opts: { sort: LibrarySort; order: 'asc' | 'desc'; outlet: string | null; tag?: string | null },
): ArticleSummary[] {
  const dir = opts.order === 'asc' ? 'ASC' : 'DESC'
  const where: string[] = []
  const args: unknown[] = []
  if (opts.outlet) {
    where.push('o.name = ?')
    args.push(opts.outlet)
  }
  if (opts.tag) {
    // the article's own tags and those on its highlights and notes (notes room)
    where.push(`a.id IN ${ARTICLES_TAGGED_SQL}`)
    args.push(opts.tag)
  }
  const sql = `SELECT ${SUMMARY_COLUMNS} FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY ${ORDER[opts.sort].replaceAll('%DIR%', dir)}, a.id ${dir}`
  return stmt(db, sql).all(...args) as ArticleSummary[]
}

/** The rows of these articles, in the order of `ids` (ids not in the library are left out). */
export function summariesByIds(db: Db, ids: number[]): ArticleSummary[] {
  if (ids.length === 0) return []
  const rows = stmt(
    db,
    `SELECT ${SUMMARY_COLUMNS} FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id
     WHERE a.id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids)) as ArticleSummary[]
  const byId = new Map(rows.map((r) => [r.id, r]))
  return ids.flatMap((id) => byId.get(id) ?? [])
}

/** Deletes articles (paragraphs, comments and links go with them); returns how many. */
export function deleteArticles(db: Db, ids: number[]): number {
  const del = stmt(db, 'DELETE FROM articles WHERE id = ?')
  let deleted = 0
  for (const id of ids) deleted += del.run(id).changes
  stmt(
    db,
    'DELETE FROM outlets WHERE id NOT IN (SELECT DISTINCT outlet_id FROM articles WHERE outlet_id IS NOT NULL)',
  ).run()
  return deleted
}

/** Outlets with how many articles each has. */
export function listOutlets(db: Db): OutletCount[] {
  return db
    .prepare(
      `SELECT o.name, count(a.id) AS count FROM outlets o JOIN articles a ON a.outlet_id = o.id
       GROUP BY o.id ORDER BY o.name COLLATE NOCASE`,
    )
    .all() as OutletCount[]
}

/** One whole article, or null. */
export function getArticle(db: Db, id: number): ArticleDetail | null {
  const row = db
    .prepare(
      `SELECT ${SUMMARY_COLUMNS}, a.url, a.dateline, a.source_kind AS kind, a.source_name AS name,
         a.raw_encoding AS encoding
       FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id WHERE a.id = ?`,
    )
    .get(id) as
    | (ArticleSummary & {
        url: string | null
        dateline: string | null
        kind: SourceKind
        name: string | null
        encoding: string | null
      })
    | undefined
  if (!row) return null
  const paras = db
    .prepare('SELECT kind, text FROM paragraphs WHERE article_id = ? ORDER BY position')
    .all(id) as { kind: 'p' | 'h'; text: string }[]
  const comments = db
    .prepare(
      'SELECT author, posted, title, text FROM comments WHERE article_id = ? ORDER BY position',
    )
    .all(id) as ReaderComment[]
  const { kind, name, encoding, ...summary } = row
  return {
    ...summary,
    paragraphs: paras.map((p) => p.text),
    headings: paras.flatMap((p, i) => (p.kind === 'h' ? [i] : [])),
    comments,
    source: { kind, name, encoding },
  }
}

/** Deletes an article (paragraphs, comments and links go with it). */
export function deleteArticle(db: Db, id: number): boolean {
  const changed = stmt(db, 'DELETE FROM articles WHERE id = ?').run(id).changes > 0
  stmt(
    db,
    'DELETE FROM outlets WHERE id NOT IN (SELECT DISTINCT outlet_id FROM articles WHERE outlet_id IS NOT NULL)',
  ).run()
  return changed
}

export function countArticles(db: Db): number {
  return (stmt(db, 'SELECT count(*) AS n FROM articles').get() as { n: number }).n
}

export function getSetting(db: Db, key: string): string | null {
  return (
    (stmt(db, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)
      ?.value ?? null
  )
}

export function setSetting(db: Db, key: string, value: string): void {
  stmt(
    db,
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, value)
}
