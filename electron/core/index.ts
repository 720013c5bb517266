/**
 * The core: the library, its importers and the handler table. Plain Node; never imports
 * Electron. Every door (Electron IPC, browser-mode HTTP, the CLI) is built on `createCore`.
 *
 * Each room of the core (library, import, search, lexicon, …) contributes its part of the
 * handler table through a factory that takes the shared `CoreContext`.
 */
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { ApiEvents, ApiResults, Handlers, MethodName } from '../../shared/contract'
import type { Result } from '../../shared/result'
import type { CoreContext, CoreOptions, Emit } from './context'
import { openLibrary, type Db } from './db/open'
import { dispatch } from './dispatch'
import { combineHandlers } from './handlers'
import { importHandlers } from './import/handlers'
import { importSources, sourcesFromPaths } from './import/importer'
import { countArticles, getSetting, setSetting } from './library/articles'
import { libraryHandlers } from './library/handlers'
import { listIndexFor } from './library/listIndex'
import { rememberSampleIds } from './library/sample'
import { lexiconHandlers } from './lexicon/handlers'
import type { Lexicon } from './lexicon/lookup'
import { SearchIndex } from './search'
import { searchHandlers } from './search/handlers'

export type { CoreContext, CoreOptions } from './context'
export { externalUrl } from './library/handlers'

export type EventListener = <E extends keyof ApiEvents>(event: E, payload: ApiEvents[E]) => void

export interface Core {
  handlers: Handlers
  /** Validates and runs one method; never throws. */
  invoke: (method: unknown, input: unknown) => Promise<Result<ApiResults[MethodName]>>
  /** Subscribes to core events; returns the unsubscribe function. */
  subscribe: (listener: EventListener) => () => void
  /** Loads the sample library into a library that has never had articles. */
  ensureSampleLibrary: () => Promise<number>
  /** The search index (drained after every change). */
  search: SearchIndex
  /** The lexicon (glossary, dictionaries, own terms) and its lookups. */
  lexicon: Lexicon
  /** Loads the built-in glossary if this library does not have the current one. */
  ensureGlossary: () => Promise<void>
  db: Db
  /**
   * Prepares, in the background, what the window's first screen needs (the library list's
   * columns and its default order), so it opens at once. The app shells call it at start.
   */
  warmUp: () => void
  close: () => void
}

const SAMPLE_LOADED = 'sample.loaded'

/** Opens the library and builds the handler table over it. */
export function createCore(options: CoreOptions): Core {
  const db = openLibrary(options.libraryPath)
  const listeners = new Set<EventListener>()
  const emit: Emit = (event, payload) => {
    for (const l of listeners) l(event, payload)
  }
  const search = new SearchIndex(db)
  const reindex = async () => {
    await search.ready()
    search.drain()
  }
  const ctx: CoreContext = { db, options, emit, search, reindex }
  const lex = lexiconHandlers(db, search, emit, {
    resourcesPath: options.resourcesPath,
    canImportPaths: Boolean(options.canImportPaths),
    systemDictionaries: options.systemDictionaries,
  })

  // the list index notices additions and deletions itself; other changes (an edited title,
  // another process) make it read the library again
  listeners.add((event, payload) => {
    if (event !== 'library.changed') return
    const { reason } = payload as ApiEvents['library.changed']
    if (reason !== 'import' && reason !== 'delete' && reason !== 'sample')
      listIndexFor(db).invalidate()
  })

  const handlers = combineHandlers(
    libraryHandlers(ctx),
    importHandlers(ctx),
    searchHandlers(db, search, emit),
    lex.handlers,
  )

  return {
    handlers,
    db,
    search,
    lexicon: lex.lexicon,
    ensureGlossary: lex.ready,
    invoke: (method, input) => dispatch(handlers, method, input),
    subscribe: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    ensureSampleLibrary: async () => {
      if (getSetting(db, SAMPLE_LOADED)) return 0
      let imported = 0
      if (countArticles(db) === 0 && options.resourcesPath) {
        const dir = join(options.resourcesPath, 'sample')
        const names = (await readdir(dir).catch(() => [] as string[]))
          .filter((n) => n.endsWith('.md'))
          .sort()
        const { sources } = await sourcesFromPaths(names.map((n) => join(dir, n)))
        const results = await importSources(db, sources, () => {}, reindex)
        imported = results.filter((r) => r.id !== null).length
        rememberSampleIds(
          db,
          results.flatMap((r) => (r.id === null ? [] : [r.id])),
        )
        for (const r of results)
          if (r.error) console.error(`[lesesaal] sample ${r.source}: ${r.error.message}`)
        if (imported) emit('library.changed', { reason: 'sample' })
      }
      setSetting(db, SAMPLE_LOADED, new Date().toISOString())
      return imported
    },
    warmUp: () => {
      // the default order at once, the title order (the slowest to sort) a little later
      const prepare = (sort: 'published' | 'title', delay: number) =>
        setTimeout(() => {
          if (!db.open) return
          try {
            listIndexFor(db).ids({ sort, order: 'desc', outlet: null })
          } catch {
            // only a head start: the first request does the same and reports any error
          }
        }, delay).unref?.()
      prepare('published', 0)
      prepare('title', 2000)
    },
    close: () => {
      listeners.clear()
      if (db.open) db.close()
    },
  }
}
