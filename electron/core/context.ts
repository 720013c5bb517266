/** What every room of the core is built from: the library, events, the search index, jobs. */
import type { ApiEvents } from '../../shared/contract'
import type { AppInfo } from '../../shared/types'
import type { LibraryChanges } from './db/changes'
import type { Db, LibraryHealth } from './db/open'
import type { JobRunner } from './jobs/runner'
import type { SearchIndex } from './search'

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
  /**
   * Where heavy work runs: 'worker' (a worker thread with its own connection: the app and
   * browser mode, so the main thread keeps answering) or 'inline' (default; the CLI, tests).
   * A library in memory always runs jobs inline.
   */
  jobs?: 'worker' | 'inline'
  /** Makes a backup once a day while the core is open (the app and browser mode). */
  dailyBackups?: boolean
}

export type Emit = <E extends keyof ApiEvents>(event: E, payload: ApiEvents[E]) => void

/** Shared by the rooms' handler factories (`libraryHandlers(ctx)`, `storyHandlers(ctx)` …). */
export interface CoreContext {
  db: Db
  options: CoreOptions
  emit: Emit
  search: SearchIndex
  /**
   * Writes by other processes on the same library file. A room that keeps derived state in
   * memory subscribes (or keeps a cursor) and catches up or forgets; see docs/DECISIONS.md.
   */
  changes: LibraryChanges
  /** Brings the search index up to date with what was just written. */
  reindex: () => Promise<void>
  /**
   * Heavy work off the main thread: `ctx.jobs.run(kind, input)` (kinds are registered in
   * `jobs/kinds.ts`), with progress events and cancel.
   */
  jobs: JobRunner
  /** The library's state: ok, read-only, or damaged (open read-only). */
  health: () => LibraryHealth
  /**
   * Closes the library (jobs stopped), runs `fn` (a restore), and opens it again; every
   * room's state starts afresh.
   */
  withLibraryClosed: <T>(fn: () => Promise<T>) => Promise<T>
}
