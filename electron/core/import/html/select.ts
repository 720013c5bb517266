/**
 * Decides which blocks of a page are the article: Readability's scoring finds the element
 * that holds it, jusText's classes decide the blocks at its edges and inside it, and
 * furniture inside the article (captions, share bars, related links, rating boxes) is left
 * out. An element that holds the article is never removed for its class name.
 */
import { pageBlocks, type Block } from './blocks'
import { findContent, isAncestor, isUnlikely, nodeStats, type Candidate } from './content'
import { justext, type BlockClass } from './justext'
import { classAndId, type HNode } from './tree'

export interface Selection {
  blocks: Block[]
  kept: Block[]
  candidate: Candidate | null
  classes: BlockClass[]
  /** Comment sections (not holding the article). */
  commentSections: HNode[]
}

const COMMENTISH = /comment|kommentar|leserbrief|discussion|disqus/
const CAPTION = /caption|credit|bildunterschrift|bildnachweis|copyright|image-source|imagesource/

/** Is any element from `n` up to (not including) `stop` matched by `pred`? */
function between(n: HNode | null, stop: Set<HNode>, pred: (n: HNode) => boolean): boolean {
  for (; n && !stop.has(n); n = n.parent) if (pred(n)) return true
  return false
}

export function selectArticle(root: HNode): Selection {
  const blocks = pageBlocks(root)
  const { initial, final } = justext(blocks)
  const stats = nodeStats(blocks)

  // outermost comment sections
  const commentish: HNode[] = []
  const visit = (n: HNode) => {
    for (const c of n.children) {
      if (typeof c === 'string') continue
      if (c.tag !== 'body' && c.tag !== 'html' && COMMENTISH.test(classAndId(c))) commentish.push(c)
      else visit(c)
    }
  }
  visit(root)
  const inComments = (b: Block, sections: HNode[]) => sections.some((s) => isAncestor(s, b.owner))

  const unlikelyCache = new Map<HNode, boolean>()
  const unlikelyUp = (n: HNode | null): boolean => {
    if (!n) return false
    let v = unlikelyCache.get(n)
    if (v === undefined) {
      v = isUnlikely(n) || unlikelyUp(n.parent)
      unlikelyCache.set(n, v)
    }
    return v
  }
  let candidate = findContent(
    blocks,
    initial,
    stats,
    (b) => unlikelyUp(b.owner) || inComments(b, commentish),
  )
  const inParts = (c: Candidate | null, b: Block) =>
    !!c && c.parts.some((p) => isAncestor(p, b.owner))
  const size = (c: Candidate | null) =>
    blocks.reduce((s, b) => s + (inParts(c, b) ? b.text.length : 0), 0)
  if (size(candidate) < 500) {
    const retry = findContent(blocks, initial, stats, () => false)
    if (size(retry) > size(candidate)) candidate = retry
  }
  // a "comment" section that holds the article is not one
  const commentSections = commentish.filter((s) => !candidate || !isAncestor(s, candidate.top))
  if (!candidate) return { blocks, kept: [], candidate, classes: final, commentSections }

  const parts = new Set(candidate.parts)
  const keepInside = (b: Block) => {
    if (inComments(b, commentSections)) return false
    // furniture inside the article element
    if (between(b.owner, parts, (n) => isUnlikely(n) || n.tag === 'figcaption' || n.tag === 'nav' || n.tag === 'aside' || CAPTION.test(classAndId(n))))
      return false
    const density = b.text.length ? b.linkChars / b.text.length : 0
    if (final[b.index] === 'bad' && density > 0.5) return false
    return true
  }
  const kept = blocks.filter((b) => inParts(candidate, b) && keepInside(b))
  return { blocks, kept, candidate, classes: final, commentSections }
}
