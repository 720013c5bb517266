/**
 * What the notes search found for a combination of notes lists (a query's words, and the
 * words it excludes), kept while the notes are the same: the lists are made once per key and
 * notes version, so the same lists mean the same answer.
 */

/** The articles found, best first, and each one's best note. */
export interface Found {
  articles: readonly number[]
  docs: Int32Array
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

  /** Keeps `articles` with their best notes as `bestDoc` (by article) holds them now. */
  set(key: string, articles: readonly number[], bestDoc: Int32Array): void {
    if (this.kept.size >= KEPT) {
      let drop = KEPT >> 1
      for (const k of this.kept.keys()) {
        if (drop-- === 0) break
        this.kept.delete(k)
      }
    }
    this.kept.set(key, { articles, docs: Int32Array.from(articles, (a) => bestDoc[a]!) })
  }
}
