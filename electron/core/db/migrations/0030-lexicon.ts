import type { Database } from 'better-sqlite3'

/**
 * The lexicon: entries from the built-in political glossary, imported dictionaries and the
 * user's own terms, with the inflected forms that lead to them; notes on words; imported
 * dictionaries.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE lexicon_dictionaries (
      id          INTEGER PRIMARY KEY,
      name        TEXT NOT NULL,
      path        TEXT,
      imported_at TEXT NOT NULL,
      entries     INTEGER NOT NULL,
      forms       INTEGER NOT NULL,
      malformed   INTEGER NOT NULL
    );

    CREATE TABLE lexicon_entries (
      id          INTEGER PRIMARY KEY,
      -- the lemma in lower case: what lookups match
      key         TEXT NOT NULL,
      lemma       TEXT NOT NULL,
      pos         TEXT NOT NULL,
      gender      TEXT CHECK (gender IS NULL OR gender IN ('m', 'f', 'n', 'pl')),
      plural      TEXT,
      genitive    TEXT,
      gloss       TEXT NOT NULL,
      explanation TEXT,
      domain      TEXT,
      -- 'user' wins over 'builtin', which wins over 'dict'
      source      TEXT NOT NULL CHECK (source IN ('user', 'builtin', 'dict')),
      dictionary  INTEGER REFERENCES lexicon_dictionaries(id) ON DELETE CASCADE,
      updated_at  TEXT
    );
    CREATE INDEX lexicon_entries_key ON lexicon_entries (key);
    CREATE INDEX lexicon_entries_dictionary ON lexicon_entries (dictionary);

    -- Inflected forms (plural, genitive, verb forms, spelling variants), in lower case.
    CREATE TABLE lexicon_forms (
      key      TEXT NOT NULL,
      entry_id INTEGER NOT NULL REFERENCES lexicon_entries(id) ON DELETE CASCADE,
      PRIMARY KEY (key, entry_id)
    ) WITHOUT ROWID;
    CREATE INDEX lexicon_forms_entry ON lexicon_forms (entry_id);

    -- The user's own notes on a word (by lemma), shown in the popover.
    CREATE TABLE lexicon_notes (
      key        TEXT PRIMARY KEY,
      note       TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) WITHOUT ROWID;
  `)
}
