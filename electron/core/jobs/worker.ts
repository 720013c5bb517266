/**
 * The job worker (a worker thread): opens its own connection to the library file and runs
 * the jobs the core sends, one at a time, reporting progress, commits and the outcome.
 * Built to out/main/job-worker.js.
 */
import { parentPort } from 'node:worker_threads'
import { toUserError } from '../import/sources'
import { openLibrary, type Db } from '../db/open'
import { SearchIndex } from '../search'
import { catchUp } from './catchup'
import { jobKinds, type JobName } from './kinds'
import type { FromWorker, JobContext, ToWorker } from './types'

const port = parentPort!
let library: { path: string; db: Db; search: SearchIndex } | null = null
const running = new Map<number, AbortController>()

/**
 * Progress is sent at most every 50 ms per kind (the latest; the rest are held until the
 * next message), so the core wakes rarely. Timers cannot fire while a job runs synchronous
 * code (a parse loop), so the check is by time on each post.
 */
const PROGRESS_MS = 50
const held = new Map<string, FromWorker>()
const lastSent = new Map<string, number>()

function post(msg: FromWorker): void {
  const key =
    msg.type === 'progress'
      ? 'progress'
      : msg.type === 'event' && msg.event.endsWith('.progress')
        ? msg.event
        : null
  if (key === null) {
    // everything else comes after the latest progress before it
    for (const m of held.values()) port.postMessage(m)
    held.clear()
    port.postMessage(msg)
    return
  }
  const now = performance.now()
  if (now - (lastSent.get(key) ?? -Infinity) >= PROGRESS_MS) {
    held.delete(key)
    lastSent.set(key, now)
    port.postMessage(msg)
  } else {
    held.set(key, msg)
  }
}

/** The worker's connection, opened once (the core checked and migrated the file already). */
function open(path: string): NonNullable<typeof library> {
  if (!library || library.path !== path) {
    library?.db.close()
    const db = openLibrary(path, { check: false, backupBeforeMigrating: false })
    // an index built with another analysis is rebuilt by the rebuild job alone (one
    // transaction): never emptied first in a commit of its own
    library = { path, db, search: new SearchIndex(db, undefined, null) }
  }
  return library
}

async function run(msg: Extract<ToWorker, { type: 'run' }>): Promise<void> {
  const controller = new AbortController()
  running.set(msg.id, controller)
  const flag = new Int32Array(msg.cancelFlag)
  try {
    const lib = open(msg.libraryPath)
    const ctx: JobContext = {
      db: lib.db,
      search: lib.search,
      catchUp: () => catchUp(lib.db, lib.search),
      signal: controller.signal,
      cancelled: () => controller.signal.aborted || Atomics.load(flag, 0) === 1,
      progress: (done, total, label) =>
        post({ type: 'progress', id: msg.id, done, total, label: label ?? null }),
      emit: (event, payload) => post({ type: 'event', id: msg.id, event, payload }),
      committed: () => post({ type: 'committed', id: msg.id }),
      resourcesPath: msg.resourcesPath,
    }
    const result = await jobKinds[msg.kind as JobName].run(ctx, msg.input as never)
    post({ type: 'done', id: msg.id, result, cancelled: ctx.cancelled() })
  } catch (err) {
    const e = toUserError(err)
    post({ type: 'failed', id: msg.id, error: { code: e.code, message: e.message } })
  } finally {
    running.delete(msg.id)
  }
}

port.on('message', (msg: ToWorker) => {
  if (msg.type === 'run') void run(msg)
  else if (msg.type === 'cancel') running.get(msg.id)?.abort()
})
