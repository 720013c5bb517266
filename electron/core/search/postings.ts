/**
 * Posting lists: ascending document numbers with term frequencies, and separately the word
 * positions in each document. Both are stored as varints of gaps (a few bytes a posting) and
 * decoded into typed arrays.
 */

export interface Postings {
  docs: Int32Array
  tfs: Int32Array
}

export const EMPTY: Postings = { docs: new Int32Array(0), tfs: new Int32Array(0) }

class VarintWriter {
  private buf: Buffer
  private pos = 0
  constructor(size: number) {
    this.buf = Buffer.allocUnsafe(Math.max(16, size))
  }
  put(v: number): void {
    if (this.pos + 5 > this.buf.length) {
      const next = Buffer.allocUnsafe(this.buf.length * 2)
      this.buf.copy(next, 0, 0, this.pos)
      this.buf = next
    }
    while (v >= 0x80) {
      this.buf[this.pos++] = (v & 0x7f) | 0x80
      v >>>= 7
    }
    this.buf[this.pos++] = v
  }
  done(): Buffer {
    return Buffer.from(this.buf.subarray(0, this.pos))
  }
}

class VarintReader {
  pos = 0
  constructor(private readonly buf: Uint8Array) {}
  get(): number {
    let v = 0
    let shift = 0
    for (;;) {
      const b = this.buf[this.pos++]!
      v |= (b & 0x7f) << shift
      if (b < 0x80) return v >>> 0
      shift += 7
    }
  }
}

/** Encodes postings sorted by document number. */
export function encodePostings(docs: ArrayLike<number>, tfs: ArrayLike<number>): Buffer {
  const w = new VarintWriter(docs.length * 3 + 8)
  w.put(docs.length)
  let prev = 0
  for (let i = 0; i < docs.length; i++) {
    w.put(docs[i]! - prev)
    w.put(tfs[i]!)
    prev = docs[i]!
  }
  return w.done()
}

/** Decodes one segment. */
export function decodePostings(buf: Uint8Array): Postings {
  const r = new VarintReader(buf)
  const n = r.get()
  const docs = new Int32Array(n)
  const tfs = new Int32Array(n)
  let prev = 0
  for (let i = 0; i < n; i++) {
    prev += r.get()
    docs[i] = prev
    tfs[i] = r.get()
  }
  return { docs, tfs }
}

/**
 * Encodes positions (places: position * 256 + the stopword before, see `indexPositions`): for
 * each posting in order, `tf` ascending places as gaps. The counts
 * come from the postings, so they are not repeated.
 */
export function encodePositions(positions: ArrayLike<number>, tfs: ArrayLike<number>): Buffer {
  const w = new VarintWriter(positions.length * 2 + 8)
  let k = 0
  for (let i = 0; i < tfs.length; i++) {
    let prev = 0
    for (let j = 0; j < tfs[i]!; j++) {
      w.put(positions[k]! - prev)
      prev = positions[k++]!
    }
  }
  return w.done()
}

/**
 * Every document's positions of one term: `pos[start[i]..start[i + 1]]` for `docs[i]`, and at
 * each position the number of the stopword right before it (0: none).
 */
export interface TermPositions {
  docs: Int32Array
  start: Int32Array
  pos: Int32Array
  before: Uint8Array
}

/** Decodes all of a term's segments with their positions, dropping deleted documents. */
export function decodeTermPositions(
  segments: Segment[],
  deleted: ReadonlySet<number>,
): TermPositions {
  const parts = segments.map((s) => ({ p: decodePostings(s.data), r: new VarintReader(s.pos) }))
  let docCount = 0
  let posCount = 0
  for (const { p } of parts) {
    docCount += p.docs.length
    for (let i = 0; i < p.tfs.length; i++) posCount += p.tfs[i]!
  }
  const docs = new Int32Array(docCount)
  const start = new Int32Array(docCount + 1)
  const pos = new Int32Array(posCount)
  const before = new Uint8Array(posCount)
  let n = 0
  let k = 0
  for (const { p, r } of parts) {
    for (let i = 0; i < p.docs.length; i++) {
      const keep = !deleted.has(p.docs[i]!)
      if (keep) {
        docs[n] = p.docs[i]!
        start[n++] = k
      }
      let prev = 0
      for (let j = 0; j < p.tfs[i]!; j++) {
        prev += r.get()
        // stored as a place: position * 256 + the stopword before
        if (keep) {
          before[k] = prev & 255
          pos[k++] = prev >>> 8
        }
      }
    }
  }
  start[n] = k
  const out = {
    docs: docs.subarray(0, n),
    start: start.subarray(0, n + 1),
    pos: pos.subarray(0, k),
    before: before.subarray(0, k),
  }
  return isSorted(out.docs) ? out : sortTermPositions(out)
}

function sortTermPositions(t: TermPositions): TermPositions {
  const n = t.docs.length
  const order = Int32Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => t.docs[a]! - t.docs[b]! || a - b,
  )
  const docs = new Int32Array(n)
  const start = new Int32Array(n + 1)
  const pos = new Int32Array(t.pos.length)
  const before = new Uint8Array(t.pos.length)
  let k = 0
  order.forEach((i, at) => {
    docs[at] = t.docs[i]!
    start[at] = k
    pos.set(t.pos.subarray(t.start[i]!, t.start[i + 1]!), k)
    before.set(t.before.subarray(t.start[i]!, t.start[i + 1]!), k)
    k += t.start[i + 1]! - t.start[i]!
  })
  start[n] = k
  return { docs, start, pos, before }
}

/** Concatenates segments, dropping deleted documents; the result is sorted by document. */
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
  const out = { docs: docs.subarray(0, k), tfs: tfs.subarray(0, k) }
  return isSorted(out.docs) ? out : sortPostings(out)
}

/** Union of several posting lists (a word and its compounds): documents merged, tf summed. */
export function unionPostings(lists: Postings[]): Postings {
  const nonEmpty = lists.filter((l) => l.docs.length)
  if (nonEmpty.length === 0) return EMPTY
  if (nonEmpty.length === 1) return nonEmpty[0]!
  let n = 0
  let max = 0
  for (const l of nonEmpty) {
    n += l.docs.length
    max = Math.max(max, l.docs[l.docs.length - 1]!)
  }
  // many postings over the document numbers: added up in a table as large as those numbers
  // (a pass over it costs less than sorting them); few: sorted
  if (max <= n * DENSE_SPREAD) return denseUnion(nonEmpty, max)
  // (document, frequency) packed into one number, so a native numeric sort puts them in order
  // a buffer kept for the next union, unless this one is exceptionally large
  if (unionBuffer.length < n && n <= KEPT_UNION)
    unionBuffer = new Float64Array(Math.min(KEPT_UNION, Math.max(n, unionBuffer.length * 2)))
  const packed = n <= unionBuffer.length ? unionBuffer.subarray(0, n) : new Float64Array(n)
  let k = 0
  for (const l of nonEmpty)
    for (let i = 0; i < l.docs.length; i++)
      packed[k++] = l.docs[i]! * TF_SPAN + Math.min(l.tfs[i]!, TF_SPAN - 1)
  packed.sort()
  // documents that appear in several lists once, with their frequencies summed: counted
  // first, so the arrays kept have the exact size
  let distinct = 0
  for (let i = 0, prev = -1; i < n; i++) {
    const doc = Math.floor(packed[i]! / TF_SPAN)
    if (doc !== prev) distinct++
    prev = doc
  }
  const docs = new Int32Array(distinct)
  const tfs = new Int32Array(distinct)
  let w = 0
  for (let i = 0; i < n; i++) {
    const doc = Math.floor(packed[i]! / TF_SPAN)
    const tf = packed[i]! - doc * TF_SPAN
    if (w > 0 && docs[w - 1] === doc) tfs[w - 1]! += tf
    else {
      docs[w] = doc
      tfs[w++] = tf
    }
  }
  return { docs, tfs }
}

/** A union is added up in a table when the largest document number is at most this many
 * times the number of postings. */
const DENSE_SPREAD = 8
let denseTf = new Int32Array(1024)
let densePresent = new Uint8Array(1024)

/** The union of lists (each ascending) by a table of document numbers up to `max`. */
function denseUnion(lists: Postings[], max: number): Postings {
  if (denseTf.length <= max) {
    denseTf = new Int32Array(Math.max(max + 1, denseTf.length * 2))
    densePresent = new Uint8Array(denseTf.length)
  }
  const tf = denseTf
  const present = densePresent
  tf.fill(0, 0, max + 1)
  present.fill(0, 0, max + 1)
  let distinct = 0
  for (const l of lists)
    for (let i = 0; i < l.docs.length; i++) {
      const d = l.docs[i]!
      // the same cap as the packed sort below, so both give the same frequencies
      tf[d]! += Math.min(l.tfs[i]!, TF_SPAN - 1)
      if (present[d] === 0) {
        present[d] = 1
        distinct++
      }
    }
  const docs = new Int32Array(distinct)
  const tfs = new Int32Array(distinct)
  for (let d = 0, w = 0; w < distinct; d++)
    if (present[d] === 1) {
      docs[w] = d
      tfs[w++] = tf[d]!
    }
  return { docs, tfs }
}

/** Reused for unions (nothing waits while it is in use), up to 1 million postings. */
const KEPT_UNION = 1_000_000
let unionBuffer = new Float64Array(1024)

/** Term frequencies are kept below this when packed with their document. */
const TF_SPAN = 2 ** 24

function isSorted(a: Int32Array): boolean {
  for (let i = 1; i < a.length; i++) if (a[i]! <= a[i - 1]!) return false
  return true
}

function sortPostings(p: Postings): Postings {
  const order = new Int32Array(p.docs.length)
  for (let i = 0; i < order.length; i++) order[i] = i
  order.sort((a, b) => p.docs[a]! - p.docs[b]! || a - b)
  return {
    docs: Int32Array.from(order, (i) => p.docs[i]!),
    tfs: Int32Array.from(order, (i) => p.tfs[i]!),
  }
}

/** One stored segment. */
export interface Segment {
  data: Uint8Array
  pos: Uint8Array
}

/** Merges segments (in document order) into one, dropping deleted documents. */
export function mergeSegments(
  segments: Segment[],
  deleted: ReadonlySet<number>,
): { data: Buffer; pos: Buffer; count: number } {
  const docs: number[] = []
  const tfs: number[] = []
  const positions: number[] = []
  for (const s of segments) {
    const p = decodePostings(s.data)
    const r = new VarintReader(s.pos)
    for (let i = 0; i < p.docs.length; i++) {
      const keep = !deleted.has(p.docs[i]!)
      if (keep) {
        docs.push(p.docs[i]!)
        tfs.push(p.tfs[i]!)
      }
      let prev = 0
      for (let j = 0; j < p.tfs[i]!; j++) {
        prev += r.get()
        if (keep) positions.push(prev)
      }
    }
  }
  return {
    data: encodePostings(docs, tfs),
    pos: encodePositions(positions, tfs),
    count: docs.length,
  }
}
