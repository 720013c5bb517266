import type { Database } from 'better-sqlite3'

/**
 * The search index, in the library file. Every table here is derived from the articles and
 * can be rebuilt from them. Triggers write a journal row in the same transaction as every
 * change to an article, its paragraphs or its comments, so the index can never miss one:
 * the journal is drained after the commit, and again on the next start after a crash.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE search_journal (
      id         INTEGER PRIMARY KEY,
      article_id INTEGER NOT NULL
    );

    CREATE TRIGGER search_journal_article_insert AFTER INSERT ON articles
      BEGIN INSERT INTO search_journal (article_id) VALUES (new.id); END;
    CREATE TRIGGER search_journal_article_update AFTER UPDATE OF title, kicker, outlet_id, published ON articles
      BEGIN INSERT INTO search_journal (article_id) VALUES (new.id); END;
    CREATE TRIGGER search_journal_article_delete AFTER DELETE ON articles
      BEGIN INSERT INTO search_journal (article_id) VALUES (old.id); END;
    -- A new article's paragraphs and comments follow its own journal row: no row each.
    CREATE TRIGGER search_journal_paragraph_insert AFTER INSERT ON paragraphs
      WHEN new.article_id IS NOT (SELECT article_id FROM search_journal ORDER BY id DESC LIMIT 1)
      BEGIN INSERT INTO search_journal (article_id) VALUES (new.article_id); END;
    CREATE TRIGGER search_journal_paragraph_update AFTER UPDATE ON paragraphs
      BEGIN INSERT INTO search_journal (article_id) VALUES (new.article_id); END;
    CREATE TRIGGER search_journal_paragraph_delete AFTER DELETE ON paragraphs
      BEGIN INSERT INTO search_journal (article_id) VALUES (old.article_id); END;
    CREATE TRIGGER search_journal_comment_insert AFTER INSERT ON comments
      WHEN new.article_id IS NOT (SELECT article_id FROM search_journal ORDER BY id DESC LIMIT 1)
      BEGIN INSERT INTO search_journal (article_id) VALUES (new.article_id); END;
    CREATE TRIGGER search_journal_comment_update AFTER UPDATE ON comments
      BEGIN INSERT INTO search_journal (article_id) VALUES (new.article_id); END;
    CREATE TRIGGER search_journal_comment_delete AFTER DELETE ON comments
      BEGIN INSERT INTO search_journal (article_id) VALUES (old.article_id); END;

    -- Which analysis built the index, and other facts about it.
    CREATE TABLE search_meta (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) WITHOUT ROWID;

    -- Indexed documents. A document number is never reused: re-indexing an article gives it
    -- a new number and marks the old one deleted, so posting segments stay append-only.
    CREATE TABLE search_docs (
      doc_no       INTEGER PRIMARY KEY,
      article_id   INTEGER NOT NULL UNIQUE,
      len_title    INTEGER NOT NULL,
      len_text     INTEGER NOT NULL,
      len_comments INTEGER NOT NULL,
      -- the publication date as YYYYMMDD (YYYYMM00 for a month, 0 unknown), for recency
      published    INTEGER NOT NULL
    );
    CREATE TABLE search_deleted (
      doc_no INTEGER PRIMARY KEY
    );

    -- The term dictionary per field, with the reversed term for compound (suffix) lookups.
    CREATE TABLE search_terms (
      id    INTEGER PRIMARY KEY,
      field TEXT NOT NULL,
      term  TEXT NOT NULL,
      rev   TEXT NOT NULL
    );
    CREATE UNIQUE INDEX search_terms_term ON search_terms (field, term);
    CREATE INDEX search_terms_rev ON search_terms (field, rev);

    -- Posting lists: per term, append-only segments of (document number, term frequency),
    -- varint-encoded, and the word positions in each document (read only for phrases).
    -- key = term id * 64 + segment number, so one term's segments are one range of keys.
    -- A term with too many segments is merged into segment 0.
    CREATE TABLE search_postings (
      key  INTEGER PRIMARY KEY,
      data BLOB NOT NULL,
      pos  BLOB NOT NULL
    );
  `)
}
