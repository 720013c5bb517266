/**
 * Filters (outlet, date range, tag, story) as the set of document numbers they allow.
 *
 * Dates may be known only by month or year, or not at all. An article is in a date range
 * when all of its possible days are (April 2019 is "from 1 April 2019" but not "from 20
 * April 2019"); one that may or may not be (April 2019 from 20 April; an undated one) is
 * uncertain: left out unless asked for, and counted so that the user can ask.
 */
import type { Db } from '../db/open'
import { ARTICLES_TAGGED_SQL } from '../notes/tagged'
import type { DocTable } from './doctable'
import type { SearchFilters } from './types'

export function hasFilters(f: SearchFilters): boolean {
  return Boolean(f.outlet || f.from || f.to || f.tag || f.story)
}

/** The first and last day a date (2019, 2019-04, 2019-04-20) may mean, as comparable strings. */
const firstDay = (d: string) => (d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d)
const lastDay = (d: string) => (d.length === 4 ? `${d}-12-31` : d.length === 7 ? `${d}-31` : d)

/** Whether an article's date is in the range: certainly, maybe (partly known, unknown), not. */
export function dateFit(
  published: string | null,
  from: string | null | undefined,
  to: string | null | undefined,
): 'in' | 'maybe' | 'out' {
  if (!from && !to) return 'in'
  if (!published) return 'maybe'
  const first = firstDay(published)
  const last = lastDay(published)
  if ((from && last < firstDay(from)) || (to && first > lastDay(to))) return 'out'
  if ((from && first < firstDay(from)) || (to && last > lastDay(to))) return 'maybe'
  return 'in'
}

/** Document numbers allowed by the filters, or null when there are none. */
export function allowedDocs(db: Db, docs: DocTable, f: SearchFilters): Set<number> | null {
  const where: string[] = []
  const args: unknown[] = []
  if (f.outlet) {
    where.push('a.outlet_id = (SELECT id FROM outlets WHERE name = ?)')
    args.push(f.outlet)
  }
  // a superset by the index (the year), decided per article below
  if (f.from) {
    where.push('(a.published IS NULL OR a.published >= ?)')
    args.push(f.from.slice(0, 4))
  }
  if (f.to) {
    where.push("(a.published IS NULL OR a.published <= ? || '~')")
    args.push(f.to.slice(0, 4))
  }
  if (f.tag) {
    // the article's own tags and those on its highlights and notes (notes room)
    where.push(`a.id IN ${ARTICLES_TAGGED_SQL}`)
    args.push(f.tag)
  }
  if (f.story) {
    where.push('a.id IN (SELECT article_id FROM story_articles WHERE story_id = ?)')
    args.push(f.story)
  }
  if (where.length === 0) return null
  const rows = db
    .prepare(`SELECT a.id, a.published FROM articles a WHERE ${where.join(' AND ')}`)
    .raw()
    .all(...args) as [number, string | null][]
  const want = f.dates ?? 'certain'
  const allowed = new Set<number>()
  for (const [id, published] of rows) {
    const fit = dateFit(published, f.from, f.to)
    if (fit === 'out') continue
    if (fit === 'in' ? want === 'uncertain' : want === 'certain') continue
    const docNo = docs.byArticle.get(id)
    if (docNo !== undefined) allowed.add(docNo)
  }
  return allowed
}
