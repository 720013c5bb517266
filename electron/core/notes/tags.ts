/** Tags on articles, highlights and notes: one tag table (migration 10), three link tables. */
import type { Db } from '../db/open'
import { stmt } from '../db/statements'

type Owner = 'article' | 'highlight' | 'note'

const LINK: Record<Owner, { table: string; column: string }> = {
  article: { table: 'article_tags', column: 'article_id' },
  highlight: { table: 'highlight_tags', column: 'highlight_id' },
  note: { table: 'note_tags', column: 'note_id' },
}

/** Tag names as the user typed them, trimmed, without duplicates (case aside). */
export function cleanTags(names: readonly string[]): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const raw of names) {
    const name = raw.trim().replace(/\s+/g, ' ')
    if (name && !seen.has(name.toLowerCase())) {
      seen.add(name.toLowerCase())
      out.push(name)
    }
  }
  return out
}

function tagId(db: Db, name: string): number {
  const id = stmt(db, 'SELECT id FROM tags WHERE name = ?').pluck().get(name) as number | undefined
  return id ?? Number(stmt(db, 'INSERT INTO tags (name) VALUES (?)').run(name).lastInsertRowid)
}

/** Replaces the tags of one article, highlight or note. Call inside a transaction. */
export function setTags(db: Db, owner: Owner, id: number, names: readonly string[]): string[] {
  const { table, column } = LINK[owner]
  stmt(db, `DELETE FROM ${table} WHERE ${column} = ?`).run(id)
  const tags = cleanTags(names)
  const link = stmt(db, `INSERT OR IGNORE INTO ${table} (${column}, tag_id) VALUES (?, ?)`)
  for (const name of tags) link.run(id, tagId(db, name))
  dropUnusedTags(db)
  return tagsOf(db, owner, [id]).get(id) ?? []
}

/** Tags nobody uses any more are removed, so lists of tags stay short. */
function dropUnusedTags(db: Db): void {
  stmt(
    db,
    `DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM article_tags)
       AND id NOT IN (SELECT tag_id FROM highlight_tags) AND id NOT IN (SELECT tag_id FROM note_tags)`,
  ).run()
}

/** The tags of many owners at once, sorted by name. */
export function tagsOf(db: Db, owner: Owner, ids: readonly number[]): Map<number, string[]> {
  const out = new Map<number, string[]>()
  if (!ids.length) return out
  const { table, column } = LINK[owner]
  const rows = db
    .prepare(
      `SELECT l.${column} AS id, t.name FROM ${table} l JOIN tags t ON t.id = l.tag_id
       WHERE l.${column} IN (SELECT value FROM json_each(?)) ORDER BY t.name COLLATE NOCASE`,
    )
    .all(JSON.stringify(ids)) as { id: number; name: string }[]
  for (const r of rows) {
    const list = out.get(r.id)
    if (list) list.push(r.name)
    else out.set(r.id, [r.name])
  }
  return out
}

/** Every tag with how often it is used. */
export function listTags(
  db: Db,
): { name: string; articles: number; highlights: number; notes: number }[] {
  return db
    .prepare(
      `SELECT t.name,
         (SELECT count(*) FROM article_tags x WHERE x.tag_id = t.id) AS articles,
         (SELECT count(*) FROM highlight_tags x WHERE x.tag_id = t.id) AS highlights,
         (SELECT count(*) FROM note_tags x WHERE x.tag_id = t.id) AS notes
       FROM tags t ORDER BY t.name COLLATE NOCASE`,
    )
    .all() as { name: string; articles: number; highlights: number; notes: number }[]
}
