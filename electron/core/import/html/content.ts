/**
 * Finds the element that holds the article, the way Mozilla's Readability does: every
 * paragraph scores its parent and (less) its further ancestors by its length and commas;
 * class names and tags add or subtract; link-heavy elements lose; the best element and those
 * of its siblings that score nearly as well make the article.
 */
import type { Block } from './blocks'
import type { BlockClass } from './justext'
import type { HNode } from './tree'
import { classAndId } from './tree'

/** Characters of text and of link text below each element. */
export interface NodeStats {
  chars: number
  links: number
  /** The first and last block below the element (blocks below an element are contiguous). */
  first: number
  last: number
}

export const UNLIKELY =
  /-ad-|ai2html|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|newsletter|cookie|modal|overlay|wm-ipp|consent|paywall|navigation|navbar|sharing|kommentar|werbung|anzeige|(?:^|\s)(?:ads?|poll|umfrage)(?:[-_]\w+)?(?:$|\s)|[-_](?:ad|poll)(?:$|\s)|(?:^|\s)embed(?:$|\s|--|__)/
const MAYBE = /and|article|body|column|content|main|shadow|story|artikel|beitrag|inhalt/
const POSITIVE =
  /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story|artikel|beitrag|inhalt|meldung|nachricht/
const NEGATIVE =
  /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|kommentar|werbung|newsletter/
const UNLIKELY_ROLES = new Set([
  'menu',
  'menubar',
  'complementary',
  'navigation',
  'alert',
  'alertdialog',
  'dialog',
])

/** +25 for article-like class names and ids, −25 for furniture-like ones. */
export function classWeight(n: HNode): number {
  const s = classAndId(n)
  if (!s) return 0
  let w = 0
  if (NEGATIVE.test(s)) w -= 25
  if (POSITIVE.test(s)) w += 25
  return w
}

/**
 * An element Readability would drop before scoring: navigation, comments, sidebars …
 * With `headerIsLikely`, a "header" class alone does not count (the lead's own header).
 */
export function isUnlikely(n: HNode, headerIsLikely = false): boolean {
  if (n.tag === 'body' || n.tag === 'html' || n.tag === 'article' || n.tag === 'main') return false
  const role = n.attrs.role
  if (role && UNLIKELY_ROLES.has(role)) return true
  let s = classAndId(n)
  // an article's own header holds its headline and lead; a heading named "header-…" is one
  if (headerIsLikely || /^h[1-6]$/.test(n.tag)) s = s.replace(/header/g, '')
  return s !== '' && UNLIKELY.test(s) && !MAYBE.test(s)
}

function tagScore(tag: string): number {
  switch (tag) {
    case 'div':
      return 5
    case 'pre':
    case 'td':
    case 'blockquote':
      return 3
    case 'address':
    case 'ol':
    case 'ul':
    case 'dl':
    case 'dd':
    case 'dt':
    case 'li':
    case 'form':
      return -3
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
    case 'th':
      return -5
    default:
      return 0
  }
}

/** Sums text and link characters of the blocks into every ancestor element. */
export function nodeStats(blocks: Block[]): Map<HNode, NodeStats> {
  const stats = new Map<HNode, NodeStats>()
  for (const b of blocks) {
    for (let n: HNode | null = b.owner; n; n = n.parent) {
      let s = stats.get(n)
      if (!s) stats.set(n, (s = { chars: 0, links: 0, first: b.index, last: b.index }))
      s.chars += b.text.length
      s.links += b.linkChars
      s.last = b.index
    }
  }
  return stats
}

function commas(text: string): number {
  let n = 0
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 44) n++
  return n
}

export interface Candidate {
  /** The element that holds the article. */
  top: HNode
  /** The elements that make the article: the top element and the siblings joined to it. */
  parts: HNode[]
  score: number
}

/**
 * Scores the page and returns the article's elements, or null when nothing scores.
 * `skip(block)` leaves blocks out of the scoring (e.g. those in unlikely elements).
 */
export function findContent(
  blocks: Block[],
  classes: BlockClass[],
  stats: Map<HNode, NodeStats>,
  skip: (b: Block) => boolean,
): Candidate | null {
  const score = new Map<HNode, number>()
  const init = (n: HNode) => {
    let s = score.get(n)
    if (s === undefined) {
      s = tagScore(n.tag) + classWeight(n)
      score.set(n, s)
    }
    return s
  }
  for (const b of blocks) {
    if (b.heading || b.text.length < 25 || skip(b)) continue
    // jusText's verdict sharpens Readability's: link lists and menus score nothing
    const cls = classes[b.index]
    if (cls === 'bad' && b.linkChars > b.text.length * 0.5) continue
    const content = 2 + commas(b.text) + Math.min(Math.floor(b.text.length / 100), 3)
    let n = b.owner.parent
    for (let level = 0; n && level < 5; level++, n = n.parent) {
      if (n.tag === '#root') break
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3
      score.set(n, init(n) + content / divider)
    }
  }
  if (score.size === 0) return null
  // link-heavy elements lose
  for (const [n, s] of score) {
    const st = stats.get(n)
    const density = st && st.chars ? st.links / st.chars : 0
    score.set(n, s * (1 - density))
  }
  const ranked = [...score.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5)
  let [top, topScore] = ranked[0]!
  if (top.tag === 'html' || top.tag === 'body') return { top, parts: [top], score: topScore }

  // several near-best candidates under one ancestor: the ancestor is the article
  const alternatives = ranked.slice(1).filter(([, s]) => s / topScore >= 0.75)
  if (alternatives.length >= 3) {
    for (let p = top.parent; p && p.tag !== 'body' && p.tag !== '#root'; p = p.parent) {
      const holding = alternatives.filter(([n]) => isAncestor(p!, n)).length
      if (holding >= 3) {
        top = p
        break
      }
    }
  }
  // a parent that scores better than its child is the article
  let last = score.get(top) ?? init(top)
  const threshold = last / 3
  for (let p = top.parent; p && p.tag !== 'body' && p.tag !== '#root'; p = p.parent) {
    const s = score.get(p)
    if (s === undefined) continue
    if (s < threshold) break
    if (s > last) {
      top = p
      break
    }
    last = s
  }
  // an only child: its parent holds the siblings that may belong to it
  while (top.parent && top.parent.tag !== 'body' && elementChildren(top.parent).length === 1)
    top = top.parent
  topScore = score.get(top) ?? topScore

  const parts: HNode[] = []
  const parent = top.parent
  if (!parent) return { top, parts: [top], score: topScore }
  const siblingThreshold = Math.max(10, topScore * 0.2)
  const topClass = top.attrs.class ?? ''
  for (const sib of elementChildren(parent)) {
    if (sib === top) {
      parts.push(sib)
      continue
    }
    const bonus = topClass && sib.attrs.class === topClass ? topScore * 0.2 : 0
    const s = score.get(sib)
    if (s !== undefined && s + bonus >= siblingThreshold) parts.push(sib)
    else if (sib.tag === 'p') {
      const st = stats.get(sib)
      if (!st) continue
      const density = st.chars ? st.links / st.chars : 0
      if (st.chars > 80 && density < 0.25) parts.push(sib)
      else if (st.chars < 80 && st.chars > 0 && density === 0) parts.push(sib)
    }
  }
  return { top, parts, score: topScore }
}

export function isAncestor(a: HNode, n: HNode): boolean {
  for (let p: HNode | null = n; p; p = p.parent) if (p === a) return true
  return false
}

export function elementChildren(n: HNode): HNode[] {
  return n.children.filter((c): c is HNode => typeof c !== 'string')
}

/**
 * The element whose blocks weigh most: good text counts its length, furniture (jusText's bad
 * blocks) counts against it. The article's element wins over a footer with one long blurb
 * and over the page as a whole.
 */
export function findContentByMass(
  blocks: Block[],
  classes: BlockClass[],
  skip: (b: Block) => boolean,
  badWeight = 0.5,
): Candidate | null {
  const mass = new Map<HNode, number>()
  for (const b of blocks) {
    if (skip(b)) continue
    const w = classes[b.index] === 'good' ? b.text.length : -badWeight * b.text.length
    for (let n: HNode | null = b.owner; n; n = n.parent) mass.set(n, (mass.get(n) ?? 0) + w)
  }
  let best: HNode | null = null
  let bestMass = 0
  for (const [n, m] of mass) {
    if (m > bestMass || (m === bestMass && best && isAncestor(best, n))) {
      best = n
      bestMass = m
    }
  }
  return best ? { top: best, parts: [best], score: bestMass } : null
}
