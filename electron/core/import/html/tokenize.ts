/**
 * A fast, forgiving HTML tokenizer: start tags with their attributes, end tags and text, in
 * document order. Comments, doctypes and processing instructions are skipped; the content of
 * raw-text elements (script, style, textarea, title …) comes as one text event. Entities are
 * decoded. It never builds markup and never executes anything; malformed input only ever
 * produces odd tags or text.
 *
 * It exists because the page importer spends most of its time tokenizing: scanning with
 * `indexOf` and one sticky expression per attribute is several times faster than a
 * character-by-character state machine, and the tree builder needs nothing more.
 */
import { decodeHTML, decodeHTMLAttribute } from 'entities'

export interface TokenHandler {
  open: (name: string, attrs: Record<string, string>, selfClosing: boolean) => void
  close: (name: string) => void
  text: (text: string) => void
  /** The raw content of a raw-text element (already entity-decoded for title/textarea). */
  raw: (name: string, text: string) => void
}

/** Elements whose content is not markup. */
const RAW_TEXT = new Set([
  'script',
  'style',
  'textarea',
  'title',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'noscript',
])

const ATTRIBUTE = /[\s/]*([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?/y
const NAME = /[A-Za-z][^\s/>]*/y

const decodeText = (t: string) => (t.includes('&') ? decodeHTML(t) : t)

/** The text between two tags; white space between tags (most of it) as one shared space. */
function blankOrText(html: string, from: number, to: number): string {
  let k = from
  while (k < to && html.charCodeAt(k) <= 32) k++
  return k === to ? ' ' : decodeText(html.slice(from, to))
}
const decodeAttr = (t: string) => (t.includes('&') ? decodeHTMLAttribute(t) : t)

/** Tokenizes `html`, calling the handler for every tag and text run. */
export function tokenize(html: string, h: TokenHandler): void {
  const n = html.length
  let i = 0
  while (i < n) {
    const lt = html.indexOf('<', i)
    if (lt < 0) {
      h.text(decodeText(html.slice(i)))
      break
    }
    if (lt > i) h.text(blankOrText(html, i, lt))
    const c = html.charCodeAt(lt + 1)
    if (c === 33 /* ! */) {
      if (html.startsWith('<!--', lt)) {
        const end = html.indexOf('-->', lt + 4)
        i = end < 0 ? n : end + 3
      } else if (html.startsWith('<![CDATA[', lt)) {
        const end = html.indexOf(']]>', lt + 9)
        h.text(html.slice(lt + 9, end < 0 ? n : end))
        i = end < 0 ? n : end + 3
      } else {
        const end = html.indexOf('>', lt + 2)
        i = end < 0 ? n : end + 1
      }
      continue
    }
    if (c === 63 /* ? */) {
      const end = html.indexOf('>', lt + 2)
      i = end < 0 ? n : end + 1
      continue
    }
    if (c === 47 /* / */) {
      NAME.lastIndex = lt + 2
      const m = NAME.exec(html)
      const end = html.indexOf('>', lt + 2)
      if (m) h.close(m[0].toLowerCase())
      i = end < 0 ? n : end + 1
      continue
    }
    NAME.lastIndex = lt + 1
    const m = NAME.exec(html)
    if (!m) {
      // a "<" that starts no tag is text
      h.text('<')
      i = lt + 1
      continue
    }
    const name = m[0].toLowerCase()
    const attrs: Record<string, string> = {}
    let j = lt + 1 + m[0].length
    let selfClosing = false
    for (;;) {
      // skip white space
      while (j < n && html.charCodeAt(j) <= 32) j++
      if (j >= n) break
      const ch = html.charCodeAt(j)
      if (ch === 62 /* > */) {
        j++
        break
      }
      if (ch === 47 /* / */ && html.charCodeAt(j + 1) === 62) {
        selfClosing = true
        j += 2
        break
      }
      ATTRIBUTE.lastIndex = j
      const a = ATTRIBUTE.exec(html)
      if (!a || a[0].length === 0) {
        j++
        continue
      }
      const key = a[1]!.toLowerCase()
      if (!(key in attrs)) attrs[key] = decodeAttr(a[2] ?? a[3] ?? a[4] ?? '')
      j += a[0].length
    }
    i = j
    h.open(name, attrs, selfClosing)
    if (RAW_TEXT.has(name) && !selfClosing) {
      // the content runs to the matching end tag, whatever it contains
      const closeAt = findEndTag(html, name, i)
      const content = html.slice(i, closeAt < 0 ? n : closeAt)
      h.raw(name, name === 'title' || name === 'textarea' ? decodeText(content) : content)
      h.close(name)
      i = closeAt < 0 ? n : Math.max(closeAt + 2, html.indexOf('>', closeAt) + 1)
    }
  }
}

const END_TAGS = new Map<string, RegExp>()

function findEndTag(html: string, name: string, from: number): number {
  let re = END_TAGS.get(name)
  if (!re) END_TAGS.set(name, (re = new RegExp(`</${name}(?=[\\s/>]|$)`, 'gi')))
  re.lastIndex = from
  const m = re.exec(html)
  return m ? m.index : -1
}
