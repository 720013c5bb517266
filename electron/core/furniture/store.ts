/**
 * Page furniture the library has learned, in SQL: rules (lines marked by the user, lines of an
 * outlet's template), the short lines of each article by outlet (for learning), and which rule
 * took a line out of which article.
 */
import type { FurnitureRule } from '../../../shared/types'
import type { Db } from '../db/open'
import { stmt } from '../db/statements'
import { simplify } from '../import/title'

/** The form in which lines are compared: case, quotes, dashes and spacing do not matter. */
export function lineKey(text: string): string {
  return simplify(text).replace(/[\s.:;,!?]+$/, '')
}

/** Lines longer than this are article text, never template furniture. */
export const MAX_TEMPLATE_LINE = 300
/** A line is an outlet's template when this many of its articles (with different titles) have it. */
export const TEMPLATE_ARTICLES = 3

interface RuleRow {
  id: number
  outlet: string | null
  text: string
  source: 'user' | 'template'
  active: number
  createdAt: string
  articles: number
}

const RULE_COLUMNS = `r.id, r.outlet, r.text, r.source, r.active, r.created_at AS createdAt,
  (SELECT count(*) FROM furniture_hits h WHERE h.rule_id = r.id) AS articles`

function toRule(r: RuleRow): FurnitureRule {
  return {
    id: r.id,
    outlet: r.outlet,
    text: r.text,
    source: r.source,
    active: r.active === 1,
    createdAt: r.createdAt,
    articles: r.articles,
  }
}

/** Every rule, or those of one outlet (and those for every outlet). */
export function listRules(db: Db, outlet: string | null): FurnitureRule[] {
  const rows = outlet
    ? stmt(
        db,
        `SELECT ${RULE_COLUMNS} FROM furniture_rules r WHERE r.outlet = ? OR r.outlet IS NULL
         ORDER BY r.outlet IS NULL, r.created_at, r.id`,
      ).all(outlet)
    : stmt(
        db,
        `SELECT ${RULE_COLUMNS} FROM furniture_rules r ORDER BY r.outlet IS NULL, r.outlet, r.created_at, r.id`,
      ).all()
  return (rows as RuleRow[]).map(toRule)
}

export function getRule(db: Db, id: number): FurnitureRule | null {
  const row = stmt(db, `SELECT ${RULE_COLUMNS} FROM furniture_rules r WHERE r.id = ?`).get(id) as
    RuleRow | undefined
  return row ? toRule(row) : null
}

/**
 * Adds a rule (or turns an existing one for the same line and outlet into the user's).
 * Returns its id.
 */
export function addRule(
  db: Db,
  rule: { outlet: string | null; text: string; source: 'user' | 'template' },
): number {
  anyRules.delete(db)
  const key = lineKey(rule.text)
  const existing = stmt(
    db,
    'SELECT id FROM furniture_rules WHERE (outlet = ? OR (outlet IS NULL AND ? IS NULL)) AND line_key = ?',
  ).get(rule.outlet, rule.outlet, key) as { id: number } | undefined
  if (existing) {
    if (rule.source === 'user')
      stmt(db, "UPDATE furniture_rules SET source = 'user', active = 1 WHERE id = ?").run(
        existing.id,
      )
    return existing.id
  }
  return Number(
    stmt(
      db,
      'INSERT INTO furniture_rules (outlet, line_key, text, source, created_at) VALUES (?, ?, ?, ?, ?)',
    ).run(rule.outlet, key, rule.text, rule.source, new Date().toISOString()).lastInsertRowid,
  )
}

/**
 * Removes a rule. A learned template line is kept as "not furniture" (so it is not learned
 * again); a user's rule is deleted. Returns the articles it had taken lines out of.
 */
export function removeRule(db: Db, id: number): { removed: boolean; articles: number[] } {
  anyRules.delete(db)
  const rule = getRule(db, id)
  if (!rule) return { removed: false, articles: [] }
  const articles = (
    stmt(db, 'SELECT article_id AS id FROM furniture_hits WHERE rule_id = ?').all(id) as {
      id: number
    }[]
  ).map((r) => r.id)
  if (rule.source === 'template') {
    stmt(db, 'UPDATE furniture_rules SET active = 0 WHERE id = ?').run(id)
    stmt(db, 'DELETE FROM furniture_hits WHERE rule_id = ?').run(id)
  } else stmt(db, 'DELETE FROM furniture_rules WHERE id = ?').run(id)
  return { removed: true, articles }
}

/** The active rules that apply to an outlet's articles: line key → rule. */
export function rulesFor(
  db: Db,
  outlet: string | null,
): Map<string, { id: number; source: 'user' | 'template' }> {
  const rows = stmt(
    db,
    `SELECT id, line_key AS key, source FROM furniture_rules
     WHERE active = 1 AND (outlet IS NULL OR outlet = ?)`,
  ).all(outlet ?? '') as { id: number; key: string; source: 'user' | 'template' }[]
  return new Map(rows.map((r) => [r.key, { id: r.id, source: r.source }]))
}

// Whether a library has active rules, asked again when another connection has committed
// since (`data_version`: the app's main process adds a rule while the job worker imports) or
// when this one changes them: an import asks it once per file. (A one-second cache missed
// a rule the user had just added when the next import came within that second.)
const anyRules = new WeakMap<Db, { n: number; version: number }>()

/** 1 when there is any active rule, else 0 (a cheap check before looking closer). */
export function countActiveRules(db: Db): number {
  const version = stmt(db, 'PRAGMA data_version').pluck().get() as number
  const cached = anyRules.get(db)
  if (cached && cached.version === version) return cached.n
  const n = (
    stmt(db, 'SELECT EXISTS (SELECT 1 FROM furniture_rules WHERE active = 1) AS n').get() as {
      n: number
    }
  ).n
  anyRules.set(db, { n, version })
  return n
}

/** Records which rules took lines out of an article (replacing what was recorded before). */
export function recordHits(db: Db, articleId: number, ruleIds: number[]): void {
  stmt(db, 'DELETE FROM furniture_hits WHERE article_id = ?').run(articleId)
  const insert = stmt(
    db,
    'INSERT OR IGNORE INTO furniture_hits (rule_id, article_id) VALUES (?, ?)',
  )
  for (const id of ruleIds) insert.run(id, articleId)
}

/** Records the short lines of an article's text under its outlet (replacing earlier ones). */
export function recordLines(db: Db, articleId: number, fresh = false): void {
  // (a freshly stored article has none yet)
  if (!fresh) stmt(db, 'DELETE FROM outlet_lines WHERE article_id = ?').run(articleId)
  const row = stmt(db, 'SELECT outlet_id AS outlet FROM articles WHERE id = ?').get(articleId) as
    { outlet: number | null } | undefined
  if (!row?.outlet) return
  const paragraphs = stmt(
    db,
    'SELECT text FROM paragraphs WHERE article_id = ? AND length(text) <= ?',
  ).all(articleId, MAX_TEMPLATE_LINE) as { text: string }[]
  const insert = stmt(
    db,
    'INSERT OR IGNORE INTO outlet_lines (outlet_id, line_key, article_id) VALUES (?, ?, ?)',
  )
  for (const p of paragraphs) insert.run(row.outlet, lineKey(p.text), articleId)
}

const LINES_RECORDED = 'furniture.lines'

/** Records the lines of articles imported before this feature existed (once per library). */
export function backfillLines(db: Db): void {
  if (stmt(db, 'SELECT 1 FROM settings WHERE key = ?').get(LINES_RECORDED)) return
  db.transaction(() => {
    const ids = stmt(db, 'SELECT id FROM articles WHERE outlet_id IS NOT NULL').all() as {
      id: number
    }[]
    for (const { id } of ids) recordLines(db, id)
    stmt(db, 'INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)').run(
      LINES_RECORDED,
      new Date().toISOString(),
    )
  })()
}

/**
 * Learns an outlet's template: short lines that several of its articles (with different
 * titles, so an article saved twice does not count) have in their text. Returns the new rules
 * and the articles that have their lines.
 */
export function learnTemplate(db: Db, outletId: number): { rules: number[]; articles: number[] } {
  const outlet = (
    stmt(db, 'SELECT name FROM outlets WHERE id = ?').get(outletId) as { name: string } | undefined
  )?.name
  if (!outlet) return { rules: [], articles: [] }
  const candidates = stmt(
    db,
    `SELECT ol.line_key AS key, count(DISTINCT lower(a.title)) AS titles
     FROM outlet_lines ol JOIN articles a ON a.id = ol.article_id
     WHERE ol.outlet_id = ?
     GROUP BY ol.line_key HAVING count(*) >= ?`,
  ).all(outletId, TEMPLATE_ARTICLES) as { key: string; titles: number }[]
  const rules: number[] = []
  const articles = new Set<number>()
  for (const c of candidates) {
    if (c.titles < TEMPLATE_ARTICLES) continue
    const known = stmt(
      db,
      'SELECT id FROM furniture_rules WHERE line_key = ? AND (outlet = ? OR outlet IS NULL)',
    ).get(c.key, outlet)
    if (known) continue
    const sample = stmt(
      db,
      `SELECT p.text FROM outlet_lines ol JOIN paragraphs p ON p.article_id = ol.article_id
       WHERE ol.outlet_id = ? AND ol.line_key = ? AND length(p.text) <= ? LIMIT 50`,
    ).all(outletId, c.key, MAX_TEMPLATE_LINE) as { text: string }[]
    const text = sample.find((s) => lineKey(s.text) === c.key)?.text
    if (!text) continue
    rules.push(addRule(db, { outlet, text, source: 'template' }))
    const ids = stmt(
      db,
      'SELECT article_id AS id FROM outlet_lines WHERE outlet_id = ? AND line_key = ?',
    ).all(outletId, c.key) as { id: number }[]
    for (const { id } of ids) articles.add(id)
  }
  return { rules, articles: [...articles] }
}

/** Articles whose text has a line: of one outlet, or of every outlet. */
export function articlesWithLine(db: Db, text: string, outlet: string | null): number[] {
  const rows = outlet
    ? stmt(
        db,
        `SELECT DISTINCT p.article_id AS id FROM paragraphs p
         JOIN articles a ON a.id = p.article_id JOIN outlets o ON o.id = a.outlet_id
         WHERE o.name = ? AND p.text = ?`,
      ).all(outlet, text)
    : stmt(db, 'SELECT DISTINCT article_id AS id FROM paragraphs WHERE text = ?').all(text)
  return (rows as { id: number }[]).map((r) => r.id)
}
