/**
 * Typed arrays reused between queries: a common word has tens of thousands of candidates, and
 * allocating their score tables per query would keep the garbage collector busy. Nothing that
 * uses them waits (no `await`) while they are in use, so each query has them to itself.
 */
type Scratchable = Float64Array | Int32Array | Uint8Array

export class Scratch {
  private stamps = new Int32Array(0)
  private stampNo = 0
  private candidates: Int32Array | null = null
  private readonly buffers = new Map<string, Scratchable>()

  /** A zeroed typed array of `n` elements, from a buffer kept between queries. */
  array<A extends Scratchable>(name: string, make: new (length: number) => A, n: number): A {
    let buffer = this.buffers.get(name) as A | undefined
    if (!buffer || buffer.length < n) {
      buffer = new make(Math.max(n, (buffer?.length ?? 0) * 2, 1024))
      this.buffers.set(name, buffer)
    }
    const view = buffer.subarray(0, n) as A
    view.fill(0)
    return view
  }

  /** A docNo -> candidate table of all -1, reused between queries (it is large). */
  candidateIndex(cap: number): Int32Array {
    if (!this.candidates || this.candidates.length < cap) this.candidates = new Int32Array(cap)
    this.candidates.fill(-1)
    return this.candidates
  }

  /** A number not yet used in the stamp table (as large as the document numbers). */
  stamp(cap: number): { seen: Int32Array; stamp: number } {
    if (this.stamps.length < cap || this.stampNo >= 2 ** 31 - 2) {
      this.stamps = new Int32Array(Math.max(cap, this.stamps.length))
      this.stampNo = 0
    }
    return { seen: this.stamps, stamp: ++this.stampNo }
  }
}
