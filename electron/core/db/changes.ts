/**
 * Writes by other processes. The desktop app, browser mode and any number of `lesesaal`
 * commands may use one library at the same time; whatever a process keeps in memory that is
 * derived from the library (the search index's caches and term ids, the lexicon's word lists,
 * later stories, alignments, notes) must notice when another process committed, and catch up
 * or reload before it is used again, never write from what it remembered.
 *
 * SQLite's `PRAGMA data_version` (https://sqlite.org/pragma.html#pragma_data_version) is the
 * signal: a number that changes when another connection commits to the file, and not on this
 * connection's own commits. Reading it costs a few microseconds, so it is read before each
 * use of a derived state and before each API call, and polled about once a second while a
 * door (the desktop window, browser mode) is open, so that the renderer hears of changes it
 * did not ask for.
 *
 * Two ways to follow the library:
 * - `cursor()`: a room with lazily derived state asks its own cursor before each use
 *   ("has anyone else written since I last asked?") and reloads what it must; nothing runs
 *   when nobody asks.
 * - `subscribe(listener)`: told, synchronously, when `check()` (before each API call, and
 *   each poll) finds that another process committed. The core turns this into the
 *   `library.changed` event with reason `external`.
 */
import type { Statement } from 'better-sqlite3'
import type { Db } from './open'

export type ChangeListener = () => void

/** How often a held watch polls, by default. */
export const POLL_MS = 1000

export class LibraryChanges {
  private readonly version: Statement
  private last: number
  private readonly listeners = new Set<ChangeListener>()
  private watches = 0
  private timer: ReturnType<typeof setInterval> | null = null

  constructor(private readonly db: Db) {
    this.version = db.prepare('PRAGMA data_version').pluck()
    this.last = this.read()
  }

  private read(): number {
    return this.db.open ? (this.version.get() as number) : this.last
  }

  /**
   * A cursor of one's own: each call says whether another process committed since the
   * cursor was last asked (or made). Independent of `check()` and of other cursors.
   */
  cursor(): () => boolean {
    let seen = this.read()
    return () => {
      const now = this.read()
      if (now === seen) return false
      seen = now
      return true
    }
  }

  /**
   * Checks now. When another process committed since the last check, tells every subscriber
   * (in the order they subscribed) and returns true. A listener that throws is reported and
   * does not keep the others from hearing.
   */
  check(): boolean {
    const now = this.read()
    if (now === this.last) return false
    this.last = now
    for (const listener of [...this.listeners]) {
      try {
        listener()
      } catch (err) {
        console.error('[lesesaal] a listener for library changes failed:', err)
      }
    }
    return true
  }

  /** Hears of other processes' commits; returns the unsubscribe function. */
  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /**
   * Polls every `intervalMs` while at least one watch is held (a door is open); returns the
   * function that releases this watch. The timer never keeps the process alive.
   */
  watch(intervalMs = POLL_MS): () => void {
    this.watches++
    if (!this.timer) {
      this.timer = setInterval(() => this.check(), intervalMs)
      this.timer.unref?.()
    }
    let held = true
    return () => {
      if (!held) return
      held = false
      if (--this.watches === 0) this.stop()
    }
  }

  private stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }

  /** Stops polling and forgets every listener (the library is being closed). */
  close(): void {
    this.stop()
    this.watches = 0
    this.listeners.clear()
  }
}
