/**
 * What a script-rendered page (Next.js, Nuxt and the like) hands its scripts as JSON: parsed as
 * data, never run. Read only for what the visible shell does not show.
 */

/** Keys a CMS names an article's overline with. */
const KICKER_KEY =
  /^(?:kicker|overline|topline|dachzeile|spitzmarke|roofline|supertitle|pretitle)$/i
/** Objects looked at per page, at most. */
const MAX_NODES = 50_000

/** The blocks that parse as JSON, parsed (as data: nothing in them runs). */
export function parsedBlocks(blocks: string[]): unknown[] {
  return blocks.flatMap((text) => {
    try {
      return [JSON.parse(text) as unknown]
    } catch {
      return []
    }
  })
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim()

/**
 * The kicker of the article whose headline is `headline`: a kicker-named field of the object
 * that carries that headline (so a teaser's kicker elsewhere in the data is never taken).
 */
export function kickerFromAppData(blocks: string[], headline: string | null): string | null {
  if (!headline) return null
  const wanted = collapse(headline)
  for (const data of parsedBlocks(blocks)) {
    const queue: unknown[] = [data]
    for (let k = 0; k < queue.length && k < MAX_NODES; k++) {
      const node = queue[k]
      if (!node || typeof node !== 'object') continue
      if (Array.isArray(node)) {
        queue.push(...node)
        continue
      }
      const entries = Object.entries(node as Record<string, unknown>)
      if (entries.some(([, v]) => typeof v === 'string' && collapse(v) === wanted)) {
        for (const [key, v] of entries) {
          if (!KICKER_KEY.test(key) || typeof v !== 'string') continue
          const kicker = collapse(v)
          if (kicker && kicker.length <= 80 && kicker !== wanted) return kicker
        }
      }
      for (const [, v] of entries) if (v && typeof v === 'object') queue.push(v)
    }
  }
  return null
}
