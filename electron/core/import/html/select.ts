/**
 * Decides which blocks of a page are the article: Readability's scoring finds the element
 * that holds it, jusText's classes decide the blocks at its edges and inside it, and
 * furniture inside the article (captions, share bars, related links, rating boxes) is left
 * out. An element that holds the article is never removed for its class name.
 */
import { pageBlocks, type Block } from './blocks'
import {
  findContent,
  findContentByMass,
  isAncestor,
  isUnlikely,
  nodeStats,
  type Candidate,
} from './content'
import { justext, type BlockClass } from './justext'
import { classAndId, findAll, findFirst, textOf, type HNode } from './tree'

export interface Selection {
  blocks: Block[]
  kept: Block[]
  candidate: Candidate | null
  classes: BlockClass[]
  /** Comment sections (not holding the article). */
  commentSections: HNode[]
}

/** How much a furniture character weighs against a good one, in the mass check. */
const MASS_BAD_WEIGHT = 0.5
/** Readability's choice gives way when it holds less than this share of the heaviest element's mass. */
const MASS_RATIO = 0.3
const TEASER = /teaser|excerpt|anriss/
/** A box of the article's own facts inside it ("Was ist Mikroplastik?"): the article's. */
const FACTBOX = /fact-?box|info-?box|fakten|infokasten|wissensbox|erklaer|woerter|wörter|glossar/
const GLOSSARY = /woerter|wörter|glossar/
const PLAYER = /audio|video|player|podcast/
const COMMENTISH = /comment|kommentar|leserbrief|discussion|disqus/
const AUTHOR_BOX = /author|autor|byline|saboxplugin/
const CAPTION = /caption|credit|bildunterschrift|bildnachweis|copyright|image-source|imagesource/

/**
 * A box of labelled data beside the text ("Regie: …", "Laufzeit: …", "FSK: …"): a definition
 * list of three or more short values, none of them a sentence, and little else.
 */
function isDataSheet(box: HNode): boolean {
  const list = findFirst(box, (n) => n.tag === 'dl')
  if (!list) return false
  const values = findAll(list, (n) => n.tag === 'dd').map(textOf)
  if (values.length < 3) return false
  if (values.some((v) => v.length > 80 || /[.!?:;]["“”»«]?$/.test(v))) return false
  return textOf(box).length - textOf(list).length <= 80
}

/** Is any element from `n` up to (not including) `stop` matched by `pred`? */
function between(n: HNode | null, stop: Set<HNode>, pred: (n: HNode) => boolean): boolean {
  for (; n && !stop.has(n); n = n.parent) if (pred(n)) return true
  return false
}

/** How many blocks before the article's element are looked at for its lead. */
const LEAD_WINDOW = 40

/** The page's own article element around the chosen one: the nearest <article> or <main>. */
function articleScope(top: HNode): HNode | null {
  // (a page embedded in a page has a <body> of its own: the search goes on above it)
  for (let n: HNode | null = top; n; n = n.parent)
    if (n.tag === 'article' || n.tag === 'main' || n.attrs.role === 'main') return n
  return null
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
  /** Is the block below the element? Blocks below an element are a contiguous range. */
  const within = (n: HNode, b: Block) => {
    const st = stats.get(n)
    return !!st && b.index >= st.first && b.index <= st.last
  }
  const inComments = (b: Block, sections: HNode[]) => sections.some((s) => within(s, b))

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
  const skipScoring = (b: Block) => unlikelyUp(b.owner) || inComments(b, commentish)
  let candidate = findContent(blocks, initial, stats, skipScoring)
  // Readability's choice is checked against the element with the most good text: when its
  // own element holds far less of it (a footer blurb with a "content" class), the heavier wins.
  const byMass = findContentByMass(blocks, final, skipScoring, MASS_BAD_WEIGHT)
  if (byMass) {
    const massOf = (c: Candidate) =>
      blocks.reduce((m, b) => {
        if (skipScoring(b) || !c.parts.some((p) => within(p, b))) return m
        return m + (final[b.index] === 'good' ? b.text.length : -MASS_BAD_WEIGHT * b.text.length)
      }, 0)
    if (!candidate || massOf(candidate) < MASS_RATIO * byMass.score) candidate = byMass
  }
  const inParts = (c: Candidate | null, b: Block) => !!c && c.parts.some((p) => within(p, b))
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
  const furnitureInside = (n: HNode) =>
    isUnlikely(n) ||
    n.tag === 'figcaption' ||
    n.tag === 'nav' ||
    (n.tag === 'aside' && !FACTBOX.test(classAndId(n))) ||
    // a box for a player ("infobox--audio") is a teaser of another programme, not facts
    (FACTBOX.test(classAndId(n)) && PLAYER.test(classAndId(n))) ||
    ((n.tag === 'aside' || FACTBOX.test(classAndId(n))) && isDataSheet(n)) ||
    CAPTION.test(classAndId(n)) ||
    AUTHOR_BOX.test(classAndId(n))
  const isCaption = (n: HNode) => n.tag === 'figcaption' || CAPTION.test(classAndId(n))
  /** Why a block of the article element is left out, or null to keep it. */
  const dropReason = (b: Block): 'caption' | 'furniture' | null => {
    if (inComments(b, commentSections)) return 'furniture'
    if (between(b.owner, parts, isCaption)) return 'caption'
    if (between(b.owner, parts, furnitureInside)) return 'furniture'
    // teasers after the text has begun are other articles ("teaser" before it is the lead)
    if (b.index > bodyStart && between(b.owner, parts, (n) => TEASER.test(classAndId(n))))
      return 'furniture'
    const density = b.text.length ? b.linkChars / b.text.length : 0
    if (final[b.index] === 'bad' && density > 0.5) return linkParagraph(b) ? null : 'furniture'
    return null
  }
  // A paragraph of its own that is a link ("Hier geht's zur Veranstaltung", a URL) between
  // paragraphs of the text belongs to it; link lists are list items or runs of links.
  const linkParagraph = (b: Block) => {
    if (b.owner.tag !== 'p' || b.inList) return false
    const prev = blocks[b.index - 1]
    const next = blocks[b.index + 1]
    const proseNeighbour = (n: Block | undefined) =>
      !!n && final[n.index] === 'good' && n.linkChars < n.text.length * 0.3
    return proseNeighbour(prev) || proseNeighbour(next)
  }
  const bodyStart =
    blocks.find((b) => inParts(candidate, b) && final[b.index] === 'good' && b.text.length >= 150)
      ?.index ?? Infinity
  const reasons = new Map<Block, 'caption' | 'furniture' | null>()
  for (const b of blocks) if (inParts(candidate, b)) reasons.set(b, dropReason(b))
  const keep = new Set([...reasons].filter(([, r]) => r === null).map(([b]) => b))

  // The lead and headline often sit above the element that holds the body. Inside the
  // article's own <article> or <main>, prose blocks before it are taken (across dates, author
  // links and paywall notices); elsewhere only those just before it, across short lines.
  const first = blocks.find((b) => keep.has(b))
  if (first) {
    const scope = articleScope(candidate.top)
    const prose = (b: Block) =>
      final[b.index] === 'good' || initial[b.index] === 'good' || initial[b.index] === 'neargood'
    const density = (b: Block) => (b.text.length ? b.linkChars / b.text.length : 0)
    let earliest = first.index
    if (scope) {
      const stop = new Set([scope])
      // between a part kept above the headline (its kicker) and the body: the headline and
      // its subtitle, when they stand outside the parts ("<h2 class="subline">")
      for (let i = first.index + 1; i < bodyStart && i < blocks.length; i++) {
        const b = blocks[i]!
        if (keep.has(b) || !within(scope, b) || reasons.has(b)) continue
        if (density(b) > 0.3 || inComments(b, commentSections)) continue
        if (between(b.owner, stop, (n) => n.tag === 'nav' || isUnlikely(n, true) || isCaption(n)))
          continue
        if (prose(b) || b.heading === 1) keep.add(b)
      }
      for (let i = first.index - 1; i >= Math.max(0, first.index - LEAD_WINDOW); i--) {
        const b = blocks[i]!
        if (!within(scope, b)) break
        if (density(b) > 0.3 || inComments(b, commentSections)) continue
        if (between(b.owner, stop, (n) => n.tag === 'nav' || isUnlikely(n, true) || isCaption(n)))
          continue
        if (prose(b) || b.heading === 1) {
          keep.add(b)
          earliest = i
        }
      }
    }
    // without a lead in that scope, just before: prose across short lines
    let gap = 0
    const scopeFound = earliest < first.index
    for (let i = earliest - 1; i >= 0 && gap <= 6 && !scopeFound; i--) {
      const b = blocks[i]!
      if (unlikelyUp(b.owner) || inComments(b, commentSections) || density(b) > 0.3) break
      if (prose(b) || b.heading === 1) {
        keep.add(b)
        gap = 0
        if (b.heading === 1) break
      } else if (b.text.length > 200) break
      else gap++
    }
  }
  // A glossary right after the text, inside the article's own element ("Schwere Wörter": the
  // text's own hard words explained) is the article's; a box about a person after an
  // interview ("Zur Person") is not, as the third blind round decided.
  const last = [...keep].reduce((m, b) => Math.max(m, b.index), -1)
  const scope = candidate ? articleScope(candidate.top) : null
  if (scope && last >= 0) {
    const stop = new Set([scope])
    const inBox = (n: HNode) => GLOSSARY.test(classAndId(n))
    for (let i = last + 1; i < blocks.length; i++) {
      const b = blocks[i]!
      if (!within(scope, b) || !between(b.owner, stop, inBox)) break
      if (!inComments(b, commentSections)) keep.add(b)
    }
  }
  const kept = blocks.filter((b) => keep.has(b))
  return { blocks, kept, candidate, classes: final, commentSections }
}
