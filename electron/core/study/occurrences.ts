/**
 * How often a lemma occurs in given articles, by their profiles: the same analysis as the
 * reader's tints and the word list's frequency. The search index finds candidates by stem,
 * where "rund" meets "Runde" and "Möglichkeit" meets "mögliche"; the profiles tell them apart.
 */
import type { Db } from '../db/open'
import { stmt } from '../db/statements'
import { eachProfilePair, type LemmaNumbers } from './profile'

/** The count of lemma number `id` in an encoded profile (0 when it is not there). */
export function countInProfile(data: Uint8Array, id: number): number {
  let count = 0
  eachProfilePair(data, (lemma, n) => {
    if (lemma === id) count = n
  })
  return count
}

/**
 * For each article: how often the lemma key occurs in it by its profile, or -1 when the article
 * has no profile built with the current lexicon (not analysed yet).
 */
export function lemmaCounts(
  db: Db,
  numbers: LemmaNumbers,
  fingerprint: string,
  key: string,
  articleIds: readonly number[],
): number[] {
  // a key no profile has counted: in none of the analysed articles
  const id = numbers.find(key)
  const read = stmt(db, 'SELECT lexicon, lemmas FROM study_profiles WHERE article_id = ?')
  return articleIds.map((articleId) => {
    const row = read.get(articleId) as { lexicon: string; lemmas: Uint8Array } | undefined
    if (!row || row.lexicon !== fingerprint) return -1
    return id === undefined ? 0 : countInProfile(row.lemmas, id)
  })
}
