/**
 * Articles found by exact index keys, unranked: candidates other rooms check themselves (a
 * near-duplicate by its shared words, a looked-up word by its lemma).
 */
import type { DocTable } from './doctable'
import type { TermReader } from './terms'

/**
 * The articles whose text has any of these exact keys, each with how many of them it has,
 * most first (then the newest first), at most `limit`.
 */
export function articlesSharingKeys(
  reader: TermReader,
  docs: DocTable,
  keys: readonly string[],
  limit: number,
): { articleId: number; has: number }[] {
  const has = new Map<number, number>()
  for (const key of new Set(keys))
    for (const doc of reader.exact('text', key).docs) has.set(doc, (has.get(doc) ?? 0) + 1)
  return [...has]
    .filter(([doc]) => docs.articleId[doc])
    .sort((a, b) => b[1] - a[1] || b[0] - a[0])
    .slice(0, limit)
    .map(([doc, n]) => ({ articleId: docs.articleId[doc]!, has: n }))
}

/**
 * The articles whose title or text has any of these keys (no compounds; a key ending in `*`
 * stands for every key it begins).
 */
export function articlesWithTerms(
  reader: TermReader,
  docs: DocTable,
  keys: readonly string[],
): number[] {
  const out = new Set<number>()
  for (const key of new Set(keys))
    for (const field of ['title', 'text'] as const)
      for (const term of key.endsWith('*') ? reader.expand(field, key) : [key])
        for (const doc of reader.exact(field, term).docs) {
          const id = docs.articleId[doc]
          if (id) out.add(id)
        }
  return [...out]
}
