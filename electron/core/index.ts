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
import { LibraryChanges } from './db/changes'
import { openLibrary, type Db } from './db/open'
import { dispatch } from './dispatch'
import { alignHandlers } from './align/handlers'
import { combineHandlers } from './handlers'
import { importHandlers } from './import/handlers'
import { importSources, sourcesFromPaths } from './import/importer'
import { countArticles, getSetting, setSetting } from './library/articles'
import { libraryHandlers } from './library/handlers'
import { lexiconHandlers } from './lexicon/handlers'
import { watchLexicon } from './lexicon/watch'
import type { Lexicon } from './lexicon/lookup'
import { SearchIndex } from './search'
import { searchHandlers } from './search/handlers'
import { studyHandlers } from './study/handlers'
import type { StudyRoom } from './study/room'
import { storyHandlers } from './stories/handlers'
import { StoryRoom } from './stories/room'

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
  /** Other processes' writes to the library: checked before each call, polled while watched. */
  changes: LibraryChanges
  /** The lexicon (glossary, dictionaries, own terms) and its lookups. */
  lexicon: Lexicon
  /** Loads the built-in glossary if this library does not have the current one. */
  ensureGlossary: () => Promise<void>
  /**
   * Study caches and the background difficulty pass. A watcher of other processes' changes
   * may call `study.invalidate()` (the room also checks SQLite's data_version on every call).
   */
  study: StudyRoom
  /** Stories: signatures and suggestions (`stories.clear()` when another process wrote). */
  stories: StoryRoom
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
  const changes = new LibraryChanges(db)
  const search = new SearchIndex(db, changes)
  // suggestions are computed in the background a moment after an import (the app, not the CLI)
  const stories = new StoryRoom(
    db,
    options.mode === 'desktop' || options.mode === 'browser' ? 1500 : 0,
  )
  const reindex = async () => {
    await search.ready()
    search.drain()
    stories.afterChange()
  }
  const ctx: CoreContext = { db, options, emit, search, changes, reindex }
  const lex = lexiconHandlers(db, search, emit, {
    resourcesPath: options.resourcesPath,
    canImportPaths: Boolean(options.canImportPaths),
    systemDictionaries: options.systemDictionaries,
  })
  // another process wrote the library: the renderer refreshes its views, and the rooms that
  // keep derived state in memory catch up
  changes.subscribe(() => emit('library.changed', { reason: 'external' }))
  watchLexicon(db, changes, lex.lexicon)

  const study = studyHandlers(ctx, lex)

  const handlers = combineHandlers(
    libraryHandlers(ctx),
    importHandlers(ctx),
    searchHandlers(db, search, emit),
    lex.handlers,
    study.handlers,
    storyHandlers(ctx, stories),
    alignHandlers(ctx, { lexicon: lex.lexicon, ready: lex.ready }),
  )
  changes.subscribe(() => {
    study.room.invalidate()
    stories.clear()
  })

  return {
    handlers,
    db,
    search,
    changes,
    lexicon: lex.lexicon,
    ensureGlossary: lex.ready,
    study: study.room,
    stories,
    invoke: (method, input) => {
      // what other processes wrote is seen before the call, not after
      if (db.open) changes.check()
      return dispatch(handlers, method, input)
    },
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
      study.room.stop()
      changes.close()
      stories.close()
      listeners.clear()
      if (db.open) db.close()
    },
  }
}
