import type { Token, Tokens } from 'marked'
import { parseDate } from './dates'
import type { ExtractHints } from './extract'
import { countWords, type Line } from './lines'
import { parsers } from './parsers'

/**
 * Markdown to lines: front matter (title, outlet, published, author, url) as hints, headings
 * and paragraphs as lines with their inline markup removed. Markdown saved from web pages
 * carries the same boilerplate as scraped text, so the same rules run afterwards.
 */
export function markdownLines(source: string): { lines: Line[]; hints: ExtractHints } {
  const { body, meta } = splitFrontMatter(source)
  // "source" is the outlet in some apps and the address in others
  const sourceNote = str(meta.source)
  const sourceUrl = sourceNote && /^https?:\/\//.test(sourceNote) ? sourceNote : null
  const hints: ExtractHints = {
    // the headline the text gives itself ("# …") comes first: an app's title is often the
    // page's <title>, with the site's name after it
    title: null,
    kicker: str(meta.kicker),
    outlet:
      str(meta.outlet) ??
      str(meta.site_name) ??
      str(meta.siteName) ??
      str(meta.site) ??
      str(meta.publisher) ??
      (sourceUrl ? null : sourceNote),
    published: parseDate(str(meta.published) ?? str(meta.date)),
    author: str(meta.author),
    url: str(meta.url) ?? sourceUrl ?? str(meta.link),
    dateline: str(meta.dateline),
  }
  const declaredTitle = str(meta.title)
  const lines: Line[] = []
  /** A short line all in bold, right above the headline: its kicker. */
  let boldAbove: string | null = null
  const walk = (tokens: Token[]) => {
    for (const token of tokens) {
      switch (token.type) {
        case 'heading': {
          const text = inlineText((token as Tokens.Heading).tokens)
          if ((token as Tokens.Heading).depth === 1 && !hints.title) {
            hints.title = text
            if (boldAbove && !hints.kicker && lines[lines.length - 1]?.text === boldAbove) {
              hints.kicker = boldAbove
              lines.pop()
            }
          } else lines.push({ text, blankBefore: true, heading: true })
          break
        }
        case 'paragraph': {
          const inline = (token as Tokens.Paragraph).tokens
          // a read-later app's note under the headline: "Quelle: …", "Autor: …", "Datum: …"
          if (readNoteLines(token.raw, hints, lines.length === 0)) break
          // a paragraph that is only a link ("[Originalartikel öffnen](…)") or an image
          if (inline.every((t) => t.type === 'link' || t.type === 'image' || !t.raw.trim())) break
          // Soft line breaks inside a Markdown paragraph do not end it.
          const text = inlineText(inline)
            .replace(/\s*\n\s*/g, ' ')
            .trim()
          if (!text) break
          const strong = inline.length === 1 && inline[0]!.type === 'strong'
          boldAbove = strong && text.length <= 40 && countWords(text) <= 4 ? text : null
          lines.push({ text, blankBefore: true })
          break
        }
        case 'blockquote':
          walk((token as Tokens.Blockquote).tokens)
          break
        case 'list':
          for (const item of (token as Tokens.List).items) walk(item.tokens)
          break
        case 'text':
          lines.push({
            text: 'tokens' in token && token.tokens ? inlineText(token.tokens) : token.text,
            blankBefore: true,
          })
          break
        default:
          break // code, html, tables, rules: not article prose
      }
    }
  }
  walk(new (parsers().Lexer)().lex(body))
  hints.title ??= declaredTitle && withoutSiteName(declaredTitle, hints.outlet ?? null)
  return { lines, hints }
}

/** "Headline | Site" -> "Headline", when the site is the outlet. */
function withoutSiteName(title: string, outlet: string | null): string {
  if (!outlet) return title
  for (const sep of [' | ', ' - ', ' – ', ' — ', ' · ']) {
    if (title.endsWith(sep + outlet)) return title.slice(0, -(sep + outlet).length).trim()
  }
  return title
}

const SAVED_WITH =
  /^\s*(?:Gespeichert|Archiviert|Saved|Clipped)\s+(?:mit|in|über|via|with|from)\s+\S.{0,80}$/i

/** The notes a read-later app writes under an article's headline, by their labels. */
const NOTE_LABELS: Record<string, keyof ExtractHints | null> = {
  quelle: 'outlet',
  source: 'outlet',
  autor: 'author',
  autorin: 'author',
  author: 'author',
  datum: 'published',
  date: 'published',
  veröffentlicht: 'published',
  published: 'published',
  url: 'url',
  link: 'url',
  gespeichert: null,
  originalartikel: 'url',
  original: 'url',
  saved: null,
  lesezeit: null,
  'reading time': null,
  tags: null,
  schlagworte: null,
}

/**
 * Reads a paragraph made only of such notes ("Quelle: Elbtaler Wochenblatt (https://…)",
 * "Autor: …", "Datum: 2025-06-20", "Gespeichert: …") into the hints; false when it is none.
 */
function readNoteLines(raw: string, hints: ExtractHints, atTop: boolean): boolean {
  const rows = raw.trim().split(/\n/)
  const read: [keyof ExtractHints | null, string][] = []
  let saved = false
  for (const row of rows) {
    // "Gespeichert mit Lesestapel am 30.01.2025 um 07:12": the app's own line
    if (SAVED_WITH.test(row)) {
      saved = true
      continue
    }
    const m = /^\s*([\p{L} ]{2,16}):\s+(\S.*)$/u.exec(row)
    const key = m?.[1]!.toLowerCase()
    if (!m || key === undefined || !(key in NOTE_LABELS)) return false
    read.push([NOTE_LABELS[key]!, m[2]!.trim()])
  }
  // one labelled line alone may be the text's own ("Datum: …" in a minutes' note): two or
  // more, or the app's own line with them; below the text only the latter
  if (!saved && (read.length < 2 || !atTop)) return false
  for (const [hint, value] of read) {
    if (hint === 'outlet') {
      const m = /^(.*?)\s*\((https?:\/\/[^\s)]+)\)$/.exec(value)
      hints.outlet ??= (m ? m[1]! : value) || null
      if (m) hints.url ??= m[2]!
    } else if (hint === 'url' && /^https?:\/\//.test(value)) hints.url ??= value
    else if (hint === 'author') hints.author ??= value
    else if (hint === 'published') hints.published ??= parseDate(value)
  }
  return true
}

function inlineText(tokens: Token[] | undefined): string {
  if (!tokens) return ''
  return tokens
    .map((t) => {
      if (t.type === 'image' || t.type === 'html') return ''
      if (t.type === 'br') return '\n'
      if ('tokens' in t && t.tokens) return inlineText(t.tokens)
      if (t.type === 'escape' || t.type === 'text' || t.type === 'codespan')
        return decodeEntities(t.text)
      return 'text' in t ? String(t.text) : ''
    })
    .join('')
}

function decodeEntities(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}

function splitFrontMatter(source: string): { body: string; meta: Record<string, unknown> } {
  const m = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source)
  if (!m) return { body: source, meta: {} }
  try {
    const meta: unknown = parsers().parseYaml(m[1]!, { schema: 'core' })
    return {
      body: source.slice(m[0].length),
      meta:
        meta && typeof meta === 'object' && !Array.isArray(meta)
          ? (meta as Record<string, unknown>)
          : {},
    }
  } catch {
    // Broken front matter is not fatal: read the text, ignore the metadata.
    return { body: source.slice(m[0].length), meta: {} }
  }
}

function str(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null
  if (v instanceof Date) return v.toISOString().slice(0, 10)
  if (typeof v === 'number') return String(v)
  return null
}

/**
 * Markdown in a text file or a paste (an article saved by a read-later app): a "# " headline
 * and one more mark of Markdown (another heading, a link or image, bold text, front matter).
 */
export function looksLikeMarkdown(text: string): boolean {
  // a read-later app's front matter: two or more "key: value" lines between "---" lines
  if (/^\uFEFF?---\r?\n(?:[A-Za-z_][\w-]*:.*\r?\n){2,}---\r?\n/.test(text)) return true
  // most texts have no line starting with "# ": one search before anything else
  const heading = /^#{1,3} \S/m.exec(text)
  if (!heading) return false
  const rest = text.slice(heading.index + heading[0].length)
  return (
    /^#{1,4} \S/m.test(rest) ||
    /\]\((?:https?:\/\/|\/)[^\s)]*\)/.test(text) ||
    /^\*\*[^*\n]+\*\*\s*$/m.test(text) ||
    /^---\r?\n/.test(text)
  )
}
