import type { WordInfo } from '../../../../shared/types'

/** Lookups the popover already made in this window (forgotten when a term changes). */
const cache = new Map<string, WordInfo>()

export function rememberedLookup(word: string): WordInfo | undefined {
  return cache.get(word)
}

export function rememberLookup(word: string, info: WordInfo): void {
  cache.set(word, info)
  if (cache.size > 300) cache.delete(cache.keys().next().value!)
}

export function forgetLookups(): void {
  cache.clear()
}
