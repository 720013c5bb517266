/**
 * What the search handler adds from the user's notes: the "in your note" label on the page's
 * hits, and the articles whose notes match, as a small section of their own (first page).
 */
import type { SearchHit, SearchResults } from '../../../shared/types'
import type { Db } from '../db/open'
import { stmt } from '../db/statements'
import type { SearchFilters } from '../search'
import type { ParsedQuery } from '../search/query'
import type { Matcher } from '../search/snippet'
import { notesSearchFor, noteSnippet } from './search'
import { ARTICLES_TAGGED_SQL } from './tagged'

/** How many articles found in notes the first page shows. */
const IN_NOTES_SHOWN = 5

/**
 * Labels `hits` and returns the in-notes section: the articles found in the user's notes that
 * are not on this page (null when there are none).
 */
export function addNoteMatches(
  db: Db,
  parsed: ParsedQuery,
  expansions: Map<string, Set<string>>,
  matcher: Matcher,
  filters: SearchFilters,
  hits: SearchHit[],
  offset: number,
): SearchResults['inNotes'] | null {
  const found = notesSearchFor(db).match(parsed, expansions)
  if (!found.articles.length) return null
  for (const hit of hits) {
    const doc = found.noteOf(hit.id)
    if (doc) hit.note = noteSnippet(doc, matcher)
  }
  if (offset > 0) return null
  // in the notes search's order: notes before highlights, the newest first; the articles on
  // this page already say "in your note" themselves
  const onPage = new Set(hits.map((h) => h.id))
  const candidates = found.articles.filter((id) => !onPage.has(id))
  const ids = hasFilters(filters) ? allowed(db, candidates, filters) : candidates
  if (!ids.length) return null
  const row = stmt(
    db,
    `SELECT a.title, a.kicker, (SELECT name FROM outlets WHERE id = a.outlet_id) AS outlet, a.published FROM articles a
     WHERE a.id = ?`,
  )
  return {
    total: ids.length,
    hits: ids.slice(0, IN_NOTES_SHOWN).map((id): SearchHit => {
      const a = row.get(id) as Pick<SearchHit, 'title' | 'kicker' | 'outlet' | 'published'>
      // what these hits show is the note: the article's own snippet is left empty
      return {
        id,
        ...a,
        snippet: '',
        highlights: [],
        snippetFrom: 'text',
        matchedIn: [],
        score: 0,
        note: noteSnippet(found.noteOf(id)!, matcher),
      }
    }),
  }
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
