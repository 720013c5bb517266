/**
 * A least-recently-used cache bounded by the total size of its values (for posting lists:
 * their number of documents), not by their count: one common word weighs as much as
 * thousands of rare ones.
 */
export class SizedLru<V> {
  private readonly map = new Map<string, V>()
  private total = 0

  constructor(
    private readonly limit: number,
    private readonly sizeOf: (value: V) => number,
  ) {}

  /** The value for `key`, made from `make` when missing; either way the most recent now. */
  get(key: string, make: () => V): V {
    const hit = this.map.get(key)
    if (hit !== undefined) {
      // a hit moves to the end, so the least recently used go first
      this.map.delete(key)
      this.map.set(key, hit)
      return hit
    }
    const value = make()
    this.map.set(key, value)
    this.total += this.sizeOf(value)
    for (const [k, v] of this.map) {
      if (this.total <= this.limit) break
      this.map.delete(k)
      this.total -= this.sizeOf(v)
    }
    return value
  }

  has(key: string): boolean {
    return this.map.has(key)
  }

  clear(): void {
    this.map.clear()
    this.total = 0
  }
}
