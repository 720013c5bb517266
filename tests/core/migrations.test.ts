/** The library file's schema: numbered migrations, one transaction, no guessing at newer files. */
import Database from 'better-sqlite3'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LATEST_VERSION, migrations } from '../../electron/core/db/migrations'
import * as m0010 from '../../electron/core/db/migrations/0010-initial'
import { migrate, openLibrary, schemaVersion } from '../../electron/core/db/open'
import { UserError } from '../../shared/result'
import { tempDir } from '../helpers/core'

const tables = (db: Database.Database) =>
  (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string
    }[]
  ).map((r) => r.name)

describe('migrations', () => {
  it('are numbered in gaps of 10 and in order', () => {
    // numbers are reserved per room, so one may still be missing while its room is built
    migrations.forEach((m, i) => {
      expect(m.version % 10).toBe(0)
      if (i > 0) expect(m.version).toBeGreaterThan(migrations[i - 1]!.version)
    })
    expect(LATEST_VERSION).toBe(migrations[migrations.length - 1]!.version)
  })

  it('0010 turns an empty file into the first schema', () => {
    const db = new Database(':memory:')
    expect(schemaVersion(db)).toBe(0)
    migrate(db, [{ version: 10, name: 'initial', up: m0010.up }])
    expect(schemaVersion(db)).toBe(10)
    expect(tables(db)).toEqual([
      'article_tags',
      'articles',
      'comments',
      'outlets',
      'paragraphs',
      'settings',
      'stories',
      'story_articles',
      'tags',
    ])
    db.close()
  })

  it('opens a new library at the latest version, with WAL and foreign keys', () => {
    const path = join(tempDir(), 'lib.sqlite')
    const db = openLibrary(path)
    expect(schemaVersion(db)).toBe(LATEST_VERSION)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    db.close()
  })

  it('refuses a library written by a newer Lesesaal and leaves it untouched', () => {
    const path = join(tempDir(), 'future.sqlite')
    const future = new Database(path)
    future.pragma('user_version = 9990')
    future.exec('CREATE TABLE from_the_future (x)')
    future.close()
    let error: unknown
    try {
      openLibrary(path)
    } catch (err) {
      error = err
    }
    expect(error).toBeInstanceOf(UserError)
    expect((error as UserError).code).toBe('library_too_new')
    expect((error as UserError).message).toMatch(/newer version of Lesesaal.*update/i)
    const check = new Database(path)
    expect(schemaVersion(check)).toBe(9990)
    expect(tables(check)).toEqual(['from_the_future'])
    check.close()
  })

  it('applies pending migrations all or nothing', () => {
    const db = new Database(':memory:')
    const failing = [
      { version: 10, name: 'initial', up: m0010.up },
      {
        version: 20,
        name: 'broken',
        up: () => {
          throw new Error('boom')
        },
      },
    ]
    expect(() => migrate(db, failing)).toThrow('boom')
    expect(schemaVersion(db)).toBe(0)
    expect(tables(db)).toEqual([])
    db.close()
  })

  it('refuses a file that is not a library with a clear message', () => {
    const path = join(tempDir(), 'notes.sqlite')
    writeFileSync(path, 'Das ist keine Datenbank, sondern ein Einkaufszettel.\n'.repeat(200))
    expect(() => openLibrary(path)).toThrow(expect.objectContaining({ code: 'library_unreadable' }))
  })
})

describe('query plans of hot queries', () => {
  const plan = (db: Database.Database, sql: string, ...args: unknown[]) =>
    (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[])
      .map((r) => r.detail)
      .join(' | ')

  it('finds duplicates through the content-hash index', () => {
    const db = openLibrary(':memory:')
    expect(plan(db, 'SELECT id FROM articles WHERE content_hash = ?', 'x')).toMatch(
      /USING (COVERING )?INDEX sqlite_autoindex_articles/,
    )
    db.close()
  })

  it('reads paragraphs and comments of one article through their indexes', () => {
    const db = openLibrary(':memory:')
    expect(
      plan(db, 'SELECT kind, text FROM paragraphs WHERE article_id = ? ORDER BY position', 1),
    ).toMatch(/USING PRIMARY KEY/)
    expect(plan(db, 'SELECT * FROM comments WHERE article_id = ? ORDER BY position', 1)).toMatch(
      /USING INDEX comments_article/,
    )
    expect(plan(db, 'SELECT id FROM articles WHERE outlet_id = ?', 1)).toMatch(
      /USING (COVERING )?INDEX articles_outlet/,
    )
    db.close()
  })
})
