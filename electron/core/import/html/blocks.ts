/**
 * The text blocks of a page, as jusText sees them: the text between two block-level
 * boundaries, with how much of it is link text and which element holds it.
 */
import type { HNode } from './tree'

export interface Block {
  /** Position in document order. */
  index: number
  /** The text, white space collapsed. */
  text: string
  /** The text split at single line breaks (`<br>`), for output. */
  lines: string[]
  /** Characters of the text inside links. */
  linkChars: number
  /** The nearest block-level element holding the text. */
  owner: HNode
  /** 1–6 for the text of a heading, else 0. */
  heading: number
  /** Inside a list item, a table cell, a quotation, preformatted text. */
  inList: boolean
  inTable: boolean
  inQuote: boolean
}

export const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'center',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'caption',
  'legend',
  'dir',
  'frameset',
  'frame',
  '#root',
])

const HEADING: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 }

/** Splits the tree below `root` into text blocks, in document order. */
export function pageBlocks(root: HNode): Block[] {
  const blocks: Block[] = []
  let parts: string[] = []
  let linkChars = 0
  let owner: HNode = root
  let brRun = 0

  const flush = () => {
    const joined = parts.join('')
    parts = []
    const lines = joined
      .split('\n')
      .map((l) => l.replace(/\s+/g, ' ').trim())
      .filter(Boolean)
    const links = linkChars
    linkChars = 0
    if (lines.length === 0) return
    const text = lines.join(' ')
    let heading = 0
    let inList = false
    let inTable = false
    let inQuote = false
    for (let n: HNode | null = owner; n; n = n.parent) {
      heading ||= HEADING[n.tag] ?? 0
      if (n.tag === 'li' || n.tag === 'dd' || n.tag === 'dt') inList = true
      else if (n.tag === 'td' || n.tag === 'th') inTable = true
      else if (n.tag === 'blockquote' || n.tag === 'q') inQuote = true
    }
    blocks.push({
      index: blocks.length,
      text,
      lines,
      linkChars: Math.min(links, text.length),
      owner,
      heading,
      inList,
      inTable,
      inQuote,
    })
  }

  const walk = (node: HNode, inLink: boolean) => {
    for (const c of node.children) {
      if (typeof c === 'string') {
        // newlines in the source are white space, not line breaks
        const t = c.replace(/\s+/g, ' ')
        if (t.trim()) brRun = 0
        parts.push(t)
        if (inLink) linkChars += t.trim().length
        continue
      }
      if (c.tag === 'br') {
        brRun++
        // two line breaks in a row end a paragraph (as in jusText)
        if (brRun >= 2) flush()
        else parts.push('\n')
        continue
      }
      if (c.tag === 'hr') {
        flush()
        continue
      }
      if (c.tag === 'img') continue
      if (BLOCK_TAGS.has(c.tag)) {
        flush()
        const saved = owner
        owner = c
        walk(c, inLink)
        flush()
        owner = saved
        brRun = 0
      } else {
        walk(c, inLink || c.tag === 'a')
      }
    }
  }
  walk(root, false)
  flush()
  return blocks
}
