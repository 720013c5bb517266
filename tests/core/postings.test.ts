/** Posting lists: the union of a word's lists (its compounds, a typed word's completions). */
import { describe, expect, it } from 'vitest'
import { unionPostings, type Postings } from '../../electron/core/search/postings'

/** A sorted list of `n` distinct documents below `max`, with frequencies. */
function list(n: number, max: number, seed: number): Postings {
  let x = seed
  const next = () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
  const docs = new Set<number>()
  while (docs.size < n) docs.add(Math.floor(next() * max))
  const sorted = [...docs].sort((a, b) => a - b)
  return {
    docs: Int32Array.from(sorted),
    tfs: Int32Array.from(sorted, () => 1 + Math.floor(next() * 5)),
  }
}

function reference(lists: Postings[]): { docs: number[]; tfs: number[] } {
  const sum = new Map<number, number>()
  for (const l of lists) l.docs.forEach((d, i) => sum.set(d, (sum.get(d) ?? 0) + l.tfs[i]!))
  const docs = [...sum.keys()].sort((a, b) => a - b)
  return { docs, tfs: docs.map((d) => sum.get(d)!) }
}

describe('the union of posting lists', () => {
  it('adds up the frequencies of each document, in document order, sparse or dense', () => {
    // few postings over many documents (sorted), and many over few (added up in a table)
    for (const [n, max] of [
      [20, 100_000],
      [3000, 5000],
      [500, 2000],
      [1, 10],
    ] as const) {
      const lists = [1, 2, 3, 4].map((seed) => list(n, max, seed * 7 + n))
      const u = unionPostings(lists)
      const r = reference(lists)
      expect([...u.docs]).toEqual(r.docs)
      expect([...u.tfs]).toEqual(r.tfs)
    }
  })
})
