import type { Database } from 'better-sqlite3'

/**
 * Page furniture learned from the library: lines the user marked as furniture (for one outlet
 * or everywhere) and lines found to be an outlet's template (recurring in several of its
 * articles); which short lines each article's text has, by outlet (derived, for learning); and
 * which rule took a line out of which article (so a removed rule gives the lines back).
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE furniture_rules (
      id         INTEGER PRIMARY KEY,
      -- the outlet's name, or NULL for every outlet; a name (not an id) so a rule outlives the
      -- outlet's last article
      outlet     TEXT COLLATE NOCASE,
      line_key   TEXT NOT NULL,
      text       TEXT NOT NULL,
      source     TEXT NOT NULL CHECK (source IN ('user', 'template')),
      -- 0: a learned template line the user said is not furniture (never learned again)
      active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      created_at TEXT NOT NULL
    );
    CREATE UNIQUE INDEX furniture_rules_key
      ON furniture_rules(ifnull(outlet, '') COLLATE NOCASE, line_key);

    CREATE TABLE outlet_lines (
      outlet_id  INTEGER NOT NULL REFERENCES outlets(id) ON DELETE CASCADE,
      line_key   TEXT NOT NULL,
      article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      PRIMARY KEY (outlet_id, line_key, article_id)
    ) WITHOUT ROWID;
    CREATE INDEX outlet_lines_article ON outlet_lines(article_id);

    CREATE TABLE furniture_hits (
      rule_id    INTEGER NOT NULL REFERENCES furniture_rules(id) ON DELETE CASCADE,
      article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      PRIMARY KEY (rule_id, article_id)
    ) WITHOUT ROWID;
    CREATE INDEX furniture_hits_article ON furniture_hits(article_id);
  `)
}
