/**
 * Metadata a page declares: `og:`/`article:` meta tags, JSON-LD (parsed as data, never run),
 * the canonical link, `<time>`, bylines, kickers and copyright lines in the markup.
 */
import { isHttpUrl } from '../../../../shared/urls'
import { parseDate } from '../dates'
import type { ExtractHints } from '../extract'
import { countWords } from '../lines'
import { isSectionWord, readAuthorLine, readCopyrightHolder } from '../rules'
import { readMetaRow } from '../metalines'
import { kickerFromAppData, parsedBlocks } from './appdata'
import { classAndId, findAll, findFirst, textOf, type HNode, type ParsedPage } from './tree'

/** What JSON-LD says about the article. */
export interface JsonLdArticle {
  headline?: string
  datePublished?: string
  author?: string
  publisher?: string
  url?: string
  articleBody?: string
}

const ARTICLE_TYPES = /Article|Posting|Report|BlogPosting|NewsArticle/i

function names(v: unknown): string | undefined {
  const list = Array.isArray(v) ? v : [v]
  const out = list
    .map((x) =>
      typeof x === 'string'
        ? x
        : x && typeof x === 'object'
          ? (x as { name?: unknown }).name
          : undefined,
    )
    .filter((x): x is string => typeof x === 'string' && x.trim() !== '')
  // "Katrin Sommerfeld und Tobias Reuter", as a byline names two; "A, B und C" for more
  return out.length > 1 ? `${out.slice(0, -1).join(', ')} und ${out[out.length - 1]}` : out[0]
}

/** The first article described by the page's JSON-LD blocks. */
export function readJsonLd(blocks: string[]): JsonLdArticle {
  for (const data of parsedBlocks(blocks)) {
    const nodes: unknown[] = Array.isArray(data) ? [...data] : [data]
    for (let k = 0; k < nodes.length && k < 200; k++) {
      const n = nodes[k]
      if (n && typeof n === 'object' && Array.isArray((n as { '@graph'?: unknown })['@graph']))
        nodes.push(...(n as { '@graph': unknown[] })['@graph'])
    }
    for (const n of nodes) {
      if (!n || typeof n !== 'object') continue
      const o = n as Record<string, unknown>
      const type = ([] as unknown[]).concat(o['@type'] ?? []).map(String)
      if (!type.some((t) => ARTICLE_TYPES.test(t))) continue
      return {
        headline: typeof o.headline === 'string' ? o.headline : undefined,
        datePublished: typeof o.datePublished === 'string' ? o.datePublished : undefined,
        author: names(o.author),
        publisher: names(o.publisher),
        url: typeof o.url === 'string' ? o.url : undefined,
        articleBody: typeof o.articleBody === 'string' ? o.articleBody : undefined,
      }
    }
  }
  return {}
}

/** Only absolute http(s) URLs are kept; anything else (javascript:, data:) is dropped. */
export function safeUrl(value: string | null | undefined): string | null {
  const v = value?.trim()
  return v && isHttpUrl(v) ? new URL(v).toString() : null
}

/** "Headline | Outlet" -> "Headline". */
export function cleanTitle(title: string | null | undefined, outlet: string | null): string | null {
  if (!title) return null
  // "EILMELDUNG: …", "+++ Eilmeldung +++ …": the page's alarm, not the headline's words
  let t = title
    .replace(/\s+/g, ' ')
    .trim()
    .replace(
      /^(?:\+{2,}\s*)?(?:EILMELDUNG|Eilmeldung|Eil|EIL|Breaking News)(?:\s*\+{2,})?\s*[:–-]?\s+(?=\S)/,
      '',
    )
  if (outlet) {
    for (const sep of [' | ', ' - ', ' – ', ' — ', ' :: ', ' · ']) {
      if (t.endsWith(sep + outlet)) t = t.slice(0, -(sep + outlet).length)
    }
  }
  return t || null
}

function cleanName(s: string | null): string | null {
  const t = s?.replace(/^(?:Von|By)\s+/i, '').trim()
  return t && t.length <= 80 ? t : null
}

const LABELLED_DATE =
  /\b(?:Datum|Veröffentlicht am|Erschienen am|Ausgabe vom)\s*:?\s*(\d{1,2}\.\s?\d{1,2}\.\s?\d{4})\b/
/** "Lotse – Magazin für Reportagen" -> "Lotse": a site's name without the line under its logo. */
function withoutTagline(name: string | null): string | null {
  const parts = name?.split(/\s+[–—|]\s+/) ?? []
  if (parts.length !== 2 || countWords(parts[0]!) > 3 || countWords(parts[1]!) < 2) return name
  return /^(?:Magazin|Zeitung|Nachrichten|News|Das|Die|Der|Ihr|Ihre|Dein|Deine|Aktuelle|Portal|Online|Wissen|Reportagen)\b/.test(
    parts[1]!,
  )
    ? parts[0]!
    : name
}
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/** Is `a` after `b` in the document, and not inside it? */
function comesAfter(a: HNode, b: HNode): boolean {
  const path = (n: HNode) => {
    const p: HNode[] = []
    for (let x: HNode | null = n; x; x = x.parent) p.unshift(x)
    return p
  }
  const pa = path(a)
  const pb = path(b)
  let k = 0
  while (k < pa.length && k < pb.length && pa[k] === pb[k]) k++
  if (k === pb.length || k === pa.length) return false // one holds the other
  const parent = pa[k - 1]!
  return parent.children.indexOf(pa[k]!) > parent.children.indexOf(pb[k]!)
}
const WEEKDAY_AT_END =
  /,?\s+(?:Mo|Di|Mi|Do|Fr|Sa|So|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag)\.?$/
const SITE_TITLE = /site-title|site-name|site-logo|brand/
const POST_TITLE = /entry-title|post-title|article-title|headline/
const LABEL_CLASS = /label|kicker|type|category|genre/
const POSTER = /[_-]poster\b/
/** The office after a name ("Kathrin Selmer Stabsstelle Hochschulkommunikation"). */
const UNIT =
  /\s+(?:Stabsstelle|Pressestelle|Presse- und|Referat|Abteilung|Dezernat|Hochschulkommunikation|Unternehmenskommunikation|Kommunikation|Öffentlichkeitsarbeit|Pressesprecher(?:in)?|Pressereferent(?:in)?|Leiter(?:in)?)\b.*$/
function withoutUnit(name: string | null): string | null {
  const cut = name?.replace(UNIT, '') ?? null
  return cut && countWords(cut) >= 2 ? cut : name
}
const KICKER = /kicker|topline|dachzeile|overline|spitzmarke/
const BYLINE = /byline|author|autor|moderat|\bhost\b|reader-credits/
const inArticle = (n: HNode) => {
  for (let p: HNode | null = n; p; p = p.parent)
    if (p.tag === 'article' || p.tag === 'main') return true
  return false
}

/** Reads what the page says about itself. */
export function readPageMetadata(page: ParsedPage): { hints: ExtractHints; ld: JsonLdArticle } {
  const meta = (key: string) => page.meta.get(key) || null
  // the page's whole text, read once and only when a rule needs it
  let whole: string | null = null
  const pageText = () => (whole ??= textOf(page.root))
  const ld = readJsonLd(page.jsonLd)
  const url =
    safeUrl(page.links.get('canonical')) ?? safeUrl(meta('og:url')) ?? safeUrl(ld.url ?? null)
  const outlet = withoutTagline(meta('og:site_name')) ?? ld.publisher ?? meta('application-name')
  const authorMeta = meta('author')
  const hints: ExtractHints = {
    title: cleanTitle(meta('og:title') ?? ld.headline ?? null, outlet),
    outlet,
    published: parseDate(
      meta('article:published_time') ??
        ld.datePublished ??
        meta('date') ??
        meta('publish-date') ??
        meta('datepublished') ??
        meta('dc.date.issued') ??
        meta('dc.date') ??
        meta('dcterms.date'),
    ),
    author:
      ld.author ??
      (authorMeta && !/^https?:/i.test(authorMeta) && authorMeta.length <= 80 ? authorMeta : null),
    url,
  }
  const root = page.root
  const h1s = findAll(root, (n) => n.tag === 'h1')
  const h1 = h1s.find(inArticle) ?? h1s[0]
  const kicker = findFirst(root, (n) => KICKER.test(classAndId(n)) && textOf(n).length < 120)
  hints.kicker = kicker ? textOf(kicker) || null : null
  if (!hints.author) {
    const byline = findFirst(
      root,
      (n) =>
        n.attrs.rel === 'author' ||
        n.attrs.itemprop === 'author' ||
        (BYLINE.test(n.attrs.class ?? '') && textOf(n).length <= 120) ||
        // who posted a release on a portal ("ft-news__poster"), not a video's still
        (POSTER.test(n.attrs.class ?? '') && textOf(n).length > 0 && textOf(n).length <= 120),
    )
    const text = byline ? textOf(byline) : ''
    // (a byline may hold its date: "Von Lea Brandhorst und Okan Demirel 14.06.2025, 22:15 Uhr")
    if (text)
      hints.author =
        readAuthorLine(text) ??
        readMetaRow(text)?.author?.replace(WEEKDAY_AT_END, '') ??
        withoutUnit(cleanName(text))
  }
  // a theme that sets the site's name in the <h1> ("site-title") and the post's in an <h2>
  const siteH1 = h1 && SITE_TITLE.test(classAndId(h1))
  const postTitle = siteH1
    ? findFirst(root, (n) => /^h[2-3]$/.test(n.tag) && POST_TITLE.test(classAndId(n)))
    : null
  hints.title ??= (postTitle && textOf(postTitle)) || (h1 && !siteH1 && textOf(h1)) || null
  if (!hints.kicker) hints.kicker = kickerFromAppData(page.appData, hints.title)
  // a label right over the headline beats a kicker's class further down the page (a teaser's
  // "teaser__kicker" under the article, with "Eilmeldung" over the headline)
  const above = h1 ? labelAbove(root, h1) : null
  if (above && (!hints.kicker || (kicker && comesAfter(kicker, h1!)))) hints.kicker = above
  // A page without a headline of its own gets one scored from its lines; <title> is the last
  // resort (on many sites it names a section: "Gemeinde Oberwössing - Aktuelles").
  hints.fallbackTitle = cleanTitle(page.title, outlet)
  // An old page without a headline element: its headline in bold type that begins like the
  // last part of its <title> ("Wochenspiegel - Lokales - Kirmesumzug in Oberkall").
  const titleEnd = page.title
    ?.split(/\s+[|–—]\s+|\s+-\s+/)
    .pop()
    ?.trim()
  if (!hints.title && titleEnd && countWords(titleEnd) >= 2) {
    const bold = findFirst(root, (n) => {
      if (!/^(?:b|strong|h[2-4])$/.test(n.tag)) return false
      const t = textOf(n)
      return t.length <= 200 && t.startsWith(titleEnd)
    })
    hints.title = bold ? textOf(bold) : null
  }
  if (!hints.outlet) {
    for (const el of findAll(root, (n) => n.tag === 'footer' || /copyright/.test(classAndId(n)))) {
      const parts = textOf(el).split(/(?=©)/)
      for (const [k, line] of parts.entries()) {
        // "Powered by Forumwerk® Forum Software © Forumwerk Limited": the software's maker
        if (k > 0 && /\b(?:Powered by|Software|Theme|Template)\b[^©]*$/i.test(parts[k - 1]!))
          continue
        const holder = readCopyrightHolder(line.trim())
        if (holder) {
          hints.outlet = holder
          break
        }
      }
      if (hints.outlet) break
    }
  }
  // a publishing company's copyright ("© 2025 Hohenfelder Verlagsgesellschaft mbH") gives way
  // to the paper's name in the <title> ("… | E-Paper Hohenfelder Allgemeine")
  const site = siteNameFromTitle(page.title, root, pageText)
  if (site && hints.outlet && COMPANY.test(hints.outlet) && !meta('og:site_name'))
    hints.outlet = site
  // a browser's reader view names the page's site by its address ("reader-domain")
  const readerDomain = findFirst(root, (n) => /reader-domain/.test(classAndId(n)))
  hints.url ??= safeUrl(readerDomain?.attrs.href)
  hints.outlet ??= site ?? hostName(hints.url)
  // a post on a platform names the publication it appeared in ("Veröffentlicht in
  // Stadtnotizen"): that, not the platform's site name, is its outlet
  if (ld.publisher && hints.outlet !== ld.publisher) {
    const said = new RegExp(
      `\\b(?:Veröffentlicht|Erschienen|Published) in\\s+${escapeRegExp(ld.publisher)}\\b`,
    )
    if (said.test(pageText())) hints.outlet = ld.publisher
  }
  // a labelled date anywhere on the page ("Lokales » Oberkall  Datum: 14.08.2009")
  if (!hints.published) {
    const labelled = LABELLED_DATE.exec(pageText())
    hints.published = labelled ? parseDate(labelled[1]) : null
  }
  if (!hints.published) {
    const times = findAll(root, (n) => n.tag === 'time')
    const time =
      times.find((t) => t.attrs.datetime && inArticle(t)) ??
      times.find((t) => t.attrs.datetime) ??
      times[0]
    hints.published = parseDate(time?.attrs.datetime) ?? parseDate(textOf(time))
  }
  return { hints, ld }
}

/**
 * The site's name from the document title: a short part of "Headline | Site" or "Site -
 * Section" that the page repeats elsewhere (its header or footer), and is no section word.
 */
export function siteNameFromTitle(
  title: string | null,
  root: HNode,
  pageText: () => string = () => textOf(root),
): string | null {
  if (!title) return null
  const raw = title
    .split(/\s+[|–—·:]\s+|\s+-\s+|\s+::\s+/)
    // "E-Paper Hohenfelder Allgemeine": the edition's label is not the name
    .map((p) => p.replace(EDITION_LABEL, ' ').trim())
  const parts = raw.filter(
    (p) => p && countWords(p) <= 5 && !isSectionWord(p) && !PAGE_LABEL.test(p) && /\p{Lu}/u.test(p),
  )
  if (parts.length === 0 || parts.length === title.split(/\s+[|–—·:-]\s+/).length) return null
  // a site names itself at either end of its titles, and is not the head of a headline on
  // the page ("Staffelried" of "Staffelried: Ortsdurchfahrt … gesperrt", a forum's thread)
  const headings = findAll(root, (n) => /^h[1-4]$/.test(n.tag)).map((h) => textOf(h))
  const head = (p: string) =>
    headings.some((h) => new RegExp(`^${escapeRegExp(p)}\\s*[:–-]\\s`).test(h))
  const edges = [raw[0]!, raw[raw.length - 1]!]
  const order = [...edges, ...parts].filter((p) => parts.includes(p) && !head(p))
  const text = pageText().toLowerCase()
  return order.find((p) => text.includes(p.toLowerCase())) ?? null
}

/** The class of an article's category label. */
const CATEGORY = /categor|rubri|ressort|topic|section|kicker|topline|eyebrow|series|reihe/i

/** A publishing company rather than a paper: "Hohenfelder Verlagsgesellschaft mbH". */
const COMPANY = /\b(?:Verlag\p{L}*|Medien\p{L}*|GmbH|mbH|AG|KG|SE)\b/u
/** An edition's label in a site's name: "E-Paper Hohenfelder Allgemeine". */
const EDITION_LABEL = /\b(?:E-Paper|ePaper|Digitalausgabe|Digitale Ausgabe)\b/gi

/** Parts of a document title that name the kind of page, not the site: "… - Druckversion". */
const PAGE_LABEL =
  /^(?:Druckversion|Druckansicht|Druckvorschau|Print(?:version| version| view)?|Artikel drucken)$/i

/** "https://www.heidekurier.example/a/b" -> "heidekurier.example": the outlet of last resort. */
export function hostName(url: string | null | undefined): string | null {
  if (!url) return null
  try {
    return new URL(url).hostname.replace(/^www\d?\./, '') || null
  } catch {
    return null
  }
}

/**
 * A short label right above the headline, in the same box ("<p class="label">Faktencheck</p>
 * <h1>…"): the kicker, when it is no link (a breadcrumb) and no date.
 */
function labelAbove(root: HNode, h1: HNode): string | null {
  const parent = findFirst(root, (n) => n.children.includes(h1))
  if (!parent) return null
  const at = parent.children.indexOf(h1)
  let prev: HNode | string | undefined
  for (let k = at - 1; k >= 0; k--) {
    const c = parent.children[k]!
    if (typeof c === 'string' && !c.trim()) continue
    prev = c
    break
  }
  if (!prev || typeof prev === 'string' || !/^(?:p|span|div|a)$/.test(prev.tag)) return null
  // a link is a breadcrumb, unless it is marked as the article's category ("<a
  // class="article__category">Verbraucher</a>" right above the headline)
  const category = (n: HNode) => CATEGORY.test(classAndId(n))
  const links = findAll(prev, (n) => n.tag === 'a')
  if (prev.tag === 'a') links.unshift(prev)
  if (links.length > 1 || (links.length === 1 && !category(prev) && !category(links[0]!)))
    return null
  // a row of metadata over the headline: its label, when it marks one ("news-label")
  if (findFirst(prev, (n) => n.tag === 'time')) {
    const label = findFirst(prev, (n) => n !== prev && LABEL_CLASS.test(classAndId(n)))
    const text = textOf(label)
    return text && text.length <= 40 && countWords(text) <= 3 && !/\d/.test(text) ? text : null
  }
  // a row of labels: the article's category, not the site's badge beside it ("Satire")
  const own = links.length === 1 && category(links[0]!) && prev !== links[0] ? links[0]! : prev
  const text = textOf(own).trim()
  if (!text || text.length > 40 || countWords(text) > 4 || /\d/.test(text)) return null
  // a linked category that is only a section's name ("Aktuelles", "Politik") says nothing
  if (links.length && isSectionWord(text)) return null
  return text
}
