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

/** Stands for a <br> while a block's text is collected (NUL never reaches this point). */
const BR = '\u0000'
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'])

/** Splits the tree below `root` into text blocks, in document order. */
export function pageBlocks(root: HNode): Block[] {
  const blocks: Block[] = []
  let parts: string[] = []
  let rawChars = 0
  let rawLinks = 0
  let owner: HNode = root
  let brRun = 0
  let heading = 0
  let lists = 0
  let tables = 0
  let quotes = 0

  const flush = () => {
    if (parts.length === 0) return
    const joined = parts.length === 1 ? parts[0]! : parts.join('')
    parts = []
    const total = rawChars
    const links = rawLinks
    rawChars = 0
    rawLinks = 0
    let lines: string[]
    if (joined.includes(BR)) {
      lines = []
      for (const l of joined.split(BR)) {
        const t = l.replace(/\s+/g, ' ').trim()
        if (t) lines.push(t)
      }
    } else {
      const t = joined.replace(/\s+/g, ' ').trim()
      lines = t ? [t] : []
    }
    if (lines.length === 0) return
    const text = lines.length === 1 ? lines[0]! : lines.join(' ')
    blocks.push({
      index: blocks.length,
      text,
      lines,
      linkChars: total ? Math.round((links / total) * text.length) : 0,
      owner,
      heading,
      inList: lists > 0,
      inTable: tables > 0,
      inQuote: quotes > 0,
    })
  }

  const walk = (node: HNode, inLink: boolean) => {
    for (const c of node.children) {
      if (typeof c === 'string') {
        parts.push(c)
        rawChars += c.length
        if (inLink) rawLinks += c.length
        if (brRun && /\S/.test(c)) brRun = 0
        continue
      }
      const tag = c.tag
      if (tag === 'br') {
        brRun++
        // two line breaks in a row end a paragraph (as in jusText)
        if (brRun >= 2) flush()
        else parts.push(BR)
        continue
      }
      if (tag === 'hr') {
        flush()
        continue
      }
      if (tag === 'img') continue
      // a footnote's mark ("…Tiefe<sup>2</sup>", "…Filter.<a href="#fn1">[1]</a>") is not text
      if ((tag === 'sup' || tag === 'a') && isFootnoteMark(c)) continue
      if (BLOCK_TAGS.has(tag)) {
        flush()
        const saved = owner
        const savedHeading = heading
        owner = c
        if (HEADINGS.has(tag)) heading = Number(tag[1])
        if (tag === 'li' || tag === 'dd' || tag === 'dt') lists++
        else if (tag === 'td' || tag === 'th') tables++
        else if (tag === 'blockquote') quotes++
        walk(c, inLink)
        flush()
        if (tag === 'li' || tag === 'dd' || tag === 'dt') lists--
        else if (tag === 'td' || tag === 'th') tables--
        else if (tag === 'blockquote') quotes--
        heading = savedHeading
        owner = saved
        brRun = 0
      } else {
        if (tag === 'q') quotes++
        walk(c, inLink || tag === 'a')
        if (tag === 'q') quotes--
      }
    }
  }
  walk(root, false)
  flush()
  return blocks
}

/** A footnote's mark: a superscript number, or a link "[1]" to a note on the same page. */
function isFootnoteMark(node: HNode): boolean {
  if (node.children.length !== 1) return false
  const only = node.children[0]!
  const text = typeof only === 'string' ? only.trim() : onlyText(only)
  if (text === null) return false
  if (node.tag === 'sup') return /^\[?\d{1,3}\]?$/.test(text)
  return /^\[\d{1,3}\]$/.test(text) && (node.attrs.href ?? '').startsWith('#')
}

/** The text of an element holding nothing but text, else null. */
function onlyText(node: HNode): string | null {
  if (node.children.length !== 1) return null
  const c = node.children[0]!
  return typeof c === 'string' ? c.trim() : null
}
