import type { Database } from 'better-sqlite3'

/**
 * Study: saved words hang on lemmas (the lexicon's lower-cased lemma text, with part of speech
 * and gender, never an entry id, so they survive a dictionary re-import), with the sentences
 * they were met in; a status per lemma; FSRS card state per card kind; a log of every answer
 * (enough to recompute the schedule and to undo); reading time per article and day; and the
 * derived, rebuildable difficulty cache (which lemmas each article's words are, and its unknown
 * share).
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE study_words (
      id         INTEGER PRIMARY KEY,
      -- the lemma in lower case, as lexicon_entries.key (for a word the lexicon does not know:
      -- the word itself in lower case)
      key        TEXT NOT NULL,
      lemma      TEXT NOT NULL,
      -- '' when not known (a status given to every word of an article at once)
      pos        TEXT NOT NULL DEFAULT '',
      gender     TEXT NOT NULL DEFAULT '' CHECK (gender IN ('', 'm', 'f', 'n', 'pl')),
      plural     TEXT,
      gloss      TEXT,
      -- 0 new, 1-4 learning, 5 known, 6 ignored
      status     INTEGER NOT NULL DEFAULT 0 CHECK (status BETWEEN 0 AND 6),
      -- when it was saved as vocabulary; null when it only has a status
      saved_at   TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (key, pos, gender)
    );
    CREATE INDEX study_words_saved ON study_words (saved_at);

    CREATE TABLE study_sentences (
      id         INTEGER PRIMARY KEY,
      word_id    INTEGER NOT NULL REFERENCES study_words(id) ON DELETE CASCADE,
      -- the word as met, and where it stands in the sentence
      form       TEXT NOT NULL,
      form_start INTEGER NOT NULL,
      text       TEXT NOT NULL,
      -- the article; the sentence outlives it (title, outlet and date are kept with it)
      article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL,
      -- paragraph position (-1: the title) and the sentence's offset there
      paragraph  INTEGER,
      start      INTEGER,
      title      TEXT,
      outlet     TEXT,
      published  TEXT,
      created_at TEXT NOT NULL,
      UNIQUE (word_id, text)
    );
    CREATE INDEX study_sentences_article ON study_sentences (article_id);

    -- FSRS state (ts-fsrs's Card) of each card of a word; times in milliseconds since 1970
    CREATE TABLE study_cards (
      id             INTEGER PRIMARY KEY,
      word_id        INTEGER NOT NULL REFERENCES study_words(id) ON DELETE CASCADE,
      kind           TEXT NOT NULL CHECK (kind IN ('cloze', 'gender', 'recognition')),
      due            INTEGER NOT NULL,
      stability      REAL NOT NULL,
      difficulty     REAL NOT NULL,
      elapsed_days   INTEGER NOT NULL,
      scheduled_days INTEGER NOT NULL,
      learning_steps INTEGER NOT NULL,
      reps           INTEGER NOT NULL,
      lapses         INTEGER NOT NULL,
      -- 0 new, 1 learning, 2 review, 3 relearning
      state          INTEGER NOT NULL,
      last_review    INTEGER,
      created_at     INTEGER NOT NULL,
      UNIQUE (word_id, kind)
    );
    -- the next card: seen cards by due date, new cards in the order they were made
    CREATE INDEX study_cards_due ON study_cards (due) WHERE state > 0;
    CREATE INDEX study_cards_new ON study_cards (id) WHERE state = 0;

    -- Every answer: ts-fsrs's ReviewLog, the whole card before (undo, recomputing) and after
    -- (statistics). Kept when a word is deleted.
    CREATE TABLE study_reviews (
      id          INTEGER PRIMARY KEY,
      card_id     INTEGER REFERENCES study_cards(id) ON DELETE SET NULL,
      kind        TEXT NOT NULL,
      rating      INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
      reviewed_at INTEGER NOT NULL,
      duration_ms INTEGER,
      state       INTEGER NOT NULL,
      before      TEXT NOT NULL,
      next_state  INTEGER NOT NULL,
      next_due    INTEGER NOT NULL,
      stability   REAL NOT NULL,
      difficulty  REAL NOT NULL
    );
    CREATE INDEX study_reviews_time ON study_reviews (reviewed_at);
    CREATE INDEX study_reviews_card ON study_reviews (card_id);

    -- Every status change, for "words known over time".
    CREATE TABLE study_status_log (
      id     INTEGER PRIMARY KEY,
      key    TEXT NOT NULL,
      old    INTEGER NOT NULL,
      new    INTEGER NOT NULL,
      at     INTEGER NOT NULL
    );
    CREATE INDEX study_status_log_at ON study_status_log (at);

    -- Reading time; no foreign key: the statistics keep the time of deleted articles.
    CREATE TABLE study_reading (
      article_id INTEGER NOT NULL,
      day        TEXT NOT NULL,
      seconds    INTEGER NOT NULL,
      PRIMARY KEY (article_id, day)
    ) WITHOUT ROWID;
    CREATE INDEX study_reading_day ON study_reading (day);

    -- Derived, rebuildable: the lemma keys the article profiles count, by number, and in how
    -- many articles each occurs.
    CREATE TABLE study_lemmas (
      id       INTEGER PRIMARY KEY,
      key      TEXT NOT NULL UNIQUE,
      articles INTEGER NOT NULL DEFAULT 0
    );

    -- Derived, rebuildable: which lemmas an article's running words are (varint pairs of lemma
    -- number and count) and how many of them count, built with which lexicon.
    CREATE TABLE study_profiles (
      article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
      lexicon    TEXT NOT NULL,
      words      INTEGER NOT NULL,
      skipped    INTEGER NOT NULL,
      lemmas     BLOB NOT NULL
    );

    -- Derived: each article's running words not known and counted (its unknown share), at a
    -- status version. Small rows apart from the profiles, so the library reads them fast.
    CREATE TABLE study_shares (
      article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
      unknown    INTEGER NOT NULL,
      counted    INTEGER NOT NULL,
      version    INTEGER NOT NULL
    ) WITHOUT ROWID;

    -- A changed text makes its profile stale (also when another process changes it).
    CREATE TRIGGER study_profiles_paragraph_insert AFTER INSERT ON paragraphs
      BEGIN DELETE FROM study_profiles WHERE article_id = new.article_id; END;
    CREATE TRIGGER study_profiles_paragraph_update AFTER UPDATE ON paragraphs
      BEGIN DELETE FROM study_profiles WHERE article_id = new.article_id; END;
    CREATE TRIGGER study_profiles_paragraph_delete AFTER DELETE ON paragraphs
      BEGIN DELETE FROM study_profiles WHERE article_id = old.article_id; END;
    CREATE TRIGGER study_profiles_title_update AFTER UPDATE OF title ON articles
      BEGIN DELETE FROM study_profiles WHERE article_id = new.id; END;
  `)
}
