/**
 * The full pass: FlexSearch supplies every candidate (articles with all or any of the query's
 * keys), and every candidate is scored: BM25 per field and key, then parts matched,
 * exclusions, filters and phrases, then the page in order. Used where the best page cannot be
 * read from impact lists (`best.ts`): partial matches, exclusions of a whole query's worth,
 * pages beyond the first thousand hits.
 */
import type { Index } from 'flexsearch'
import type { QueryContext } from './context'
import { PRE_ANALYSED } from './encoder'
import { allowedDocs, hasFilters } from './filters'
import { needsText, phraseFilter, verifyShown } from './phrase-check'
import { partKeys, type ParsedQuery } from './query'
import { countAny, EXACT_RERANK, exactFirst, topK } from './rank'
import { B, FIELDS, K1, WEIGHT, type Field, type Ranked, type SearchFilters } from './types'
import type { SearchOutcome } from './types'

export interface FlexIndexes {
  /** Per field: articles with any of the keys, most keys first. */
  byField: Record<Field, Index>
  /** Over all fields at once: candidates that have every word, wherever it stands. */
  all: Index
}

export async function fullPass(
  ctx: QueryContext,
  flex: FlexIndexes,
  parsed: ParsedQuery,
  keys: string[],
  filters: SearchFilters,
  limit: number,
  offset: number,
): Promise<SearchOutcome> {
  const { docs, reader, scratch, texts } = ctx
  const empty: SearchOutcome = {
    hits: [],
    total: 0,
    parsed,
    expansions: new Map(),
    uncertainDates: 0,
  }
  // 1. candidates from FlexSearch. Words only, without filters: first the articles with
  // every word (in any field); when they fill the page, the ones with fewer words never
  // show, and only their number is needed. Otherwise, per field, articles with any of the
  // words, most words first.
  const flexQuery = PRE_ANALYSED + keys.join(' ')
  const found: ArrayLike<number>[] = []
  const wordsOnly =
    keys.length >= 2 &&
    parsed.exclude.length === 0 &&
    !hasFilters(filters) &&
    parsed.include.every((p) => p.kind !== 'phrase' && partKeys(p).length === 1)
  if (wordsOnly) {
    const every = (await flex.all.search(flexQuery, { limit: 1e9, suggest: false })) as number[]
    if (every.length >= offset + limit) found.push(every)
  }
  const everyWord = found.length > 0
  if (!everyWord)
    for (const field of FIELDS)
      found.push(
        (await flex.byField[field].search(flexQuery, { limit: 1e9, suggest: true })) as number[],
      )
  // from here on nothing waits, so the reused candidate table is this query's alone
  const cap = docs.articleId.length
  const index = scratch.candidateIndex(cap) // docNo -> candidate number (-1: none)
  const cand: number[] = [] // candidate number -> docNo
  for (const ids of found) {
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!
      if (id < cap && index[id] === -1 && docs.articleId[id] !== 0) {
        index[id] = cand.length
        cand.push(id)
      }
    }
  }
  if (cand.length === 0) return { ...empty, expansions: reader.queryExpansions(keys) }

  // 2. BM25 per field and key, accumulated per candidate
  const n = cand.length
  // scratch arrays reused between queries (nothing below waits, so they are this query's)
  const score = scratch.array('score', Float64Array, n)
  const hitTable = scratch.array('keyHits', Uint8Array, n * keys.length)
  const keyHits = keys.map((_, k) => hitTable.subarray(k * n, (k + 1) * n))
  const fieldMask = scratch.array('fieldMask', Uint8Array, n)
  const tfNorm = scratch.array('tfNorm', Float64Array, n)
  keys.forEach((key, k) => {
    tfNorm.fill(0)
    let df = 0
    const hits = keyHits[k]!
    for (const [fi, field] of FIELDS.entries()) {
      const p = reader.lookup(field, key)
      const avg = docs.total[field] / docs.live || 1
      const lens = docs.len[field]
      const weight = WEIGHT[field]
      const bit = 1 << fi
      for (let i = 0; i < p.docs.length; i++) {
        const d = p.docs[i]!
        const c = d < cap ? index[d]! : -1
        if (c < 0) continue
        if (hits[c] === 0) {
          df++
          hits[c] = 1
        }
        fieldMask[c]! |= bit
        tfNorm[c]! += (weight * p.tfs[i]!) / (1 - B + (B * lens[d]!) / avg)
      }
    }
    // with only the articles that have every word as candidates, the key's document
    // frequency comes from its postings
    if (everyWord) df = countAny([key], docs, reader, scratch)
    const idf = Math.log(1 + (docs.live - df + 0.5) / (df + 0.5))
    for (let c = 0; c < n; c++)
      if (tfNorm[c]! > 0) score[c]! += (idf * tfNorm[c]! * (K1 + 1)) / (tfNorm[c]! + K1)
  })

  // 3. parts matched, exclusions, filters
  const keyIndex = new Map(keys.map((k, i) => [k, i]))
  const excluded = scratch.array('excluded', Uint8Array, n)
  for (const part of parsed.exclude) {
    for (const key of partKeys(part)) {
      for (const field of ['title', 'text'] as const) {
        const p = reader.lookup(field, key)
        for (let i = 0; i < p.docs.length; i++) {
          const d = p.docs[i]!
          if (d < cap && index[d]! >= 0) excluded[index[d]!] = 1
        }
      }
    }
  }
  const allowed = allowedDocs(ctx.db, docs, filters)
  const phrases = parsed.include.filter((p) => p.kind === 'phrase')
  const partKeyIndexes = parsed.include.map((part) => partKeys(part).map((k) => keyIndex.get(k)!))
  // candidates as numbers in typed arrays: a common word has tens of thousands of them
  const matchedOf = scratch.array('matchedOf', Uint8Array, n)
  const survivors = scratch.array('survivors', Int32Array, n)
  let m = 0
  const parts = parsed.include.map((part, pi) => ({
    hits: partKeyIndexes[pi]!.map((k) => keyHits[k]!),
    phrase: part.kind === 'phrase',
  }))
  for (let c = 0; c < n; c++) {
    if (excluded[c] || (allowed && !allowed.has(cand[c]!))) continue
    let matched = 0
    let phraseMissing = false
    for (const part of parts) {
      let all = true
      for (const h of part.hits)
        if (h[c] !== 1) {
          all = false
          break
        }
      if (all) matched++
      else if (part.phrase) {
        phraseMissing = true
        break
      }
    }
    if (phraseMissing || matched === 0) continue
    matchedOf[c] = matched
    survivors[m++] = c
  }
  let kept: Int32Array = survivors.subarray(0, m)

  // 4. phrases: the words next to each other (positions)
  if (phrases.length) kept = phraseFilter(kept, cand, phrases, docs, reader, scratch)

  // 5. the best first: only the page (and what phrase checks may need) is put in order
  const published = docs.published
  const better = (a: number, b: number) =>
    matchedOf[b]! - matchedOf[a]! ||
    score[b]! - score[a]! ||
    published[cand[b]!]! - published[cand[a]!]! ||
    cand[b]! - cand[a]!
  // phrases whose stopwords the positions cannot tell ("in der Stadt")
  const textPhrases = phrases.filter(needsText)
  const stopPhrases = textPhrases.length > 0
  // a query of three words or more describes a text more than a topic: among the best
  // candidates, those with the words as typed come first (see exactFirst)
  const words = parsed.include.filter((p) => p.kind === 'word')
  const exact = words.length >= 3 && !stopPhrases
  const top: Ranked[] = topK(
    kept,
    stopPhrases
      ? Math.max(200, (offset + limit) * 4)
      : exact
        ? Math.max(EXACT_RERANK, offset + limit)
        : offset + limit,
    better,
  ).map((c) => ({ docNo: cand[c]!, c, matched: matchedOf[c]! }))
  if (exact) exactFirst(top, words, docs, texts)
  // the hits shown are checked against the stored text
  const page = stopPhrases
    ? verifyShown(top, textPhrases, docs, texts, offset, limit)
    : top.slice(offset, offset + limit)

  const hits = page.map((r) => ({
    articleId: docs.articleId[r.docNo]!,
    score: Math.round(score[r.c]! * 1000) / 1000,
    matched: r.matched,
    fields: FIELDS.filter((_, fi) => fieldMask[r.c]! & (1 << fi)),
  }))
  const total = everyWord ? countAny(keys, docs, reader, scratch) : kept.length
  return { hits, total, parsed, expansions: reader.queryExpansions(keys), uncertainDates: 0 }
}
