/**
 * The stored text of an article as the search reads it where the index cannot decide: the
 * heading (kicker and title), the body in one piece (paragraphs joined by line breaks, which
 * phrases do not cross), and the reader comments.
 */
import type { Db } from '../db/open'

export class ArticleTexts {
  private readonly sql

  constructor(db: Db) {
    this.sql = {
      article: db.prepare('SELECT title, kicker FROM articles WHERE id = ?'),
      body: db
        .prepare(
          'SELECT group_concat(text, char(10)) FROM (SELECT text FROM paragraphs WHERE article_id = ? ORDER BY position)',
        )
        .pluck(),
      comments: db
        .prepare(
          "SELECT group_concat(coalesce(title, '') || ' ' || text, char(10)) FROM (SELECT title, text FROM comments WHERE article_id = ? ORDER BY position)",
        )
        .pluck(),
    }
  }

  /** Title and kicker, or undefined for an article that is gone. */
  heading(articleId: number): { title: string; kicker: string | null } | undefined {
    return this.sql.article.get(articleId) as { title: string; kicker: string | null } | undefined
  }

  body(articleId: number): string {
    return (this.sql.body.get(articleId) as string | null) ?? ''
  }

  comments(articleId: number): string {
    return (this.sql.comments.get(articleId) as string | null) ?? ''
  }
}
