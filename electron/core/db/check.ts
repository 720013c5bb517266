/** The library file's integrity check, shared by opening, backups and restores. */
import type Database from 'better-sqlite3'

/**
 * `PRAGMA quick_check` (pages, records and indexes' structure, in one pass over the file):
 * null when the file is sound, else the first problems it found. Memory-mapped reading makes
 * the pass about twice as fast; the map is dropped again afterwards.
 */
export function integrityProblem(db: Database.Database): string | null {
  try {
    db.pragma('mmap_size = 1073741824')
    const rows = db.pragma('quick_check(5)') as { quick_check: string }[]
    const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok')
    return problems.length ? problems.join('; ') : null
  } catch (err) {
    return (err as Error).message
  } finally {
    try {
      db.pragma('mmap_size = 0')
    } catch {
      // a damaged file may refuse even this
    }
  }
}
