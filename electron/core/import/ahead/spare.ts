/**
 * The extraction thread, started early: the command line starts it as soon as it sees an
 * import, so that the thread loads its code while the command loads the rest of its own
 * (about a quarter of a second each, on the two cores side by side rather than one after the
 * other). A large import then takes this thread instead of starting one; a small import
 * leaves it, and it keeps nothing alive: it holds no reference on the process until taken.
 */
import { readdirSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { findWorkerScript } from '../../jobs/script'

/** Imports of fewer files are extracted in the import's own thread (a thread takes a while to start). */
export const AHEAD_FROM = 200

/** The thread's script (extract-worker.js when built; LESESAAL_EXTRACT_WORKER chooses another). */
export const workerScript = () =>
  findWorkerScript({
    env: 'LESESAAL_EXTRACT_WORKER',
    built: 'extract-worker.js',
    source: new URL('./worker.ts', import.meta.url),
    from: import.meta.url,
  })

/** Starts the thread (stdout and stderr are the import's, not the thread's). */
export function startThread(): Worker | null {
  const script = workerScript()
  if (!script) return null
  try {
    return new Worker(script.file, { execArgv: script.execArgv, stdout: false, stderr: false })
  } catch (err) {
    console.error('[lesesaal] the extraction thread could not start:', err)
    return null
  }
}

let spare: { worker: Worker; alive: boolean } | null = null

/**
 * Starts a thread to be taken by the import a command is about to run, when the command's
 * words (`argv`) name an import of probably enough files for one, on a machine with a second
 * processor. Nothing when one is waiting.
 */
export function startSpareFor(argv: readonly string[]): void {
  if (spare || availableParallelism() < 2) return
  const command = argv.indexOf('import')
  if (command < 0 || !probablyLarge(argv.slice(command + 1).filter((a) => !a.startsWith('-'))))
    return
  const worker = startThread()
  if (!worker) return
  const held = { worker, alive: true }
  // a thread that fails before it is taken is simply not used
  const gone = () => {
    held.alive = false
    if (spare === held) spare = null
  }
  worker.on('error', gone)
  worker.on('exit', gone)
  worker.unref()
  spare = held
}

/**
 * Whether these paths probably hold enough files for the thread: counted without descending
 * (a folder within counts as enough; a small import would only pay for a thread it leaves).
 */
function probablyLarge(paths: readonly string[]): boolean {
  let files = 0
  for (const path of paths) {
    try {
      for (const entry of readdirSync(path, { withFileTypes: true })) {
        files += entry.isDirectory() ? AHEAD_FROM : 1
        if (files >= AHEAD_FROM) return true
      }
    } catch {
      files++ // a file (or a URL, or nothing: the import will say so)
    }
    if (files >= AHEAD_FROM) return true
  }
  return false
}

/**
 * The waiting thread, now the caller's (it holds the process open again), or null. The caller
 * attaches its own listeners in the same turn: a thread that has already ended is never given.
 */
export function takeSpare(): Worker | null {
  const held = spare
  spare = null
  if (!held?.alive) return null
  held.worker.removeAllListeners('error')
  held.worker.removeAllListeners('exit')
  held.worker.ref()
  return held.worker
}
