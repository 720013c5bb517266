/** Migration 50: highlights, notes, tags on them, article versions; word notes become notes. */
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrations } from '../../electron/core/db/migrations'
import { migrate, schemaVersion } from '../../electron/core/db/open'

describe('migration 0050 (notes)', () => {
  it('moves the lexicon word notes into notes and keeps them readable under the old name', () => {
    const db = new Database(':memory:')
    db.pragma('foreign_keys = ON')
    migrate(
      db,
      migrations.filter((m) => m.version < 50),
    )
    db.prepare(
      "INSERT INTO lexicon_notes VALUES ('sicherheitsgarantie', 'Oft im Plural.', '2025-01-02T03:04:05.000Z')",
    ).run()
    migrate(
      db,
      migrations.filter((m) => m.version <= 50),
    )
    expect(schemaVersion(db)).toBe(50)
    const note = db.prepare('SELECT guid, lemma_key, body, created_at FROM notes').get() as Record<
      string,
      string
    >
    expect(note).toMatchObject({
      lemma_key: 'sicherheitsgarantie',
      body: 'Oft im Plural.',
      created_at: '2025-01-02T03:04:05.000Z',
    })
    expect(note.guid).toMatch(/^[0-9a-f-]{36}$/)
    expect(db.prepare('SELECT key, note FROM lexicon_notes').all()).toEqual([
      { key: 'sicherheitsgarantie', note: 'Oft im Plural.' },
    ])
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all()
    expect(tables).toEqual(
      expect.arrayContaining([
        'highlights',
        'notes',
        'note_history',
        'highlight_tags',
        'note_tags',
        'article_versions',
        'article_version_paragraphs',
      ]),
    )
    // a note is on exactly one thing
    expect(() =>
      db
        .prepare(
          "INSERT INTO notes (guid, body, created_at, updated_at) VALUES ('g-0000001', 'x', 'a', 'a')",
        )
        .run(),
    ).toThrow(/CHECK constraint/)
    db.close()
  })

  it('finds highlights of an article and articles by URL through indexes', () => {
    const db = new Database(':memory:')
    migrate(
      db,
      migrations.filter((m) => m.version <= 50),
    )
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[])
        .map((r) => r.detail)
        .join(' | ')
    expect(plan('SELECT * FROM highlights WHERE article_id = 1 ORDER BY start_pos')).toMatch(
      /highlights_article/,
    )
    expect(
      plan("SELECT id FROM articles WHERE url IN (SELECT value FROM json_each('[]'))"),
    ).toMatch(/articles_url/)
    expect(plan("SELECT article_id FROM article_versions WHERE content_hash = 'x'")).toMatch(
      /article_versions_hash/,
    )
    db.close()
  })
})
