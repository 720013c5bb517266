/**
 * Article signatures in the library: written right after import from the story journal (a
 * trigger journals every new or changed article in the same transaction), and read into
 * memory for suggestions and similar articles. The in-memory table is a cache of SQLite:
 * `clear()` forgets it (after a drain here, or when another process changed the library).
 */
import type { Db } from '../db/open'
import { stmt } from '../db/statements'
import {
  decodeMinhash,
  decodeTerms,
  encodeMinhash,
  encodeTerms,
  MINHASH_BINS,
  signatureOf,
} from './signature'

const BATCH = 500

/**
 * Computes the signatures of journalled articles and clears the journal, in transactions of
 * a few hundred articles. Returns how many articles were done. Cheap when there is nothing
 * to do (one indexed read).
 */
export function drainSignatures(db: Db, max = Infinity): number {
  let done = 0
  const read = stmt(db, 'SELECT id, article_id FROM story_journal ORDER BY id LIMIT ?')
  const article = stmt(db, 'SELECT title FROM articles WHERE id = ?').pluck()
  const paragraphs = stmt(
    db,
    'SELECT article_id, text FROM paragraphs WHERE article_id IN (SELECT value FROM json_each(?)) ORDER BY article_id, position',
  ).raw()
  const upsert = stmt(
    db,
    'INSERT OR REPLACE INTO story_signatures (article_id, minhash, terms, words) VALUES (?, ?, ?, ?)',
  )
  const clear = stmt(db, 'DELETE FROM story_journal WHERE id <= ?')
  while (done < max) {
    const rows = read.all(BATCH) as { id: number; article_id: number }[]
    if (rows.length === 0) break
    const ids = [...new Set(rows.map((r) => r.article_id))]
    db.transaction(() => {
      const texts = new Map<number, string[]>()
      for (const [id, text] of paragraphs.all(JSON.stringify(ids)) as [number, string][]) {
        let list = texts.get(id)
        if (!list) texts.set(id, (list = []))
        list.push(text)
      }
      for (const id of ids) {
        const title = article.get(id) as string | undefined
        // a deleted article took its signature with it (ON DELETE CASCADE)
        if (title === undefined) continue
        const sig = signatureOf(title, texts.get(id) ?? [])
        upsert.run(id, encodeMinhash(sig.minhash), encodeTerms(sig.terms), sig.words)
      }
      done += ids.length
      clear.run(rows[rows.length - 1]!.id)
    })()
  }
  return done
}

/** Whether articles wait for their signature. */
export function signaturesPending(db: Db): boolean {
  return stmt(db, 'SELECT 1 FROM story_journal LIMIT 1').get() !== undefined
}

/** Every article's signature, in memory, for suggestions and similar articles. */
export interface SignatureTable {
  ids: Int32Array
  /** Row of each article id. */
  row: Map<number, number>
  /** MINHASH_BINS values per row. */
  minhash: Uint32Array
  /** Term numbers (ascending) and weights per row (log-scaled counts times rarity). */
  terms: { term: Int32Array; weight: Float32Array }[]
  /** Sum of each row's term weights. */
  sum: Float32Array
  /** Publication day (days since 1970), or NaN when unknown or only a month or year. */
  day: Float64Array
  /** Number of articles with each term. */
  df: Int32Array
  /** Term number -> rows with the term, and the term's weight in each. */
  postings: Int32Array[]
  postingWeights: Float32Array[]
  words: Int32Array
  termNames: string[]
}

/** The signature table, loaded on first use and kept until `clear()`. */
export class SignatureCache {
  private table: SignatureTable | null = null

  constructor(private readonly db: Db) {}

  /** Forgets the table (it is loaded again from SQLite on the next use). */
  clear(): void {
    this.table = null
  }

  get(): SignatureTable {
    return (this.table ??= loadSignatures(this.db))
  }
}

function dayOf(published: string | null): number {
  if (!published || !/^\d{4}-\d{2}-\d{2}$/.test(published)) return NaN
  return Math.floor(Date.parse(`${published}T00:00:00Z`) / 86_400_000)
}

export function loadSignatures(db: Db): SignatureTable {
  const rows = db
    .prepare(
      `SELECT s.article_id, s.minhash, s.terms, s.words, a.published
       FROM story_signatures s JOIN articles a ON a.id = s.article_id ORDER BY s.article_id`,
    )
    .raw()
    .all() as [number, Buffer, string, number, string | null][]
  const n = rows.length
  const ids = new Int32Array(n)
  const row = new Map<number, number>()
  const minhash = new Uint32Array(n * MINHASH_BINS)
  const day = new Float64Array(n)
  const words = new Int32Array(n)
  const termIds = new Map<string, number>()
  const termNames: string[] = []
  const raw: { term: number[]; count: number[] }[] = []
  const dfList: number[] = []
  rows.forEach(([id, blob, terms, w, published], i) => {
    ids[i] = id
    row.set(id, i)
    minhash.set(decodeMinhash(blob), i * MINHASH_BINS)
    day[i] = dayOf(published)
    words[i] = w
    const t: number[] = []
    const c: number[] = []
    for (const [name, count] of decodeTerms(terms)) {
      let k = termIds.get(name)
      if (k === undefined) {
        k = termNames.length
        termIds.set(name, k)
        termNames.push(name)
        dfList.push(0)
      }
      dfList[k]!++
      t.push(k)
      c.push(count)
    }
    raw.push({ term: t, count: c })
  })
  const df = Int32Array.from(dfList)
  const lists: number[][] = termNames.map(() => [])
  const listWeights: number[][] = termNames.map(() => [])
  const sums = new Float32Array(n)
  const terms = raw.map((r, i) => {
    // by term number, so two rows' shared terms are found by a merge
    const order = r.term.map((_, j) => j).sort((a, b) => r.term[a]! - r.term[b]!)
    const term = Int32Array.from(order.map((j) => r.term[j]!))
    const weight = new Float32Array(term.length)
    let sum = 0
    order.forEach((j, at) => {
      const k = r.term[j]!
      weight[at] = (1 + Math.log(r.count[j]!)) * Math.log(1 + n / df[k]!)
      sum += weight[at]!
      lists[k]!.push(i)
      listWeights[k]!.push(weight[at]!)
    })
    sums[i] = sum || 1
    return { term, weight }
  })
  return {
    ids,
    row,
    minhash,
    terms,
    sum: sums,
    day,
    df,
    postings: lists.map((l) => Int32Array.from(l)),
    postingWeights: listWeights.map((l) => Float32Array.from(l)),
    words,
    termNames,
  }
}
