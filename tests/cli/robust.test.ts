/**
 * The command line on libraries and files that are not as they should be: read-only,
 * damaged, not a library at all, unreadable files and folders. One line each, never a stack,
 * and backups to get back.
 */
import Database from 'better-sqlite3'
import { spawnSync } from 'node:child_process'
import {
  chmodSync,
  chownSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  writeFileSync,
  writeSync,
} from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/core'
import { ROOT } from '../helpers/fixtures'
import { germanArticle } from '../helpers/hostile'

const BIN = join(ROOT, 'bin/lesesaal.js')
const AS_USER = join(ROOT, 'tests/helpers/unprivileged.mjs')
const root = process.getuid?.() === 0

beforeAll(() => {
  if (!existsSync(join(ROOT, 'out/main/cli.js')))
    throw new Error('Build first: npm run build (npm test does it).')
  // as root, the CLI runs as nobody here, who must be able to read the checkout
  if (root && spawnSync(process.execPath, [AS_USER, BIN, '--version']).status !== 0)
    throw new Error(
      `These tests run the CLI as the user nobody, who cannot read ${ROOT}: make the checkout and the folders above it readable by others (chmod o+rx).`,
    )
})

/** Runs the CLI; `unprivileged` as an ordinary user (nobody, when the tests run as root). */
function lesesaal(args: string[], opts: { unprivileged?: boolean } = {}) {
  const r = spawnSync(
    process.execPath,
    opts.unprivileged ? [AS_USER, BIN, ...args] : [BIN, ...args],
    { encoding: 'utf8', env: { ...process.env, LESESAAL_LIBRARY: '', LESESAAL_DEBUG: '' } },
  )
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** Every line on stderr is one sentence from Lesesaal: no stack frames, no error dumps. */
function expectOneLiners(stderr: string) {
  for (const line of stderr.split('\n').filter(Boolean)) {
    expect(line).toMatch(/^lesesaal: /)
    expect(line).not.toMatch(/^\s+at |SqliteError|Error:/)
  }
}

const restore: (() => void)[] = []
afterEach(() => {
  while (restore.length) restore.pop()!()
})

/** A folder an ordinary user may enter (temporary folders are private to their owner). */
function openDir(): string {
  const dir = tempDir()
  chmodSync(dir, 0o755)
  return dir
}

function libraryWith(dir: string, n: number): string {
  const lib = join(dir, 'library.sqlite')
  const src = join(dir, 'quellen')
  mkdirSync(src)
  for (let i = 1; i <= n; i++) writeFileSync(join(src, `m${i}.txt`), germanArticle(i))
  expect(lesesaal(['--library', lib, 'import', src]).code).toBe(0)
  return lib
}

describe('an older Node.js', () => {
  it('is told in one sentence which version the command needs', () => {
    // this Node.js, told it is an old one before the command starts
    const older = `data:text/javascript,Object.defineProperty(process,"versions",{value:{...process.versions,node:"20.1.0"}})`
    const r = spawnSync(process.execPath, ['--import', older, BIN, 'list'], { encoding: 'utf8' })
    expect(r.status).toBe(1)
    expect(r.stderr).toBe(
      'lesesaal: Lesesaal needs Node.js 22.12 or newer; this is Node.js 20.1.0.\n',
    )
  })
})

describe('a read-only library', () => {
  it('is listed and searched, and a change is refused in one line (read-only folder)', () => {
    const dir = openDir()
    const lib = libraryWith(dir, 2)
    const lone = join(dir, 'neu.txt')
    writeFileSync(lone, germanArticle(9))
    chmodSync(lib, 0o444)
    chmodSync(dir, 0o555)
    restore.push(() => chmodSync(dir, 0o755))
    const list = lesesaal(['--library', lib, 'list', '--json'], { unprivileged: true })
    expect(list.code).toBe(0)
    expect(JSON.parse(list.stdout)).toHaveLength(2)
    expect(list.stderr).toMatch(/^lesesaal: note: The library file is read-only/)
    expectOneLiners(list.stderr)
    const search = lesesaal(['--library', lib, 'search', 'Kulturausschuss', '--json'], {
      unprivileged: true,
    })
    expect(JSON.parse(search.stdout).total).toBe(2)
    const imp = lesesaal(['--library', lib, 'import', lone, '--json'], { unprivileged: true })
    expect(imp.code).toBe(1)
    expect(JSON.parse(imp.stdout)[0].error).toMatchObject({ code: 'library_read_only' })
    expectOneLiners(imp.stderr)
  })

  it('is read in a writable folder too, where SQLite keeps its WAL files', () => {
    const dir = openDir()
    const lib = libraryWith(dir, 3)
    chmodSync(lib, 0o444)
    if (root) chownSync(dir, 65534, 65534)
    const list = lesesaal(['--library', lib, 'list', '--json'], { unprivileged: true })
    expect(list.code).toBe(0)
    expect(JSON.parse(list.stdout)).toHaveLength(3)
    const del = lesesaal(['--library', lib, 'search', 'Haushalt', '--json'], { unprivileged: true })
    expect(JSON.parse(del.stdout).total).toBe(3)
  })
})

describe('files and folders Lesesaal may not read', () => {
  it('names each one with one sentence and imports the rest', () => {
    const dir = openDir()
    const work = join(dir, 'bibliothek')
    mkdirSync(work, { mode: 0o777 })
    chmodSync(work, 0o777)
    const src = join(dir, 'ordner')
    mkdirSync(join(src, 'privat'), { recursive: true })
    chmodSync(src, 0o755)
    writeFileSync(join(src, 'gut.txt'), germanArticle(1))
    writeFileSync(join(src, 'geheim.txt'), germanArticle(2))
    writeFileSync(join(src, 'privat', 'brief.txt'), germanArticle(3))
    chmodSync(join(src, 'geheim.txt'), 0o000)
    chmodSync(join(src, 'privat'), 0o000)
    restore.push(() => chmodSync(join(src, 'privat'), 0o755))
    const r = lesesaal(['--library', join(work, 'lib.sqlite'), 'import', src, '--json'], {
      unprivileged: true,
    })
    expect(r.code).toBe(0)
    const results = JSON.parse(r.stdout) as {
      source: string
      id: number | null
      error: { code: string; message: string } | null
    }[]
    const by = Object.fromEntries(results.map((x) => [x.source.slice(src.length + 1), x]))
    expect(by['gut.txt']!.id).toBe(1)
    expect(by['geheim.txt']!.error).toEqual({
      code: 'permission_denied',
      message: 'Permission denied: Lesesaal may not read this file.',
    })
    expect(by['privat']!.error).toEqual({
      code: 'permission_denied',
      message: 'Permission denied: Lesesaal may not read this folder.',
    })
    expectOneLiners(r.stderr)
  })
})

describe('a damaged library', () => {
  function damage(lib: string) {
    const db = new Database(lib)
    db.pragma('wal_checkpoint(TRUNCATE)')
    const size = db.pragma('page_size', { simple: true }) as number
    const rootPage = db
      .prepare("SELECT rootpage FROM sqlite_master WHERE name = 'lexicon_forms_entry'")
      .pluck()
      .get() as number
    db.close()
    const fd = openSync(lib, 'r+')
    writeSync(fd, Buffer.alloc(64, 0xee), 0, 64, (rootPage - 1) * size)
    closeSync(fd)
  }

  it('is read with a one-line note, refuses to import, and a backup brings it back', () => {
    const dir = tempDir()
    const lib = libraryWith(dir, 2)
    const copy = join(dir, 'sicherung.sqlite')
    const made = lesesaal(['--library', lib, 'backup', copy, '--json'])
    expect(made.code).toBe(0)
    expect(JSON.parse(made.stdout)).toMatchObject({ path: copy })
    damage(lib)
    const list = lesesaal(['--library', lib, 'list', '--json'])
    expect(list.code).toBe(0)
    expect(JSON.parse(list.stdout)).toHaveLength(2)
    expect(list.stderr).toMatch(/^lesesaal: note: The library failed its integrity check/)
    expectOneLiners(list.stderr)
    writeFileSync(join(dir, 'neu.txt'), germanArticle(7))
    const imp = lesesaal(['--library', lib, 'import', join(dir, 'neu.txt')])
    expect(imp.code).toBe(1)
    expect(imp.stdout).toMatch(/read-only/)
    expectOneLiners(imp.stderr)

    const back = lesesaal(['--library', lib, 'restore', copy])
    expect(back.code).toBe(0)
    expect(back.stdout).toMatch(
      /^Restored sicherung\.sqlite\. The library as it was is kept in .*backups.*before-restore\.sqlite\./,
    )
    const again = lesesaal(['--library', lib, 'import', join(dir, 'neu.txt'), '--json'])
    expect(again.code).toBe(0)
    expect(again.stderr).toBe('')
    const backups = lesesaal(['--library', lib, 'backups', '--json'])
    expect(JSON.parse(backups.stdout).backups.map((b: { reason: string }) => b.reason)).toEqual([
      'before-restore',
    ])
  })

  it('that is a folder: one line that says a library is a file', () => {
    const dir = tempDir()
    const r = lesesaal(['--library', dir, 'list'])
    expect(r.code).toBe(1)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stderr).toContain(`${dir} is a folder; a library is a file`)
  })

  it('that is not a library at all: one line, and restore still works', () => {
    const dir = tempDir()
    const good = libraryWith(dir, 1)
    const copy = join(dir, 'copy.sqlite')
    expect(lesesaal(['--library', good, 'backup', copy]).code).toBe(0)
    const lib = join(dir, 'kaputt.sqlite')
    writeFileSync(lib, 'Das ist keine Datenbank.\n'.repeat(400))
    const list = lesesaal(['--library', lib, 'list'])
    expect(list.code).toBe(1)
    expect(list.stderr.trim().split('\n')).toHaveLength(1)
    expect(list.stderr).toMatch(/not a Lesesaal library .*lesesaal restore FILE/)
    const back = lesesaal(['--library', lib, 'restore', copy, '--json'])
    expect(back.code).toBe(0)
    expect(JSON.parse(back.stdout).kept.reason).toBe('before-restore')
    expect(JSON.parse(lesesaal(['--library', lib, 'list', '--json']).stdout)).toHaveLength(1)
  })
})
