import type { Database } from 'better-sqlite3'

/** The first schema: outlets, articles with their raw original, paragraphs, comments, tags, stories. */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE outlets (
      id   INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE
    );

    CREATE TABLE articles (
      id                INTEGER PRIMARY KEY,
      title             TEXT NOT NULL,
      kicker            TEXT,
      outlet_id         INTEGER REFERENCES outlets(id) ON DELETE SET NULL,
      published         TEXT CHECK (published IS NULL OR published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*'),
      author            TEXT,
      dateline          TEXT,
      url               TEXT,
      words             INTEGER NOT NULL,
      content_hash      TEXT NOT NULL UNIQUE,
      source_kind       TEXT NOT NULL CHECK (source_kind IN ('txt', 'html', 'md', 'paste')),
      source_name       TEXT,
      raw               BLOB NOT NULL,
      raw_encoding      TEXT,
      extractor_version INTEGER NOT NULL,
      imported_at       TEXT NOT NULL
    );
    CREATE INDEX articles_outlet ON articles(outlet_id);
    CREATE INDEX articles_published ON articles(published);

    -- The clean body. Paragraph positions are the anchors later features (highlights, notes) use.
    CREATE TABLE paragraphs (
      article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      position   INTEGER NOT NULL,
      kind       TEXT NOT NULL CHECK (kind IN ('p', 'h')),
      text       TEXT NOT NULL,
      PRIMARY KEY (article_id, position)
    ) WITHOUT ROWID;

    -- Reader comments are not part of the article, but they are not thrown away either.
    CREATE TABLE comments (
      id         INTEGER PRIMARY KEY,
      article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      position   INTEGER NOT NULL,
      author     TEXT,
      posted     TEXT,
      title      TEXT,
      text       TEXT NOT NULL
    );
    CREATE INDEX comments_article ON comments(article_id, position);

    CREATE TABLE tags (
      id   INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE
    );
    CREATE TABLE article_tags (
      article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      tag_id     INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
      PRIMARY KEY (article_id, tag_id)
    ) WITHOUT ROWID;
    CREATE INDEX article_tags_tag ON article_tags(tag_id);

    CREATE TABLE stories (
      id         INTEGER PRIMARY KEY,
      title      TEXT NOT NULL,
      created_at TEXT NOT NULL
    );
    CREATE TABLE story_articles (
      story_id   INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
      article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      PRIMARY KEY (story_id, article_id)
    ) WITHOUT ROWID;
    CREATE INDEX story_articles_article ON story_articles(article_id);

    CREATE TABLE settings (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) WITHOUT ROWID;
  `)
}
