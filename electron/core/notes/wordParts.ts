/**
 * A matcher's `partOfKey` by the notes index's key numbers: a note's tokens are answered from
 * a small table made once per query, not by looking up each key's text (scattered over the
 * heap) for every note shown.
 */
import type { Matcher } from '../search/matcher'

/**
 * A matcher's known keys are looked up among the notes' keys when there are at most this many
 * (a word with its inflections and compounds); more, and each key of a note shown is asked.
 */
const KNOWN_KEYS_LOOKED_UP = 256

/** The query part a key (by number) matches as a word, or -1. */
export interface WordPart {
  part(keyId: number): number
}

export class WordParts implements WordPart {
  /** Each key number's answer under the current stamp (`stampNo`). */
  private readonly answer: Int32Array
  private readonly stamp: Int32Array
  private stampNo = 0
  private matcher: Matcher | null = null
  /** The matcher's known keys by number (null: too many, every key is asked). */
  private known: Map<number, number> | null = null
  private prefixes: readonly (readonly [string, number])[] = []

  /** `keyNames`: each key by number; `keyIds`: each key's number. */
  constructor(
    private readonly keyNames: readonly string[],
    private readonly keyIds: ReadonlyMap<string, number>,
  ) {
    this.answer = new Int32Array(keyNames.length)
    this.stamp = new Int32Array(keyNames.length)
  }

  /** Answers for `matcher` from now on (made once for the matcher that asked last). */
  use(matcher: Matcher): WordPart {
    if (matcher === this.matcher) return this
    this.matcher = matcher
    // a new stamp; after two billion they start again from a clean table
    if (++this.stampNo === 0x7fffffff) {
      this.stampNo = 1
      this.stamp.fill(0)
    }
    const { exact, prefixes } = matcher.keys
    this.prefixes = prefixes
    if (exact.size > KNOWN_KEYS_LOOKED_UP) {
      this.known = null
      return this
    }
    const known = new Map<number, number>()
    for (const [key, part] of exact) {
      const id = this.keyIds.get(key)
      if (id !== undefined) known.set(id, part)
    }
    this.known = known
    return this
  }

  part(keyId: number): number {
    const known = this.known
    if (known) {
      const part = known.get(keyId)
      if (part !== undefined) return part
      if (!this.prefixes.length) return -1
    }
    // asked once per key and matcher
    if (this.stamp[keyId] === this.stampNo) return this.answer[keyId]!
    this.stamp[keyId] = this.stampNo
    return (this.answer[keyId] = this.ask(this.keyNames[keyId]!))
  }

  /** A key the known keys do not answer: the matcher's answer, or its first beginning. */
  private ask(key: string): number {
    if (!this.known) return this.matcher!.partOfKey(key)
    for (const [prefix, part] of this.prefixes) if (key.startsWith(prefix)) return part
    return -1
  }
}
