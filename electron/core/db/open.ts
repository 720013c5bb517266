import Database from 'better-sqlite3'
import { accessSync, constants, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { UserError } from '../../../shared/result'
import { backupBeforeMigration } from '../backup/store'
import { integrityProblem } from './check'
import { LATEST_VERSION, migrations, type Migration } from './migrations'

export type Db = Database.Database

/**
 * What the library's state allows: `ok`; `readOnly` (the file or its folder may not be
 * written: read and search only); `damaged` (it failed its integrity check, and is open
 * read-only so that nothing makes it worse, until a backup is restored).
 */
export interface LibraryHealth {
  state: 'ok' | 'readOnly' | 'damaged'
  /** One sentence for the user (English; the UI has its own by state), null when ok. */
  reason: string | null
}

export interface OpenOptions {
  migrations?: readonly Migration[]
  /** Runs `PRAGMA quick_check` on open (default: true). */
  check?: boolean
  /** Copies the library into `backups/` before migrating it (default: true for files). */
  backupBeforeMigrating?: boolean
}

const health = new WeakMap<Db, LibraryHealth>()

/** The health found when the library was opened. */
export function libraryHealth(db: Db): LibraryHealth {
  return health.get(db) ?? { state: 'ok', reason: null }
}

const READ_ONLY_REASON =
  'The library file is read-only (no permission to change it): you can read and search, but not change anything.'
const DAMAGED_REASON =
  'The library failed its integrity check and is open read-only so that nothing makes it worse; restore a backup to work with it again.'

/**
 * Opens (or creates) a library file: WAL, foreign keys, migrations applied.
 *
 * A library written by a newer Lesesaal is refused rather than guessed at. The file is
 * checked (`quick_check`) before anything is written: a damaged library is opened read-only,
 * never migrated or written to. A library Lesesaal may not write (file permissions, a
 * read-only disk) is opened read-only, as long as it needs no migration. Before migrating a
 * library that has data, a copy goes to `backups/` beside it.
 */
export function openLibrary(
  path: string,
  listOrOptions: readonly Migration[] | OpenOptions = {},
): Db {
  // Another process may be creating or migrating the same library this moment (two CLI
  // commands, the app and the CLI): switching a new file to WAL and the first migration take
  // locks that a second opener cannot wait for through the busy timeout. It waits here.
  const deadline = Date.now() + OPEN_BUSY_MS
  for (let attempt = 0; ; attempt++) {
    try {
      return openOnce(path, listOrOptions)
    } catch (err) {
      if (!(err instanceof UserError && err.code === 'library_busy') || Date.now() > deadline)
        throw err
      sleep(Math.min(200, 20 * 2 ** attempt) * (0.5 + Math.random()))
    }
  }
}

/** How long opening waits for another process that holds the library's locks. */
const OPEN_BUSY_MS = 15_000

/** Blocks the thread for `ms` (only while opening waits for another process's lock). */
function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}

const isBusy = (err: unknown) =>
  /^SQLITE_(BUSY|LOCKED)/.test(String((err as { code?: unknown })?.code ?? ''))

function busy(path: string): UserError {
  return new UserError(
    'library_busy',
    `Another program is writing to the library ${path} right now; try again in a moment.`,
  )
}

function openOnce(path: string, listOrOptions: readonly Migration[] | OpenOptions): Db {
  const options: OpenOptions = Array.isArray(listOrOptions)
    ? { migrations: listOrOptions as readonly Migration[] }
    : (listOrOptions as OpenOptions)
  const list = options.migrations ?? migrations
  if (path === ':memory:') {
    const db = new Database(path)
    configure(db)
    migrate(db, list)
    health.set(db, { state: 'ok', reason: null })
    return db
  }
  const exists = existsSync(path)
  if (exists && statSync(path).isDirectory())
    throw new UserError(
      'library_unreadable',
      `${path} is a folder; a library is a file (for example ${join(path, 'library.sqlite')}).`,
    )
  if (!exists) {
    try {
      mkdirSync(dirname(path), { recursive: true })
    } catch (err) {
      throw new UserError(
        'library_unreadable',
        `Cannot create the library ${path}: ${fsReason(err)}.`,
      )
    }
  }
  const readOnly = exists && !writable(path)
  let state: LibraryHealth = readOnly
    ? { state: 'readOnly', reason: READ_ONLY_REASON }
    : { state: 'ok', reason: null }
  let db: Db
  if (exists) {
    // checked through a read-only connection: closing it never writes (a read-write one
    // would checkpoint the WAL into the file as it closes)
    const probe = openReadOnly(path)
    const problem = options.check === false ? null : integrityProblem(probe)
    if (problem) {
      console.error(`[lesesaal] ${path} failed its integrity check: ${problem}`)
      state = { state: 'damaged', reason: DAMAGED_REASON }
    }
    if (state.state !== 'ok') db = probe
    else {
      probe.close()
      db = openWritable(path)
    }
  } else {
    db = openWritable(path)
  }
  try {
    const pending = pendingMigrations(db, list)
    if (pending.length && state.state !== 'ok') {
      throw new UserError(
        state.state === 'damaged' ? 'library_damaged' : 'library_read_only',
        state.state === 'damaged'
          ? `The library ${path} is damaged and needs an upgrade that cannot be applied to a damaged file; restore a backup (lesesaal restore FILE).`
          : `The library ${path} is read-only but needs an upgrade to this version of Lesesaal; make it writable and open it again.`,
      )
    }
    let kept: string | null = null
    if (pending.length && schemaVersion(db) > 0 && options.backupBeforeMigrating !== false)
      kept = backupBeforeMigration(db, path, pending[pending.length - 1]!.version)
    try {
      migrate(db, list)
    } catch (err) {
      if (isBusy(err)) throw busy(path)
      console.error(`[lesesaal] upgrading ${path} failed:`, err)
      throw new UserError(
        'library_unreadable',
        `Lesesaal could not upgrade the library ${path}; it was left as it was${kept ? `, and a copy is in ${kept}` : ''}.`,
      )
    }
  } catch (err) {
    db.close()
    if (err instanceof UserError) throw err
    if (isBusy(err)) throw busy(path)
    console.error(`[lesesaal] opening ${path} failed:`, err)
    throw new UserError(
      'library_unreadable',
      `Cannot open the library ${path}: ${(err as Error).message.split('\n')[0]}.`.replace(
        /\.\.$/,
        '.',
      ),
    )
  }
  health.set(db, state)
  return db
}

function configure(db: Db): void {
  db.pragma('foreign_keys = ON')
  db.pragma('synchronous = NORMAL')
  // writers wait for each other (another process may hold the write lock for a while: a
  // dictionary import, an index flush) rather than fail
  db.pragma('busy_timeout = 15000')
  if (!db.readonly) immediateByDefault(db)
}

/**
 * Every transaction of a writable connection begins IMMEDIATE (takes the write lock first).
 * A deferred transaction that reads and then writes cannot wait for another process's
 * writer: SQLite answers SQLITE_BUSY at once when it tries to upgrade its read to a write
 * (the busy timeout is not consulted then), so two imports, or the app and the CLI, would
 * fail each other. Nested transactions stay savepoints; `.deferred()` is still there for a
 * transaction that only reads.
 */
function immediateByDefault(db: Db): void {
  const transaction = db.transaction.bind(db)
  db.transaction = ((fn: (...args: never[]) => unknown) =>
    transaction(fn).immediate) as unknown as Db['transaction']
}

function openWritable(path: string): Db {
  let db: Db | null = null
  try {
    db = new Database(path)
    db.pragma('journal_mode = WAL')
    configure(db)
    return db
  } catch (err) {
    db?.close()
    throw unreadable(path, err)
  }
}

/**
 * A read-only connection. SQLite needs the WAL's shared-memory file beside a WAL library;
 * where it cannot create one (a read-only folder), the file is read into memory instead.
 */
function openReadOnly(path: string): Db {
  let db: Db | null = null
  try {
    db = new Database(path, { readonly: true, fileMustExist: true })
    configure(db)
    db.prepare('SELECT count(*) FROM sqlite_master').get()
    return db
  } catch (err) {
    db?.close()
    if (!/READONLY|CANTOPEN/.test((err as { code?: string }).code ?? ''))
      throw unreadable(path, err)
  }
  try {
    const bytes = readFileSync(path)
    // the header's WAL marks (bytes 18 and 19) back to the rollback journal: a copy in memory
    // has no WAL to read
    if (bytes.length > 19) bytes[18] = bytes[19] = 1
    db = new Database(bytes, { readonly: true })
    configure(db)
    db.prepare('SELECT count(*) FROM sqlite_master').get()
    return db
  } catch (err) {
    db?.close()
    throw unreadable(path, err)
  }
}

function unreadable(path: string, err: unknown): UserError {
  const code = (err as { code?: string }).code ?? ''
  if (isBusy(err)) return busy(path)
  console.error(`[lesesaal] cannot open ${path}:`, err)
  if (code === 'SQLITE_NOTADB')
    return new UserError(
      'library_unreadable',
      `The file ${path} is not a Lesesaal library (or it is damaged beyond reading); restore a backup with: lesesaal restore FILE.`,
    )
  if (code.startsWith('SQLITE_CORRUPT'))
    return new UserError(
      'library_damaged',
      `The library ${path} is damaged beyond reading; restore a backup with: lesesaal restore FILE.`,
    )
  return new UserError(
    'library_unreadable',
    `Cannot open the library ${path}: ${code.startsWith('SQLITE_') ? (err as Error).message : fsReason(err)}.`,
  )
}

function fsReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  if (code === 'EROFS') return 'the disk is read-only'
  if (code === 'ENOSPC') return 'the disk is full'
  return (err as Error).message ?? String(err)
}

/** Whether this process may write the file and create the WAL files beside it. */
function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK)
  } catch {
    return false
  }
  try {
    accessSync(dirname(path), constants.W_OK)
    return true
  } catch {
    // a read-only folder is fine if the WAL files are already there and writable
    try {
      accessSync(`${path}-wal`, constants.W_OK)
      accessSync(`${path}-shm`, constants.W_OK)
      return true
    } catch {
      return false
    }
  }
}

/** The schema version recorded in the file. */
export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number
}

function pendingMigrations(db: Db, list: readonly Migration[]): readonly Migration[] {
  const current = schemaVersion(db)
  const latest = list.length ? list[list.length - 1]!.version : 0
  if (current > latest) {
    throw new UserError(
      'library_too_new',
      `This library was written by a newer version of Lesesaal (format ${current}, this version reads up to ${latest}). Please update Lesesaal to open it.`,
    )
  }
  return list.filter((m) => m.version > current)
}

/**
 * Applies every pending migration in one transaction. The transaction takes the write lock
 * first and looks again: two processes opening a new library at once migrate it once.
 */
export function migrate(db: Db, list: readonly Migration[] = migrations): void {
  if (pendingMigrations(db, list).length === 0) return
  db.transaction(() => {
    for (const m of pendingMigrations(db, list)) {
      m.up(db)
      db.pragma(`user_version = ${m.version}`)
    }
  }).immediate()
}

export { integrityProblem, LATEST_VERSION }
