/**
 * Cheap checks on decoded text before any parser sees it.
 *
 * Danger: the DOM parser, Readability and the Markdown lexer walk nested structure
 * recursively, and their time grows much faster than the depth (a page of 800 nested boxes
 * took 35 s to extract, 20,000 overflowed the stack). No article is nested that deeply, so a
 * page or Markdown text beyond the limit is refused with one sentence before parsing.
 */
import { UserError } from '../../../shared/result'

/** Deeper than any real article page (real pages stay well under 100). */
export const MAX_HTML_DEPTH = 256
/** Nested block quotes or list levels in Markdown. */
export const MAX_MARKDOWN_DEPTH = 64

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'image',
])
/** Elements whose content is text: tags inside them are not tags. */
const RAW = new Set([
  'script',
  'style',
  'textarea',
  'title',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
])
/** Elements an HTML parser closes when the same kind (or a listed kind) opens again. */
const CLOSED_BY: Record<string, Set<string>> = {
  p: new Set([
    'p',
    'div',
    'ul',
    'ol',
    'dl',
    'table',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'section',
    'article',
    'aside',
    'header',
    'footer',
    'nav',
    'blockquote',
    'pre',
    'form',
    'figure',
    'hr',
    'address',
    'main',
  ]),
  li: new Set(['li']),
  dt: new Set(['dt', 'dd']),
  dd: new Set(['dt', 'dd']),
  tr: new Set(['tr', 'tbody', 'thead', 'tfoot']),
  td: new Set(['td', 'th', 'tr', 'tbody', 'thead', 'tfoot']),
  th: new Set(['td', 'th', 'tr', 'tbody', 'thead', 'tfoot']),
  option: new Set(['option', 'optgroup']),
  thead: new Set(['tbody', 'tfoot']),
  tbody: new Set(['tbody', 'tfoot']),
}

/**
 * How deeply the elements of an HTML document nest, by a single scan over its tags (no DOM):
 * void elements, self-closing tags, raw-text elements and the usual implied end tags are
 * taken into account, a stray end tag closes up to its element if it is open.
 */
export function htmlDepth(html: string, stopAt = Infinity): number {
  const stack: string[] = []
  let max = 0
  const tag = /<(!--|\/?)([a-zA-Z][\w:-]*)?/g
  let m: RegExpExecArray | null
  while ((m = tag.exec(html))) {
    if (m[1] === '!--') {
      const end = html.indexOf('-->', tag.lastIndex)
      if (end < 0) break
      tag.lastIndex = end + 3
      continue
    }
    const name = m[2]?.toLowerCase()
    if (!name) continue
    const close = html.indexOf('>', tag.lastIndex)
    if (close < 0) break
    const selfClosing = html.charCodeAt(close - 1) === 47 /* / */
    tag.lastIndex = close + 1
    if (m[1] === '/') {
      const at = stack.lastIndexOf(name)
      if (at >= 0) stack.length = at
      continue
    }
    // implied end tags: <p> ... <p>, <li> ... <li>
    while (stack.length && CLOSED_BY[stack[stack.length - 1]!]?.has(name)) stack.pop()
    if (VOID.has(name) || selfClosing) continue
    if (RAW.has(name)) {
      const endTag = new RegExp(`</${name}`, 'gi')
      endTag.lastIndex = tag.lastIndex
      const end = endTag.exec(html)
      if (!end) break
      tag.lastIndex = end.index
      continue
    }
    stack.push(name)
    if (stack.length > max) {
      max = stack.length
      if (max > stopAt) return max
    }
  }
  return max
}

/** How deeply block quotes and lists nest in a Markdown text. */
export function markdownDepth(text: string, stopAt = Infinity): number {
  let max = 0
  for (const line of text.split('\n')) {
    // "> > >" and ">>>" are three levels of quotes; list items nest by indentation
    const quote = /^[ \t]*((?:>[ \t]*)+)/.exec(line)
    const quotes = quote ? (quote[1]!.match(/>/g)?.length ?? 0) : 0
    const item = /^([ \t]*)(?:[-*+]|\d{1,9}[.)])[ \t]/.exec(line.slice(quote?.[0].length ?? 0))
    const indent = item ? item[1]!.replace(/\t/g, '    ').length : 0
    const depth = quotes + (item ? 1 + Math.floor(indent / 2) : 0)
    if (depth > max) {
      max = depth
      if (max > stopAt) return max
    }
  }
  return max
}

/** Refuses text nested beyond what the parsers handle in reasonable time and stack. */
export function assertNesting(text: string, kind: string): void {
  if (kind === 'html' && htmlDepth(text, MAX_HTML_DEPTH) > MAX_HTML_DEPTH)
    throw new UserError(
      'too_deep',
      `The page nests its elements more than ${MAX_HTML_DEPTH} deep; that is not an article page Lesesaal can read.`,
    )
  if (kind === 'md' && markdownDepth(text, MAX_MARKDOWN_DEPTH) > MAX_MARKDOWN_DEPTH)
    throw new UserError(
      'too_deep',
      `The text nests quotes or lists more than ${MAX_MARKDOWN_DEPTH} deep; that is not an article Lesesaal can read.`,
    )
}
