/**
 * Runs jobs one at a time, in a worker thread (its own connection to the same library
 * file, WAL) or inline, with progress events and cancel.
 *
 * The worker is started on the first job and stopped after a minute without work. When it
 * commits, the core's own in-memory state catches up (`onCommitted`) before the next
 * message is handled. A worker that dies fails its job with one sentence; the next job
 * starts a new one.
 */
import { Worker } from 'node:worker_threads'
import type { JobInfo } from '../../../shared/contract/jobs'
import { UserError, type ErrorCode } from '../../../shared/result'
import type { Emit } from '../context'
import type { Db } from '../db/open'
import type { SearchIndex } from '../search'
import { catchUp } from './catchup'
import { findWorkerScript, type WorkerScript } from './script'
import { jobKinds, type JobInput, type JobName, type JobResult } from './kinds'
import type { FromWorker, JobContext, ToWorker } from './types'

const IDLE_MS = 60_000
/** Kinds of job nobody waits for: cancelled when any other job is queued. */
const BACKGROUND = new Set<string>(['story.suggest'])

export interface JobRunnerOptions {
  libraryPath: string
  /** 'worker' (a worker thread) or 'inline' (the core's thread; libraries in memory always). */
  mode: 'worker' | 'inline'
  emit: Emit
  resourcesPath?: string
  /** The core's own connection and index, for inline jobs. */
  inline: () => { db: Db; search: SearchIndex }
  /** Another connection (the worker's) committed: the core's caches catch up. */
  onCommitted: () => void
}

interface Job {
  info: JobInfo
  input: unknown
  resolve: (value: unknown) => void
  reject: (err: unknown) => void
  abort: AbortController
  cancelFlag: Int32Array<SharedArrayBuffer>
  onCommitted?: () => void
  /** Buffers of the input moved to the worker instead of copied. */
  transfer: ArrayBuffer[]
}

export class JobRunner {
  private readonly queue: Job[] = []
  private running: Job | null = null
  private nextId = 1
  private worker: Worker | null = null
  private idleTimer: NodeJS.Timeout | null = null
  private closed = false

  constructor(private readonly opts: JobRunnerOptions) {}

  /**
   * Runs a job of `kind` and resolves with its result (a cancelled import resolves with what
   * it did; kinds that are all or nothing reject with `cancelled`). `onCommitted` runs on the
   * core's thread after each commit of the job, before its result is returned.
   */
  run<K extends JobName>(
    kind: K,
    input: JobInput<K>,
    hooks: { onCommitted?: () => void; transfer?: ArrayBuffer[] } = {},
  ): Promise<JobResult<K>> {
    if (this.closed)
      return Promise.reject(new UserError('cancelled', 'The library is closing; try again.'))
    return new Promise((resolve, reject) => {
      const job: Job = {
        info: { id: this.nextId++, kind, state: 'queued', done: 0, total: 0, label: null },
        input,
        resolve: resolve as (value: unknown) => void,
        reject,
        abort: new AbortController(),
        cancelFlag: new Int32Array(new SharedArrayBuffer(4)),
        onCommitted: hooks.onCommitted,
        transfer: hooks.transfer ?? [],
      }
      // background work gives way to what the user asked for (it is done again afterwards):
      // queued behind it, and cancelled when it runs
      const foreground = !BACKGROUND.has(kind)
      const behind = foreground ? this.queue.findIndex((j) => BACKGROUND.has(j.info.kind)) : -1
      if (behind >= 0) this.queue.splice(behind, 0, job)
      else this.queue.push(job)
      this.opts.emit('job.progress', { ...job.info })
      if (foreground && this.running && BACKGROUND.has(this.running.info.kind))
        this.cancel(this.running.info.id)
      this.pump()
    })
  }

  /** Cancels a queued or running job; false when there is no such job (any more). */
  cancel(id: number): boolean {
    const queued = this.queue.findIndex((j) => j.info.id === id)
    if (queued >= 0) {
      const [job] = this.queue.splice(queued, 1)
      this.finish(job!, 'cancelled')
      job!.reject(new UserError('cancelled', 'The job was cancelled before it started.'))
      return true
    }
    const job = this.running
    if (!job || job.info.id !== id) return false
    Atomics.store(job.cancelFlag, 0, 1)
    job.abort.abort()
    this.worker?.postMessage({ type: 'cancel', id } satisfies ToWorker)
    return true
  }

  /** The queued and running jobs. */
  list(): JobInfo[] {
    return [...(this.running ? [this.running] : []), ...this.queue].map((j) => ({ ...j.info }))
  }

  /** Cancels everything and ends the worker for good. */
  async close(): Promise<void> {
    this.closed = true
    await this.stopAll()
  }

  /** Cancels everything, waits for the running job to stop and ends the worker. */
  async stopAll(): Promise<void> {
    for (const job of [...this.queue]) this.cancel(job.info.id)
    const running = this.running
    if (running) {
      this.cancel(running.info.id)
      await new Promise<void>((stopped) => {
        const { resolve, reject } = running
        running.resolve = (value) => {
          resolve(value)
          stopped()
        }
        running.reject = (err) => {
          reject(err)
          stopped()
        }
      })
    }
    await this.stopWorker()
  }

  private pump(): void {
    if (this.running || this.queue.length === 0) return
    const job = this.queue.shift()!
    this.running = job
    job.info.state = 'running'
    this.opts.emit('job.progress', { ...job.info })
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.idleTimer = null
    if (this.opts.mode === 'worker' && this.opts.libraryPath !== ':memory:') this.runInWorker(job)
    else void this.runInline(job)
  }

  private async runInline(job: Job): Promise<void> {
    const { db, search } = this.opts.inline()
    const ctx: JobContext = {
      db,
      search,
      catchUp: () => catchUp(db, search),
      signal: job.abort.signal,
      cancelled: () => job.abort.signal.aborted,
      progress: (done, total, label) => this.progress(job, done, total, label ?? null),
      emit: this.opts.emit,
      committed: () => job.onCommitted?.(),
      resourcesPath: this.opts.resourcesPath,
    }
    try {
      const result = await jobKinds[job.info.kind as JobName].run(ctx, job.input as never)
      this.settle(job, { ok: true, result, cancelled: job.abort.signal.aborted })
    } catch (err) {
      this.settle(job, { ok: false, err })
    }
  }

  private runInWorker(job: Job): void {
    const worker = this.startWorker()
    // a running job keeps the process alive (a script awaiting it); an idle worker does not
    worker.ref()
    worker.postMessage(
      {
        type: 'run',
        id: job.info.id,
        kind: job.info.kind,
        input: job.input,
        libraryPath: this.opts.libraryPath,
        resourcesPath: this.opts.resourcesPath,
        cancelFlag: job.cancelFlag.buffer,
      } satisfies ToWorker,
      job.transfer,
    )
  }

  private startWorker(): Worker {
    if (this.worker) return this.worker
    const { file, execArgv } = workerScript()
    const worker = new Worker(file, { execArgv, stdout: false, stderr: false })
    worker.on('message', (msg: FromWorker) => this.onMessage(msg))
    worker.on('error', (err) => {
      console.error('[lesesaal] the job worker failed:', err)
    })
    worker.on('exit', (code) => {
      if (this.worker !== worker) return
      this.worker = null
      const job = this.running
      if (job) {
        if (code !== 0) console.error(`[lesesaal] the job worker stopped (exit code ${code})`)
        this.settle(job, {
          ok: false,
          err: new UserError(
            'internal',
            'The background worker stopped unexpectedly; what it had finished is kept, and the rest can be tried again.',
          ),
        })
      }
    })
    this.worker = worker
    return worker
  }

  private async stopWorker(): Promise<void> {
    const worker = this.worker
    this.worker = null
    if (worker) await worker.terminate()
  }

  private onMessage(msg: FromWorker): void {
    const job = this.running
    if (!job || job.info.id !== msg.id) return
    if (msg.type === 'progress') this.progress(job, msg.done, msg.total, msg.label)
    else if (msg.type === 'event') this.opts.emit(msg.event as never, msg.payload as never)
    else if (msg.type === 'committed') {
      // the core's view of the library catches up before anything else is answered
      this.opts.onCommitted()
      job.onCommitted?.()
    } else if (msg.type === 'done')
      this.settle(job, { ok: true, result: msg.result, cancelled: msg.cancelled })
    else if (msg.type === 'failed')
      this.settle(job, {
        ok: false,
        err: new UserError(msg.error.code as ErrorCode, msg.error.message),
      })
  }

  private progress(job: Job, done: number, total: number, label: string | null): void {
    job.info = { ...job.info, done, total, label }
    this.opts.emit('job.progress', { ...job.info })
  }

  private settle(
    job: Job,
    outcome: { ok: true; result: unknown; cancelled: boolean } | { ok: false; err: unknown },
  ): void {
    if (this.running !== job) return
    this.running = null
    if (outcome.ok) {
      this.finish(job, outcome.cancelled ? 'cancelled' : 'done')
      job.resolve(outcome.result)
    } else {
      const cancelled =
        job.abort.signal.aborted ||
        (outcome.err instanceof UserError && outcome.err.code === 'cancelled')
      this.finish(job, cancelled ? 'cancelled' : 'failed')
      job.reject(outcome.err)
    }
    if (this.queue.length) this.pump()
    else if (this.worker && !this.closed) {
      this.worker.unref()
      this.idleTimer = setTimeout(() => void this.stopWorker(), IDLE_MS)
      this.idleTimer.unref()
    }
  }

  private finish(job: Job, outcome: 'done' | 'cancelled' | 'failed'): void {
    this.opts.emit('job.finished', { id: job.info.id, kind: job.info.kind, outcome })
  }
}

/** The job worker's script (job-worker.js when built; LESESAAL_JOB_WORKER chooses another). */
function workerScript(): WorkerScript {
  const script = findWorkerScript({
    env: 'LESESAAL_JOB_WORKER',
    built: 'job-worker.js',
    source: new URL('./worker.ts', import.meta.url),
    from: import.meta.url,
  })
  if (!script)
    throw new UserError('internal', 'The background worker is missing from this installation.')
  return script
}
