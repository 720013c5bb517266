import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { UserError } from '../../../shared/result'
import { LATEST_VERSION, migrations, type Migration } from './migrations'

export type Db = Database.Database

/**
 * Opens (or creates) a library file: WAL, foreign keys, migrations applied.
 * A library written by a newer Lesesaal is refused rather than guessed at.
 */
export function openLibrary(path: string, list: readonly Migration[] = migrations): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  let db: Db
  try {
    db = new Database(path)
    db.pragma('journal_mode = WAL')
  } catch (err) {
    throw new UserError(
      'library_unreadable',
      `Cannot open the library ${path}: ${(err as Error).message}`,
    )
  }
  try {
    db.pragma('foreign_keys = ON')
    db.pragma('synchronous = NORMAL')
    // writers wait for each other (another process may hold the write lock for a while: a
    // dictionary import, an index flush) rather than fail
    db.pragma('busy_timeout = 15000')
    migrate(db, list)
    return db
  } catch (err) {
    db.close()
    if (err instanceof UserError) throw err
    throw new UserError(
      'library_unreadable',
      `Cannot open the library ${path}: ${(err as Error).message}`,
    )
  }
}

/** The schema version recorded in the file. */
export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number
}

/** Applies every pending migration in one transaction. */
export function migrate(db: Db, list: readonly Migration[] = migrations): void {
  const current = schemaVersion(db)
  const latest = list.length ? list[list.length - 1]!.version : 0
  if (current > latest) {
    throw new UserError(
      'library_too_new',
      `This library was written by a newer version of Lesesaal (format ${current}, this version reads up to ${latest}). Please update Lesesaal to open it.`,
    )
  }
  const pending = list.filter((m) => m.version > current)
  if (pending.length === 0) return
  db.transaction(() => {
    for (const m of pending) {
      m.up(db)
      db.pragma(`user_version = ${m.version}`)
    }
  })()
}

export { LATEST_VERSION }
