/** Migration 0040: stories, sentences and alignment, added to a library that has articles. */
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrations } from '../../electron/core/db/migrations'
import { migrate, schemaVersion } from '../../electron/core/db/open'

describe('migration 0040 (stories)', () => {
  it('adds the tables, journals the articles already there, and keeps stories', () => {
    const db = new Database(':memory:')
    db.pragma('foreign_keys = ON')
    migrate(
      db,
      migrations.filter((m) => m.version <= 30),
    )
    expect(schemaVersion(db)).toBe(30)
    db.exec(`
      INSERT INTO articles (id, title, words, content_hash, source_kind, raw, extractor_version, imported_at)
        VALUES (1, 'Alt', 3, 'h1', 'txt', x'00', 1, '2025-01-01');
      INSERT INTO paragraphs VALUES (1, 0, 'p', 'Ein alter Satz. Noch einer.');
      INSERT INTO stories (id, title, created_at) VALUES (1, 'Alte Geschichte', '2025-01-01');
      INSERT INTO story_articles VALUES (1, 1);
    `)
    migrate(
      db,
      migrations.filter((m) => m.version <= 40),
    )
    expect(schemaVersion(db)).toBe(40)
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
      .pluck()
      .all() as string[]
    for (const t of [
      'article_sentences',
      'story_signatures',
      'story_journal',
      'story_alignments',
      'story_dismissed',
      'translations',
      'translation_links',
      'translation_alignments',
    ])
      expect(tables).toContain(t)
    expect(db.prepare('SELECT article_id FROM story_journal').pluck().all()).toEqual([1])
    expect(db.prepare('SELECT title FROM stories').pluck().all()).toEqual(['Alte Geschichte'])

    // what is derived from a text goes when the text changes
    db.exec(`
      INSERT INTO article_sentences VALUES (1, 0, 0, 0, 15);
      INSERT INTO story_alignments VALUES (1, 'x', '{}');
    `)
    db.exec("UPDATE paragraphs SET text = 'Neu.' WHERE article_id = 1")
    expect(db.prepare('SELECT count(*) FROM article_sentences').pluck().get()).toBe(0)
    expect(db.prepare('SELECT count(*) FROM story_alignments').pluck().get()).toBe(0)
    // and a story's alignment when its articles change
    db.exec("INSERT INTO story_alignments VALUES (1, 'x', '{}'); DELETE FROM story_articles")
    expect(db.prepare('SELECT count(*) FROM story_alignments').pluck().get()).toBe(0)
  })
})
