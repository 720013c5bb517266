/**
 * Near-duplicates at import: a text that is nearly the same as an article of the library
 * (a pasted copy with a changed word, the same article saved again with a new comment
 * section) is reported as "nearly the same as article N (96 %)" and imported only when the
 * user asks for it. Exact copies are caught earlier by the content hash.
 *
 * Candidates come cheaply from the search index (one query: the longest word of each half of
 * the text); only its three best hits, and only those of about the same length, are compared
 * word by word (Jaccard over 4-word shingles, `electron/core/text/minhash.ts`). On 406 near-
 * copies of corpus articles (one word in 150 changed, a sentence added) among 2,026 it found
 * 396 of the 398 at Jaccard ≥ 0.9, at about 2.5 ms a text. A near-copy from another outlet is a wire copy,
 * not a duplicate: that is for stories, and it is imported.
 */
import type { NearDuplicate } from '../../../shared/types'
import type { Db } from '../db/open'
import { stmt } from '../db/statements'
import type { SearchIndex } from '../search'
import { comparableWords, jaccard, shingles } from '../text/minhash'

/** Shingle Jaccard from which two texts count as nearly the same. */
export const NEAR_DUPLICATE_AT = 0.9
/** Best hits of the candidate query compared word by word. */
const CANDIDATES = 3
/**
 * At Jaccard 0.9 the two shingle sets differ in size by at most a tenth; word counts are a
 * little looser (repeated phrases), so candidates outside 0.8–1.25 times the length are not
 * read at all.
 */
const LENGTH_RATIO = 0.8

export interface NewText {
  paragraphs: readonly string[]
  outlet: string | null
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
  const words = comparableWords(text.paragraphs.join('\n'))
  const query = candidateQuery(words)
  if (!query) return null
  const { hits } = await search.search(query, {}, CANDIDATES, 0)
  const candidates = hits.map((h) => h.articleId).filter((id) => id < before)
  if (candidates.length === 0) return null
  const row = stmt(
    db,
    `SELECT a.title, a.words, (SELECT name FROM outlets WHERE id = a.outlet_id) AS outlet FROM articles a
     WHERE a.id = ?`,
  )
  // pluck set here: the statement cache shares this statement (and its mode) with other rooms
  const body = stmt(db, 'SELECT text FROM paragraphs WHERE article_id = ? ORDER BY position').pluck(
    true,
  )
  let mine: Set<number> | null = null
  let best: NearDuplicate | null = null
  for (const id of candidates) {
    const other = row.get(id) as { title: string; words: number; outlet: string | null } | undefined
    if (!other) continue
    if (text.outlet && other.outlet && text.outlet !== other.outlet) continue
    const ratio = Math.min(other.words, words.length) / Math.max(other.words, words.length, 1)
    if (ratio < LENGTH_RATIO) continue
    mine ??= shingles(text.paragraphs)
    const paragraphs = body.all(id) as string[]
    const similarity = jaccard(mine, shingles(paragraphs))
    if (similarity >= NEAR_DUPLICATE_AT && (!best || similarity > best.similarity))
      best = { id, title: other.title, similarity: Math.floor(similarity * 100) / 100 }
  }
  return best
}

/**
 * The longest word of each half of the text. Long words are rare, so the articles with both
 * are few and the query is one of the index's cheapest (about a millisecond at 2,000
 * articles); a copy edited in one half still shares the other half's word, and the search
 * ranks articles with more of the words first.
 */
function candidateQuery(words: readonly string[]): string {
  const half = Math.ceil(words.length / 2)
  const longest = (part: readonly string[]) =>
    part.reduce((best, w) => (w.length > best.length && /^\p{L}+$/u.test(w) ? w : best), '')
  const picked = [...new Set([longest(words.slice(0, half)), longest(words.slice(half))])]
  return picked.filter((w) => w.length >= 5).join(' ')
}
