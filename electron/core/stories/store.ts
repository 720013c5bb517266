/** Stories in SQL: short repository functions over prepared statements. */
import type { StoryDetail, StorySummary } from '../../../shared/contract/stories'
import { UserError } from '../../../shared/result'
import type { ArticleSummary } from '../../../shared/types'
import type { Db } from '../db/open'
import { stmt } from '../db/statements'

const SUMMARY = `
  SELECT s.id, s.title, s.created_at AS createdAt,
    (SELECT count(*) FROM story_articles sa WHERE sa.story_id = s.id) AS articleCount,
    (SELECT min(a.published) FROM story_articles sa JOIN articles a ON a.id = sa.article_id
      WHERE sa.story_id = s.id) AS first,
    (SELECT max(a.published) FROM story_articles sa JOIN articles a ON a.id = sa.article_id
      WHERE sa.story_id = s.id) AS last,
    (SELECT group_concat(name, char(31)) FROM (SELECT DISTINCT o.name FROM story_articles sa
      JOIN articles a ON a.id = sa.article_id JOIN outlets o ON o.id = a.outlet_id
      WHERE sa.story_id = s.id ORDER BY o.name COLLATE NOCASE)) AS outlets
  FROM stories s`

type SummaryRow = Omit<StorySummary, 'outlets'> & { outlets: string | null }

function summary(row: SummaryRow): StorySummary {
  return { ...row, outlets: row.outlets ? row.outlets.split('\u001f') : [] }
}

/** Every story, newest first. */
export function listStories(db: Db, offset = 0, limit: number | null = null): StorySummary[] {
  const rows = stmt(db, `${SUMMARY} ORDER BY s.created_at DESC, s.id DESC LIMIT ? OFFSET ?`).all(
    limit ?? -1,
    offset,
  ) as SummaryRow[]
  return rows.map(summary)
}

/** The stories an article belongs to. */
export function storiesOfArticle(db: Db, articleId: number): StorySummary[] {
  const rows = stmt(
    db,
    `${SUMMARY} WHERE s.id IN (SELECT story_id FROM story_articles WHERE article_id = ?)
     ORDER BY s.created_at DESC, s.id DESC`,
  ).all(articleId) as SummaryRow[]
  return rows.map(summary)
}

export function storySummary(db: Db, id: number): StorySummary | null {
  const row = stmt(db, `${SUMMARY} WHERE s.id = ?`).get(id) as SummaryRow | undefined
  return row ? summary(row) : null
}

/** A story's articles on its timeline: by publication date (undated last), then import. */
export function storyArticles(db: Db, id: number): ArticleSummary[] {
  return stmt(
    db,
    `SELECT a.id, a.title, a.kicker, o.name AS outlet, a.published, a.author, a.words,
       a.imported_at AS importedAt,
       (SELECT count(*) FROM comments c WHERE c.article_id = a.id) AS commentCount
     FROM story_articles sa JOIN articles a ON a.id = sa.article_id
     LEFT JOIN outlets o ON o.id = a.outlet_id
     WHERE sa.story_id = ?
     ORDER BY a.published IS NULL, a.published, a.imported_at, a.id`,
  ).all(id) as ArticleSummary[]
}

/** The ids of a story's articles, in timeline order. */
export function storyArticleIds(db: Db, id: number): number[] {
  return storyArticles(db, id).map((a) => a.id)
}

/** Throws a user error unless the story exists. */
export function requireStory(db: Db, id: number): void {
  if (!stmt(db, 'SELECT 1 FROM stories WHERE id = ?').get(id))
    throw new UserError('not_found', `There is no story ${id} (see: lesesaal story list).`)
}

/** Throws a user error naming the first id that is not an article of the library. */
export function requireArticles(db: Db, ids: readonly number[]): void {
  const exists = stmt(db, 'SELECT 1 FROM articles WHERE id = ?')
  for (const id of ids)
    if (!exists.get(id))
      throw new UserError('not_found', `There is no article ${id} in the library.`)
}

/** Creates a story with its articles; returns its id. */
export function createStory(db: Db, title: string, articles: readonly number[]): number {
  return db.transaction(() => {
    requireArticles(db, articles)
    const id = Number(
      stmt(db, 'INSERT INTO stories (title, created_at) VALUES (?, ?)').run(
        title,
        new Date().toISOString(),
      ).lastInsertRowid,
    )
    addToStory(db, id, articles)
    return id
  })()
}

export function renameStory(db: Db, id: number, title: string): void {
  requireStory(db, id)
  stmt(db, 'UPDATE stories SET title = ? WHERE id = ?').run(title, id)
}

export function deleteStory(db: Db, id: number): boolean {
  return stmt(db, 'DELETE FROM stories WHERE id = ?').run(id).changes > 0
}

/** Adds articles to a story (those already in it stay as they are). */
export function addToStory(db: Db, id: number, articles: readonly number[]): void {
  db.transaction(() => {
    requireStory(db, id)
    requireArticles(db, articles)
    const add = stmt(
      db,
      'INSERT OR IGNORE INTO story_articles (story_id, article_id) VALUES (?, ?)',
    )
    for (const a of articles) add.run(id, a)
  })()
}

/** Removes articles from a story (the articles stay in the library). */
export function removeFromStory(db: Db, id: number, articles: readonly number[]): void {
  db.transaction(() => {
    requireStory(db, id)
    const remove = stmt(db, 'DELETE FROM story_articles WHERE story_id = ? AND article_id = ?')
    for (const a of articles) remove.run(id, a)
  })()
}

/** A story with its articles (relations are filled in by the caller). */
export function storyDetail(db: Db, id: number): Omit<StoryDetail, 'relations'> {
  const s = storySummary(db, id)
  if (!s) throw new UserError('not_found', `There is no story ${id} (see: lesesaal story list).`)
  return { ...s, articles: storyArticles(db, id) }
}

/** The key a suggestion is dismissed under: its sorted article ids. */
export function suggestionKey(articles: readonly number[]): string {
  return [...articles].sort((a, b) => a - b).join(',')
}

export function dismissSuggestion(db: Db, articles: readonly number[]): void {
  stmt(db, 'INSERT OR REPLACE INTO story_dismissed (articles, dismissed_at) VALUES (?, ?)').run(
    suggestionKey(articles),
    new Date().toISOString(),
  )
}

export function dismissedSuggestions(db: Db): Set<string> {
  return new Set(stmt(db, 'SELECT articles FROM story_dismissed').pluck().all() as string[])
}
