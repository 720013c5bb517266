/**
 * The stories room's state: the signature table and the suggestions computed from it, both
 * caches of what SQLite holds. `afterChange()` runs after every write to the library (it
 * computes the signatures of new articles and, if there were any, starts computing
 * suggestions in the background); `clear()` forgets the caches (hook it to the library's
 * change watcher when another process writes the same file).
 */
import type { StorySuggestion } from '../../../shared/contract/stories'
import type { Db } from '../db/open'
import { drainSignatures, SignatureCache, signaturesPending } from './signatures'
import { suggestStories, type SuggestOptions } from './suggest'

/** Articles given their signature in one go before the rest waits for the next turn. */
const AT_ONCE = 2000

export class StoryRoom {
  readonly signatures: SignatureCache
  private suggestions: { promise: Promise<StorySuggestion[]>; abort: AbortController } | null = null
  private timer: ReturnType<typeof setTimeout> | null = null
  private continuing: ReturnType<typeof setImmediate> | null = null
  private closed = false

  constructor(
    private readonly db: Db,
    /** Starts suggestions in the background this long after new articles (0: never). */
    private readonly backgroundDelayMs = 0,
  ) {
    this.signatures = new SignatureCache(db)
  }

  /**
   * Brings signatures up to date with the library; returns how many articles were done. A
   * long journal (a library upgraded to this version) is worked off in pieces in the
   * background, so no call waits for all of it.
   */
  afterChange(): number {
    if (this.closed) return 0
    const done = drainSignatures(this.db, AT_ONCE)
    if (done >= AT_ONCE && !this.continuing && signaturesPending(this.db)) {
      this.continuing = setImmediate(() => {
        this.continuing = null
        this.afterChange()
      })
    }
    if (done > 0) {
      this.clear()
      if (this.backgroundDelayMs > 0) {
        if (this.timer) clearTimeout(this.timer)
        this.timer = setTimeout(() => {
          this.timer = null
          void this.suggest().catch(() => {})
        }, this.backgroundDelayMs)
        this.timer.unref?.()
      }
    }
    return done
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
      const promise = suggestStories(this.db, this.signatures.get(), {
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
    if (this.continuing) clearImmediate(this.continuing)
    this.suggestions?.abort.abort()
  }
}
