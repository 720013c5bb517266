/**
 * A small read-only element tree of an HTML page, built in one pass by Lesesaal's tokenizer. This runs on untrusted HTML: nothing is executed, fetched or rendered; the tree
 * only holds tag names, a few attributes and text. Scripts, styles and other non-text
 * elements are dropped while parsing (JSON-LD is kept aside as data).
 */
import { tokenize } from './tokenize'

export interface HNode {
  tag: string
  attrs: Record<string, string>
  children: (HNode | string)[]
  parent: HNode | null
  /** Class and id, lower case (computed once, see `classAndId`). */
  key?: string
}

/** What the parser collects on its way besides the tree. */
export interface ParsedPage {
  root: HNode
  /** The text of every `<script type="application/ld+json">`. */
  jsonLd: string[]
  /** Data a script-rendered page carries for its scripts (`application/json`: Next.js, Nuxt). */
  appData: string[]
  /** `<meta>` name/property (lower case) → content, first one wins. */
  meta: Map<string, string>
  /** `<link rel=…>` rel (lower case) → href, first one wins. */
  links: Map<string, string>
  /** The document's `<title>`. */
  title: string | null
  /** The `<html lang>` attribute. */
  lang: string | null
}

/** Raw-text elements: their content arrives in one piece and is never page text. */
const RAW = new Set([
  'script',
  'style',
  'noscript',
  'textarea',
  'title',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
])

/** Elements whose content is never text of the page. */
const DROP = new Set([
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

const P_CLOSERS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'address',
  'article',
  'aside',
  'blockquote',
  'details',
  'div',
  'dl',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'header',
  'hr',
  'main',
  'nav',
  'ol',
  'pre',
  'section',
  'table',
  'ul',
])
/** Start tags that end an open element (as htmlparser2 and browsers do for the common cases). */
const IMPLIES_CLOSE: Record<string, Set<string>> = {
  tr: new Set(['tr', 'th', 'td']),
  th: new Set(['th']),
  td: new Set(['thead', 'th', 'td']),
  li: new Set(['li']),
  dd: new Set(['dd', 'dt']),
  dt: new Set(['dd', 'dt']),
  option: new Set(['option']),
  tbody: new Set(['thead', 'tbody']),
  tfoot: new Set(['thead', 'tbody']),
}
const CLOSES_P = new Set(['p'])

/** A page's script data larger than this is not read (characters). */
const MAX_APP_DATA = 4_000_000

/** Parses HTML into the tree. */
export function parsePage(html: string): ParsedPage {
  const root: HNode = { tag: '#root', attrs: {}, children: [], parent: null }
  const jsonLd: string[] = []
  const appData: string[] = []
  const meta = new Map<string, string>()
  const links = new Map<string, string>()
  let title: string | null = null
  let lang: string | null = null
  let current = root
  // While inside a dropped element, nothing is added to the tree; its open elements are
  // kept by name, so unclosed ones inside it (<option>) end with it.
  const dropped: string[] = []
  let scriptIsData = false
  let scriptIsAppData = false

  const closeCurrent = () => {
    current = current.parent ?? root
  }
  tokenize(html, {
    open(name, attrs, selfClosing) {
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
      if (name === 'script') {
        const type = (attrs.type ?? '').toLowerCase()
        scriptIsData = type.includes('ld+json')
        scriptIsAppData = type === 'application/json'
      }
      if (name === 'html' && attrs.lang) lang ??= attrs.lang
      if (dropped.length > 0) {
        if (!VOID.has(name) && !selfClosing && !RAW.has(name)) dropped.push(name)
        return
      }
      if (RAW.has(name)) return
      if (DROP.has(name)) {
        if (!VOID.has(name) && !selfClosing) dropped.push(name)
        return
      }
      if (name === 'br' || name === 'hr' || name === 'img') {
        current.children.push({ tag: name, attrs, children: [], parent: current })
        return
      }
      if (VOID.has(name)) return
      const closes = IMPLIES_CLOSE[name] ?? (P_CLOSERS.has(name) ? CLOSES_P : null)
      if (closes) while (current !== root && closes.has(current.tag)) closeCurrent()
      const el: HNode = { tag: name, attrs, children: [], parent: current }
      current.children.push(el)
      if (!selfClosing) current = el
    },
    raw(name, text) {
      if (name === 'script' && scriptIsData) jsonLd.push(text)
      else if (name === 'script' && scriptIsAppData && text.length <= MAX_APP_DATA)
        appData.push(text)
      else if (name === 'title' && title === null && dropped.length === 0)
        title = text.replace(/\s+/g, ' ').trim() || null
    },
    text(text) {
      if (dropped.length > 0) return
      const kids = current.children
      const last = kids[kids.length - 1]
      if (typeof last === 'string') kids[kids.length - 1] = last + text
      else kids.push(text)
    },
    close(name) {
      if (RAW.has(name) || VOID.has(name)) return
      if (dropped.length > 0) {
        const k = dropped.lastIndexOf(name)
        if (k >= 0) dropped.length = k
        return
      }
      // close up to the matching open element; a stray end tag is ignored
      for (let n: HNode | null = current; n && n !== root; n = n.parent) {
        if (n.tag === name) {
          current = n.parent ?? root
          return
        }
      }
    },
  })
  return { root, jsonLd, appData, meta, links, title, lang }
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
  if (n.key !== undefined) return n.key
  const c = n.attrs.class
  const i = n.attrs.id
  n.key = c && i ? `${c} ${i}`.toLowerCase() : (c ?? i ?? '').toLowerCase()
  return n.key
}

/** Removes a node from its parent. */
export function detach(n: HNode): void {
  const p = n.parent
  if (!p) return
  const k = p.children.indexOf(n)
  if (k >= 0) p.children.splice(k, 1)
  n.parent = null
}
