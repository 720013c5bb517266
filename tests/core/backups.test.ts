/**
 * A damaged library is never made worse, and nothing is lost: backups before migrations,
 * daily and on request; restores that keep the current library first; a quick check on
 * open, after which a damaged library is open read-only.
 */
import Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  writeFileSync,
  writeSync,
  closeSync,
} from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createCore, type Core } from '../../electron/core'
import { backupsDir, listBackups } from '../../electron/core/backup/store'
import { LATEST_VERSION, migrations } from '../../electron/core/db/migrations'
import { openLibrary, schemaVersion } from '../../electron/core/db/open'
import { UserError } from '../../shared/result'
import { call, tempDir, testCore } from '../helpers/core'
import { germanArticle } from '../helpers/hostile'

function fileCore(path: string, extra: Partial<Parameters<typeof createCore>[0]> = {}): Core {
  return testCore({ libraryPath: path, ...extra })
}

async function addArticles(core: Core, from: number, count: number): Promise<void> {
  const dir = tempDir()
  for (let i = from; i < from + count; i++) writeFileSync(join(dir, `m${i}.txt`), germanArticle(i))
  const r = await call(core, 'import.paths', { paths: [dir] })
  expect(r.results.filter((x) => x.id !== null)).toHaveLength(count)
}

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')

/** Overwrites the first bytes of an index's root page: quick_check finds it, reading articles does not need it. */
function damageAnIndex(path: string): void {
  const db = new Database(path)
  db.pragma('wal_checkpoint(TRUNCATE)')
  const pageSize = db.pragma('page_size', { simple: true }) as number
  const root = db
    .prepare(
      "SELECT rootpage FROM sqlite_master WHERE type = 'index' AND name = 'lexicon_forms_entry'",
    )
    .pluck()
    .get() as number
  db.close()
  const fd = openSync(path, 'r+')
  writeSync(fd, Buffer.alloc(64, 0xee), 0, 64, (root - 1) * pageSize)
  closeSync(fd)
}

afterEach(() => {
  vi.useRealTimers()
})

describe('backups before a migration', () => {
  it('keeps the previous library intact, with a backup beside it, when a migration fails halfway', async () => {
    const path = join(tempDir(), 'library.sqlite')
    const core = fileCore(path)
    await addArticles(core, 1, 3)
    core.close()
    const failing = [
      ...migrations,
      {
        version: LATEST_VERSION + 10,
        name: 'half-done',
        up: (db: Database.Database) => {
          db.exec('CREATE TABLE half_done (x)')
          db.exec('DELETE FROM paragraphs')
          throw new Error('the migration broke halfway')
        },
      },
    ]
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {})
    let error: unknown
    try {
      openLibrary(path, failing)
    } catch (err) {
      error = err
    }
    quiet.mockRestore()
    expect(error).toBeInstanceOf(UserError)
    expect((error as UserError).message).toMatch(
      /could not upgrade .* left as it was, and a copy is in .*backups/,
    )
    expect((error as UserError).message).not.toMatch(/broke halfway|\n/)
    // the library: the old version, every paragraph, no half-made table
    const db = new Database(path, { readonly: true })
    expect(schemaVersion(db)).toBe(LATEST_VERSION)
    expect(db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(3)
    expect(db.prepare('SELECT count(*) FROM paragraphs').pluck().get()).toBeGreaterThan(3)
    expect(
      db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").pluck().get(),
    ).toBe(0)
    db.close()
    // the backup beside it, made before the upgrade
    const backups = listBackups(path)
    expect(backups).toHaveLength(1)
    expect(backups[0]!.reason).toBe(`before-upgrade-${LATEST_VERSION + 10}`)
    expect(backups[0]!.path.startsWith(backupsDir(path))).toBe(true)
    const copy = new Database(backups[0]!.path, { readonly: true })
    expect(copy.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(3)
    copy.close()
  })

  it('makes no backup of a new, empty library', () => {
    const path = join(tempDir(), 'new.sqlite')
    openLibrary(path).close()
    expect(existsSync(backupsDir(path))).toBe(false)
  })
})

describe('backing up and restoring', () => {
  it('restores a backup, keeping the current library as a backup first', async () => {
    const path = join(tempDir(), 'library.sqlite')
    const core = fileCore(path)
    const events: string[] = []
    core.subscribe((event, payload) => events.push(`${event}:${JSON.stringify(payload)}`))
    await addArticles(core, 1, 3)
    const backup = await call(core, 'backup.create', {})
    expect(backup.reason).toBe('manual')
    await addArticles(core, 10, 2)
    expect(await call(core, 'library.list', {})).toHaveLength(5)

    const restored = await call(core, 'backup.restore', { name: backup.name })
    expect(restored.restored.name).toBe(backup.name)
    expect(restored.kept?.reason).toBe('before-restore')
    // the library is the backup's, and its index works
    expect(await call(core, 'library.list', {})).toHaveLength(3)
    expect((await call(core, 'search.query', { query: 'Kulturausschuss' })).total).toBe(3)
    expect(await call(core, 'search.status', {})).toMatchObject({ consistent: true })
    expect(events).toContain('library.changed:{"reason":"restore"}')
    // nothing lost: the library before the restore is a backup too
    const kept = new Database(restored.kept!.path, { readonly: true })
    expect(kept.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(5)
    kept.close()
    // and it can be restored in turn
    await call(core, 'backup.restore', { name: restored.kept!.name })
    expect(await call(core, 'library.list', {})).toHaveLength(5)
  })

  it('another process with the library open sees the restored library', async () => {
    const path = join(tempDir(), 'library.sqlite')
    const core = fileCore(path)
    await addArticles(core, 1, 2)
    const backup = await call(core, 'backup.create', {})
    await addArticles(core, 5, 4)
    const other = new Database(path, { readonly: true })
    expect(other.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(6)
    await call(core, 'backup.restore', { name: backup.name })
    expect(other.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(2)
    other.close()
  })

  it('refuses to restore what is not a sound Lesesaal library of this version or older', async () => {
    const dir = tempDir()
    const path = join(dir, 'library.sqlite')
    const core = fileCore(path)
    await addArticles(core, 1, 1)
    const shopping = join(dir, 'einkauf.sqlite')
    writeFileSync(shopping, 'Milch, Brot, Käse\n'.repeat(300))
    const future = join(dir, 'zukunft.sqlite')
    const f = new Database(future)
    f.exec('CREATE TABLE articles (id); CREATE TABLE settings (key)')
    f.pragma(`user_version = ${LATEST_VERSION + 1000}`)
    f.close()
    const other = join(dir, 'andere.sqlite')
    new Database(other).exec('CREATE TABLE t (x)')
    for (const [file, code, says] of [
      [shopping, 'invalid_input', /not a Lesesaal library/],
      [other, 'invalid_input', /not a Lesesaal library/],
      [future, 'library_too_new', /newer version of Lesesaal/],
      [join(dir, 'fehlt.sqlite'), 'not_found', /no file/],
      [path, 'invalid_input', /the library itself/],
    ] as const) {
      const r = await core.invoke('backup.restore', { path: file })
      expect(r, file).toMatchObject({ ok: false, error: { code } })
      if (!r.ok) expect(r.error.message).toMatch(says)
    }
    // nothing happened to the library
    expect(await call(core, 'library.list', {})).toHaveLength(1)
    expect(listBackups(path)).toEqual([])
  })

  it('offers restoring by name only, and backups into the backups folder only, in browser mode', async () => {
    const dir = tempDir()
    const core = fileCore(join(dir, 'library.sqlite'), { canImportPaths: false })
    expect(await core.invoke('backup.create', { path: join(dir, 'x.sqlite') })).toMatchObject({
      ok: false,
      error: { code: 'unsupported' },
    })
    expect(await core.invoke('backup.restore', { path: join(dir, 'x.sqlite') })).toMatchObject({
      ok: false,
      error: { code: 'unsupported' },
    })
    expect(await core.invoke('backup.restore', { name: '../../etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    })
    const made = await call(core, 'backup.create', {})
    expect(made.path.startsWith(join(dir, 'backups'))).toBe(true)
  })

  it('makes a daily backup while the core is open, and keeps the last few', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const path = join(tempDir(), 'library.sqlite')
    const core = fileCore(path, { dailyBackups: true })
    await addArticles(core, 1, 2)
    // six old daily backups: one too many
    const dir = backupsDir(path)
    expect(listBackups(path)).toEqual([])
    mkdirSync(dir, { recursive: true })
    for (let day = 1; day <= 6; day++) {
      const src = new Database(path, { readonly: true })
      await src.backup(join(dir, `library-2020-01-0${day}_10-00-00-daily.sqlite`))
      src.close()
    }
    expect(listBackups(path).filter((b) => b.reason === 'daily')).toHaveLength(6)
    vi.advanceTimersByTime(61_000)
    await vi.waitFor(
      () => {
        const daily = listBackups(path).filter((b) => b.reason === 'daily')
        expect(daily).toHaveLength(5)
        expect(daily[0]!.createdAt.startsWith('2020')).toBe(false)
      },
      { timeout: 10_000 },
    )
    expect(readdirSync(dir).some((n) => n.endsWith('.partial'))).toBe(false)
  })

  it('has no backups for a library in memory', async () => {
    const core = testCore()
    expect(await call(core, 'backup.status', {})).toMatchObject({
      state: 'ok',
      backupsDir: null,
      backups: [],
    })
    expect(await core.invoke('backup.create', {})).toMatchObject({
      ok: false,
      error: { code: 'unsupported' },
    })
  })
})

describe('a damaged library', () => {
  it('is opened read-only after its quick check, and nothing is written into it', async () => {
    const path = join(tempDir(), 'library.sqlite')
    const first = fileCore(path)
    await addArticles(first, 1, 3)
    const backup = await call(first, 'backup.create', {})
    first.close()
    damageAnIndex(path)
    const before = sha(path)

    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {})
    const core = fileCore(path)
    quiet.mockRestore()
    const status = await call(core, 'backup.status', {})
    expect(status.state).toBe('damaged')
    expect(status.reason).toMatch(/integrity check.*read-only.*restore a backup/)
    expect(status.backups.map((b) => b.name)).toContain(backup.name)
    // what can still be read, is
    expect(await call(core, 'library.list', {})).toHaveLength(3)
    expect((await call(core, 'search.query', { query: 'Haushalt' })).total).toBe(3)
    // nothing is written: an import is refused file by file, a delete with one sentence
    const dir = tempDir()
    writeFileSync(join(dir, 'neu.txt'), germanArticle(99))
    const quiet2 = vi.spyOn(console, 'error').mockImplementation(() => {})
    const report = await call(core, 'import.paths', { paths: [dir] })
    expect(report.results[0]!.error).toMatchObject({ code: 'library_read_only' })
    const del = await core.invoke('article.delete', { id: 1 })
    quiet2.mockRestore()
    expect(del).toMatchObject({ ok: false, error: { code: 'library_read_only' } })
    if (!del.ok) expect(del.error.message).toMatch(/^[^\n]+\.\)?$/)
    core.close()
    expect(sha(path)).toBe(before)
    expect(existsSync(`${path}-wal`) ? readFileSync(`${path}-wal`).length : 0).toBe(0)
  })

  it('is whole again after restoring a backup', async () => {
    const path = join(tempDir(), 'library.sqlite')
    const first = fileCore(path)
    await addArticles(first, 1, 2)
    const backup = await call(first, 'backup.create', {})
    first.close()
    damageAnIndex(path)
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {})
    const core = fileCore(path)
    const events: unknown[] = []
    core.subscribe((event, payload) => event === 'backup.health' && events.push(payload))
    const r = await call(core, 'backup.restore', { name: backup.name })
    quiet.mockRestore()
    // the damaged library is kept too (as it was), in case something in it is needed
    expect(r.kept?.reason).toBe('before-restore')
    expect(events).toEqual([{ state: 'ok', reason: null }])
    expect((await call(core, 'backup.status', {})).state).toBe('ok')
    await addArticles(core, 20, 1)
    expect(await call(core, 'library.list', {})).toHaveLength(3)
    const db = new Database(path, { readonly: true })
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    db.close()
  })
})
