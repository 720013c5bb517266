/** Filters (outlet, date range, tag, story) as the set of document numbers they allow. */
import type { Db } from '../db/open'
import type { DocTable } from './doctable'
import type { SearchFilters } from './types'

export function hasFilters(f: SearchFilters): boolean {
  return Boolean(f.outlet || f.from || f.to || f.tag || f.story)
}

/** Document numbers allowed by the filters, or null when there are none. */
export function allowedDocs(db: Db, docs: DocTable, f: SearchFilters): Set<number> | null {
  const where: string[] = []
  const args: unknown[] = []
  if (f.outlet) {
    where.push('a.outlet_id = (SELECT id FROM outlets WHERE name = ?)')
    args.push(f.outlet)
  }
  if (f.from) {
    where.push('a.published >= ?')
    args.push(f.from)
  }
  if (f.to) {
    where.push("a.published <= ? || '~'")
    args.push(f.to)
  }
  if (f.tag) {
    where.push(
      'a.id IN (SELECT at.article_id FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE t.name = ?)',
    )
    args.push(f.tag)
  }
  if (f.story) {
    where.push('a.id IN (SELECT article_id FROM story_articles WHERE story_id = ?)')
    args.push(f.story)
  }
  if (where.length === 0) return null
  const ids = db
    .prepare(`SELECT a.id FROM articles a WHERE ${where.join(' AND ')}`)
    .pluck()
    .all(...args) as number[]
  const allowed = new Set<number>()
  for (const id of ids) {
    const docNo = docs.byArticle.get(id)
    if (docNo !== undefined) allowed.add(docNo)
  }
  return allowed
}
