/**
 * A pause between two write transactions of long work done in pieces (a job in the worker):
 * a writer of another connection that waits for the lock looks again only every few to
 * 100 milliseconds (SQLite's busy handler backs off), so a job that began its next piece at
 * once would take the lock again and again before it (measured at 10,000 articles: a tag
 * saved on the main thread waited 3.7 s behind slices of 0.4 s). After this pause the waiting
 * writer has had its turn; new writers are not made to wait behind more than one piece.
 */
const PAUSE_MS = 30

export function yieldWriteLock(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, PAUSE_MS))
}
