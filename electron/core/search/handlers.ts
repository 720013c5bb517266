/** The search methods of the handler table. */
import type { Handlers } from '../../../shared/contract'
import { UserError } from '../../../shared/result'
import type { SearchHit } from '../../../shared/types'
import type { Db } from '../db/open'
import type { Emit } from '../import/importer'
import type { JobRunner } from '../jobs/runner'
import { addNoteMatches } from '../notes/searchHits'
import { SearchIndex } from './index'
import { parseQuery, partKeys } from './query'
import { makeMatcher } from './matcher'
import { bestSnippet, matchRanges, openingSnippet } from './snippet'

type SearchHandlers = Pick<
  Handlers,
  'search.query' | 'search.matches' | 'search.status' | 'search.rebuild'
>

export function searchHandlers(
  db: Db,
  search: SearchIndex,
  emit: Emit,
  jobs?: JobRunner,
): SearchHandlers {
  const summary = db.prepare(
    'SELECT a.title, a.kicker, (SELECT name FROM outlets WHERE id = a.outlet_id) AS outlet, a.published FROM articles a WHERE a.id = ?',
  )
  const paragraphs = db
    .prepare('SELECT text FROM paragraphs WHERE article_id = ? ORDER BY position')
    .pluck()
  const comments = db
    .prepare('SELECT text FROM comments WHERE article_id = ? ORDER BY position')
    .pluck()

  return {
    'search.query': async ({ query, limit, offset, asYouType, uncertainDates, ...filters }) => {
      const outcome = await search.search(
        query,
        { ...filters, dates: uncertainDates ? 'all' : 'certain' },
        limit,
        offset,
        { asYouType },
      )
      const matcher = makeMatcher(outcome.parsed, outcome.expansions)
      const hits: SearchHit[] = outcome.hits.map((h) => {
        const a = summary.get(h.articleId) as {
          title: string
          kicker: string | null
          outlet: string | null
          published: string | null
        }
        const body = paragraphs.all(h.articleId) as string[]
        let snippet = bestSnippet(body, matcher)
        let snippetFrom: SearchHit['snippetFrom'] = 'text'
        if (!snippet && h.fields.includes('comments') && !h.fields.includes('title')) {
          snippet = bestSnippet(comments.all(h.articleId) as string[], matcher)
          snippetFrom = 'comments'
        }
        if (!snippet) {
          snippet = openingSnippet(body)
          snippetFrom = 'title'
        }
        return {
          id: h.articleId,
          title: a.title,
          kicker: a.kicker,
          outlet: a.outlet,
          published: a.published,
          snippet: snippet.text,
          highlights: snippet.highlights,
          snippetFrom,
          matchedIn: h.fields,
          score: h.score,
        }
      })
      // the user's own notes and highlights: "in your note" (notes room)
      const inNotes = addNoteMatches(db, search, outcome, matcher, filters, hits, offset)
      return {
        hits,
        total: outcome.total,
        uncertainDates: outcome.uncertainDates,
        ...(inNotes ? { inNotes } : {}),
      }
    },

    'search.matches': async ({ id, query }) => {
      const a = summary.get(id) as { title: string } | undefined
      if (!a) throw new UserError('not_found', `There is no article ${id} in the library.`)
      await search.ready()
      // finding in the article: each word also marks the words it begins ("Atom":
      // "Atomkonflikt"), besides its inflections and the compounds it ends
      const parsed = parseQuery(query)
      const matcher = makeMatcher(
        parsed,
        search.queryExpansions([...new Set(parsed.include.flatMap(partKeys))]),
        { wordsBegin: true },
      )
      const title = matchRanges(a.title, matcher)
      const paras = (paragraphs.all(id) as string[]).map((p) => matchRanges(p, matcher))
      const comms = (comments.all(id) as string[]).map((c) => matchRanges(c, matcher))
      const count =
        title.length +
        paras.reduce((n, r) => n + r.length, 0) +
        comms.reduce((n, r) => n + r.length, 0)
      return { title, paragraphs: paras, comments: comms, count }
    },

    'search.status': async () => {
      await search.ready()
      search.drain()
      return search.status()
    },

    // a job: off the main thread in the app, one transaction (the old index serves until then)
    'search.rebuild': () =>
      jobs
        ? jobs.run('search.rebuild', {})
        : search.rebuild((done, total) => emit('search.progress', { done, total })),
  }
}

export { SearchIndex }
