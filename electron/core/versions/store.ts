/** Article versions in SQL: earlier texts kept whole, listed, read back. */
import type { ArticleVersionText } from '../../../shared/contract/versions'
import type { Db } from '../db/open'
import { stmt } from '../db/statements'

export interface VersionRow {
  id: number
  version: number
  title: string
  words: number
  content_hash: string
  imported_at: string
  replaced_at: string
  reason: 'update' | 'reextract'
}

/** The number of the article's current text: one more than the last one kept. */
export function currentVersion(db: Db, articleId: number): number {
  const last = stmt(db, 'SELECT max(version) FROM article_versions WHERE article_id = ?')
    .pluck()
    .get(articleId) as number | null
  return (last ?? 0) + 1
}

/** The earlier texts of an article, oldest first. */
export function versionRows(db: Db, articleId: number): VersionRow[] {
  return stmt(
    db,
    `SELECT id, version, title, words, content_hash, imported_at, replaced_at, reason
     FROM article_versions WHERE article_id = ? ORDER BY version`,
  ).all(articleId) as VersionRow[]
}

/** When the article's current text came in: when it replaced the one before, or its import. */
export function currentTextSince(db: Db, articleId: number): string | null {
  return (
    (stmt(
      db,
      `SELECT coalesce((SELECT max(replaced_at) FROM article_versions WHERE article_id = a.id), a.imported_at)
       FROM articles a WHERE a.id = ?`,
    )
      .pluck()
      .get(articleId) as string | undefined) ?? null
  )
}

/** The paragraphs (and which are subheadings) of an earlier version. */
export function versionParagraphs(
  db: Db,
  versionId: number,
): { paragraphs: string[]; headings: number[] } {
  const rows = stmt(
    db,
    'SELECT kind, text FROM article_version_paragraphs WHERE version_id = ? ORDER BY position',
  ).all(versionId) as { kind: 'p' | 'h'; text: string }[]
  return {
    paragraphs: rows.map((r) => r.text),
    headings: rows.flatMap((r, i) => (r.kind === 'h' ? [i] : [])),
  }
}

/** One earlier text, or null. */
export function readVersion(
  db: Db,
  articleId: number,
  version: number,
): (ArticleVersionText & { id: number }) | null {
  const row = stmt(
    db,
    `SELECT id, version, title, kicker, published, author, url, imported_at AS importedAt
     FROM article_versions WHERE article_id = ? AND version = ?`,
  ).get(articleId, version) as
    | (Omit<ArticleVersionText, 'paragraphs' | 'headings'> & {
        id: number
      })
    | undefined
  return row ? { ...row, ...versionParagraphs(db, row.id) } : null
}

/** The article that once had this text as an earlier version (same content hash), if any. */
export function articleWithEarlierText(db: Db, hash: string): number | null {
  return (
    (stmt(db, 'SELECT article_id FROM article_versions WHERE content_hash = ? LIMIT 1')
      .pluck()
      .get(hash) as number | undefined) ?? null
  )
}

/**
 * The article saved from this URL, if the library has one. The address is compared without
 * its #fragment and trailing slash, since pages are saved with and without them.
 */
export function articleWithUrl(db: Db, url: string): number | null {
  let base: string
  try {
    const u = new URL(url)
    u.hash = ''
    base = u.toString().replace(/\/+$/, '')
  } catch {
    return null
  }
  const variants = [...new Set([url, base, `${base}/`])]
  return (
    (db
      .prepare(
        `SELECT id FROM articles WHERE url IN (SELECT value FROM json_each(?))
         ORDER BY id LIMIT 1`,
      )
      .pluck()
      .get(JSON.stringify(variants)) as number | undefined) ?? null
  )
}
