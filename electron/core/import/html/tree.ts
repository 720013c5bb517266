/**
 * A small read-only element tree of an HTML page, built in one pass by htmlparser2's
 * tokenizer. This runs on untrusted HTML: nothing is executed, fetched or rendered; the tree
 * only holds tag names, a few attributes and text. Scripts, styles and other non-text
 * elements are dropped while parsing (JSON-LD is kept aside as data).
 */
import { Parser } from 'htmlparser2'

export interface HNode {
  tag: string
  attrs: Record<string, string>
  children: (HNode | string)[]
  parent: HNode | null
}

/** What the parser collects on its way besides the tree. */
export interface ParsedPage {
  root: HNode
  /** The text of every `<script type="application/ld+json">`. */
  jsonLd: string[]
  /** `<meta>` name/property (lower case) → content, first one wins. */
  meta: Map<string, string>
  /** `<link rel=…>` rel (lower case) → href, first one wins. */
  links: Map<string, string>
  /** The document's `<title>`. */
  title: string | null
  /** The `<html lang>` attribute. */
  lang: string | null
}

/** Elements whose content is never text of the page. */
const DROP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'picture',
  'select',
  'option',
  'textarea',
  'button',
  'title',
  'map',
  'dialog',
])

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
])

/** Parses HTML into the tree. */
export function parsePage(html: string): ParsedPage {
  const root: HNode = { tag: '#root', attrs: {}, children: [], parent: null }
  const jsonLd: string[] = []
  const meta = new Map<string, string>()
  const links = new Map<string, string>()
  let title: string | null = null
  let lang: string | null = null
  let current = root
  // While inside a dropped element, nothing is added to the tree.
  let dropDepth = 0
  let inTitle = false
  let titleText = ''
  let ldText: string | null = null

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'meta') {
          const key = (attrs.property ?? attrs.name ?? attrs.itemprop ?? '').toLowerCase()
          if (key && attrs.content !== undefined && !meta.has(key))
            meta.set(key, attrs.content.trim())
          return
        }
        if (name === 'link') {
          const rel = (attrs.rel ?? '').toLowerCase()
          if (rel && attrs.href && !links.has(rel)) links.set(rel, attrs.href)
          return
        }
        if (name === 'html' && attrs.lang) lang = attrs.lang
        if (name === 'title' && dropDepth === 0 && title === null) {
          inTitle = true
          titleText = ''
        }
        if (name === 'script') {
          if ((attrs.type ?? '').toLowerCase().includes('ld+json')) ldText = ''
        }
        if (dropDepth > 0 || DROP.has(name)) {
          if (!VOID.has(name)) dropDepth++
          return
        }
        if (name === 'br' || name === 'hr' || name === 'img') {
          current.children.push({ tag: name, attrs, children: [], parent: current })
          return
        }
        if (VOID.has(name)) return
        const el: HNode = { tag: name, attrs, children: [], parent: current }
        current.children.push(el)
        current = el
      },
      ontext(text) {
        if (inTitle) titleText += text
        if (ldText !== null) ldText += text
        if (dropDepth > 0) return
        const kids = current.children
        const last = kids[kids.length - 1]
        if (typeof last === 'string') kids[kids.length - 1] = last + text
        else kids.push(text)
      },
      onclosetag(name, implied) {
        if (name === 'title' && inTitle) {
          inTitle = false
          title = titleText.replace(/\s+/g, ' ').trim() || null
        }
        if (name === 'script' && ldText !== null) {
          jsonLd.push(ldText)
          ldText = null
        }
        if (VOID.has(name)) return
        if (dropDepth > 0) {
          dropDepth--
          return
        }
        // htmlparser2 reports a close for every open element (implied or not), in order
        void implied
        if (current.parent && current.tag === name) current = current.parent
        else {
          // a stray end tag: close up to the matching element, if it is open
          for (let n: HNode | null = current; n && n !== root; n = n.parent) {
            if (n.tag === name) {
              current = n.parent ?? root
              break
            }
          }
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  )
  parser.end(html)
  return { root, jsonLd, meta, links, title, lang }
}

/** The concatenated text below a node, white space collapsed. */
export function textOf(node: HNode | null | undefined): string {
  if (!node) return ''
  const parts: string[] = []
  const walk = (n: HNode) => {
    for (const c of n.children) {
      if (typeof c === 'string') parts.push(c)
      else {
        if (c.tag === 'br') parts.push(' ')
        walk(c)
        if (BLOCKISH.has(c.tag)) parts.push(' ')
      }
    }
  }
  walk(node)
  return parts.join('').replace(/\s+/g, ' ').trim()
}

const BLOCKISH = new Set(['p', 'div', 'li', 'td', 'th', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'])

/** Every element below `node` (depth first, document order) that matches `pred`. */
export function findAll(node: HNode, pred: (n: HNode) => boolean, out: HNode[] = []): HNode[] {
  for (const c of node.children) {
    if (typeof c === 'string') continue
    if (pred(c)) out.push(c)
    findAll(c, pred, out)
  }
  return out
}

/** The first element below `node` (document order) that matches `pred`. */
export function findFirst(node: HNode, pred: (n: HNode) => boolean): HNode | null {
  for (const c of node.children) {
    if (typeof c === 'string') continue
    if (pred(c)) return c
    const found = findFirst(c, pred)
    if (found) return found
  }
  return null
}

/** Class and id of an element, lower case, for pattern tests. */
export function classAndId(n: HNode): string {
  const c = n.attrs.class
  const i = n.attrs.id
  return c && i ? `${c} ${i}`.toLowerCase() : (c ?? i ?? '').toLowerCase()
}

/** Removes a node from its parent. */
export function detach(n: HNode): void {
  const p = n.parent
  if (!p) return
  const k = p.children.indexOf(n)
  if (k >= 0) p.children.splice(k, 1)
  n.parent = null
}
