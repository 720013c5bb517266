/**
 * Posting lists: ascending document numbers with term frequencies, stored as varints of the
 * gaps (a few bytes a posting), decoded into typed arrays.
 */

export interface Postings {
  docs: Int32Array
  tfs: Int32Array
}

export const EMPTY: Postings = { docs: new Int32Array(0), tfs: new Int32Array(0) }

/** Encodes postings sorted by document number. */
export function encodePostings(docs: ArrayLike<number>, tfs: ArrayLike<number>): Buffer {
  const out = Buffer.allocUnsafe(docs.length * 10 + 8)
  let pos = 0
  const put = (v: number) => {
    while (v >= 0x80) {
      out[pos++] = (v & 0x7f) | 0x80
      v >>>= 7
    }
    out[pos++] = v
  }
  put(docs.length)
  let prev = 0
  for (let i = 0; i < docs.length; i++) {
    put(docs[i]! - prev)
    put(tfs[i]!)
    prev = docs[i]!
  }
  return out.subarray(0, pos)
}

/** Decodes one segment. */
export function decodePostings(buf: Uint8Array): Postings {
  let pos = 0
  const get = () => {
    let v = 0
    let shift = 0
    for (;;) {
      const b = buf[pos++]!
      v |= (b & 0x7f) << shift
      if (b < 0x80) return v >>> 0
      shift += 7
    }
  }
  const n = get()
  const docs = new Int32Array(n)
  const tfs = new Int32Array(n)
  let prev = 0
  for (let i = 0; i < n; i++) {
    prev += get()
    docs[i] = prev
    tfs[i] = get()
  }
  return { docs, tfs }
}

/** Concatenates segments whose document numbers follow each other, dropping deleted ones. */
export function concatPostings(parts: Postings[], deleted: ReadonlySet<number>): Postings {
  if (parts.length === 1 && deleted.size === 0) return parts[0]!
  let n = 0
  for (const p of parts) n += p.docs.length
  const docs = new Int32Array(n)
  const tfs = new Int32Array(n)
  let k = 0
  for (const p of parts) {
    for (let i = 0; i < p.docs.length; i++) {
      if (deleted.size && deleted.has(p.docs[i]!)) continue
      docs[k] = p.docs[i]!
      tfs[k++] = p.tfs[i]!
    }
  }
  // segments are written in increasing document order, but merges can interleave: keep sorted
  const out = { docs: docs.subarray(0, k), tfs: tfs.subarray(0, k) }
  return isSorted(out.docs) ? out : sortPostings(out)
}

/** Union of several posting lists (one term's compounds): document numbers merged, tf summed. */
export function unionPostings(lists: Postings[]): Postings {
  const nonEmpty = lists.filter((l) => l.docs.length)
  if (nonEmpty.length === 0) return EMPTY
  if (nonEmpty.length === 1) return nonEmpty[0]!
  const acc = new Map<number, number>()
  for (const l of nonEmpty)
    for (let i = 0; i < l.docs.length; i++)
      acc.set(l.docs[i]!, (acc.get(l.docs[i]!) ?? 0) + l.tfs[i]!)
  const docs = Int32Array.from(acc.keys()).sort()
  const tfs = new Int32Array(docs.length)
  for (let i = 0; i < docs.length; i++) tfs[i] = acc.get(docs[i]!)!
  return { docs, tfs }
}

function isSorted(a: Int32Array): boolean {
  for (let i = 1; i < a.length; i++) if (a[i]! <= a[i - 1]!) return false
  return true
}

function sortPostings(p: Postings): Postings {
  const order = Array.from(p.docs.keys()).sort((a, b) => p.docs[a]! - p.docs[b]!)
  return {
    docs: Int32Array.from(order, (i) => p.docs[i]!),
    tfs: Int32Array.from(order, (i) => p.tfs[i]!),
  }
}
