import { randomUUID } from 'node:crypto'
import type { Database } from 'better-sqlite3'

/**
 * Highlights, notes, tags on them, and article versions.
 *
 * - A highlight keeps the W3C Web Annotation selectors over the article text (see
 *   `shared/text.ts`): the exact quote with up to 32 characters before and after
 *   (TextQuoteSelector) and its start and end (TextPositionSelector), and how its last
 *   re-anchoring went (`anchored`, `moved`, `orphan`). An orphan keeps its selectors.
 * - A note is Markdown on exactly one thing: a highlight, an article, a story, or a lexicon
 *   entry (by lemma). The lexicon's word notes (`lexicon_notes`, migration 30) move into
 *   this table; a read-only view of the old name keeps readers of it working.
 * - Every highlight and note has a GUID, so an export imports back without duplicates.
 * - An article's earlier texts are kept whole (metadata, raw original, paragraphs).
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE highlights (
      id           INTEGER PRIMARY KEY,
      guid         TEXT NOT NULL UNIQUE,
      article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      exact        TEXT NOT NULL CHECK (length(exact) > 0),
      prefix       TEXT NOT NULL,
      suffix       TEXT NOT NULL,
      start_pos    INTEGER NOT NULL CHECK (start_pos >= 0),
      end_pos      INTEGER NOT NULL CHECK (end_pos > start_pos),
      color        TEXT NOT NULL CHECK (color IN ('yellow', 'green', 'blue', 'pink', 'purple')),
      status       TEXT NOT NULL CHECK (status IN ('anchored', 'moved', 'orphan')),
      -- the words as first highlighted, when re-anchoring found changed words
      quote_before TEXT,
      created_at   TEXT NOT NULL,
      updated_at   TEXT NOT NULL,
      -- the last change to the highlight or its note (kept by triggers): the overview's order
      touched_at   TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX highlights_article ON highlights (article_id, start_pos);
    CREATE INDEX highlights_touched ON highlights (touched_at);

    CREATE TABLE notes (
      id           INTEGER PRIMARY KEY,
      guid         TEXT NOT NULL UNIQUE,
      highlight_id INTEGER UNIQUE REFERENCES highlights(id) ON DELETE CASCADE,
      article_id   INTEGER REFERENCES articles(id) ON DELETE CASCADE,
      story_id     INTEGER REFERENCES stories(id) ON DELETE CASCADE,
      lemma_key    TEXT UNIQUE,
      body         TEXT NOT NULL,
      created_at   TEXT NOT NULL,
      updated_at   TEXT NOT NULL,
      CHECK ((highlight_id IS NOT NULL) + (article_id IS NOT NULL) + (story_id IS NOT NULL)
             + (lemma_key IS NOT NULL) = 1)
    );
    CREATE INDEX notes_article ON notes (article_id);
    CREATE INDEX notes_story ON notes (story_id);
    CREATE INDEX notes_standalone ON notes (updated_at) WHERE highlight_id IS NULL;

    CREATE TRIGGER highlights_touched_insert AFTER INSERT ON highlights
      BEGIN UPDATE highlights SET touched_at = new.updated_at WHERE id = new.id; END;
    CREATE TRIGGER highlights_touched_update AFTER UPDATE OF updated_at ON highlights
      WHEN new.updated_at > new.touched_at
      BEGIN UPDATE highlights SET touched_at = new.updated_at WHERE id = new.id; END;
    CREATE TRIGGER highlights_touched_note_insert AFTER INSERT ON notes
      WHEN new.highlight_id IS NOT NULL
      BEGIN UPDATE highlights SET touched_at = max(touched_at, new.updated_at) WHERE id = new.highlight_id; END;
    CREATE TRIGGER highlights_touched_note_update AFTER UPDATE OF updated_at ON notes
      WHEN new.highlight_id IS NOT NULL
      BEGIN UPDATE highlights SET touched_at = max(touched_at, new.updated_at) WHERE id = new.highlight_id; END;

    -- A note's earlier text, when an import replaced it (or was not taken over it).
    CREATE TABLE note_history (
      id       INTEGER PRIMARY KEY,
      note_id  INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
      body     TEXT NOT NULL,
      saved_at TEXT NOT NULL,
      reason   TEXT NOT NULL
    );
    CREATE INDEX note_history_note ON note_history (note_id);

    CREATE TABLE highlight_tags (
      highlight_id INTEGER NOT NULL REFERENCES highlights(id) ON DELETE CASCADE,
      tag_id       INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
      PRIMARY KEY (highlight_id, tag_id)
    ) WITHOUT ROWID;
    CREATE INDEX highlight_tags_tag ON highlight_tags (tag_id);

    CREATE TABLE note_tags (
      note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
      tag_id  INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
      PRIMARY KEY (note_id, tag_id)
    ) WITHOUT ROWID;
    CREATE INDEX note_tags_tag ON note_tags (tag_id);

    -- Earlier texts of an article. Version 1 is the first text imported; the article row
    -- holds the newest one (its number is one more than the highest kept here).
    CREATE TABLE article_versions (
      id                INTEGER PRIMARY KEY,
      article_id        INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      version           INTEGER NOT NULL CHECK (version >= 1),
      title             TEXT NOT NULL,
      kicker            TEXT,
      published         TEXT,
      author            TEXT,
      dateline          TEXT,
      url               TEXT,
      words             INTEGER NOT NULL,
      content_hash      TEXT NOT NULL,
      source_kind       TEXT NOT NULL,
      source_name       TEXT,
      raw               BLOB NOT NULL,
      raw_encoding      TEXT,
      extractor_version INTEGER NOT NULL,
      -- when this text came into the library, and when a newer one replaced it
      imported_at       TEXT NOT NULL,
      replaced_at       TEXT NOT NULL,
      reason            TEXT NOT NULL CHECK (reason IN ('update', 'reextract')),
      UNIQUE (article_id, version)
    );
    CREATE INDEX article_versions_hash ON article_versions (content_hash);
    CREATE INDEX articles_url ON articles (url) WHERE url IS NOT NULL;

    CREATE TABLE article_version_paragraphs (
      version_id INTEGER NOT NULL REFERENCES article_versions(id) ON DELETE CASCADE,
      position   INTEGER NOT NULL,
      kind       TEXT NOT NULL CHECK (kind IN ('p', 'h')),
      text       TEXT NOT NULL,
      PRIMARY KEY (version_id, position)
    ) WITHOUT ROWID;
  `)

  // The lexicon's word notes become notes like any other (searchable, taggable, exported).
  const old = db.prepare('SELECT key, note, updated_at AS at FROM lexicon_notes').all() as {
    key: string
    note: string
    at: string
  }[]
  const insert = db.prepare(
    'INSERT INTO notes (guid, lemma_key, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
  )
  for (const n of old) insert.run(randomUUID(), n.key, n.note, n.at, n.at)
  db.exec(`
    DROP TABLE lexicon_notes;
    CREATE VIEW lexicon_notes AS
      SELECT lemma_key AS key, body AS note, updated_at FROM notes WHERE lemma_key IS NOT NULL;
  `)
}
