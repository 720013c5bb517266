/**
 * What the search handler adds from the user's notes: the "in your note" label on the page's
 * hits, and the articles whose notes match, as a small section of their own (first page).
 */
import type { SearchHit, SearchResults } from '../../../shared/types'
import type { Db } from '../db/open'
import { stmt } from '../db/statements'
import type { SearchFilters, SearchIndex } from '../search'
import { makeMatcher, type Matcher } from '../search/matcher'
import { partKeys } from '../search/query'
import type { SearchOutcome } from '../search/types'
import { notesSearchFor } from './search'
import { ARTICLES_TAGGED_SQL } from './tagged'

/** How many articles found in notes the first page shows. */
const IN_NOTES_SHOWN = 5

/**
 * Labels `hits` and returns the in-notes section: the articles found in the user's notes that
 * are not on this page (null when there are none). `outcome` and `matcher` are the article
 * search's; the notes are asked for every word of the query as it was asked (a word being
 * typed that no article has may be in a note), and a word being typed is marked there by the
 * words it begins too.
 */
export function addNoteMatches(
  db: Db,
  search: Pick<SearchIndex, 'generation' | 'queryExpansions'>,
  outcome: SearchOutcome,
  articleMatcher: Matcher,
  filters: SearchFilters,
  hits: SearchHit[],
  offset: number,
): SearchResults['inNotes'] | null {
  const parsed = outcome.asked ?? outcome.parsed
  let expansions = outcome.expansions
  let matcher = articleMatcher
  if (parsed.include.some((p) => p.kind === 'typed')) {
    if (outcome.asked)
      expansions = search.queryExpansions([...new Set(parsed.include.flatMap(partKeys))])
    matcher = makeMatcher(parsed, expansions, { typedBegins: true })
  }
  const notes = notesSearchFor(db)
  const found = notes.match(parsed, expansions)
  if (!found.articles.length) return null
  // (loops, not callbacks: this runs on every query that finds notes)
  const onPage = new Set<number>()
  let noted = 0
  for (const hit of hits) {
    onPage.add(hit.id)
    const note = found.snippetOf(hit.id, matcher)
    if (note) {
      hit.note = note
      noted++
    }
  }
  if (offset > 0) return null
  // in the notes search's order: notes before highlights, the newest first; the articles on
  // this page already say "in your note" themselves
  let ids: number[]
  let total: number
  if (hasFilters(filters)) {
    ids = allowed(
      db,
      found.articles.filter((id) => !onPage.has(id)),
      filters,
    )
    total = ids.length
  } else {
    // no filters: the first few are enough, and the count is the rest's
    total = found.articles.length - noted
    ids = []
    for (const id of found.articles) {
      if (ids.length === IN_NOTES_SHOWN) break
      if (!onPage.has(id)) ids.push(id)
    }
  }
  const rows = summariesOf(db, search.generation())
  const shown: SearchHit[] = []
  for (const id of ids.slice(0, IN_NOTES_SHOWN)) {
    const a = summaryOf(db, rows, id)
    if (!a) continue // an article deleted a moment ago
    // what these hits show is the note: the article's own snippet is left empty
    shown.push({
      id,
      title: a.title,
      kicker: a.kicker,
      outlet: a.outlet,
      published: a.published,
      snippet: '',
      highlights: [],
      snippetFrom: 'text',
      matchedIn: [],
      score: 0,
      note: found.snippetOf(id, matcher)!,
    })
  }
  return shown.length ? { total, hits: shown } : null
}

type Summary = Pick<SearchHit, 'title' | 'kicker' | 'outlet' | 'published'>

/**
 * Titles of articles found in notes, kept while the search index's generation stays (it moves
 * with every change to an article's title, kicker, outlet or date, and with every new or
 * deleted article, by this process or another): the same few articles come back query after
 * query, keystroke after keystroke, and each read of an article row costs about ten
 * microseconds.
 */
const summaries = new WeakMap<Db, { generation: number; rows: Map<number, Summary | null> }>()

function summariesOf(db: Db, generation: number): Map<number, Summary | null> {
  let cache = summaries.get(db)
  if (!cache || cache.generation !== generation)
    summaries.set(db, (cache = { generation, rows: new Map() }))
  return cache.rows
}

/** An article's title, kicker, outlet and date (null: no such article), read once. */
function summaryOf(db: Db, rows: Map<number, Summary | null>, id: number): Summary | null {
  let row = rows.get(id)
  if (row === undefined) {
    row =
      (stmt(
        db,
        `SELECT a.title, a.kicker, (SELECT name FROM outlets WHERE id = a.outlet_id) AS outlet,
         a.published FROM articles a WHERE a.id = ?`,
      ).get(id) as Summary | undefined) ?? null
    if (rows.size > 1000) rows.clear()
    rows.set(id, row)
  }
  return row
}

const hasFilters = (f: SearchFilters) => Boolean(f.outlet || f.from || f.to || f.tag || f.story)

/** The ids the query's filters allow, in the given order. */
function allowed(db: Db, ids: number[], f: SearchFilters): number[] {
  const where: string[] = []
  const args: unknown[] = [JSON.stringify(ids)]
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
    where.push(`a.id IN ${ARTICLES_TAGGED_SQL}`)
    args.push(f.tag)
  }
  if (f.story) {
    where.push('a.id IN (SELECT article_id FROM story_articles WHERE story_id = ?)')
    args.push(f.story)
  }
  const kept = new Set(
    db
      .prepare(
        `SELECT a.id FROM articles a WHERE a.id IN (SELECT value FROM json_each(?))${where.map((w) => ` AND ${w}`).join('')}`,
      )
      .pluck()
      .all(...args) as number[],
  )
  return ids.filter((id) => kept.has(id))
}
