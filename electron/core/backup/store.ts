/**
 * Backups of the library: copies in `backups/` beside the library file, made before every
 * migration, daily while the app runs and on request, and restores from them.
 *
 * Copies are made with SQLite itself, never by copying the file (which may be mid-write, or
 * have half its data in the WAL): before a migration with `VACUUM INTO` (synchronous, so the
 * opening code can wait for it; a consistent, compact snapshot), otherwise with the online
 * backup API (`db.backup()`), which copies in steps and lets the app keep answering. A
 * restore writes into the library through the backup API too, so other processes that have
 * the file open see the restored library instead of writing into a replaced one.
 */
import Database from 'better-sqlite3'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs'
import { basename, dirname, extname, join, resolve } from 'node:path'
import type { BackupInfo, BackupReason } from '../../../shared/contract/backup'
import { UserError } from '../../../shared/result'
import { integrityProblem } from '../db/check'
import { LATEST_VERSION } from '../db/migrations'

/** How many backups of each kind are kept (the oldest go first). */
export const KEEP_BACKUPS = 5
/** A daily backup is due when the newest is older than this. */
export const DAY_MS = 24 * 60 * 60 * 1000

type Db = Database.Database

/** The folder beside the library that holds its backups. */
export function backupsDir(libraryPath: string): string {
  return join(dirname(resolve(libraryPath)), 'backups')
}

const NAME = /^(.+)-(\d{4}-\d{2}-\d{2})_(\d{2})-(\d{2})-(\d{2})(?:-\d+)?-([a-z0-9-]+)\.sqlite$/

/** "library-2026-11-30_14-05-09-daily.sqlite": the library's name, the time, why. */
function fileName(libraryPath: string, reason: BackupReason, now: Date, n = 0): string {
  const stem = basename(libraryPath, extname(libraryPath))
  const p = (x: number) => String(x).padStart(2, '0')
  const stamp = `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}_${p(now.getHours())}-${p(now.getMinutes())}-${p(now.getSeconds())}`
  return `${stem}-${stamp}${n ? `-${n}` : ''}-${reason}.sqlite`
}

/** A new, unused path for a backup of `reason`. */
function newBackupPath(libraryPath: string, reason: BackupReason, now = new Date()): string {
  const dir = backupsDir(libraryPath)
  mkdirSync(dir, { recursive: true })
  for (let n = 0; ; n++) {
    const path = join(dir, fileName(libraryPath, reason, now, n))
    if (!existsSync(path)) return path
  }
}

/** The library's backups, newest first. */
export function listBackups(libraryPath: string): BackupInfo[] {
  const dir = backupsDir(libraryPath)
  const stem = basename(libraryPath, extname(libraryPath))
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return []
  }
  const out: BackupInfo[] = []
  for (const name of names) {
    const m = NAME.exec(name)
    if (!m || m[1] !== stem) continue
    const path = join(dir, name)
    let size: number
    try {
      size = statSync(path).size
    } catch {
      continue
    }
    out.push({
      name,
      path,
      reason: m[6]!,
      createdAt: new Date(`${m[2]}T${m[3]}:${m[4]}:${m[5]}`).toISOString(),
      bytes: size,
    })
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name))
}

/** Keeps the newest `keep` backups whose reason starts with `kind`; removes the others. */
export function pruneBackups(libraryPath: string, kind: string, keep = KEEP_BACKUPS): void {
  const same = listBackups(libraryPath).filter((b) => b.reason.startsWith(kind))
  for (const old of same.slice(keep)) rmSync(old.path, { force: true })
}

/**
 * A copy before migrating to `version`, synchronously (the library is being opened). Returns
 * its path.
 */
export function backupBeforeMigration(db: Db, libraryPath: string, version: number): string {
  const reason: BackupReason = `before-upgrade-${version}`
  const path = newBackupPath(libraryPath, reason)
  db.prepare('VACUUM INTO ?').run(path)
  pruneBackups(libraryPath, 'before-upgrade')
  return path
}

/**
 * A consistent copy of the open library at `dest` through the online backup API, in steps
 * (the event loop keeps running between them).
 */
export async function backupTo(db: Db, dest: string): Promise<BackupInfo> {
  const target = resolve(dest)
  if (existsSync(target))
    throw new UserError('invalid_input', `There is already a file at ${target}; choose a new name.`)
  mkdirSync(dirname(target), { recursive: true })
  const partial = `${target}.partial`
  rmSync(partial, { force: true })
  try {
    await db.backup(partial)
    renameSync(partial, target)
  } catch (err) {
    rmSync(partial, { force: true })
    if (err instanceof UserError) throw err
    console.error('[lesesaal] backup failed:', err)
    const code = (err as NodeJS.ErrnoException).code
    throw new UserError(
      code === 'ENOSPC' || code === 'SQLITE_FULL' ? 'disk_full' : 'io_error',
      code === 'ENOSPC' || code === 'SQLITE_FULL'
        ? 'The disk is full; the backup was not made.'
        : `The backup could not be written to ${target}.`,
    )
  }
  return describe(target)
}

/** A backup into the library's `backups/` folder, keeping the last few of the kind. */
export async function backupNow(
  db: Db,
  libraryPath: string,
  reason: BackupReason,
): Promise<BackupInfo> {
  const info = await backupTo(db, newBackupPath(libraryPath, reason))
  // backups the user asked for stay until the user removes them
  if (reason !== 'manual') pruneBackups(libraryPath, reason)
  return { ...info, reason }
}

/** Whether a daily backup is due (none yet, or the newest is a day old). */
export function dailyBackupDue(libraryPath: string, now = Date.now()): boolean {
  const newest = listBackups(libraryPath).find((b) => b.reason === 'daily')
  return !newest || now - Date.parse(newest.createdAt) >= DAY_MS
}

function describe(path: string): BackupInfo {
  const m = NAME.exec(basename(path))
  return {
    name: basename(path),
    path,
    reason: m?.[6] ?? 'manual',
    createdAt: new Date(statSync(path).mtimeMs).toISOString(),
    bytes: statSync(path).size,
  }
}

/**
 * Checks that `path` is a Lesesaal library this version can open: a sound SQLite file with
 * the library's tables, not written by a newer Lesesaal. Returns its format version.
 */
export function validateBackup(path: string): { version: number; articles: number } {
  if (!existsSync(path)) throw new UserError('not_found', `There is no file at ${path}.`)
  let db: Db | null = null
  try {
    try {
      db = new Database(path, { readonly: true, fileMustExist: true })
      db.prepare('SELECT count(*) FROM sqlite_master').get()
    } catch {
      throw new UserError('invalid_input', `${basename(path)} is not a Lesesaal library.`)
    }
    const version = db.pragma('user_version', { simple: true }) as number
    const tables = new Set(
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[],
    )
    if (version < 10 || !tables.has('articles') || !tables.has('settings'))
      throw new UserError('invalid_input', `${basename(path)} is not a Lesesaal library.`)
    if (version > LATEST_VERSION)
      throw new UserError(
        'library_too_new',
        `${basename(path)} was written by a newer version of Lesesaal (format ${version}, this version reads up to ${LATEST_VERSION}); update Lesesaal to restore it.`,
      )
    const problem = integrityProblem(db)
    if (problem) {
      console.error(`[lesesaal] ${path} failed its integrity check: ${problem}`)
      throw new UserError(
        'library_damaged',
        `${basename(path)} is damaged itself (it failed its integrity check); choose another backup.`,
      )
    }
    const articles = db.prepare('SELECT count(*) FROM articles').pluck().get() as number
    return { version, articles }
  } finally {
    db?.close()
  }
}

/**
 * Keeps the current library as a backup: through the backup API when it opens and is sound,
 * else as a plain copy of its files (a damaged library is copied as it is, WAL included).
 */
export async function keepCurrent(libraryPath: string): Promise<BackupInfo | null> {
  if (!existsSync(libraryPath)) return null
  let db: Db | null = null
  try {
    db = new Database(libraryPath, { readonly: true, fileMustExist: true })
    if (integrityProblem(db) === null) return await backupNow(db, libraryPath, 'before-restore')
  } catch {
    // unreadable: copied as files below
  } finally {
    db?.close()
  }
  const target = newBackupPath(libraryPath, 'before-restore')
  copyFileSync(libraryPath, target)
  for (const ext of ['-wal', '-shm'])
    if (existsSync(libraryPath + ext)) copyFileSync(libraryPath + ext, target + ext)
  pruneBackups(libraryPath, 'before-restore')
  return describe(target)
}

/**
 * Restores `source` into the library at `libraryPath`, after keeping the current library as
 * a backup. The library must not be open in this process (close it first); other processes
 * may have it open: they see the restored content. Returns the backup of the old library.
 */
export async function restoreLibrary(
  libraryPath: string,
  source: string,
): Promise<{ restored: BackupInfo; kept: BackupInfo | null }> {
  const from = resolve(source)
  if (from === resolve(libraryPath))
    throw new UserError('invalid_input', 'That is the library itself, not a backup of it.')
  validateBackup(from)
  const kept = await keepCurrent(libraryPath)
  const src = new Database(from, { readonly: true, fileMustExist: true })
  try {
    try {
      await src.backup(libraryPath)
    } catch (err) {
      // the current file is not a database SQLite can write into: replace it whole
      console.error('[lesesaal] restoring in place failed, replacing the file:', err)
      const temp = `${libraryPath}.restoring`
      rmSync(temp, { force: true })
      await src.backup(temp)
      for (const ext of ['-wal', '-shm']) rmSync(libraryPath + ext, { force: true })
      renameSync(temp, libraryPath)
    }
  } finally {
    src.close()
  }
  return { restored: describe(from), kept }
}
