/** Migration 0070: page furniture learned from the library. */
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrations } from '../../electron/core/db/migrations'
import { migrate, schemaVersion } from '../../electron/core/db/open'

const before = migrations.filter((m) => m.version < 70)
const step = migrations.filter((m) => m.version <= 70)

function libraryBefore0070() {
  const db = new Database(':memory:')
  db.pragma('foreign_keys = ON')
  migrate(db, before)
  db.exec(`
    INSERT INTO outlets (id, name) VALUES (1, 'Küstenbote');
    INSERT INTO articles (id, title, outlet_id, words, content_hash, source_kind, raw,
      extractor_version, imported_at)
      VALUES (1, 'Neue Fähre', 1, 10, 'h1', 'txt', x'00', 1, '2025-01-01T00:00:00Z');
  `)
  return db
}

describe('migration 0070 (furniture)', () => {
  it('adds rules, outlet lines and hits to a library of the previous version, keeping its articles', () => {
    const db = libraryBefore0070()
    migrate(db, step)
    expect(schemaVersion(db)).toBe(70)
    expect(db.prepare('SELECT title FROM articles').all()).toEqual([{ title: 'Neue Fähre' }])
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
    ).map((r) => r.name)
    expect(tables).toEqual(
      expect.arrayContaining(['furniture_rules', 'outlet_lines', 'furniture_hits']),
    )
    db.close()
  })

  it('keeps one rule per line and outlet, a rule for every outlet included', () => {
    const db = libraryBefore0070()
    migrate(db, step)
    const add = db.prepare(
      "INSERT INTO furniture_rules (outlet, line_key, text, source, created_at) VALUES (?, ?, ?, 'user', '2025')",
    )
    add.run('Küstenbote', 'tipp', 'Tipp')
    add.run(null, 'tipp', 'Tipp')
    expect(() => add.run('küstenbote', 'tipp', 'Tipp')).toThrow(/UNIQUE/)
    expect(() => add.run(null, 'tipp', 'Tipp')).toThrow(/UNIQUE/)
    db.close()
  })

  it('forgets an article’s lines and hits with the article, and keeps the rules', () => {
    const db = libraryBefore0070()
    migrate(db, step)
    db.exec(`
      INSERT INTO furniture_rules (id, outlet, line_key, text, source, created_at)
        VALUES (1, 'Küstenbote', 'tipp', 'Tipp', 'template', '2025');
      INSERT INTO outlet_lines (outlet_id, line_key, article_id) VALUES (1, 'tipp', 1);
      INSERT INTO furniture_hits (rule_id, article_id) VALUES (1, 1);
      DELETE FROM articles WHERE id = 1;
    `)
    const count = (t: string) =>
      (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n
    expect([count('outlet_lines'), count('furniture_hits'), count('furniture_rules')]).toEqual([
      0, 0, 1,
    ])
    db.close()
  })

  it('finds an outlet’s recurring lines through its primary key', () => {
    const db = libraryBefore0070()
    migrate(db, step)
    const plan = (
      db
        .prepare(
          'EXPLAIN QUERY PLAN SELECT line_key FROM outlet_lines WHERE outlet_id = ? GROUP BY line_key',
        )
        .all(1) as { detail: string }[]
    )
      .map((r) => r.detail)
      .join(' | ')
    expect(plan).toMatch(/USING (COVERING )?INDEX|PRIMARY KEY/)
    db.close()
  })
})
