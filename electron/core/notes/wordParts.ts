/**
 * A matcher's `partOfKey` by the notes index's key numbers: a note's tokens are answered from
 * a small table made once per query, not by looking up each key's text (scattered over the
 * heap) for every note shown.
 */
import type { Matcher } from '../search/snippet'

/**
 * A matcher's known keys are looked up among the notes' keys when there are at most this many
 * (a word with its inflections and compounds); more, and each key of a note shown is asked.
 */
const KNOWN_KEYS_LOOKED_UP = 256

export class WordParts {
  /** Each key number's answer under the current stamp (see `stamped`). */
  private readonly answer: Int32Array
  private readonly stamp: Int32Array
  private stampNo = 0
  private matcher: Matcher | null = null
  private fn: (keyId: number) => number = () => -1

  /** `keyNames`: each key by number; `keyIds`: each key's number. */
  constructor(
    private readonly keyNames: readonly string[],
    private readonly keyIds: ReadonlyMap<string, number>,
  ) {
    this.answer = new Int32Array(keyNames.length)
    this.stamp = new Int32Array(keyNames.length)
  }

  /** `matcher.partOfKey` by key number (made once for the matcher that asked last). */
  of(matcher: Matcher): (keyId: number) => number {
    if (matcher === this.matcher) return this.fn
    this.matcher = matcher
    const { keyNames } = this
    const { exact, prefixes } = matcher.keys
    if (exact.size > KNOWN_KEYS_LOOKED_UP)
      return (this.fn = this.stamped((id) => matcher.partOfKey(keyNames[id]!)))
    const known = new Map<number, number>()
    for (const [key, part] of exact) {
      const id = this.keyIds.get(key)
      if (id !== undefined) known.set(id, part)
    }
    if (!prefixes.length) return (this.fn = (id) => known.get(id) ?? -1)
    // a key it does not know: the first beginning it has, asked once per key
    const begins = this.stamped((id) => {
      const key = keyNames[id]!
      for (const [prefix, part] of prefixes) if (key.startsWith(prefix)) return part
      return -1
    })
    return (this.fn = (id) => known.get(id) ?? begins(id))
  }

  /** `ask` by key number, each key asked once until the next call (a new stamp). */
  private stamped(ask: (keyId: number) => number): (keyId: number) => number {
    // after two billion stamps they start again from a clean table
    if (++this.stampNo === 0x7fffffff) {
      this.stampNo = 1
      this.stamp.fill(0)
    }
    const { answer, stamp } = this
    const no = this.stampNo
    return (id) => {
      if (stamp[id] === no) return answer[id]!
      stamp[id] = no
      return (answer[id] = ask(id))
    }
  }
}
