/**
 * FlexSearch's storage adapter for Lesesaal: FlexSearch asks it for the documents of a term,
 * and it answers from the posting lists in the library file, through `TermReader.lookup`
 * (which also finds the compounds a word is the head of). Writing happens in
 * `IndexWriter.flush`, in one transaction with the articles' journal, so FlexSearch's own
 * commit is never used.
 */
import type { Document, Index } from 'flexsearch'
import { FIELDS, type Field, type PostingSource } from './types'

export class SearchStore {
  db: unknown = null
  private count = new Uint8Array(0)
  private stamp = new Int32Array(0)

  constructor(
    private readonly owner: PostingSource,
    private readonly field: Field | 'all',
  ) {}

  async mount(index: Index | Document): Promise<void> {
    ;(index as unknown as { db: unknown }).db = this
    return this.open()
  }

  async open(): Promise<void> {}
  async close(): Promise<void> {}
  async destroy(): Promise<void> {}
  async clear(): Promise<void> {}

  /** FlexSearch's own commit is not used: see `IndexWriter.flush`. */
  async commit(): Promise<void> {}

  async get(
    key: string,
    _ctx?: string,
    limit = 0,
    offset = 0,
    resolve = true,
  ): Promise<number[] | number[][]> {
    // the typed array itself (FlexSearch only reads it): copying 100,000 ids costs more than
    // the whole ranking
    const docs = this.owner.lookup(this.field, key).docs as unknown as number[]
    const ids = limit ? docs.slice(offset, offset + limit) : offset ? docs.slice(offset) : docs
    return resolve ? ids : [ids]
  }

  /**
   * FlexSearch's hook for doing a multi-term query's set algebra on the storage side, as its
   * database adapters do: AND (documents with every term) or, with `suggest`, OR with the
   * documents that have more of the terms first. Done here over typed arrays.
   */
  async search(
    _index: unknown,
    terms: string[],
    limit = 0,
    offset = 0,
    suggest = false,
    resolve = true,
  ): Promise<number[] | number[][]> {
    // per term its documents: in one field, or (for 'all') in any, each document once
    const field = this.field
    const lists = [...new Set(terms)].map((t) =>
      field === 'all'
        ? FIELDS.map((f) => this.owner.lookup(f, t).docs)
        : [this.owner.lookup(field, t).docs],
    )
    let max = 0
    for (const parts of lists)
      for (const l of parts) if (l.length && l[l.length - 1]! > max) max = l[l.length - 1]!
    // kept between calls: this runs start to end without waiting
    if (this.count.length < max + 1) {
      this.count = new Uint8Array(max + 1 + 1024)
      this.stamp = new Int32Array(max + 1 + 1024)
    }
    const count = this.count.subarray(0, max + 1)
    count.fill(0)
    const stamp = field === 'all' ? this.stamp.subarray(0, max + 1).fill(0) : null
    lists.forEach((parts, t) => {
      for (const l of parts)
        for (let i = 0; i < l.length; i++) {
          const d = l[i]!
          if (stamp) {
            if (stamp[d] === t + 1) continue
            stamp[d] = t + 1
          }
          count[d]!++
        }
    })
    const need = suggest ? 1 : lists.length
    // a counting sort by how many terms a document has, most first, into one typed array
    // (FlexSearch only reads it)
    const sizes = new Int32Array(lists.length + 1)
    for (let d = 0; d <= max; d++) if (count[d]! >= need) sizes[count[d]!]!++
    const starts = new Int32Array(lists.length + 1)
    for (let c = lists.length, at = 0; c >= 1; c--) {
      starts[c] = at
      at += sizes[c]!
    }
    let total = 0
    for (let c = need; c <= lists.length; c++) total += sizes[c]!
    const ids = new Int32Array(total)
    for (let d = 0; d <= max; d++) if (count[d]! >= need) ids[starts[count[d]!]!++] = d
    const all = ids as unknown as number[]
    const page = limit ? all.slice(offset, offset + limit) : offset ? all.slice(offset) : all
    return resolve ? page : [page]
  }

  async enrich(ids: number[]): Promise<number[]> {
    return ids
  }

  async has(): Promise<boolean> {
    return false
  }

  async remove(): Promise<void> {}

  info(): void {}
}
