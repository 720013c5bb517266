/**
 * Heavy work as jobs: what a job kind is written against. A kind runs the same code in a
 * worker thread (the desktop app and browser mode) or inline (the CLI, libraries in memory);
 * `JobContext` hides which.
 */
import type { Emit } from '../context'
import type { Db } from '../db/open'
import type { SearchIndex } from '../search'

export interface JobContext {
  /** The library: the worker's own connection to the same file, or the core's (inline). */
  db: Db
  /** The search index over that connection. */
  search: SearchIndex
  /**
   * Call inside a write transaction before writing the search index: its memory is read
   * again if another connection wrote since (see `catchup.ts`).
   */
  catchUp: () => void
  /**
   * Aborted when the job is cancelled. Code that runs synchronously for long (a transaction,
   * a parse loop) checks `cancelled()` instead: a message cannot arrive while it runs.
   */
  signal: AbortSignal
  /** True once the job was cancelled; readable from synchronous code. */
  cancelled: () => boolean
  /** Reports progress (sent to the UI as `job.progress`). */
  progress: (done: number, total: number, label?: string | null) => void
  /** Core events (`import.progress`, `dict.progress` …), forwarded to the core's listeners. */
  emit: Emit
  /**
   * Tells the core that the job committed a change: its in-memory state (search index,
   * caches) catches up before it answers again.
   */
  committed: () => void
  /** The folder holding `resources` (glossary, sample library), when known. */
  resourcesPath?: string
}

/** A kind of job: a name and the function that does it. */
export interface JobDefinition<I, R> {
  kind: string
  run: (ctx: JobContext, input: I) => Promise<R>
}

/** Declares a job kind (see `kinds.ts` for the registry). */
export function defineJob<I, R>(
  kind: string,
  run: (ctx: JobContext, input: I) => Promise<R>,
): JobDefinition<I, R> {
  return { kind, run }
}

/** Messages from the core to the worker. */
export type ToWorker =
  | {
      type: 'run'
      id: number
      kind: string
      input: unknown
      libraryPath: string
      resourcesPath?: string
      /** One Int32 set to 1 on cancel: readable while the worker runs synchronous code. */
      cancelFlag: SharedArrayBuffer
    }
  | { type: 'cancel'; id: number }

/** Messages from the worker to the core. */
export type FromWorker =
  | { type: 'progress'; id: number; done: number; total: number; label: string | null }
  | { type: 'event'; id: number; event: string; payload: unknown }
  | { type: 'committed'; id: number }
  | { type: 'done'; id: number; result: unknown; cancelled: boolean }
  | { type: 'failed'; id: number; error: { code: string; message: string } }
