/** Shingles, Jaccard and MinHash: the one definition of "nearly the same text". */
import { describe, expect, it } from 'vitest'
import {
  bandKeys,
  estimateJaccard,
  jaccard,
  shingles,
  signature,
} from '../../electron/core/text/minhash'
import { article, longParagraph } from '../helpers/german'

const TEXT = longParagraph(3000, 11)
/** The same text with one word in about every fortieth changed. */
function edited(text: string, every: number): string {
  return text
    .split(' ')
    .map((w, i) => (i % every === every - 1 ? 'Zwischenruf' : w))
    .join(' ')
}

describe('shingles and Jaccard', () => {
  it('finds a text the same whatever its case, soft hyphens, punctuation and line breaks', () => {
    const marked = TEXT.replace(/Verwaltung/g, 'Ver\u00adwal\u00adtung')
      .toUpperCase()
      .replace(/\. /g, '.\n\n')
    expect(jaccard(shingles(TEXT), shingles(marked))).toBe(1)
  })

  it('puts a lightly edited copy above 0.9 and another article near 0', () => {
    // one word in 120 changed: each change touches four shingles
    const copy = edited(TEXT, 120)
    const similar = jaccard(shingles(TEXT), shingles(copy))
    expect(similar).toBeGreaterThan(0.9)
    expect(similar).toBeLessThan(1)
    const other = article(5).paragraphs.join('\n')
    expect(jaccard(shingles(TEXT), shingles(other))).toBeLessThan(0.3)
  })

  it('reads paragraphs as one text', () => {
    const paragraphs = ['Der Rat tagte lange.', 'Am Ende stand ein Beschluss.']
    expect(jaccard(shingles(paragraphs), shingles(paragraphs.join(' ')))).toBe(1)
  })
})

describe('MinHash', () => {
  it('estimates Jaccard within about two standard errors', () => {
    for (const every of [5, 10, 20, 80]) {
      const a = shingles(TEXT)
      const b = shingles(edited(TEXT, every))
      const exact = jaccard(a, b)
      const estimate = estimateJaccard(signature(a), signature(b))
      expect(Math.abs(estimate - exact), `every ${every}`).toBeLessThan(0.12)
    }
  })

  it('gives the same signature on every call', () => {
    expect([...signature(shingles(TEXT))]).toEqual([...signature(shingles(TEXT))])
  })

  it('lets near copies share an LSH band and keeps unrelated articles apart', () => {
    const keys = (t: string) => new Set(bandKeys(signature(shingles(t))))
    const mine = keys(TEXT)
    const copy = [...keys(edited(TEXT, 40))]
    expect(copy.some((k) => mine.has(k))).toBe(true)
    let sharing = 0
    for (let n = 0; n < 100; n++) {
      const other = keys(article(n, 9).paragraphs.join('\n'))
      if ([...other].some((k) => mine.has(k))) sharing++
    }
    expect(sharing).toBeLessThan(10)
  })
})
