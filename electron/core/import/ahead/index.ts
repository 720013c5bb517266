/**
 * Extraction ahead, for large imports of files: a second thread reads, extracts and analyses
 * the files for the search index while the import's thread stores and indexes the ones before.
 * Both take the files in order from one shared counter: when the import's thread comes to a
 * file the thread has not started, it extracts that file itself rather than wait (at the
 * start, while the thread loads; and throughout, when extraction is the heavier half, as with
 * large HTML pages). Results come back in the import's order;
 * the index analyses are handed to the search writer (`search/primed.ts`), which uses one
 * only for exactly the text it indexes. Whenever the thread is missing or fails, the import
 * extracts the remaining files itself: the thread can make an import faster, never different.
 */
import { availableParallelism } from 'node:os'
import type { Worker } from 'node:worker_threads'
import { clearPrimed, ForeignKeys, indexTexts, prime } from '../../search/primed'
import { FIELDS } from '../../search/types'
import type { AheadFile, FromAhead, ToAhead } from './protocol'
import { AHEAD_FROM, startThread, takeSpare } from './spare'

export type { AheadFile }

/** What the import took is reported back every this many files. */
const REPORT_EVERY = 16

/** The import's thread, extracting files before their turn while it waits. */
export interface Helper {
  /** Whether it can keep another file (what it extracted early waits in memory). */
  room: () => boolean
  extract: (file: AheadFile) => Promise<void>
}

/** One file's result from the extraction thread. */
export type AheadResult = Extract<FromAhead, { type: 'file' }>

export class ExtractionAhead {
  private readonly ready = new Map<number, AheadResult>()
  private readonly waiting = new Map<number, (r: AheadResult | null) => void>()
  private readonly keys = new ForeignKeys()
  /** The analyses' key numbers can be read (false after a message out of turn). */
  private keysOk = true
  private gone = false
  private took = { files: 0, bytes: 0 }
  /** The number of the next file nobody has taken, shared with the thread. */
  private readonly next = new Int32Array(new SharedArrayBuffer(4))
  /** Each file's number in the thread's list, by its place in the import. */
  private readonly number = new Map<number, number>()

  private constructor(
    private readonly worker: Worker,
    private readonly files: AheadFile[],
    /** The import's thread takes a file itself rather than wait for it (false: tests). */
    private readonly share: boolean,
  ) {
    files.forEach((f, i) => this.number.set(f.at, i))
    this.started = new Promise((r) => (this.markStarted = r))
    worker.on('message', (msg: FromAhead) => this.receive(msg))
    const end = (err?: unknown) => {
      if (err) console.error('[lesesaal] the extraction thread failed:', err)
      this.gone = true
      this.markStarted()
      for (const resolve of this.waiting.values()) resolve(null)
      this.waiting.clear()
    }
    worker.on('error', end)
    worker.on('exit', () => end())
  }

  /**
   * Starts a thread for these files, or returns null: too few files, a single processor, or
   * no thread script in this installation.
   */
  static start(
    files: AheadFile[],
    options: { always?: boolean; share?: boolean } = {},
  ): ExtractionAhead | null {
    if (files.length === 0) return null
    if (!options.always && (files.length < AHEAD_FROM || availableParallelism() < 2)) return null
    // started when the command began, or now
    const worker = takeSpare() ?? startThread()
    if (!worker) return null
    const ahead = new ExtractionAhead(worker, files, options.share ?? true)
    worker.postMessage({ type: 'files', files, next: ahead.next.buffer } satisfies ToAhead)
    return ahead
  }

  /** Resolved with the thread's first result (or when it is gone). */
  readonly started: Promise<void>
  private markStarted = () => {}

  private receive(msg: FromAhead): void {
    this.markStarted()
    // key names come in order with every message, whatever became of the file
    if (this.keysOk) this.keysOk = this.keys.learn(msg.keysFrom, msg.newKeys)
    if (msg.ok && this.keysOk) {
      const texts = indexTexts(msg.x.article)
      FIELDS.forEach((field, i) => {
        const positions = msg.fields[i]
        if (positions && this.keys.translate(positions.pairs)) prime(texts[field], positions)
      })
    }
    const resolve = this.waiting.get(msg.at)
    if (resolve) {
      this.waiting.delete(msg.at)
      resolve(msg)
    } else this.ready.set(msg.at, msg)
  }

  /**
   * The thread's result for the file at `at`; null when the caller is to extract it itself:
   * the thread had not started on it yet (the caller takes it rather than wait), or the
   * thread is gone. While the thread is still on it, `help` is given the next file nobody has
   * taken, to extract before its turn, rather than wait (as long as it has room).
   */
  async take(at: number, help?: Helper): Promise<AheadResult | null> {
    for (;;) {
      const ready = this.ready.get(at)
      if (ready) {
        this.ready.delete(at)
        this.report(ready)
        return ready
      }
      if (this.gone) return null
      const i = this.number.get(at)
      if (i === undefined) return null
      // files are taken in order by both threads: the next untaken one is this one, or the
      // thread has taken it already
      if (!this.share) break
      if (Atomics.compareExchange(this.next, 0, i, i + 1) === i) return null
      if (!help?.room()) break
      const j = Atomics.add(this.next, 0, 1)
      if (j >= this.files.length) break
      await help.extract(this.files[j]!)
      // the thread's messages come in between
      await new Promise((r) => setImmediate(r))
    }
    const result = await new Promise<AheadResult | null>((r) => this.waiting.set(at, r))
    if (result) this.report(result)
    return result
  }

  private report(result: AheadResult): void {
    this.took.files++
    if (result.ok) this.took.bytes += result.bytes
    if (this.took.files < REPORT_EVERY) return
    if (!this.gone) this.worker.postMessage({ type: 'took', ...this.took } satisfies ToAhead)
    this.took = { files: 0, bytes: 0 }
  }

  /** Ends the thread and forgets the analyses nobody used. */
  async stop(): Promise<void> {
    this.gone = true
    clearPrimed()
    await this.worker.terminate()
  }
}
