/**
 * HTML pages: metadata from the head, reader comments from the comment section, the article
 * from Mozilla's Readability, then sanitised and turned into lines.
 *
 * This runs on untrusted HTML. linkedom builds a DOM without executing anything (no scripts,
 * no network, no event handlers); the extracted HTML goes through sanitize-html with a strict
 * allow-list before its text is read; only plain text leaves this module.
 */
import type { ReaderComment } from '../../../shared/types'
import { isHttpUrl } from '../../../shared/urls'
import { readCommentHeader } from './comments'
import { findDate, parseDate } from './dates'
import type { ExtractHints } from './extract'
import type { Line } from './lines'
import { parsers } from './parsers'
import { readAuthorLine, readCopyrightHolder } from './rules'

type El = Element

const REMOVE_BEFORE_READABILITY =
  'script, style, noscript, iframe, object, embed, template, svg, canvas, form, button, input, select, textarea, nav, figure, figcaption, picture, video, audio, dialog'

const BLOCKS = new Set([
  'P',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'BLOCKQUOTE',
  'PRE',
  'DD',
  'DT',
])

/** Reads an HTML page into lines and the metadata it declares. */
export function htmlLines(html: string): { lines: Line[]; hints: ExtractHints } {
  const { parseHTML, Readability } = parsers()
  const { document } = parseHTML(html)
  const hints = readHeadMetadata(document)
  hints.comments = takeComments(document)
  hints.kicker ??= textOf(
    document.querySelector(
      '[class*="kicker"], [class*="topline"], [class*="dachzeile"], [class*="overline"]',
    ),
  )
  const byline = document.querySelector(
    '[class*="byline"], [class*="author"], [rel="author"], [itemprop="author"]',
  )
  if (!hints.author && byline)
    hints.author = readAuthorLine(textOf(byline) ?? '') ?? cleanName(textOf(byline))
  const h1 = textOf(document.querySelector('article h1, main h1, h1'))
  if (!hints.outlet) {
    for (const el of Array.from(document.querySelectorAll('footer, [class*="copyright"]'))) {
      for (const line of (el.textContent ?? '').split(/\n|(?=©)/)) {
        const holder = readCopyrightHolder(line.trim())
        if (holder) {
          hints.outlet = holder
          break
        }
      }
      if (hints.outlet) break
    }
  }
  if (!hints.published) {
    const time = document.querySelector(
      'article time[datetime], main time[datetime], time[datetime]',
    )
    hints.published = parseDate(time?.getAttribute('datetime')) ?? parseDate(textOf(time))
  }

  for (const el of Array.from(document.querySelectorAll(REMOVE_BEFORE_READABILITY))) el.remove()
  for (const el of Array.from(
    document.querySelectorAll(
      'body > header, body > footer, aside, [role="navigation"], [class*="cookie"], [id*="cookie"], [class*="consent"], [class*="share"], [class*="newsletter"]',
    ),
  )) {
    el.remove()
  }

  const article = new Readability(document as unknown as Document, {
    charThreshold: 120,
    keepClasses: false,
  }).parse()
  hints.title ??=
    h1 ??
    cleanTitle(
      article?.title ?? textOf(document.querySelector('title')),
      hints.outlet ?? article?.siteName ?? null,
    )
  hints.outlet ??= article?.siteName?.trim() || null
  hints.published ??= parseDate(article?.publishedTime)
  if (!hints.author && article?.byline)
    hints.author = readAuthorLine(article.byline) ?? cleanName(article.byline)

  const content = article?.content ?? document.body?.innerHTML ?? ''
  return { lines: blockLines(sanitize(content)), hints }
}

/** Strict allow-list: structure and text only. Scripts, handlers, styles and URLs are gone. */
export function sanitize(html: string): string {
  return parsers().sanitizeHtml(html, {
    allowedTags: [
      'p',
      'h1',
      'h2',
      'h3',
      'h4',
      'h5',
      'h6',
      'blockquote',
      'ul',
      'ol',
      'li',
      'br',
      'em',
      'strong',
      'b',
      'i',
      'q',
      'cite',
      'sub',
      'sup',
      'div',
      'section',
      'article',
      'span',
      'pre',
      'dl',
      'dd',
      'dt',
    ],
    allowedAttributes: {},
    allowedSchemes: [],
    disallowedTagsMode: 'discard',
    nonTextTags: [
      'script',
      'style',
      'textarea',
      'option',
      'noscript',
      'iframe',
      'template',
      'svg',
      'figcaption',
    ],
  })
}

function blockLines(safeHtml: string): Line[] {
  const { parseHTML } = parsers()
  const { document } = parseHTML(`<!doctype html><html><body>${safeHtml}</body></html>`)
  const lines: Line[] = []
  const walk = (node: El) => {
    for (const child of Array.from(node.children)) {
      if (BLOCKS.has(child.tagName)) {
        // <br> inside a block separates lines (addresses, verse); keep them apart
        const parts = (child.innerHTML ?? '').split(/<br\s*\/?>/i)
        for (const part of parts) {
          const text = parseHTML(`<p>${part}</p>`).document.querySelector('p')?.textContent ?? ''
          const clean = text.replace(/\s+/g, ' ').trim()
          if (clean)
            lines.push({ text: clean, blankBefore: true, heading: /^H[1-6]$/.test(child.tagName) })
        }
        if (child.tagName === 'BLOCKQUOTE' || child.tagName === 'LI') continue
      } else {
        const direct = Array.from(child.childNodes)
          .filter((n) => n.nodeType === 3)
          .map((n) => n.textContent ?? '')
          .join(' ')
          .replace(/\s+/g, ' ')
          .trim()
        if (direct && child.children.length === 0) lines.push({ text: direct, blankBefore: true })
        else walk(child)
      }
    }
  }
  if (document.body) walk(document.body as unknown as El)
  return lines
}

function readHeadMetadata(document: Document): ExtractHints {
  const meta = (sel: string) => document.querySelector(sel)?.getAttribute('content')?.trim() || null
  const ld = readJsonLd(document)
  const url =
    safeUrl(document.querySelector('link[rel="canonical"]')?.getAttribute('href')) ??
    safeUrl(meta('meta[property="og:url"]')) ??
    safeUrl(ld.url)
  const outlet =
    meta('meta[property="og:site_name"]') ?? ld.publisher ?? meta('meta[name="application-name"]')
  const authorMeta = meta('meta[name="author"]')
  return {
    title: cleanTitle(meta('meta[property="og:title"]') ?? ld.headline ?? null, outlet),
    outlet,
    published: parseDate(
      meta('meta[property="article:published_time"]') ??
        ld.datePublished ??
        meta('meta[name="date"]') ??
        meta('meta[name="publish-date"]') ??
        meta('meta[itemprop="datePublished"]'),
    ),
    author: ld.author ?? (authorMeta && !/^https?:/i.test(authorMeta) ? authorMeta : null),
    url,
  }
}

interface JsonLdArticle {
  headline?: string
  datePublished?: string
  author?: string
  publisher?: string
  url?: string
}

/** JSON-LD is data, not code: it is parsed as JSON, never run. */
function readJsonLd(document: Document): JsonLdArticle {
  for (const script of Array.from(
    document.querySelectorAll('script[type="application/ld+json"]'),
  )) {
    let data: unknown
    try {
      data = JSON.parse(script.textContent ?? '')
    } catch {
      continue
    }
    const nodes: unknown[] = Array.isArray(data) ? data : [data]
    for (const n of [...nodes]) {
      if (n && typeof n === 'object' && Array.isArray((n as { '@graph'?: unknown })['@graph']))
        nodes.push(...(n as { '@graph': unknown[] })['@graph'])
    }
    for (const n of nodes) {
      if (!n || typeof n !== 'object') continue
      const o = n as Record<string, unknown>
      const type = ([] as unknown[]).concat(o['@type'] ?? []).map(String)
      if (!type.some((t) => /Article|Posting|Report/i.test(t))) continue
      const name = (v: unknown): string | undefined => {
        const first = Array.isArray(v) ? v : [v]
        const names = first
          .map((x) =>
            typeof x === 'string'
              ? x
              : x && typeof x === 'object'
                ? (x as { name?: unknown }).name
                : undefined,
          )
          .filter((x): x is string => typeof x === 'string' && x.trim() !== '')
        return names.length ? names.join(', ') : undefined
      }
      return {
        headline: typeof o.headline === 'string' ? o.headline : undefined,
        datePublished: typeof o.datePublished === 'string' ? o.datePublished : undefined,
        author: name(o.author),
        publisher: name(o.publisher),
        url: typeof o.url === 'string' ? o.url : undefined,
      }
    }
  }
  return {}
}

/**
 * Takes the reader-comment section out of the page (so Readability never mixes it into the
 * article) and reads each comment's author, date and text.
 */
function takeComments(document: Document): ReaderComment[] {
  const isCommentish = (el: El) =>
    /comment|kommentar|leserbrief|discussion/i.test(`${el.id} ${el.getAttribute('class') ?? ''}`)
  const containers = Array.from(document.querySelectorAll('[id], [class]')).filter(
    (el) =>
      isCommentish(el) &&
      !(el.parentElement && hasCommentishAncestor(el.parentElement, isCommentish)),
  )
  const comments: ReaderComment[] = []
  for (const container of containers) {
    let items = Array.from(
      container.querySelectorAll('[class*="comment"], [class*="kommentar"], article, li'),
    ).filter(
      (el) =>
        el !== container &&
        el.querySelector('p') &&
        !Array.from(el.querySelectorAll('[class*="comment"], article, li')).some((inner) =>
          inner.querySelector('p'),
        ),
    )
    if (items.length === 0) items = Array.from(container.querySelectorAll('article, li'))
    for (const item of items) {
      const authorEl = item.querySelector(
        '[class*="author"], [class*="user"], [class*="name"], [itemprop="author"], cite, strong, b',
      )
      const timeEl = item.querySelector('time')
      const paragraphs = Array.from(item.querySelectorAll('p'))
        .map((p) => textOf(p))
        .filter((t): t is string => !!t)
      let author = textOf(authorEl)
      let posted = parseDate(timeEl?.getAttribute('datetime')) ?? parseDate(textOf(timeEl))
      const header = !author ? readCommentHeader(textOf(item.querySelector('header')) ?? '') : null
      if (header) {
        author = header.author
        posted ??= header.posted
      }
      posted ??= findDate(textOf(item.querySelector('header')) ?? '')?.date ?? null
      const titleEl = item.querySelector('h3, h4, h5, [class*="title"]')
      if (paragraphs.length)
        comments.push({
          author: author ?? null,
          posted,
          title: textOf(titleEl),
          text: paragraphs.join('\n'),
        })
    }
    container.remove()
  }
  return comments
}

function hasCommentishAncestor(el: El, pred: (el: El) => boolean): boolean {
  for (let p: El | null = el; p; p = p.parentElement) if (pred(p)) return true
  return false
}

function textOf(el: Element | null | undefined): string | null {
  const t = el?.textContent?.replace(/\s+/g, ' ').trim()
  return t || null
}

function cleanName(s: string | null): string | null {
  const t = s?.replace(/^(?:Von|By)\s+/i, '').trim()
  return t && t.length <= 80 ? t : null
}

/** "Headline | Outlet" -> "Headline". */
function cleanTitle(title: string | null, outlet: string | null): string | null {
  if (!title) return null
  let t = title.trim()
  if (outlet) {
    for (const sep of [' | ', ' - ', ' – ', ' — ', ' :: ', ' · ']) {
      if (t.endsWith(sep + outlet)) t = t.slice(0, -(sep + outlet).length)
    }
  }
  return t || null
}

/** Only absolute http(s) URLs are kept; anything else (javascript:, data:) is dropped. */
export function safeUrl(value: string | null | undefined): string | null {
  const v = value?.trim()
  return v && isHttpUrl(v) ? new URL(v).toString() : null
}
