/**
 * The core: the library, its importers and the handler table. Plain Node; never imports
 * Electron. Every door (Electron IPC, browser-mode HTTP, the CLI) is built on `createCore`.
 *
 * Each room of the core (library, import, search, lexicon, …) contributes its part of the
 * handler table through a factory that takes the shared `CoreContext`. The rooms are built
 * per opening of the library (a "session"); a restore closes the library and opens it again,
 * and every room starts afresh.
 */
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import {
  methodNames,
  type ApiEvents,
  type ApiResults,
  type Handlers,
  type MethodName,
} from '../../shared/contract'
import { UserError, type Result } from '../../shared/result'
import { alignHandlers } from './align/handlers'
import { backupHandlers } from './backup/handlers'
import { backupNow, dailyBackupDue } from './backup/store'
import type { CoreContext, CoreOptions, Emit } from './context'
import { LibraryChanges } from './db/changes'
import { libraryHealth, openLibrary, type Db, type LibraryHealth } from './db/open'
import { dispatch } from './dispatch'
import { combineHandlers } from './handlers'
import { importHandlers } from './import/handlers'
import { importSources, sourcesFromPaths } from './import/importer'
import { jobHandlers } from './jobs/handlers'
import { JobRunner } from './jobs/runner'
import { countArticles, getSetting, setSetting } from './library/articles'
import { libraryHandlers } from './library/handlers'
import { listIndexFor } from './library/listIndex'
import { rememberSampleIds } from './library/sample'
import { lexiconHandlers } from './lexicon/handlers'
import { furnitureHandlers } from './furniture/handlers'
import { notesHandlers } from './notes/handlers'
import type { Lexicon } from './lexicon/lookup'
import { watchLexicon } from './lexicon/watch'
import { SearchIndex } from './search'
import { searchHandlers } from './search/handlers'
import { storyHandlers } from './stories/handlers'
import { StoryRoom } from './stories/room'
import { studyHandlers } from './study/handlers'
import type { StudyRoom } from './study/room'
import { versionsHandlers } from './versions/handlers'

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
  /**
   * Polls for other processes' writes (about once a second) while a door is open, across
   * restores of the library; returns the function that stops it.
   */
  watchChanges: () => () => void
  /** The lexicon (glossary, dictionaries, own terms) and its lookups. */
  lexicon: Lexicon
  /** Loads the built-in glossary if this library does not have the current one. */
  ensureGlossary: () => Promise<void>
  /**
   * Study caches and the background difficulty pass (they follow other processes' writes
   * through `changes`; the room also checks SQLite's data_version on every call).
   */
  study: StudyRoom
  /** Stories: signatures and suggestions (cleared when another process wrote). */
  stories: StoryRoom
  /** The library's state found on opening: ok, read-only, or damaged (open read-only). */
  health: () => LibraryHealth
  /** Heavy work (imports, dictionaries, index rebuilds) and its cancel. */
  jobs: JobRunner
  db: Db
  /**
   * Prepares, in the background, what the window's first screen needs (the library list's
   * columns and its default order), so it opens at once. The app shells call it at start.
   */
  warmUp: () => void
  /** Stops jobs and timers and closes the library. */
  close: () => void
}

const SAMPLE_LOADED = 'sample.loaded'
/** How often the daily backup checks whether one is due (the first check a minute after start). */
const BACKUP_CHECK_MS = 60 * 60 * 1000

/** One opening of the library and every room built over it. */
interface Session {
  db: Db
  search: SearchIndex
  changes: LibraryChanges
  study: StudyRoom
  stories: StoryRoom
  lexicon: Lexicon
  ensureGlossary: () => Promise<void>
  handlers: Handlers
  reindex: () => Promise<void>
}

/** Opens the library and builds the handler table over it. */
export function createCore(options: CoreOptions): Core {
  const listeners = new Set<EventListener>()
  const emit: Emit = (event, payload) => {
    for (const l of listeners) l(event, payload)
  }
  let session: Session
  const jobs = new JobRunner({
    libraryPath: options.libraryPath,
    mode: options.jobs ?? 'inline',
    emit,
    resourcesPath: options.resourcesPath,
    inline: () => session,
    // the worker wrote the library: the index's memory here catches up, stories follow
    onCommitted: () => {
      session.search.reload()
      session.stories.afterChange()
    },
  })
  const withLibraryClosed = async <T>(fn: () => Promise<T>): Promise<T> => {
    await jobs.stopAll()
    closeSession(session)
    try {
      return await fn()
    } finally {
      try {
        session = openSession(options, emit, shared)
      } catch (err) {
        // nothing more can be done here; every call now says why
        console.error('[lesesaal] reopening the library failed:', err)
        session = brokenSession(session, err)
      }
      releaseWatch = null
      applyWatch()
      emit('library.changed', { reason: 'restore' })
      const h = libraryHealth(session.db)
      emit('backup.health', { state: h.state, reason: h.reason })
    }
  }
  const shared = { jobs, withLibraryClosed }
  session = openSession(options, emit, shared)

  // doors that stay open (the window, browser mode) poll for other processes' writes
  let watchers = 0
  let releaseWatch: (() => void) | null = null
  const applyWatch = () => {
    if (watchers > 0 && !releaseWatch) releaseWatch = session.changes.watch()
  }

  let backupTimer: NodeJS.Timeout | null = null
  if (options.dailyBackups && options.libraryPath !== ':memory:') {
    const check = () => {
      if (libraryHealth(session.db).state !== 'ok' || !dailyBackupDue(options.libraryPath)) return
      backupNow(session.db, options.libraryPath, 'daily').catch((err: unknown) =>
        console.error('[lesesaal] the daily backup failed:', err),
      )
    }
    backupTimer = setTimeout(function again() {
      check()
      backupTimer = setTimeout(again, BACKUP_CHECK_MS)
      backupTimer.unref()
    }, 60_000)
    backupTimer.unref()
  }

  // the list index notices additions and deletions itself; other changes (an edited title,
  // another process, a restore) make it read the library again
  listeners.add((event, payload) => {
    if (event !== 'library.changed') return
    const { reason } = payload as ApiEvents['library.changed']
    if (reason !== 'import' && reason !== 'delete' && reason !== 'sample')
      listIndexFor(session.db).invalidate()
  })

  return {
    get handlers() {
      return session.handlers
    },
    get db() {
      return session.db
    },
    get search() {
      return session.search
    },
    get lexicon() {
      return session.lexicon
    },
    get changes() {
      return session.changes
    },
    get study() {
      return session.study
    },
    get stories() {
      return session.stories
    },
    watchChanges: () => {
      watchers++
      applyWatch()
      let released = false
      return () => {
        if (released) return
        released = true
        if (--watchers === 0) {
          releaseWatch?.()
          releaseWatch = null
        }
      }
    },
    jobs,
    ensureGlossary: () => session.ensureGlossary(),
    health: () => libraryHealth(session.db),
    invoke: (method, input) => {
      // what other processes wrote is seen before the call, not after
      if (session.db.open) session.changes.check()
      return dispatch(session.handlers, method, input)
    },
    subscribe: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    ensureSampleLibrary: async () => {
      const { db } = session
      // a read-only library is shown as it is
      if (db.readonly || getSetting(db, SAMPLE_LOADED)) return 0
      let imported = 0
      if (countArticles(db) === 0 && options.resourcesPath) {
        const dir = join(options.resourcesPath, 'sample')
        const names = (await readdir(dir).catch(() => [] as string[]))
          .filter((n) => n.endsWith('.md'))
          .sort()
        const { sources } = await sourcesFromPaths(names.map((n) => join(dir, n)))
        await session.search.ready()
        const results = await importSources(db, sources, () => {}, {
          index: () => session.search.drain(),
        })
        session.stories.afterChange()
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
      // the default order at once, then the title order (the slowest to sort, about 0.1 s at
      // 100,000 articles), each its own task: a request that arrives meanwhile goes between
      // them. Both are ready before the window has loaded; a user who sorts by title a moment
      // after the list appeared is answered from memory (two seconds later, as before, the
      // first sorts right after opening waited for it)
      const prepare = (sort: 'published' | 'title', delay: number) =>
        setTimeout(() => {
          const { db } = session
          if (!db.open) return
          try {
            listIndexFor(db).ids({ sort, order: 'desc', outlet: null })
          } catch {
            // only a head start: the first request does the same and reports any error
          }
        }, delay).unref?.()
      prepare('published', 0)
      prepare('title', 0)
      // the glossary and the lexicon's word list, in slices, so that the first article's
      // words are explained at once (with a dictionary about a second of work)
      setTimeout(() => void session.ensureGlossary().catch(() => {}), 300).unref?.()
    },
    close: () => {
      if (backupTimer) clearTimeout(backupTimer)
      listeners.clear()
      void jobs.close()
      closeSession(session)
    },
  }
}

/** Brings an index of another analysis up to date in the job worker (see `reanalyse.ts`). */
async function rebuildStaleIndex(jobs: JobRunner): Promise<void> {
  try {
    await jobs.run('search.reanalyse', {})
  } catch (err) {
    // cancelled, or the library closed: the next start tries again
    console.error('[lesesaal] the search index could not be rebuilt:', (err as Error).message)
  }
}

/** Opens the library and builds every room over it. */
function openSession(
  options: CoreOptions,
  emit: Emit,
  shared: Pick<CoreContext, 'jobs' | 'withLibraryClosed'>,
): Session {
  const db = openLibrary(options.libraryPath)
  const changes = new LibraryChanges(db)
  // an index built with another analysis (after an update) is rebuilt as a job: in the app,
  // off the main thread, while searches are answered from the old index
  const search = new SearchIndex(
    db,
    changes,
    options.jobs === 'worker' ? () => void rebuildStaleIndex(shared.jobs) : 'here',
  )
  // suggestions are computed in the background a moment after an import (the app, not the CLI)
  const stories = new StoryRoom(
    db,
    options.mode === 'desktop' || options.mode === 'browser' ? 1500 : 0,
    options.jobs === 'worker' ? shared.jobs : null,
  )
  const reindex = async () => {
    await search.ready()
    search.drain()
    stories.afterChange()
  }
  const ctx: CoreContext = {
    db,
    options,
    emit,
    search,
    changes,
    reindex,
    health: () => libraryHealth(db),
    ...shared,
  }
  const lex = lexiconHandlers(db, search, emit, {
    resourcesPath: options.resourcesPath,
    canImportPaths: Boolean(options.canImportPaths),
    systemDictionaries: options.systemDictionaries,
    jobs: shared.jobs,
  })
  const study = studyHandlers(ctx, lex)
  // where a looked-up word occurs is told by the articles' lemma profiles, not by stem alone
  lex.lexicon.profiles = study.room
  const furniture = furnitureHandlers(db, { emit, reindex, jobs: shared.jobs })

  // another process wrote the library: the renderer refreshes its views, and the rooms that
  // keep derived state in memory catch up
  changes.subscribe(() => emit('library.changed', { reason: 'external' }))
  watchLexicon(db, changes, lex.lexicon)
  changes.subscribe(() => {
    study.room.invalidate()
    stories.clear()
  })

  const handlers = combineHandlers(
    libraryHandlers(ctx),
    importHandlers(ctx, furniture.hooks),
    furniture.handlers,
    searchHandlers(db, search, emit, shared.jobs),
    lex.handlers,
    study.handlers,
    storyHandlers(ctx, stories),
    alignHandlers(ctx, { lexicon: lex.lexicon, ready: lex.ready }),
    notesHandlers(ctx),
    versionsHandlers(ctx),
    backupHandlers(ctx),
    jobHandlers(ctx),
  )
  return {
    db,
    search,
    changes,
    study: study.room,
    stories,
    lexicon: lex.lexicon,
    ensureGlossary: lex.ready,
    handlers,
    reindex,
  }
}

/** Stops the rooms' timers and watchers and closes the library. */
function closeSession(session: Session): void {
  session.study.stop()
  session.changes.close()
  session.stories.close()
  if (session.db.open) session.db.close()
}

/** A session whose library could not be opened again: every method answers with the reason. */
function brokenSession(old: Session, err: unknown): Session {
  const error =
    err instanceof UserError
      ? err
      : new UserError('library_unreadable', 'The library could not be opened again.')
  const handlers = Object.fromEntries(
    methodNames.map((m) => [
      m,
      () => {
        throw error
      },
    ]),
  ) as unknown as Handlers
  return { ...old, handlers }
}
