/**
 * The core: the library, its importers and the handler table. Plain Node; never imports
 * Electron. Every door (Electron IPC, browser-mode HTTP, the CLI) is built on `createCore`.
 */
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { ApiEvents, ApiResults, Handlers, MethodName } from '../../shared/contract'
import { UserError, type Result } from '../../shared/result'
import { isHttpUrl } from '../../shared/urls'
import type { AppInfo } from '../../shared/types'
import pkg from '../../package.json' with { type: 'json' }
import { openLibrary, type Db } from './db/open'
import { dispatch } from './dispatch'
import {
  bufferSource,
  importPasted,
  importSources,
  sourcesFromPaths,
  type Emit,
} from './import/importer'
import { SearchIndex } from './search'
import { searchHandlers } from './search/handlers'
import { lexiconHandlers } from './lexicon/handlers'
import { furnitureHandlers } from './furniture/handlers'
import type { Lexicon } from './lexicon/lookup'
import {
  countArticles,
  deleteArticle,
  getArticle,
  getSetting,
  listArticles,
  listOutlets,
  setSetting,
} from './library/articles'

export interface CoreOptions {
  /** The SQLite library file, or ':memory:' for tests. */
  libraryPath: string
  /** Folder holding `sample/` (the sample library). */
  resourcesPath?: string
  mode?: AppInfo['mode']
  /** Opens a checked http(s) URL in the system browser (desktop only). */
  openExternal?: (url: string) => Promise<void>
  /** Whether callers can name local paths (desktop and CLI; not a browser tab). */
  canImportPaths?: boolean
  /** Where to look for a system copy of a dictionary (tests point this elsewhere). */
  systemDictionaries?: string[]
}

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
  const lex = lexiconHandlers(db, search, emit, {
    resourcesPath: options.resourcesPath,
    canImportPaths: Boolean(options.canImportPaths),
    systemDictionaries: options.systemDictionaries,
  })
  /** Brings the search index up to date with what was just written. */
  const reindex = async () => {
    await search.ready()
    search.drain()
  }

  const furniture = furnitureHandlers(db, { emit, reindex })

  const handlers: Handlers = {
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
      const deleted = db.transaction(() => deleteArticle(db, id))()
      await reindex()
      if (deleted) emit('library.changed', { reason: 'delete' })
      return { deleted }
    },
    'import.paths': async ({ paths }) => {
      if (!options.canImportPaths)
        throw new UserError(
          'unsupported',
          'Importing by path is not available here; upload the files instead.',
        )
      const { sources, skipped } = await sourcesFromPaths(paths)
      return {
        results: await importSources(db, sources, emit, reindex, furniture.hooks),
        skipped,
      }
    },
    'import.files': async ({ files }) => {
      const sources = files.map((f) => bufferSource(f.name, Buffer.from(f.data, 'base64')))
      return {
        results: await importSources(db, sources, emit, reindex, furniture.hooks),
        skipped: 0,
      }
    },
    'import.text': async ({ text, title }) => {
      const result = await importPasted(db, text, title, emit, furniture.hooks)
      await reindex()
      return result
    },
    ...searchHandlers(db, search, emit),
    ...lex.handlers,
    ...furniture.handlers,
  }

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
        for (const r of results)
          if (r.error) console.error(`[lesesaal] sample ${r.source}: ${r.error.message}`)
        if (imported) emit('library.changed', { reason: 'sample' })
      }
      setSetting(db, SAMPLE_LOADED, new Date().toISOString())
      return imported
    },
    close: () => {
      listeners.clear()
      if (db.open) db.close()
    },
  }
}

/** Only absolute http(s) URLs leave the app, and only to the system browser. */
export function externalUrl(url: string): string {
  if (!isHttpUrl(url))
    throw new UserError('invalid_input', 'Only http and https links can be opened.')
  return new URL(url).toString()
}
