/**
 * From the lines of a scraped page to a clean article: boilerplate removed, reader comments
 * split off, metadata read. Every format (plain text, HTML, Markdown) ends up here, so the
 * rules apply the same way to all of them.
 */
import type { PartialDate, ReaderComment } from '../../../shared/types'
import { UserError } from '../../../shared/result'
import { findCommentStart, parseComments } from './comments'
import { outletName } from './bylines'
import {
  applyContextRules,
  tagContactBlocks,
  tagDateLists,
  tagFactBoxes,
  tagPullQuotes,
  tagReferences,
} from './context'
import { classifyLines, type LineClass } from './lineclass'
import {
  countWords,
  endsLikeSentence,
  isHeadingLike,
  isProse,
  isSignature,
  normalizeLineText,
  type Line,
} from './lines'
import { readDateline } from './datelines'
import { readMetadataLines, tagAuthorLines, tagHeaderDates } from './metalines'
import { siteNameFromFirstLine } from './sitename'
import { isPriceQuote, quotesNumbers, tableRows } from './tablerows'
import { readDateLine } from './dates'
import { isCommentFurniture, isSectionWord, localRule, type RuleName } from './rules'
import { chooseTitle, simplify, titleFromText } from './title'

export { titleFromText }

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
  /** A title to use when no line of the page makes one (an HTML page's <title>). */
  fallbackTitle?: string | null
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

/** A press review's source over its quote: "Die LINDENAUER RUNDSCHAU meint:". */
const ATTRIBUTION = /^(?=.{0,100}:$)(?=.*\b\p{Lu}{2,}[\p{Lu}-]*\p{Lu}\b)[^.!?]+:$/u
/** A forum's or a mail's label before its topic: "Thema: …", "Betreff: AW: …". */
const TOPIC_LABEL = /^(?:Thema|Betreff|Topic|Subject)\s*:\s+(?:(?:Re|AW|Antw|WG|Fwd?)\s*:\s*)*/i
/** A live blog's entry time, as German tickers write it: "16:40 Uhr". */
const ENTRY_TIME = /^\d{1,2}[:.]\d{2} Uhr$/

/** Options of the extraction. */
export interface ExtractOptions {
  /**
   * Score lines by their features and smooth by neighbours (plain text and Markdown, which
   * carry no markup; HTML is decided on the page's elements instead).
   */
  classify?: boolean
  /** Lines learned as furniture (an outlet's template, lines the user marked). */
  known?: (text: string) => 'outlet_template' | 'user_furniture' | null
}

/** Splits lines into the article text, its metadata and its reader comments. */
export function extractArticle(
  input: Line[],
  hints: ExtractHints = {},
  options: ExtractOptions = {},
): ExtractedArticle {
  const lines = normalizeLines(input)
  const tags: (RuleName | null)[] = lines.map((l) => options.known?.(l.text) ?? localRule(l.text))
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
  tagContactBlocks(lines, tags, bodyEnd)
  tagFactBoxes(lines, tags, bodyEnd)
  tagReferences(lines, tags, bodyEnd)
  tagDateLists(lines, tags, bodyEnd)
  tagPullQuotes(lines, tags, bodyEnd)

  // A table's rows stay in the text (see tablerows.ts), and so does a bare date over them
  // inside the text ("Samstag, 4. Oktober 2025" over that day's results): a heading of the
  // table, not the day the article was published.
  const rows = tableRows(texts)
  const tableHeading = (i: number) => {
    if (firstProse < 0 || i <= firstProse || !rows[i + 1]) return false
    const d = readDateLine(texts[i]!)
    return d !== null && d.label === '' && /^:?$/.test(d.rest)
  }
  const meta = readMetadataLines(lines, tags, (i) => inBody(i) && !tableHeading(i))
  tagAuthorLines(lines, tags, hints.author?.trim() || meta.person, bodyEnd)
  tagHeaderDates(lines, tags, meta)

  // Plain text: the line classifier takes what the named rules leave. Its own evidence removes
  // a line anywhere; its smoothing only after the text has begun (the headline and kicker above
  // the text are short lines too, and the title scorer decides those).
  let evidence: number[] = lines.map(() => 0)
  if (options.classify) {
    const fixed = tags.map((t) => (t === null ? null : t === 'metadata' ? 'short' : 'bad'))
    const c = classifyLines(lines, fixed as (LineClass | null)[], rows)
    evidence = c.evidence
    const start = texts.findIndex((t, i) => tags[i] === null && isProse(t))
    // a live blog's entry time over its entry ("16:40 Uhr" / the entry's text) heads it
    const entryTime = (i: number) =>
      ENTRY_TIME.test(texts[i]!) &&
      i + 1 < bodyEnd &&
      !lines[i + 1]!.blankBefore &&
      isProse(texts[i + 1]!)
    for (let i = 0; i < bodyEnd; i++) {
      if (tags[i] !== null) continue
      if (c.initial[i] === 'bad' && c.evidence[i]! >= 2) tags[i] = 'boilerplate'
      // Smoothing takes a line only with some evidence of its own: runs of short lines inside
      // the text (a results table, a list) are the article's.
      // A line with a single piece of evidence between two paragraphs is the text's own (a
      // subheading with a time: "Beschlüsse bis 12:00 Uhr").
      else if (
        start >= 0 &&
        i > start &&
        c.final[i] === 'bad' &&
        c.evidence[i]! >= 1 &&
        !(c.evidence[i] === 1 && c.final[i - 1] === 'good' && c.final[i + 1] === 'good') &&
        !entryTime(i)
      )
        tags[i] = 'boilerplate'
    }
  }

  // Price quotes ("DAX 18.234,56 +0,4 %"): a ticker above the text, or one quote inside it,
  // is a widget of the page; a run of them inside the text (a neighbour quotes numbers too, as
  // the rows of an election result do) is a table of the article.
  const numbersAt = (j: number) => j >= 0 && j < bodyEnd && quotesNumbers(texts[j]!)
  for (let i = 0; i < bodyEnd; i++) {
    if (tags[i] !== null || !isPriceQuote(texts[i]!)) continue
    if (i < firstProse || !(numbersAt(i - 1) || numbersAt(i + 1))) tags[i] = 'boilerplate'
  }

  // Title and kicker: scored among the lines above the first paragraph.
  const bodyIdx = lines.map((_, i) => i).filter((i) => inBody(i) && tags[i] === null)
  // A first line that reads like a headline is one, even when it ends in "?" or in an
  // abbreviation ("… gegen Andrej H.", "… Papst Benedikt XVI."), if prose follows it.
  const headlineFirst =
    !hints.title?.trim() &&
    bodyIdx.length > 1 &&
    looksLikeHeadline(texts[bodyIdx[0]!]!) &&
    isProse(texts[bodyIdx[1]!]!) &&
    texts[bodyIdx[1]!]!.length > texts[bodyIdx[0]!]!.length
  const firstPara =
    bodyIdx.find(
      (i, k) => isProse(texts[i]!) && !lines[i]!.heading && !(k === 0 && headlineFirst),
    ) ??
    bodyIdx[bodyIdx.length - 1] ??
    -1
  const header = bodyIdx.filter((i) => i < firstPara)
  let title = hints.title?.trim() || null
  // (a page's label over the headline may be a badge: "Nur für Mitglieder")
  let kicker = hints.kicker?.trim() || null
  if (kicker && localRule(kicker) === 'paywall') kicker = null
  if (title) {
    // the headline element may hold the kicker too ("<h1><span>Kicker</span> Headline</h1>")
    const forms = new Set([
      simplify(title),
      simplify(`${kicker}: ${title}`),
      simplify(`${kicker} ${title}`),
    ])
    if (kicker) forms.add(simplify(kicker))
    for (const i of header.concat(bodyIdx.slice(0, 3))) {
      if (texts[i]!.length <= 400 && forms.has(simplify(texts[i]!))) tags[i] = 'title'
    }
  } else {
    const chosen = chooseTitle({
      lines,
      candidates: header,
      isMetaOrLead: (i) => tags[i] === 'metadata' || i === firstPara,
      evidence: (i) => evidence[i]!,
      isMeta: (i) => tags[i] === 'metadata',
    })
    if (chosen) {
      // a forum's or a mail's topic label is not part of the headline ("Thema: …")
      title = texts[chosen.title]!.replace(TOPIC_LABEL, '') || texts[chosen.title]!
      tags[chosen.title] = 'title'
      if (chosen.kicker !== null) {
        kicker = texts[chosen.kicker]!
        tags[chosen.kicker] = 'title'
      }
      // What stands above the headline is page furniture (a site name, a menu, a section
      // label) when it looks like it: a few capitalised words, or furniture evidence.
      for (const i of header) {
        if (i >= (chosen.kicker ?? chosen.title) || tags[i] !== null) continue
        const nameLike = countWords(texts[i]!) <= 3 && !/(?:^|\s)\p{Ll}/u.test(texts[i]!)
        // a heading above the headline heading is the page's or a section's ("Aktuelles …")
        const sectionHeading = lines[i]!.heading && lines[chosen.title]!.heading
        // the outlet's own name over the page ("TSV Eichenau 1921 e.V." and "© TSV Eichenau …")
        const siteName = meta.outlets.some(
          (o) => simplify(outletName(texts[i]!)) === simplify(o) && texts[i]!.length <= 80,
        )
        if (nameLike || sectionHeading || siteName || evidence[i]! >= 1) tags[i] = 'boilerplate'
      }
    }
  }

  // Headline-like lines after the last paragraph are links to other articles.
  const remaining = () => lines.map((_, i) => i).filter((i) => inBody(i) && tags[i] === null)
  let rest = remaining()
  for (let k = rest.length - 1; k > 0; k--) {
    const i = rest[k]!
    // a table's rows at the end (results, an election's shares) are no links to articles
    if (
      isProse(texts[i]!) ||
      !isHeadingLike(texts[i]!) ||
      rows[i] ||
      quotesNumbers(texts[i]!) ||
      isSignature(texts[i]!)
    )
      break
    if (!rest.slice(0, k).some((j) => isProse(texts[j]!))) break
    tags[i] = 'related_links'
  }
  rest = remaining()

  const paragraphs: string[] = []
  const headings: number[] = []
  for (const [k, i] of rest.entries()) {
    const text = texts[i]!
    const isLast = k === rest.length - 1
    // a labelled line ("Bewertung: Falsch") is a row of a box, not a subheading
    const labelled = /^\p{Lu}\p{Ll}+:\s/u.test(text)
    // an interview's question with its speaker ("ZEITUNG: Wie …?", "Frage: …?") is no heading
    const spoken = /^\p{Lu}[\p{L}.-]*:\s/u.test(text)
    // …and so is a table's row ("Team – Team 2 : 1")
    // (a heading element that is a long sentence is a subtitle: the lead, "<h2 class=subline>";
    // an interview's question set in bold stays set apart)
    const subheading =
      (lines[i]!.heading && !(text.length > 100 && isProse(text) && !/\?["“”»«]?$/.test(text))) ||
      (isHeadingLike(text) &&
        !endsLikeSentence(text) &&
        !labelled &&
        !rows[i] &&
        !lines[i]!.listItem &&
        !lines[i]!.tableRow &&
        !isSignature(text)) ||
      (isQuestionLine(text) && !spoken) ||
      // a press review's source over its quote ("Die LINDENAUER RUNDSCHAU meint:")
      (ATTRIBUTION.test(text) &&
        /^[„»"‚]/.test(rest[k + 1] !== undefined ? texts[rest[k + 1]!]! : ''))
    if (subheading && !isLast) {
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
  const words = paragraphs.reduce((n, p) => n + countWords(p), 0)
  if (paragraphs.length === 0 || words < 3) {
    throw new UserError('no_text', 'No article text was found in it.')
  }

  const found = readDateline(paragraphs, headings)
  const dateline = hints.dateline ?? found?.place ?? null
  const datelineAgency = found?.agency ?? null

  if (!title)
    title =
      hints.fallbackTitle?.trim() ||
      titleFromText(paragraphs[headings[0] === 0 ? 1 : 0] ?? paragraphs[0]!)
  const published =
    hints.published ??
    meta.dates.find((d) => !/aktualisiert|stand/.test(d.label))?.date ??
    meta.dates[0]?.date ??
    null

  return {
    title,
    kicker,
    outlet:
      meta.publication ||
      hints.outlet?.trim() ||
      meta.outlets[0] ||
      siteNameFromFirstLine(lines, tags) ||
      meta.weakOutlets[0] ||
      null,
    published,
    author:
      hints.author?.trim() ||
      meta.person ||
      meta.agency ||
      datelineAgency ||
      (meta.programme !== (hints.outlet?.trim() || meta.outlets[0]) && meta.programme) ||
      null,
    dateline,
    url: hints.url ?? null,
    paragraphs,
    headings,
    comments,
    words,
    removed: lines.flatMap((l, i) => {
      const rule = tags[i]
      return rule && rule !== 'title' ? [{ text: l.text, rule }] : []
    }),
  }
}

/** A headline's shape, allowing a final question mark or an abbreviation's period. */
function looksLikeHeadline(text: string): boolean {
  if (countWords(text) > 16 || text.length > 150 || !/^[\p{Lu}\p{N}„"»]/u.test(text)) return false
  if (!endsLikeSentence(text)) return true
  return (
    /[?!]["“”»«]?$/.test(text) || /(?:\b\p{Lu}|\b[IVX]{1,5}|\b(?:Jr|Sr|Nr|Dr|St|Co))\.$/u.test(text)
  )
}

/** "Wann fahren die Schiffe wieder?": a short question standing alone is a subheading. */
function isQuestionLine(text: string): boolean {
  return /\?["“”»«]?$/.test(text) && countWords(text) <= 10 && /^\p{Lu}/u.test(text)
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
    out.push({
      text,
      blankBefore: blank || l.blankBefore,
      heading: l.heading,
      links: l.links,
      ...(l.listItem ? { listItem: true } : {}),
      ...(l.tableRow ? { tableRow: true } : {}),
    })
    blank = false
  }
  return out
}

function findLastIndex<T>(arr: T[], pred: (v: T, i: number) => boolean): number {
  for (let i = arr.length - 1; i >= 0; i--) if (pred(arr[i]!, i)) return i
  return -1
}
