/**
 * The stories room's state: the signature table and the suggestions computed from it, both
 * caches of what SQLite holds. `afterChange()` runs after every write to the library (it
 * computes the signatures of new articles and, if there were any, starts computing
 * suggestions in the background); `clear()` forgets the caches (hook it to the library's
 * change watcher when another process writes the same file).
 */
import type { StorySuggestion } from '../../../shared/contract/stories'
import type { Db } from '../db/open'
import type { JobRunner } from '../jobs/runner'
import { drainSignatures, SignatureCache, signaturesPending } from './signatures'
import { suggestStories, type SuggestOptions } from './suggest'

/** Articles given their signature in one turn of the event loop, in the background. */
const PIECE = 200
/** How long writes must pause before signatures are computed in the background. */
const PAUSE_MS = 300

export class StoryRoom {
  readonly signatures: SignatureCache
  private suggestions: { promise: Promise<StorySuggestion[]>; abort: AbortController } | null = null
  private timer: ReturnType<typeof setTimeout> | null = null
  private continuing: ReturnType<typeof setImmediate> | null = null
  private pause: ReturnType<typeof setTimeout> | null = null
  private closed = false

  constructor(
    private readonly db: Db,
    /** Starts suggestions in the background this long after new articles (0: never). */
    private readonly backgroundDelayMs = 0,
    /** A worker for signatures and suggestions (the app): the main thread does none of it. */
    private readonly worker: JobRunner | null = null,
  ) {
    this.signatures = new SignatureCache(db)
  }

  /**
   * After a write: new and changed articles get their signatures in the background, in small
   * pieces once the writes have paused, so an import never waits for them (`background` off:
   * the CLI and tests, which compute them on the next question instead).
   */
  afterChange(): void {
    if (this.closed || this.backgroundDelayMs <= 0 || this.continuing) return
    if (this.pause) clearTimeout(this.pause)
    this.pause = setTimeout(() => {
      this.pause = null
      this.continueInBackground()
    }, PAUSE_MS)
    this.pause.unref?.()
  }

  private continueInBackground(): void {
    if (this.closed) return
    if (this.worker) {
      // new articles: the worker signs them and suggests again
      if (signaturesPending(this.db)) {
        this.clear()
        this.suggestLater()
      }
      return
    }
    const done = this.update(PIECE)
    if (done >= PIECE && signaturesPending(this.db)) {
      this.continuing = setImmediate(() => {
        this.continuing = null
        this.continueInBackground()
      })
    }
  }

  /**
   * Brings signatures up to date with the library now (before answering a question about
   * stories); returns how many articles were done.
   */
  update(max = Infinity): number {
    if (this.closed) return 0
    const done = drainSignatures(this.db, max)
    if (done > 0) {
      this.clear()
      if (this.backgroundDelayMs > 0) this.suggestLater()
    }
    return done
  }

  /** Whether questions about stories need `update()` first (no worker signs the articles). */
  get signsInPlace(): boolean {
    return this.worker === null
  }

  private suggestLater(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.timer = null
      void this.suggest().catch(() => {})
    }, this.backgroundDelayMs)
    this.timer.unref?.()
  }

  /** Forgets every cache (signatures, suggestions); a running suggestion batch is cancelled. */
  clear(): void {
    this.signatures.clear()
    this.suggestions?.abort.abort()
    this.suggestions = null
  }

  /** Forgets the suggestions only (after a story was created or a suggestion dismissed). */
  forgetSuggestions(): void {
    this.suggestions?.abort.abort()
    this.suggestions = null
  }

  /** The suggestions: the running or finished batch, or a new one. */
  suggest(options: Omit<SuggestOptions, 'signal'> = {}): Promise<StorySuggestion[]> {
    if (!this.suggestions) {
      const abort = new AbortController()
      const promise = this.worker
        ? // a batch made stale meanwhile finishes in the worker; its result is not kept
          this.worker
            .run('story.suggest', {})
            // cancelled to make way for an import (or the like): again, after it
            .catch((err: unknown) =>
              (err as { code?: string }).code === 'cancelled' && !this.closed && this.worker
                ? this.worker.run('story.suggest', {})
                : Promise.reject(err),
            )
            .then((found) => {
              this.signatures.clear()
              return found
            })
        : suggestStories(this.db, this.signatures.get(), {
            ...options,
            signal: abort.signal,
          })
      const entry = { promise, abort }
      this.suggestions = entry
      promise.catch(() => {
        if (this.suggestions === entry) this.suggestions = null
      })
    }
    return this.suggestions.promise
  }

  close(): void {
    this.closed = true
    if (this.timer) clearTimeout(this.timer)
    if (this.pause) clearTimeout(this.pause)
    if (this.continuing) clearImmediate(this.continuing)
    this.suggestions?.abort.abort()
  }
}
