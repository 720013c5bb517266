/**
 * jusText's paragraph classifier (Pomikálek 2011), on Lesesaal's blocks: each block is good,
 * near-good, short or bad by its length, its share of stopwords and its link density; then
 * short and near-good blocks take the class of their neighbours, and headings just before
 * good text are kept.
 */
import type { Block } from './blocks'
import { stopwordStats } from './stopwords'
import { reviseByContext, type ContextClass } from '../contextRules'

export type BlockClass = ContextClass

export interface JusTextOptions {
  lengthLow: number
  lengthHigh: number
  stopwordsLow: number
  stopwordsHigh: number
  maxLinkDensity: number
  maxHeadingDistance: number
}

/** jusText's thresholds, with the lower stopword shares trafilatura uses for its fallback. */
export const JUSTEXT_DEFAULTS: JusTextOptions = {
  lengthLow: 70,
  lengthHigh: 200,
  stopwordsLow: 0.2,
  stopwordsHigh: 0.26,
  maxLinkDensity: 0.2,
  maxHeadingDistance: 200,
}

/** The context-free class of one block. */
export function classifyBlock(b: Block, o: JusTextOptions = JUSTEXT_DEFAULTS): BlockClass {
  const length = b.text.length
  const linkDensity = length ? b.linkChars / length : 0
  if (linkDensity > o.maxLinkDensity) return 'bad'
  if (b.text.includes('©')) return 'bad'
  if (length < o.lengthLow) return b.linkChars > 0 ? 'bad' : 'short'
  const { words, stopwords } = stopwordStats(b.text)
  const density = words ? stopwords / words : 0
  if (density >= o.stopwordsHigh) return length > o.lengthHigh ? 'good' : 'neargood'
  if (density >= o.stopwordsLow) return 'neargood'
  return 'bad'
}

/** Classifies every block, then revises short and near-good blocks by their neighbours. */
export function justext(
  blocks: Block[],
  o: JusTextOptions = JUSTEXT_DEFAULTS,
): { initial: BlockClass[]; final: BlockClass[] } {
  const initial = blocks.map((b) => classifyBlock(b, o))
  const cls = [...initial]
  const goodSoon = (i: number) => {
    let distance = 0
    for (let j = i + 1; j < blocks.length && distance <= o.maxHeadingDistance; j++) {
      if (cls[j] === 'good') return true
      distance += blocks[j]!.text.length
    }
    return false
  }
  // short headings just before good text
  for (let i = 0; i < blocks.length; i++) {
    if (blocks[i]!.heading && cls[i] === 'short' && goodSoon(i)) cls[i] = 'neargood'
  }
  // short blocks take their neighbours' class; near-good ones between bad ones are bad
  reviseByContext(cls)
  // headings before good text, unless they were bad on their own
  for (let i = 0; i < blocks.length; i++) {
    if (blocks[i]!.heading && cls[i] === 'bad' && initial[i] !== 'bad' && goodSoon(i))
      cls[i] = 'good'
  }
  return { initial, final: cls }
}
