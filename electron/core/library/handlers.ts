/** The app and library methods of the handler table: app facts, listing, reading, deleting. */
import { UserError } from '../../../shared/result'
import { isHttpUrl } from '../../../shared/urls'
import pkg from '../../../package.json' with { type: 'json' }
import type { CoreContext } from '../context'
import type { HandlersOf } from '../handlers'
import { countArticles, deleteArticle, getArticle, listArticles, listOutlets } from './articles'

export function libraryHandlers(
  ctx: CoreContext,
): HandlersOf<
  | 'app.info'
  | 'app.openExternal'
  | 'library.list'
  | 'library.outlets'
  | 'article.get'
  | 'article.delete'
> {
  const { db, options, emit } = ctx
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
    'library.outlets': () => listOutlets(db),
    'article.get': ({ id }) => {
      const article = getArticle(db, id)
      if (!article) throw new UserError('not_found', `There is no article ${id} in the library.`)
      return article
    },
    'article.delete': async ({ id }) => {
      const deleted = db.transaction(() => deleteArticle(db, id)).immediate()
      await ctx.reindex()
      if (deleted) emit('library.changed', { reason: 'delete' })
      return { deleted }
    },
  }
}

/** Only absolute http(s) URLs leave the app, and only to the system browser. */
export function externalUrl(url: string): string {
  if (!isHttpUrl(url))
    throw new UserError('invalid_input', 'Only http and https links can be opened.')
  return new URL(url).toString()
}
