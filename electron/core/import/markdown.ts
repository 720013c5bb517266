import type { Token, Tokens } from 'marked'
import { parseDate } from './dates'
import type { ExtractHints } from './extract'
import type { Line } from './lines'
import { parsers } from './parsers'

/**
 * Markdown to lines: front matter (title, outlet, published, author, url) as hints, headings
 * and paragraphs as lines with their inline markup removed. Markdown saved from web pages
 * carries the same boilerplate as scraped text, so the same rules run afterwards.
 */
export function markdownLines(source: string): { lines: Line[]; hints: ExtractHints } {
  const { body, meta } = splitFrontMatter(source)
  const hints: ExtractHints = {
    title: str(meta.title),
    kicker: str(meta.kicker),
    outlet: str(meta.outlet) ?? str(meta.source) ?? str(meta.site),
    published: parseDate(str(meta.published) ?? str(meta.date)),
    author: str(meta.author),
    url: str(meta.url),
    dateline: str(meta.dateline),
  }
  const lines: Line[] = []
  const walk = (tokens: Token[]) => {
    for (const token of tokens) {
      switch (token.type) {
        case 'heading': {
          const text = inlineText((token as Tokens.Heading).tokens)
          if ((token as Tokens.Heading).depth === 1 && !hints.title) hints.title = text
          else lines.push({ text, blankBefore: true, heading: true })
          break
        }
        case 'paragraph':
          // Soft line breaks inside a Markdown paragraph do not end it.
          lines.push({
            text: inlineText((token as Tokens.Paragraph).tokens).replace(/\s*\n\s*/g, ' '),
            blankBefore: true,
          })
          break
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
  return { lines, hints }
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
