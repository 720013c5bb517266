/**
 * FlexSearch's storage adapter for Lesesaal: FlexSearch asks it for the documents of a term,
 * and it answers from the posting lists in the library file, through `SearchIndex.lookup`
 * (which also finds the compounds a word is the head of). Writing happens in
 * `SearchIndex.write`, in one transaction with the articles' journal, so FlexSearch's own
 * commit is never used.
 */
import type { Document, Index } from 'flexsearch'
import type { Field, SearchIndex } from './index'

export class SearchStore {
  db: unknown = null

  constructor(
    private readonly owner: SearchIndex,
    private readonly field: Field,
  ) {}

  async mount(index: Index | Document): Promise<void> {
    ;(index as unknown as { db: unknown }).db = this
    return this.open()
  }

  async open(): Promise<void> {}
  async close(): Promise<void> {}
  async destroy(): Promise<void> {}
  async clear(): Promise<void> {}

  /** FlexSearch's own commit is not used: see `SearchIndex.write`. */
  async commit(): Promise<void> {}

  async get(
    key: string,
    _ctx?: string,
    limit = 0,
    offset = 0,
    resolve = true,
  ): Promise<number[] | number[][]> {
    const ids = Array.from(this.owner.lookup(this.field, key).docs)
    if (!resolve) return [ids]
    return limit ? ids.slice(offset, offset + limit) : offset ? ids.slice(offset) : ids
  }

  /** No database-side intersection: FlexSearch intersects the lists `get` returns. */
  search(): false {
    return false
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
