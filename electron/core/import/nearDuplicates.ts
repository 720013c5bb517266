/**
 * Near-duplicates at import: a text that is nearly the same as an article of the library
 * (a pasted copy with a changed word, the same article saved again with a new comment
 * section) is reported as "nearly the same as article N (96 %)" and imported only when the
 * user asks for it. Exact copies are caught earlier by the content hash.
 *
 * Candidates come cheaply from the search index: the articles with two of the longest words
 * of the text's three thirds (exact index keys, without ranking: a copy edited in one third
 * still has the other two); of those of about the same length, the three with the most of
 * the words (then the first paragraph most alike, then the closest length) are compared word
 * by word (Jaccard over 4-word shingles, `electron/core/text/minhash.ts`). On 406 near-
 * copies of corpus articles (one word in 150 changed, a sentence added) among 2,026 it found
 * 396 of the 398 at Jaccard ≥ 0.9, at about 2.5 ms a text. A near-copy from another outlet is a wire copy,
 * not a duplicate: that is for stories, and it is imported.
 */
import type { NearDuplicate } from '../../../shared/types'
import type { Db } from '../db/open'
import { stmt } from '../db/statements'
import type { SearchIndex } from '../search'
import { jaccard, shingles } from '../text/minhash'
import { nearProbe, type NearProbe } from './nearProbe'

/** Shingle Jaccard from which two texts count as nearly the same. */
export const NEAR_DUPLICATE_AT = 0.9
/** Candidates compared word by word, at most … */
const CANDIDATES = 3
/** … of the articles with the words, at most this many (those with both words first). */
const CANDIDATE_ROWS = 200
/**
 * At Jaccard 0.9 the two shingle sets differ in size by at most a tenth; word counts are a
 * little looser (repeated phrases), so candidates outside 0.8–1.25 times the length are not
 * read at all.
 */
const LENGTH_RATIO = 0.8

export interface NewText {
  paragraphs: readonly string[]
  outlet: string | null
  /** Its probe, when it was computed where the text was extracted. */
  probe?: NearProbe
}

/**
 * The library's article most like `text`, when it is at least `NEAR_DUPLICATE_AT` similar,
 * or null. `before`: only articles with a smaller id count (the text itself, once stored,
 * and articles imported after it are not its originals).
 */
export async function findNearDuplicate(
  db: Db,
  search: SearchIndex,
  text: NewText,
  before = Number.MAX_SAFE_INTEGER,
): Promise<NearDuplicate | null> {
  const { keys, words } = text.probe ?? nearProbe(text.paragraphs)
  if (keys.length === 0) return null
  // a copy edited in one part still has the words of the other two
  const least = keys.length >= 3 ? 2 : 1
  const found = (await search.articlesWithKeys(keys, CANDIDATE_ROWS)).filter(
    (c) => c.articleId < before && c.has >= least,
  )
  if (found.length === 0) return null
  const rows = new Map(
    (
      stmt(
        db,
        `SELECT a.id, a.title, a.words, (SELECT name FROM outlets WHERE id = a.outlet_id) AS outlet
         FROM articles a WHERE a.id IN (SELECT value FROM json_each(?))`,
      ).all(JSON.stringify(found.map((c) => c.articleId))) as {
        id: number
        title: string
        words: number
        outlet: string | null
      }[]
    ).map((r) => [r.id, r]),
  )
  // of the same outlet (or without one) and about as long
  const likely = found.flatMap((c) => {
    const other = rows.get(c.articleId)
    if (!other) return []
    if (text.outlet && other.outlet && text.outlet !== other.outlet) return []
    const ratio = Math.min(other.words, words) / Math.max(other.words, words, 1)
    return ratio < LENGTH_RATIO ? [] : [{ ...c, other, first: 0 }]
  })
  // those with the most of the words and, among articles written to one pattern (the same
  // long words, the same length), the first paragraph most like this one's, then the closest
  // in length
  if (likely.length > CANDIDATES) {
    const mine = shingles(text.paragraphs[0] ?? '')
    const firsts = new Map(
      stmt(
        db,
        'SELECT article_id, text FROM paragraphs WHERE position = 0 AND article_id IN (SELECT value FROM json_each(?))',
      )
        .raw(true)
        .all(JSON.stringify(likely.map((c) => c.articleId))) as [number, string][],
    )
    for (const c of likely) c.first = jaccard(mine, shingles(firsts.get(c.articleId) ?? ''))
  }
  const lengthOff = (n: number) => Math.abs(n - words)
  const candidates = likely
    .sort(
      (a, b) =>
        b.has - a.has || b.first - a.first || lengthOff(a.other.words) - lengthOff(b.other.words),
    )
    .slice(0, CANDIDATES)
  if (candidates.length === 0) return null
  // pluck set here: the statement cache shares this statement (and its mode) with other rooms
  const body = stmt(db, 'SELECT text FROM paragraphs WHERE article_id = ? ORDER BY position').pluck(
    true,
  )
  const mine = shingles(text.paragraphs)
  let best: NearDuplicate | null = null
  for (const { articleId: id, other } of candidates) {
    const similarity = jaccard(mine, shingles(body.all(id) as string[]))
    if (similarity >= NEAR_DUPLICATE_AT && (!best || similarity > best.similarity))
      best = { id, title: other.title, similarity: Math.floor(similarity * 100) / 100 }
  }
  return best
}

/** How an import treats texts nearly the same as an article of the library. */
export interface NearDuplicateCheck {
  search: SearchIndex
  /** 'skip': report them and leave them out (the default); 'import': import them anyway. */
  mode: 'skip' | 'import'
}
