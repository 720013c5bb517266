/**
 * What an article contributes to story suggestions and wire-copy labels, computed once per
 * article right after import (and again when its text changes): a MinHash signature of its
 * word 4-shingles (how much of its text another article shares word for word) and its most
 * frequent content stems (what it is about). Both must be cheap: they run inside the import.
 */
import { isStopword, stem } from '../search/analyzer'

/** Bins of the one-permutation MinHash. */
export const MINHASH_BINS = 64
/** Words per shingle: four words in a row are rarely shared by chance. */
export const SHINGLE = 4
/** Content stems kept per article. */
export const TOP_TERMS = 32

const BIN_SHIFT = 32 - Math.log2(MINHASH_BINS)
const VALUE_MASK = (1 << BIN_SHIFT) - 1
const EMPTY = 0xffffffff

export interface Signature {
  minhash: Uint32Array
  /** Content stems and their counts, most frequent first. */
  terms: [string, number][]
  /** Words in the text. */
  words: number
}

const WORD = /[\p{L}\p{N}]+/gu

/** FNV-1a over a string's UTF-16 units. */
export function hashWord(word: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < word.length; i++) {
    h ^= word.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** Mixes a shingle's word hashes into one well-spread 32-bit value (murmur3's finaliser). */
function mix(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** Shingle hashes of a sequence of word hashes (a short text is one shingle). */
export function shingleHashes(words: readonly number[]): number[] {
  const out: number[] = []
  const n = words.length
  if (n === 0) return out
  if (n < SHINGLE) {
    let h = 0
    for (const w of words) h = Math.imul(h ^ w, 0x9e3779b1) + 0x7f4a7c15
    out.push(mix(h))
    return out
  }
  for (let i = 0; i + SHINGLE <= n; i++) {
    let h = 0
    for (let k = 0; k < SHINGLE; k++) h = Math.imul((h ^ words[i + k]!) >>> 0, 0x9e3779b1) + k
    out.push(mix(h))
  }
  return out
}

/** One-permutation MinHash with densification (Shrivastava & Li) over shingle hashes. */
export function minhash(shingles: readonly number[]): Uint32Array {
  const bins = new Uint32Array(MINHASH_BINS).fill(EMPTY)
  for (const h of shingles) {
    const bin = h >>> BIN_SHIFT
    const value = h & VALUE_MASK
    if (value < bins[bin]!) bins[bin] = value
  }
  // an empty bin borrows from the next filled one, so short texts still compare
  if (shingles.length > 0) {
    for (let i = 0; i < MINHASH_BINS; i++) {
      if (bins[i] !== EMPTY) continue
      for (let k = 1; k < MINHASH_BINS; k++) {
        const v = bins[(i + k) % MINHASH_BINS]!
        if (v !== EMPTY && (v & 0x80000000) === 0) {
          // marked as borrowed (top bit) with the distance, so borrowed bins differ by origin
          bins[i] = (0x80000000 | (k << 24) | (v & 0xffffff)) >>> 0
          break
        }
      }
    }
  }
  return bins
}

/** The estimated share of shingles two signatures have in common (Jaccard). */
export function minhashSimilarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0
  for (let i = 0; i < MINHASH_BINS; i++) if (a[i] === b[i] && a[i] !== EMPTY) same++
  return same / MINHASH_BINS
}

/** True for the UTF-16 units that make up words (letters and digits of any script). */
function isWordUnit(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
  if (c < 192) return c === 170 || c === 181 || c === 186
  if (c === 215 || c === 247) return false
  // general punctuation (dashes, quotes, spaces) and the like are not letters
  return !(c >= 0x2000 && c <= 0x2bff) && !(c >= 0x3000 && c <= 0x303f) && c !== 0xfeff
}

const CANDIDATES = 64

/**
 * An article's signature from its title and paragraphs, in one pass over the characters
 * (a regular expression and a stem per word cost as much as the search index itself).
 * Capitalised words are counted by hash; only the most frequent are stemmed at the end.
 */
export function signatureOf(title: string, paragraphs: readonly string[]): Signature {
  const hashes: number[] = []
  const counts = new Map<number, number>()
  const firstSeen = new Map<number, string>()
  const scan = (text: string, weight: number) => {
    let h = 0x811c9dc5
    let start = -1
    let capital = false
    for (let i = 0; i <= text.length; i++) {
      const c = i < text.length ? text.charCodeAt(i) : 32
      if (isWordUnit(c)) {
        if (start < 0) {
          start = i
          capital = (c >= 65 && c <= 90) || (c >= 192 && c <= 222)
        }
        // lower case for ASCII and Latin-1 capitals
        const lower = (c >= 65 && c <= 90) || (c >= 192 && c <= 222) ? c | 32 : c
        h ^= lower
        h = Math.imul(h, 0x01000193)
      } else if (start >= 0) {
        h >>>= 0
        if (weight === 1) hashes.push(h)
        if (capital && i - start >= 3) {
          // small integers as keys: a Map hashes them much faster than doubles
          const key = h & 0x3fffffff
          const n = counts.get(key)
          if (n === undefined) {
            counts.set(key, weight)
            firstSeen.set(key, text.slice(start, i))
          } else counts.set(key, n + weight)
        }
        h = 0x811c9dc5
        start = -1
      }
    }
  }
  // the title counts twice: it names what the article is about
  scan(title, 2)
  for (const p of paragraphs) scan(p, 1)
  const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, CANDIDATES)
  const stems = new Map<string, number>()
  for (const [h, n] of top) {
    const word = firstSeen.get(h)!
    if (isStopword(word)) continue
    const key = stem(word)
    if (key.length < 3) continue
    stems.set(key, (stems.get(key) ?? 0) + n)
  }
  const terms = [...stems].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)
  return {
    minhash: minhash(shingleHashes(hashes)),
    terms: terms.slice(0, TOP_TERMS),
    words: hashes.length,
  }
}

/** The terms as stored: "stem:count stem:count …". */
export function encodeTerms(terms: readonly [string, number][]): string {
  return terms.map(([k, n]) => `${k}:${n}`).join(' ')
}

export function decodeTerms(text: string): [string, number][] {
  if (!text) return []
  return text.split(' ').map((pair) => {
    const at = pair.lastIndexOf(':')
    return [pair.slice(0, at), Number(pair.slice(at + 1))]
  })
}

export function encodeMinhash(m: Uint32Array): Buffer {
  return Buffer.from(m.buffer, m.byteOffset, m.byteLength)
}

export function decodeMinhash(blob: Buffer | Uint8Array): Uint32Array {
  const copy = new Uint8Array(blob.byteLength)
  copy.set(blob)
  return new Uint32Array(copy.buffer)
}

/** The set of shingle hashes of a text (for exact overlaps between a few articles). */
export function shingleSet(paragraphs: readonly string[]): Set<number> {
  const words: number[] = []
  for (const p of paragraphs)
    for (const m of p.matchAll(WORD)) words.push(hashWord(m[0].toLowerCase()))
  return new Set(shingleHashes(words))
}
