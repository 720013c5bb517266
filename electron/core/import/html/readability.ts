/**
 * The fallback: Mozilla's Readability on a linkedom DOM (which never runs scripts), used
 * when Lesesaal's own selection finds too little. Only the text of its result is read, by
 * the same block reader as everything else.
 */
import { hasHtmlFallback, parsers } from '../parsers'
import { pageBlocks } from './blocks'
import { parsePage } from './tree'
import type { Line } from '../lines'
import { blocksToLines } from './lines'

/** Readability's article as lines, or [] when it finds none (or is not loaded). */
export function readabilityLines(html: string): Line[] {
  if (!hasHtmlFallback()) return []
  const p = parsers()
  const { document } = p.parseHTML(html)
  const article = new p.Readability(document as unknown as Document, {
    charThreshold: 120,
    keepClasses: false,
  }).parse()
  if (!article?.content) return []
  return blocksToLines(pageBlocks(parsePage(article.content).root))
}
