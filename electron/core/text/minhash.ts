/**
 * How much two texts share, by word shingles: the exact Jaccard similarity of their shingle
 * sets, and MinHash signatures that estimate it in constant space (with LSH bands to find
 * candidate pairs without comparing every pair). Shared by the import (near-duplicates) and
 * the stories room (wire copies), so there is one definition of "nearly the same text".
 *
 * Words are compared after NFC, lower-casing (ß as ss, as upper case writes it), and dropping
 * soft hyphens and other invisible marks, so the same text copied from a hyphenated page and from a plain file matches.
 * Punctuation and white space do not count.
 */

/** Words per shingle: long enough that shared phrases, not shared vocabulary, make texts similar. */
export const SHINGLE_WORDS = 4
/** Hash functions per MinHash signature: the estimate's standard error is about 1/√128 ≈ 0.09. */
export const SIGNATURE_SIZE = 128

const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g
const WORD = /[\p{L}\p{N}]+/gu

/** The words of a text, normalised for comparison. */
export function comparableWords(text: string): string[] {
  return (
    text.normalize('NFC').replace(INVISIBLE, '').toLowerCase().replace(/ß/g, 'ss').match(WORD) ?? []
  )
}

/**
 * The set of hashed k-word shingles of a text (or of paragraphs, read as one text). A text
 * shorter than k words is one shingle of all its words.
 */
export function shingles(text: string | readonly string[], k = SHINGLE_WORDS): Set<number> {
  const words = comparableWords(typeof text === 'string' ? text : text.join('\n'))
  const out = new Set<number>()
  if (words.length === 0) return out
  if (words.length < k) {
    out.add(hashString(words.join(' ')))
    return out
  }
  for (let i = 0; i + k <= words.length; i++) out.add(hashString(words.slice(i, i + k).join(' ')))
  return out
}

/** |A ∩ B| / |A ∪ B|: 1 for the same text, 0 for texts without a shared shingle. */
export function jaccard(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  if (a.size === 0 && b.size === 0) return 1
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let shared = 0
  for (const x of small) if (large.has(x)) shared++
  return shared / (a.size + b.size - shared)
}

// Fixed odd multipliers and offsets for the hash family (the same signature on every run).
const MULTIPLIERS = new Uint32Array(SIGNATURE_SIZE)
const OFFSETS = new Uint32Array(SIGNATURE_SIZE)
{
  let s = 0x9e3779b9
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = Math.imul(s ^ (s >>> 15), s | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return (t ^ (t >>> 14)) >>> 0
  }
  for (let i = 0; i < SIGNATURE_SIZE; i++) {
    MULTIPLIERS[i] = next() | 1
    OFFSETS[i] = next()
  }
}

/**
 * The MinHash signature of a shingle set: for each of `size` hash functions, the smallest
 * hash of any shingle. Two signatures agree in a position with probability equal to the
 * Jaccard similarity of the sets. An empty set gives a signature of 0xffffffff.
 */
export function signature(set: Iterable<number>, size = SIGNATURE_SIZE): Uint32Array {
  if (size > SIGNATURE_SIZE) throw new RangeError(`at most ${SIGNATURE_SIZE} hash functions`)
  const sig = new Uint32Array(size).fill(0xffffffff)
  for (const x of set) {
    for (let i = 0; i < size; i++) {
      // multiply-add, then a final mix so neighbouring shingle hashes spread out
      let h = (Math.imul(x ^ OFFSETS[i]!, MULTIPLIERS[i]!) + OFFSETS[i]!) >>> 0
      h ^= h >>> 16
      h = Math.imul(h, 0x85ebca6b) >>> 0
      h = (h ^ (h >>> 13)) >>> 0 // unsigned again: `^` gives a signed 32-bit number
      if (h < sig[i]!) sig[i] = h
    }
  }
  return sig
}

/** The Jaccard similarity two signatures of the same size estimate. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length) throw new RangeError('signatures of different sizes')
  let same = 0
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++
  return a.length ? same / a.length : 0
}

/**
 * Locality-sensitive hashing: the signature cut into `bandCount` bands, each hashed to one
 * number (with its band index mixed in). Texts that share any band key are candidates. With
 * 128 hashes in 32 bands of 4, a pair at Jaccard 0.9 shares a band with probability ≈ 1,
 * a pair at 0.3 with about 0.23, a pair at 0.1 with about 0.003.
 */
export function bandKeys(sig: Uint32Array, bandCount = 32): number[] {
  if (sig.length % bandCount !== 0) throw new RangeError('the bands must divide the signature')
  const rows = sig.length / bandCount
  const keys: number[] = []
  for (let b = 0; b < bandCount; b++) {
    let h = 0x811c9dc5 ^ b
    for (let r = 0; r < rows; r++) h = Math.imul(h ^ sig[b * rows + r]!, 0x01000193) >>> 0
    keys.push(h)
  }
  return keys
}

/** 32-bit FNV-1a over the UTF-16 code units of a string. */
export function hashString(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193)
  return h >>> 0
}
