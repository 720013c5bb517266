/**
 * The index writer's unwritten postings: each document's (key, place) pairs grouped by key
 * when the batch is written. What a term's segment gets must be exactly what a plain grouping
 * of the documents gives: documents ascending, each counted once per place, places in order.
 */
import { describe, expect, it } from 'vitest'
import { indexPositions, keyId, keyName, PLACE_SPAN } from '../../electron/core/search/analyzer'
import { PendingPostings } from '../../electron/core/search/pending'

type Grouped = Map<string, { docs: number[]; tfs: number[]; places: number[] }>

/** The plain grouping: a map of growing arrays per key, as documents come. */
function plainly(docs: [number, Float64Array][]): Grouped {
  const out: Grouped = new Map()
  for (const [docNo, pairs] of docs) {
    let last = -1
    for (const p of pairs) {
      if (p === last) continue
      last = p
      const key = keyName(Math.floor(p / PLACE_SPAN))!
      let t = out.get(key)
      if (!t) out.set(key, (t = { docs: [], tfs: [], places: [] }))
      if (t.docs[t.docs.length - 1] !== docNo) {
        t.docs.push(docNo)
        t.tfs.push(0)
      }
      t.tfs[t.tfs.length - 1]!++
      t.places.push(p % PLACE_SPAN)
    }
  }
  return out
}

function grouped(pending: PendingPostings): Grouped {
  const out: Grouped = new Map()
  pending.forEachTerm((key, docs, tfs, places) => {
    expect(out.has(keyName(key)!)).toBe(false)
    out.set(keyName(key)!, { docs: [...docs], tfs: [...tfs], places: [...places] })
  })
  return out
}

describe('pending postings', () => {
  it('groups real texts by key as a plain grouping does, compounds counted once per place', () => {
    const texts = [
      'Die Sechs-Parteien-Gespräche in Peking wurden vertagt. Die Gespräche sollen im Mai weitergehen.',
      'Der Stadtrat berät über die Sanierung der Rheinbrücke.\nDie Sanierung kostet 40 Millionen Euro.',
      '',
      'Sanierung, Sanierung, Sanierung: der Gemeinderat will die Rheinbrücke-Sanierung prüfen.',
    ]
    const docs = texts.map(
      (t, i) => [10 + i * 3, indexPositions(t).pairs] as [number, Float64Array],
    )
    const pending = new PendingPostings()
    for (const [docNo, pairs] of docs) pending.add(docNo, pairs)
    const got = grouped(pending)
    expect(got).toEqual(plainly(docs))
    // "Sanierung" is in the second and the fourth text, four times in the fourth (once as a part)
    const sanierung = got.get(keyName(indexPositions('Sanierung').pairs[0]! / PLACE_SPAN)!)!
    expect(sanierung.docs).toEqual([13, 19])
    expect(sanierung.tfs).toEqual([2, 4])
  })

  it('agrees with the plain grouping on many random documents, and is empty once cleared', () => {
    let seed = 7
    const random = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
      return seed % n
    }
    const keys = Array.from({ length: 300 }, (_, i) => keyId(`zufallswort${i}`))
    const docs: [number, Float64Array][] = []
    for (let d = 0; d < 400; d++) {
      // a key's pairs together and in order of place, keys in any order, repeats right after
      const byKey = new Map<number, number[]>()
      for (let w = random(60); w > 0; w--) {
        const key = keys[random(keys.length)]!
        const place = random(5000) * 256 + random(3)
        ;(byKey.get(key) ?? byKey.set(key, []).get(key)!).push(place)
      }
      const pairs: number[] = []
      for (const [key, places] of byKey)
        for (const place of places.sort((a, b) => a - b)) {
          pairs.push(key * PLACE_SPAN + place)
          if (random(10) === 0) pairs.push(key * PLACE_SPAN + place)
        }
      docs.push([d * 2 + 1, Float64Array.from(pairs)])
    }
    const pending = new PendingPostings()
    for (const [docNo, pairs] of docs) pending.add(docNo, pairs)
    expect(grouped(pending)).toEqual(plainly(docs))
    pending.clear()
    expect(grouped(pending).size).toBe(0)
  })
})
