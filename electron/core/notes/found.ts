/**
 * What the notes search found: the articles, best first, each with its best note, and, kept
 * while the notes are the same, what it found for a combination of notes lists (a query's
 * words, and the words it excludes): the lists are made once per key and notes version, so
 * the same lists mean the same answer.
 */

/** The articles found, best first, and each one's best note. */
export class Found {
  /** The articles by number, and each one's best note: an article's note by binary search. */
  private readonly ids: Int32Array
  private readonly docs: Int32Array

  /** `articles` in their order, each with its best note as `bestDoc` (by article) holds it. */
  constructor(
    readonly articles: readonly number[],
    bestDoc: ArrayLike<number>,
  ) {
    const order = Int32Array.from(articles).sort()
    this.ids = order
    this.docs = Int32Array.from(order, (a) => bestDoc[a]!)
  }

  /** An article's best note (-1: the article was not found). */
  bestOf(article: number): number {
    const ids = this.ids
    let lo = 0
    let hi = ids.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (ids[mid]! < article) lo = mid + 1
      else hi = mid
    }
    return lo < ids.length && ids[lo] === article ? this.docs[lo]! : -1
  }
}

/** Combinations kept at most; then the oldest half is forgotten. */
const KEPT = 500

export class FoundArticles {
  private readonly serial = new WeakMap<Int32Array, number>()
  private serials = 0
  private readonly kept = new Map<string, Found>()

  /** The name of a combination: the included lists (in the order given), then the excluded. */
  keyOf(included: readonly Int32Array[], excluded: readonly Int32Array[]): string {
    const name = (list: Int32Array) => {
      let n = this.serial.get(list)
      if (n === undefined) this.serial.set(list, (n = ++this.serials))
      return n
    }
    let key = ''
    for (const list of included) key += `${name(list)},`
    if (excluded.length) {
      key += '-'
      for (const list of excluded) key += `${name(list)},`
    }
    return key
  }

  get(key: string): Found | undefined {
    return this.kept.get(key)
  }

  set(key: string, found: Found): void {
    if (this.kept.size >= KEPT) {
      let drop = KEPT >> 1
      for (const k of this.kept.keys()) {
        if (drop-- === 0) break
        this.kept.delete(k)
      }
    }
    this.kept.set(key, found)
  }
}
