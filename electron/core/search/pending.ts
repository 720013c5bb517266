/**
 * The analysed but unwritten postings of one field: each document's packed (key, place)
 * pairs as the analysis gave them, kept whole until the batch is written, then grouped by key
 * in two passes over flat typed arrays (a counting sort, stable in document order).
 *
 * Grouping as documents arrive (a map of growing arrays per key) kept tens of thousands of
 * small arrays alive across a bulk import's chunk: the young-generation collections copied
 * them again and again, a tenth of the import's time.
 */
import { keyCount, PLACE_SPAN } from './analyzer'

export class PendingPostings {
  private docNos: number[] = []
  private lists: Float64Array[] = []

  /**
   * Adds one document's pairs (a key's pairs together and in order of place; documents in
   * ascending order). A pair repeated right after itself (a compound's part under the whole's
   * key at the same place) counts once.
   */
  add(docNo: number, pairs: Float64Array): void {
    if (pairs.length === 0) return
    this.docNos.push(docNo)
    this.lists.push(pairs)
  }

  clear(): void {
    this.docNos = []
    this.lists = []
  }

  /**
   * Calls `visit` once per key with its documents (ascending), their frequencies and the
   * places, each document's ascending. The arrays are views into buffers reused for the next
   * key: read them, do not keep them.
   */
  forEachTerm(
    visit: (key: number, docs: Int32Array, tfs: Int32Array, places: Int32Array) => void,
  ): void {
    const keys = keyCount()
    const start = new Int32Array(keys + 1)
    let total = 0
    for (const pairs of this.lists) {
      let prev = -1
      for (let i = 0; i < pairs.length; i++) {
        const p = pairs[i]!
        if (p === prev) continue
        prev = p
        start[Math.floor(p / PLACE_SPAN) + 1]!++
        total++
      }
    }
    for (let k = 0; k < keys; k++) start[k + 1]! += start[k]!
    const fill = start.slice(0, keys)
    const docOf = new Int32Array(total)
    const placeOf = new Int32Array(total)
    for (let d = 0; d < this.lists.length; d++) {
      const pairs = this.lists[d]!
      const docNo = this.docNos[d]!
      let prev = -1
      for (let i = 0; i < pairs.length; i++) {
        const p = pairs[i]!
        if (p === prev) continue
        prev = p
        const key = Math.floor(p / PLACE_SPAN)
        const at = fill[key]!++
        docOf[at] = docNo
        placeOf[at] = p - key * PLACE_SPAN
      }
    }
    let docs = new Int32Array(256)
    let tfs = new Int32Array(256)
    for (let k = 0; k < keys; k++) {
      const from = start[k]!
      const to = start[k + 1]!
      if (from === to) continue
      if (to - from > docs.length) {
        docs = new Int32Array(to - from)
        tfs = new Int32Array(to - from)
      }
      let n = 0
      for (let i = from; i < to; i++) {
        if (n > 0 && docs[n - 1] === docOf[i]) tfs[n - 1]!++
        else {
          docs[n] = docOf[i]!
          tfs[n++] = 1
        }
      }
      visit(k, docs.subarray(0, n), tfs.subarray(0, n), placeOf.subarray(from, to))
    }
  }
}
