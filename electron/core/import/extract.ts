/**
 * From the lines of a scraped page to a clean article: boilerplate removed, reader comments
 * split off, metadata read. Every format (plain text, HTML, Markdown) ends up here, so the
 * rules apply the same way to all of them.
 */
import type { PartialDate, ReaderComment } from '../../../shared/types'
import { UserError } from '../../../shared/result'
import { findCommentStart, parseComments } from './comments'
import { readDateLine } from './dates'
import {
  countWords,
  endsLikeSentence,
  isHeadingLike,
  isProse,
  normalizeLineText,
  type Line,
} from './lines'
import {
  isCommentFurniture,
  isSectionWord,
  localRule,
  readAgencyLine,
  readAuthorLine,
  readCopyrightHolder,
  readRelatedMarker,
  type RuleName,
} from './rules'

/** Metadata a format already knows (HTML meta tags, Markdown front matter); it wins over guesses. */
export interface ExtractHints {
  title?: string | null
  kicker?: string | null
  outlet?: string | null
  published?: PartialDate | null
  author?: string | null
  url?: string | null
  dateline?: string | null
  comments?: ReaderComment[]
}

export interface ExtractedArticle {
  title: string
  kicker: string | null
  outlet: string | null
  published: PartialDate | null
  author: string | null
  dateline: string | null
  url: string | null
  paragraphs: string[]
  /** Indices into `paragraphs` that are subheadings. */
  headings: number[]
  comments: ReaderComment[]
  words: number
  /** What was taken out and why: for tests and for explaining an import. */
  removed: { text: string; rule: RuleName }[]
}

const DATELINE =
  /^(?<place>\p{Lu}[\p{L}.'’-]*(?:[ /-]\p{Lu}?[\p{L}.'’-]+){0,3})\s*(?:\/\s*\p{Lu}[\p{L}-]+\s*)?\((?<agency>[^()]{1,40})\)\s*[-–—]\s+/u

const same = (a: string, b: string) => simplify(a) === simplify(b)
function simplify(s: string): string {
  return s
    .toLowerCase()
    .replace(/[„“”"«»‚‘’'`´]/g, '')
    .replace(/[–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Splits lines into the article text, its metadata and its reader comments. */
export function extractArticle(input: Line[], hints: ExtractHints = {}): ExtractedArticle {
  const lines = normalizeLines(input)
  const tags: (RuleName | null)[] = lines.map((l) => localRule(l.text))
  const texts = lines.map((l) => l.text)

  const firstProse = texts.findIndex((t, i) => tags[i] === null && isProse(t))
  const lastProse = findLastIndex(texts, (t, i) => tags[i] === null && isProse(t))
  // A section word inside the running text ("Wirtschaft" as a subheading) is not navigation.
  for (let i = firstProse + 1; firstProse >= 0 && i < lastProse; i++) {
    if (tags[i] === 'navigation' && isSectionWord(texts[i]!) && !isCommentFurniture(texts[i]!))
      tags[i] = null
  }

  // Reader comments: from the start of the comment section to the legal footer.
  let bodyEnd = lines.length
  let comments: ReaderComment[] = hints.comments ?? []
  const commentStart = findCommentStart(
    lines.map((l, i) => ({ text: l.text, marker: tags[i] === 'comment_furniture' })),
    Math.max(firstProse, 0),
  )
  if (commentStart >= 0) {
    const area = lines.slice(commentStart).map((l, k) => {
      const tag = tags[commentStart + k]
      return { text: l.text, boilerplate: tag !== null, footer: tag === 'copyright' }
    })
    const parsed = parseComments(area)
    comments = [...comments, ...parsed.comments]
    bodyEnd = commentStart
    for (let i = commentStart; i < commentStart + parsed.footerFrom; i++)
      tags[i] ??= 'comment_furniture'
  }
  const inBody = (i: number) => i >= 0 && i < bodyEnd

  applyContextRules(lines, tags, bodyEnd)

  // Metadata lines: dates, bylines, agency lines; copyright lines name the outlet.
  const dates: { date: PartialDate; label: string }[] = []
  const outlets: string[] = []
  const weakOutlets: string[] = []
  let person: string | null = null
  let agency: string | null = null
  for (let i = 0; i < lines.length; i++) {
    const text = texts[i]!
    if (tags[i] !== null) {
      const holder = tags[i] === 'copyright' ? readCopyrightHolder(text) : null
      if (holder) outlets.push(holder)
      const named =
        /Nutzungsbedingungen (?:des|der|von) (\p{Lu}[\p{L}-]*(?: \p{Lu}[\p{L}-]*){0,3})\.?$/u.exec(
          text,
        ) ??
        /\bMein (\p{Lu}{2,}[\p{L}-]*)!/u.exec(text) ??
        /\b(?:die|der) (\p{Lu}[\p{L}-]*(?: \p{Lu}[\p{L}-]*){0,2})[ -]App\b/u.exec(text)
      if (named) weakOutlets.push(named[1]!)
      continue
    }
    if (!inBody(i)) continue
    const date = readDateLine(text)
    if (date) {
      dates.push({ date: date.date, label: date.label })
      const holder = date.rest ? readCopyrightHolder(date.rest.replace(/^ⓒ\s*/, '© ')) : null
      if (holder) outlets.push(holder)
      tags[i] = 'metadata'
      continue
    }
    const byline = readAuthorLine(text)
    const agencyLine = byline ? null : readAgencyLine(text)
    if (byline) person ??= byline
    if (agencyLine) agency ??= agencyLine
    if (byline || agencyLine) tags[i] = 'metadata'
  }

  // Title and kicker: the headline lines above the first paragraph.
  const bodyIdx = lines.map((_, i) => i).filter((i) => inBody(i) && tags[i] === null)
  const firstPara =
    bodyIdx.find((i) => isProse(texts[i]!) && !lines[i]!.heading) ??
    bodyIdx[bodyIdx.length - 1] ??
    -1
  const header = bodyIdx.filter((i) => i < firstPara)
  let title = hints.title?.trim() || null
  let kicker = hints.kicker?.trim() || null
  if (title) {
    for (const i of header.concat(bodyIdx.slice(0, 3))) {
      if (
        same(texts[i]!, title) ||
        (kicker && same(texts[i]!, kicker)) ||
        same(texts[i]!, `${kicker}: ${title}`)
      ) {
        tags[i] = 'title'
      }
    }
  } else {
    const candidates = header.filter((i) => lines[i]!.heading || isHeadingLike(texts[i]!))
    const marked = candidates.find((i) => lines[i]!.heading)
    const first = marked ?? candidates[0]
    if (first !== undefined) {
      const next = candidates.find((i) => i > first)
      const sameBlock = next !== undefined && next === first + 1 && !lines[next]!.blankBefore
      if (sameBlock && !lines[first]!.heading && texts[first]!.length <= texts[next]!.length + 20) {
        kicker = texts[first]!
        title = texts[next]!
        tags[first] = 'title'
        tags[next] = 'title'
      } else {
        title = texts[first]!
        tags[first] = 'title'
      }
    }
  }

  // Headline-like lines after the last paragraph are links to other articles.
  const remaining = () => lines.map((_, i) => i).filter((i) => inBody(i) && tags[i] === null)
  let rest = remaining()
  for (let k = rest.length - 1; k > 0; k--) {
    const i = rest[k]!
    if (isProse(texts[i]!) || !isHeadingLike(texts[i]!)) break
    if (!rest.slice(0, k).some((j) => isProse(texts[j]!))) break
    tags[i] = 'related_links'
  }
  rest = remaining()

  const paragraphs: string[] = []
  const headings: number[] = []
  for (const [k, i] of rest.entries()) {
    const text = texts[i]!
    const isLast = k === rest.length - 1
    if ((lines[i]!.heading || (isHeadingLike(text) && !endsLikeSentence(text))) && !isLast) {
      headings.push(paragraphs.length)
    }
    paragraphs.push(text)
  }
  // A text is never refused because the word-counting rules took all of it for a banner (a
  // short article about apps or data protection reads like one): its prose comes back.
  if (paragraphs.length === 0) {
    for (let i = 0; i < bodyEnd; i++) {
      if ((tags[i] === 'consent_banner' || tags[i] === 'share_rating') && isProse(texts[i]!)) {
        tags[i] = null
        paragraphs.push(texts[i]!)
      }
    }
  }
  if (paragraphs.length === 0 || countWords(paragraphs.join(' ')) < 3) {
    throw new UserError('no_text', 'No article text was found in it.')
  }

  let dateline = hints.dateline ?? null
  let datelineAgency: string | null = null
  for (const [k, p] of paragraphs.slice(0, 4).entries()) {
    if (headings.includes(k)) continue
    const m = DATELINE.exec(p)
    if (m?.groups) {
      // "Berlin (dpa) –": the brackets name the agency. "Breslau (Wroclaw) –": another name
      // of the place, part of the dateline and never the author.
      const inBrackets = m.groups.agency!.trim()
      const agency = readAgencyLine(inBrackets)
      const otherName =
        !agency && /^\p{Lu}[\p{L}.' -]*$/u.test(inBrackets) ? ` (${inBrackets})` : ''
      dateline ??= titleCaseIfShouting(m.groups.place!.trim()) + otherName
      datelineAgency = agency
      break
    }
  }

  if (!title) title = titleFromText(paragraphs[headings[0] === 0 ? 1 : 0] ?? paragraphs[0]!)
  const published =
    hints.published ??
    dates.find((d) => !/aktualisiert|stand/.test(d.label))?.date ??
    dates[0]?.date ??
    null

  return {
    title,
    kicker,
    outlet: hints.outlet?.trim() || outlets[0] || weakOutlets[0] || null,
    published,
    author: hints.author?.trim() || person || agency || datelineAgency || null,
    dateline,
    url: hints.url ?? null,
    paragraphs,
    headings,
    comments,
    words: countWords(paragraphs.join(' ')),
    removed: lines.flatMap((l, i) => {
      const rule = tags[i]
      return rule && rule !== 'title' ? [{ text: l.text, rule }] : []
    }),
  }
}

/** Rules that need a line's neighbours: captions and their credits, repeats, related links. */
function applyContextRules(lines: Line[], tags: (RuleName | null)[], end: number): void {
  const texts = lines.map((l) => l.text)
  const sameBlock = (i: number) => i > 0 && !lines[i]!.blankBefore
  const captionBeforeCredit = () => {
    for (let i = 1; i < end; i++) {
      if (tags[i] !== 'photo_credit' || !sameBlock(i)) continue
      const prev = i - 1
      if (tags[prev] === null && texts[prev]!.length < 400) tags[prev] = 'caption'
    }
  }
  captionBeforeCredit()

  // The same line twice: a caption repeated (near a credit or near its copy), or a repeat.
  const seen = new Map<string, number[]>()
  for (let i = 0; i < end; i++) {
    if ((tags[i] !== null && tags[i] !== 'caption') || texts[i]!.length < 12) continue
    const key = simplify(texts[i]!)
    seen.set(key, [...(seen.get(key) ?? []), i])
  }
  const isCreditish = (i: number) =>
    i >= 0 &&
    i < end &&
    (tags[i] === 'photo_credit' || tags[i] === 'caption' || readAgencyLine(texts[i]!) !== null)
  for (const copies of seen.values()) {
    if (copies.length < 2) continue
    const near = copies.some((c, k) => k > 0 && c - copies[k - 1]! <= 3)
    const credited = copies.some((c) => isCreditish(c - 1) || isCreditish(c + 1))
    if (near || credited) for (const c of copies) tags[c] = 'caption_repeated'
    else for (const c of copies.slice(1)) tags[c] = 'duplicate_line'
  }

  // An agency name right under a caption is its credit ("Dpa"), not the byline.
  for (let i = 1; i < end; i++) {
    if (tags[i] !== null || !sameBlock(i) || !readAgencyLine(texts[i]!)) continue
    if (tags[i - 1] === 'caption' || tags[i - 1] === 'caption_repeated') tags[i] = 'photo_credit'
  }
  captionBeforeCredit()

  // Gallery items: a short title line directly above a caption.
  for (let i = 1; i < end; i++) {
    if (tags[i] !== 'caption' || !sameBlock(i)) continue
    const prev = i - 1
    if (tags[prev] === null && texts[prev]!.length <= 70 && isHeadingLike(texts[prev]!))
      tags[prev] = 'gallery_title'
  }

  // "Mehr zum Thema" and the headlines listed under it.
  for (let i = 0; i < end; i++) {
    if (tags[i] !== null) continue
    const marker = readRelatedMarker(texts[i]!)
    if (!marker) continue
    tags[i] = 'related_links'
    for (let j = i + 1; j < end && (tags[j] === null || tags[j] === 'related_links'); j++) {
      if (isProse(texts[j]!) && lines[j]!.blankBefore) break
      if (!isHeadingLike(texts[j]!) && countWords(texts[j]!) > 20) break
      tags[j] = 'related_links'
    }
  }
}

function normalizeLines(input: Line[]): Line[] {
  const out: Line[] = []
  let blank = true
  for (const l of input) {
    const text = normalizeLineText(l.text)
    if (!text) {
      blank = true
      continue
    }
    out.push({ text, blankBefore: blank || l.blankBefore, heading: l.heading })
    blank = false
  }
  return out
}

/** The first sentence, shortened at a word boundary: a title for texts that have none. */
export function titleFromText(text: string): string {
  const sentence = /^.{10,}?[.!?](?=\s|$)/u.exec(text)?.[0] ?? text
  if (sentence.length <= 110) return sentence.replace(/[.]$/, '')
  const cut = sentence.slice(0, 100)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 60)).replace(/[,;:–-]\s*$/, '')} …`
}

function titleCaseIfShouting(place: string): string {
  return /\p{Ll}/u.test(place)
    ? place
    : place
        .toLowerCase()
        .replace(/(^|[\s/-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase())
}

function findLastIndex<T>(arr: T[], pred: (v: T, i: number) => boolean): number {
  for (let i = arr.length - 1; i >= 0; i--) if (pred(arr[i]!, i)) return i
  return -1
}
