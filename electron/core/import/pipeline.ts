import { createHash } from 'node:crypto'
import type { SourceKind } from '../../../shared/types'
import { UserError } from '../../../shared/result'
import { assertText, declaredHtmlCharset, decodeBytes } from './decode'
import { assertNesting } from './guards'
import {
  extractArticle,
  type ExtractedArticle,
  type ExtractHints,
  type ExtractOptions,
} from './extract'
import { htmlLines, readabilityLines } from './html'
import { looksLikeMarkdown, markdownLines } from './markdown'
import { kindForName, SUPPORTED_EXTENSIONS } from './kinds'
import { looksLikeHtml } from './parsers'
import { plainTextLines } from './plaintext'
import { subtitleText } from './subtitles'
import { mailText } from './mailtext'
import { threadText } from './threadtext'
import { wikiText } from './wikitext'

/** Bumped whenever extraction changes, so stored articles can be re-extracted from their raw original. */
export const EXTRACTOR_VERSION = 13

export interface Extraction {
  article: ExtractedArticle
  kind: SourceKind
  encoding: string
  hash: string
  /** Bytes that were invalid in the file's encoding and were replaced (see decode.ts). */
  replaced?: number
}

export { kindForName, SUPPORTED_EXTENSIONS }

/** What the library has learned about page furniture, for one extraction. */
export type KnownFurniture = ExtractOptions['known']

/** Decodes, extracts and fingerprints one imported file. Throws UserError for bad input. */
export function extractFile(bytes: Uint8Array, name: string, known?: KnownFurniture): Extraction {
  let kind = kindForName(name)
  if (!kind) {
    throw new UserError(
      'unsupported_type',
      `Only ${SUPPORTED_EXTENSIONS.join(' ')} files can be imported.`,
    )
  }
  assertText(bytes)
  const { text, encoding, replaced } = decodeBytes(
    bytes,
    kind === 'html' ? declaredHtmlCharset(bytes) : null,
  )
  if (!text.trim()) throw new UserError('empty_file', 'The file contains only white space.')
  // Saved pages sometimes end in .txt; markup gives them away.
  if (kind === 'txt' && looksLikeHtml(text.slice(0, 512))) kind = 'html'
  return { ...extractText(text, kind, undefined, known), encoding, replaced }
}

/** Extracts an article from text already decoded (a file's content or pasted text). */
export function extractText(
  text: string,
  kind: SourceKind,
  title?: string,
  known?: KnownFurniture,
): Omit<Extraction, 'encoding'> & { encoding: string } {
  if (!text.trim()) throw new UserError('empty_file', 'There is no text to import.')
  assertNesting(text, kind)
  const { lines, hints } =
    kind === 'html'
      ? htmlLines(text)
      : kind === 'md' || looksLikeMarkdown(text)
        ? markdownLines(text)
        : plainTextWithHints(text)
  if (title) hints.title = title
  // Markdown is written by people, not scraped: its lines are not scored as furniture.
  const options: ExtractOptions = { classify: kind === 'txt' || kind === 'paste', known }
  let article: ExtractedArticle
  try {
    article = extractArticle(lines, hints, options)
  } catch (err) {
    // When the cleanup leaves nothing of our selection, Readability's reading gets its chance.
    if (kind !== 'html' || !(err instanceof UserError) || err.code !== 'no_text') throw err
    article = extractArticle(readabilityLines(text), hints, options)
  }
  return { article, kind, encoding: 'utf-8', hash: contentHash(article.paragraphs) }
}

/**
 * The fingerprint of an article's text: case, white space, quote and dash styles do not
 * matter, so the same article saved twice (as .txt and as .html) is one article.
 */
export function contentHash(paragraphs: string[]): string {
  const normal = paragraphs
    .join('\n')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[„“”"«»‚‘’'`´]/g, '"')
    .replace(/[–—‒−]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
  return createHash('sha256').update(normal).digest('hex')
}

/** Plain text, after the formats that text comes in: subtitles, a page copied from a wiki. */
function plainTextWithHints(text: string): {
  lines: ReturnType<typeof plainTextLines>
  hints: ExtractHints
} {
  const thread = threadText(text)
  if (thread) return { lines: plainTextLines(thread.text), hints: thread.hints }
  const mail = mailText(text)
  if (mail)
    return {
      lines: plainTextLines(mail.text),
      hints: {
        ...(mail.outlet ? { outlet: mail.outlet } : {}),
        ...(mail.url ? { url: mail.url } : {}),
        ...(mail.title ? { title: mail.title } : {}),
        ...(mail.author ? { author: mail.author } : {}),
        ...(mail.published ? { published: mail.published } : {}),
      },
    }
  const wiki = wikiText(text)
  if (wiki)
    return { lines: plainTextLines(wiki.text), hints: wiki.outlet ? { outlet: wiki.outlet } : {} }
  return { lines: plainTextLines(subtitleText(text) ?? text), hints: {} }
}
