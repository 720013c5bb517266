/**
 * The best page by the threshold algorithm (`topk.ts`) over per-key impact lists, when the
 * page can only hold articles with every part of the query: words, prefixes and phrases, with
 * filters and exclusions as checks per article. Reads a few dozen articles of a common word
 * instead of scoring tens of thousands.
 */
import type { QueryContext } from './context'
import { allowedDocs } from './filters'
import { needsText, phraseMarks, verifyText } from './phrase-check'
import { partKeys, type ParsedQuery } from './query'
import { EXACT_RERANK, exactFirst } from './rank'
import { indexOf, topKWithEveryKey } from './topk'
import type { TermReader } from './terms'
import { FIELDS, K1, type Ranked, type SearchFilters, type SearchOutcome } from './types'

/** The largest page (offset + limit) found by reading impact lists best first. */
const TOP_K_AT_MOST = 1000
/** Phrases with stopwords: the stored texts checked before giving up. */
const VERIFY_AT_MOST = 200

/**
 * The page, or null when the query needs the full pass: fewer articles than the page have
 * every part (then articles with some of the parts follow them), or a part has no indexed word.
 */
export function bestPage(
  ctx: QueryContext,
  parsed: ParsedQuery,
  keys: string[],
  filters: SearchFilters,
  limit: number,
  offset: number,
): SearchOutcome | null {
  const { docs, reader, scratch, texts } = ctx
  const parts = parsed.include
  const phrases = parts.filter((p) => p.kind === 'phrase')
  for (const p of parts) {
    const n = partKeys(p).length
    if (n === 0 || (p.kind !== 'phrase' && n !== 1)) return null
  }
  const words = parts.filter((p) => p.kind === 'word')
  // phrases whose stopwords the positions cannot tell: the stored text says
  const textPhrases = phrases.filter(needsText)
  const exact = words.length >= 3 && textPhrases.length === 0
  const need = exact ? Math.max(EXACT_RERANK, offset + limit) : offset + limit
  // a page of thousands is no page: reading the lists best first gains nothing there
  if (need > TOP_K_AT_MOST) return null
  // fewer articles with every key than the page: the full pass, without building lists
  if (parts.length > 1 && !everyKeyAtLeast(reader, keys, need)) return null
  const lists = keys.map((k) => reader.impacts(k, docs))
  if (lists.some((l) => l.docs.length === 0)) return null
  const cap = docs.articleId.length
  const idf = lists.map((l) =>
    Math.log(1 + (docs.live - l.docs.length + 0.5) / (l.docs.length + 0.5)),
  )

  // what a document must pass besides having every key
  const excluded = parsed.exclude.length ? scratch.array('excludedDocs', Uint8Array, cap) : null
  for (const part of parsed.exclude)
    for (const key of partKeys(part))
      for (const field of ['title', 'text'] as const) {
        const p = reader.lookup(field, key).docs
        for (let i = 0; i < p.length; i++) if (p[i]! < cap) excluded![p[i]!] = 1
      }
  const allowedSet = allowedDocs(ctx.db, docs, filters)
  const phraseCount = phrases.length ? scratch.array('phraseCount', Uint8Array, cap) : null
  const positional = phraseCount ? phraseMarks(phrases, phraseCount, reader) : 0
  const allowed = (doc: number) =>
    (excluded === null || excluded[doc] === 0) &&
    (allowedSet === null || allowedSet.has(doc)) &&
    (positional === 0 || phraseCount![doc] === positional)
  const { seen, stamp } = scratch.stamp(cap)
  const outcome = topKWithEveryKey({
    lists,
    idf,
    k1: K1,
    need,
    published: docs.published,
    seen,
    stamp,
    allowed,
    verify: textPhrases.length
      ? (doc) => verifyText(docs.articleId[doc]!, textPhrases, texts)
      : undefined,
    maxRejected: VERIFY_AT_MOST,
  })
  if (outcome.complete && outcome.hits.length < need && parts.length > 1) return null

  const ranked: Ranked[] = outcome.hits.map((h, i) => ({
    docNo: h.doc,
    c: i,
    matched: parts.length,
  }))
  if (exact) exactFirst(ranked, words, docs, texts)
  const hits = ranked.slice(offset, offset + limit).map((r) => {
    const h = outcome.hits[r.c]!
    return {
      articleId: docs.articleId[r.docNo]!,
      score: Math.round(h.score * 1000) / 1000,
      matched: r.matched,
      fields: FIELDS.filter((_, fi) => h.fields & (1 << fi)),
    }
  })

  // the number of articles found: with any of the words, or with every phrase
  let total = 0
  const counted = scratch.stamp(cap)
  if (phrases.length) {
    const needed = [...new Set(phrases.flatMap(partKeys))].map((k) => lists[keys.indexOf(k)]!)
    const rarest = needed.reduce((a, b) => (b.docs.length < a.docs.length ? b : a))
    for (let i = 0; i < rarest.docs.length; i++) {
      const doc = rarest.docs[i]!
      if (allowed(doc) && needed.every((l) => l === rarest || indexOf(l.docs, doc) >= 0)) total++
    }
  } else {
    for (const l of lists)
      for (let i = 0; i < l.docs.length; i++) {
        const doc = l.docs[i]!
        if (counted.seen[doc] === counted.stamp) continue
        counted.seen[doc] = counted.stamp
        if (allowed(doc)) total++
      }
  }
  return { hits, total, parsed, expansions: reader.queryExpansions(keys), uncertainDates: 0 }
}

/** At least `need` articles have every key (in any field): counted until there are. */
function everyKeyAtLeast(reader: TermReader, keys: string[], need: number): boolean {
  const lists = keys.map((k) => reader.lookup('all', k).docs).sort((a, b) => a.length - b.length)
  const rarest = lists[0]!
  if (rarest.length < need) return false
  let found = 0
  next: for (let i = 0; i < rarest.length; i++) {
    for (let l = 1; l < lists.length; l++) if (indexOf(lists[l]!, rarest[i]!) < 0) continue next
    if (++found >= need) return true
  }
  return false
}
