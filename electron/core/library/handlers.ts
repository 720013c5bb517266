/** The app and library methods of the handler table: app facts, listing, reading, deleting. */
import { UserError } from '../../../shared/result'
import { isHttpUrl } from '../../../shared/urls'
import pkg from '../../../package.json' with { type: 'json' }
import type { CoreContext } from '../context'
import type { HandlersOf } from '../handlers'
import type { ArticleSummary } from '../../../shared/types'
import {
  countArticles,
  deleteArticle,
  deleteArticles,
  getArticle,
  listArticles,
  listOutlets,
  summariesByIds,
} from './articles'
import { ARTICLES_TAGGED_SQL } from '../notes/tagged'
import { listIndexFor } from './listIndex'
import { sampleIds } from './sample'

export function libraryHandlers(
  ctx: CoreContext,
): HandlersOf<
  | 'app.info'
  | 'app.openExternal'
  | 'library.list'
  | 'library.ids'
  | 'library.rows'
  | 'library.outlets'
  | 'article.get'
  | 'article.delete'
  | 'articles.delete'
  | 'library.removeSample'
> {
  const { db, options, emit } = ctx
  const list = listIndexFor(db)
  const labelled = (rows: ArticleSummary[]) => {
    const samples = sampleIds(db)
    return samples.size ? rows.map((r) => (samples.has(r.id) ? { ...r, sample: true } : r)) : rows
  }
  const removeMany = async (ids: number[]) => {
    const deleted = db.transaction(() => deleteArticles(db, ids)).immediate()
    list.forget(ids)
    await ctx.reindex()
    if (deleted) emit('library.changed', { reason: 'delete' })
    return deleted
  }
  return {
    'app.info': () => ({
      version: pkg.version,
      libraryPath: options.libraryPath,
      articleCount: countArticles(db),
      mode: options.mode ?? 'browser',
      canOpenExternal: Boolean(options.openExternal),
      canImportPaths: Boolean(options.canImportPaths),
    }),
    'app.openExternal': async ({ url }) => {
      const safe = externalUrl(url)
      if (!options.openExternal)
        throw new UserError('unsupported', 'Opening links is up to the browser in browser mode.')
      await options.openExternal(safe)
      return { opened: true }
    },
    'library.list': (input) => listArticles(db, input),
    'library.ids': ({ rows, tag, story, ...query }) => {
      let ids = plainArray(list.ids(query))
      if (tag) {
        // the article's own tags and those on its highlights and notes (notes room)
        const tagged = new Set(
          db.prepare(`SELECT article_id FROM ${ARTICLES_TAGGED_SQL}`).pluck().all(tag) as number[],
        )
        ids = ids.filter((id) => tagged.has(id))
      }
      if (story) {
        // the articles of one story (stories room)
        const members = new Set(
          db
            .prepare('SELECT article_id FROM story_articles WHERE story_id = ?')
            .pluck()
            .all(story) as number[],
        )
        ids = ids.filter((id) => members.has(id))
      }
      return {
        ids,
        total: list.count(),
        rows: labelled(summariesByIds(db, ids.slice(0, rows))),
        samples: sampleIds(db).size,
      }
    },
    'library.rows': ({ ids }) => labelled(summariesByIds(db, ids)),
    'library.outlets': () => listOutlets(db),
    'article.get': ({ id }) => {
      const article = getArticle(db, id)
      if (!article) throw new UserError('not_found', `There is no article ${id} in the library.`)
      return article
    },
    'article.delete': async ({ id }) => {
      const deleted = db.transaction(() => deleteArticle(db, id)).immediate()
      list.forget([id])
      await ctx.reindex()
      if (deleted) emit('library.changed', { reason: 'delete' })
      return { deleted }
    },
    'articles.delete': async ({ ids }) => ({ deleted: await removeMany(ids) }),
    'library.removeSample': async () => ({ removed: await removeMany([...sampleIds(db)]) }),
  }
}

/** Only absolute http(s) URLs leave the app, and only to the system browser. */
export function externalUrl(url: string): string {
  if (!isHttpUrl(url))
    throw new UserError('invalid_input', 'Only http and https links can be opened.')
  return new URL(url).toString()
}

/**
 * A typed array as a plain one, for JSON and the IPC contract: a loop into an array of the
 * right length (`Array.from` takes about 6 ms for the 100,000 ids of a large library, this
 * about 1).
 */
function plainArray(xs: Int32Array): number[] {
  const out = new Array<number>(xs.length)
  for (let i = 0; i < xs.length; i++) out[i] = xs[i]!
  return out
}
