/**
 * Page furniture learned from the library: the lines an outlet repeats in its articles (its
 * template) and the lines the user marks in the reader. Both are applied at every later
 * import, and the articles that have such a line are cleaned at once (by re-extraction from
 * their originals, so a rule removed gives the lines back).
 */
import type { Db } from '../db/open'
import type { Extraction, KnownFurniture } from '../import/pipeline'
import {
  countActiveRules,
  learnTemplate,
  lineKey,
  recordHits,
  recordLines,
  rulesFor,
} from './store'

export { lineKey }

/**
 * Runs an extraction and, when the library knows furniture lines of the article's outlet (or
 * of every outlet) that the text contains, runs it again with them as furniture. Returns the
 * extraction and the rules that took lines out.
 */
export function extractWithFurniture(
  db: Db,
  run: (known?: KnownFurniture) => Extraction,
): { x: Extraction; hits: number[] } {
  const x = run()
  if (countActiveRules(db) === 0) return { x, hits: [] }
  const rules = rulesFor(db, x.article.outlet)
  if (rules.size === 0) return { x, hits: [] }
  const a = x.article
  const lines = [a.title, a.kicker, ...a.paragraphs]
  if (!lines.some((l) => l && rules.has(lineKey(l)))) return { x, hits: [] }
  const known: KnownFurniture = (text) => {
    const r = rules.get(lineKey(text))
    return r ? (r.source === 'user' ? 'user_furniture' : 'outlet_template') : null
  }
  const y = run(known)
  const hits = new Set<number>()
  for (const r of y.article.removed) {
    if (r.rule !== 'user_furniture' && r.rule !== 'outlet_template') continue
    const rule = rules.get(lineKey(r.text))
    if (rule) hits.add(rule.id)
  }
  return { x: y, hits: [...hits] }
}

/** Bookkeeping after an article's text was stored or replaced: its lines and the rules' hits. */
export function afterArticleStored(db: Db, id: number, hits: number[], fresh = false): void {
  recordLines(db, id, fresh)
  // a new article has no hits recorded yet
  if (!fresh || hits.length) recordHits(db, id, hits)
}

/**
 * Learns the templates of the outlets of freshly stored articles. Returns the articles of
 * those outlets that have a newly learned line (to be cleaned by re-extraction).
 */
export function learnFromArticles(db: Db, ids: number[]): number[] {
  if (ids.length === 0) return []
  const placeholders = ids.map(() => '?').join(',')
  const outlets = (
    db
      .prepare(
        `SELECT DISTINCT outlet_id AS id FROM articles WHERE outlet_id IS NOT NULL AND id IN (${placeholders})`,
      )
      .all(...ids) as { id: number }[]
  ).map((r) => r.id)
  const affected = new Set<number>()
  db.transaction(() => {
    for (const outlet of outlets)
      for (const id of learnTemplate(db, outlet).articles) affected.add(id)
  })()
  return [...affected]
}
