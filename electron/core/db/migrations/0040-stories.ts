import type { Database } from 'better-sqlite3'

/**
 * Stories, sentences and alignment (parallel reading). The `stories` and `story_articles`
 * tables exist since 0010; this adds what is derived from articles and what the user decides:
 *
 * - `article_sentences`: each article's sentences as offsets into its body (the paragraphs
 *   joined by "\n"), derived on demand and deleted by triggers when the text changes.
 * - `story_signatures` and `story_journal`: per article a MinHash signature and its top terms,
 *   computed right after import from a journal written in the same transaction as the
 *   article (story suggestions and wire-copy labels are read from them).
 * - `story_alignments`: the cross-outlet alignment of a story, a cache deleted whenever one of
 *   its articles' text or its membership changes.
 * - `story_dismissed`: suggestions the user turned down.
 * - `translations`, `translation_links` (the user's corrected beads, kept when re-aligning) and
 *   `translation_alignments` (a cache, deleted when either text or a link changes).
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE article_sentences (
      article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      position   INTEGER NOT NULL,
      paragraph  INTEGER NOT NULL,
      -- offsets into the body: the paragraphs joined by "\\n" (UTF-16, end exclusive)
      text_start INTEGER NOT NULL,
      text_end   INTEGER NOT NULL,
      PRIMARY KEY (article_id, position)
    ) WITHOUT ROWID;

    CREATE TABLE story_journal (
      id         INTEGER PRIMARY KEY,
      article_id INTEGER NOT NULL
    );
    CREATE TABLE story_signatures (
      article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
      -- one-permutation MinHash over word 4-shingles: 64 little-endian uint32
      minhash    BLOB NOT NULL,
      -- the most frequent content stems with their counts: "stem:count stem:count ..."
      terms      TEXT NOT NULL,
      words      INTEGER NOT NULL
    );

    CREATE TABLE story_alignments (
      story_id INTEGER PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
      aligner  TEXT NOT NULL,
      data     TEXT NOT NULL
    );
    CREATE TABLE story_dismissed (
      articles     TEXT PRIMARY KEY,
      dismissed_at TEXT NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE translations (
      id          INTEGER PRIMARY KEY,
      article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      lang        TEXT NOT NULL,
      -- 1 when the language was detected rather than given
      detected    INTEGER NOT NULL DEFAULT 0,
      text        TEXT NOT NULL,
      source_name TEXT,
      added_at    TEXT NOT NULL
    );
    CREATE INDEX translations_article ON translations(article_id);
    -- A bead the user set by hand (join, split, move): sentence ranges [start, end) on both
    -- sides, with the sentences' text at that time so the link can be found again.
    CREATE TABLE translation_links (
      translation_id INTEGER NOT NULL REFERENCES translations(id) ON DELETE CASCADE,
      source_start   INTEGER NOT NULL,
      source_end     INTEGER NOT NULL,
      target_start   INTEGER NOT NULL,
      target_end     INTEGER NOT NULL,
      source_text    TEXT NOT NULL,
      target_text    TEXT NOT NULL,
      created_at     TEXT NOT NULL,
      PRIMARY KEY (translation_id, source_start, target_start)
    ) WITHOUT ROWID;
    CREATE TABLE translation_alignments (
      translation_id INTEGER PRIMARY KEY REFERENCES translations(id) ON DELETE CASCADE,
      aligner        TEXT NOT NULL,
      data           TEXT NOT NULL
    );

    -- A new article is journalled once; its paragraphs follow its own journal row.
    CREATE TRIGGER story_journal_article_insert AFTER INSERT ON articles
      BEGIN INSERT INTO story_journal (article_id) VALUES (new.id); END;

    -- A changed text: what was derived from it goes at once (sentences, alignments), and the
    -- article is journalled for a new signature.
    CREATE TRIGGER story_paragraph_insert AFTER INSERT ON paragraphs
      WHEN new.article_id IS NOT (SELECT article_id FROM story_journal ORDER BY id DESC LIMIT 1)
      BEGIN
        INSERT INTO story_journal (article_id) VALUES (new.article_id);
        DELETE FROM article_sentences WHERE article_id = new.article_id;
        DELETE FROM story_alignments WHERE story_id IN
          (SELECT story_id FROM story_articles WHERE article_id = new.article_id);
        DELETE FROM translation_alignments WHERE translation_id IN
          (SELECT id FROM translations WHERE article_id = new.article_id);
      END;
    CREATE TRIGGER story_paragraph_update AFTER UPDATE ON paragraphs
      BEGIN
        INSERT INTO story_journal (article_id) VALUES (new.article_id);
        DELETE FROM article_sentences WHERE article_id = new.article_id;
        DELETE FROM story_alignments WHERE story_id IN
          (SELECT story_id FROM story_articles WHERE article_id = new.article_id);
        DELETE FROM translation_alignments WHERE translation_id IN
          (SELECT id FROM translations WHERE article_id = new.article_id);
      END;
    CREATE TRIGGER story_paragraph_delete AFTER DELETE ON paragraphs
      BEGIN
        INSERT INTO story_journal (article_id) VALUES (old.article_id);
        DELETE FROM article_sentences WHERE article_id = old.article_id;
        DELETE FROM story_alignments WHERE story_id IN
          (SELECT story_id FROM story_articles WHERE article_id = old.article_id);
        DELETE FROM translation_alignments WHERE translation_id IN
          (SELECT id FROM translations WHERE article_id = old.article_id);
      END;

    -- A story that gains or loses an article is aligned again.
    CREATE TRIGGER story_articles_insert AFTER INSERT ON story_articles
      BEGIN DELETE FROM story_alignments WHERE story_id = new.story_id; END;
    CREATE TRIGGER story_articles_delete AFTER DELETE ON story_articles
      BEGIN DELETE FROM story_alignments WHERE story_id = old.story_id; END;

    -- Articles already in the library get their signatures too (after the first start).
    INSERT INTO story_journal (article_id) SELECT id FROM articles ORDER BY id;

    -- A corrected link changes the translation's alignment.
    CREATE TRIGGER translation_links_insert AFTER INSERT ON translation_links
      BEGIN DELETE FROM translation_alignments WHERE translation_id = new.translation_id; END;
    CREATE TRIGGER translation_links_delete AFTER DELETE ON translation_links
      BEGIN DELETE FROM translation_alignments WHERE translation_id = old.translation_id; END;
  `)
}
