/** The index compared with the articles: what `lesesaal index --check` reports. */
import type { Db } from '../db/open'
import type { IndexStatus } from './types'

export function indexStatus(
  db: Db,
  facts: { analyzer: string; pending: number; deleted: number },
): IndexStatus {
  const articles = db.prepare('SELECT count(*) FROM articles').pluck().get() as number
  const indexed = db.prepare('SELECT count(*) FROM search_docs').pluck().get() as number
  const missing = db
    .prepare(
      'SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM search_docs) ORDER BY id LIMIT 100',
    )
    .pluck()
    .all() as number[]
  const orphaned = db
    .prepare(
      'SELECT article_id FROM search_docs WHERE article_id NOT IN (SELECT id FROM articles) ORDER BY article_id LIMIT 100',
    )
    .pluck()
    .all() as number[]
  return {
    analyzer: facts.analyzer,
    articles,
    indexed,
    pending: facts.pending,
    deleted: facts.deleted,
    consistent: missing.length === 0 && orphaned.length === 0 && facts.pending === 0,
    missing,
    orphaned,
  }
}
