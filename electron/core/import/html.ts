/**
 * HTML pages: metadata from the head and the markup, reader comments from the comment
 * section, the article from Lesesaal's own selection (Readability's scoring and jusText's
 * classes on a light element tree), with Mozilla's Readability as the fallback.
 *
 * This runs on untrusted HTML. The tree is built by a tokenizer that executes nothing
 * (no scripts, no network, no event handlers), and only plain text leaves this module.
 */
import type { ExtractHints } from './extract'
import { readComments } from './html/comments'
import { blocksToLines } from './html/lines'
import { readPageMetadata } from './html/metadata'
import { readabilityLines } from './html/readability'
import { selectArticle } from './html/select'
import { readThread } from './html/thread'
import { parsePage } from './html/tree'
import type { Line } from './lines'
import { plainTextLines } from './plaintext'

export { safeUrl } from './html/metadata'

/** Below this many characters, Readability is asked too and the longer answer wins. */
const FALLBACK_BELOW = 250

/** Reads an HTML page into lines and the metadata it declares. */
export function htmlLines(html: string): { lines: Line[]; hints: ExtractHints } {
  const page = parsePage(html)
  const { hints, ld } = readPageMetadata(page)
  // a forum thread: its first post is the article, its replies are the comments
  const thread = readThread(page.root)
  if (thread) {
    if (thread.author) hints.author = thread.author
    hints.published ??= thread.posted
    // the page's headline may be the forum's name; the first post's heading is the thread's
    if (thread.title && (!hints.title || hints.title === hints.outlet)) hints.title = thread.title
  }
  const selection = selectArticle(page.root)
  hints.comments = [...(thread?.replies ?? []), ...readComments(selection.commentSections)]
  let lines = blocksToLines(selection.kept)
  const chars = lines.reduce((n, l) => n + l.text.length, 0)
  // A page rendered by scripts shows only its shell; the article it declares is the text
  const declared = ld.articleBody ? articleBodyLines(ld.articleBody) : []
  const declaredChars = declared.reduce((n, l) => n + l.text.length, 0)
  if (declaredChars >= DECLARED_FROM && declaredChars > 2 * chars) return { lines: declared, hints }
  // Readability cannot find more text than the page has
  const pageChars = selection.blocks.reduce((n, b) => n + b.text.length, 0)
  if (chars < FALLBACK_BELOW && pageChars > chars + 100) {
    const fallback = readabilityLines(html)
    if (fallback.reduce((n, l) => n + l.text.length, 0) > chars) lines = fallback
  }
  return { lines, hints }
}

/** A declared article body is read when it holds this many characters … */
const DECLARED_FROM = 400

/**
 * The lines of a JSON-LD `articleBody`: plain text with its paragraph breaks, or (some sites
 * put markup there) read as a page of its own; either way only text comes out.
 */
function articleBodyLines(body: string): Line[] {
  if (/<\/?(?:p|br|div|h[1-6]|li)\b/i.test(body) || /&(?:#\d+|#x[\da-f]+|[a-z]+);/i.test(body)) {
    const inner = parsePage(body.replace(/\n{2,}/g, '<br><br>'))
    return blocksToLines(selectArticle(inner.root).kept)
  }
  return plainTextLines(body)
}

/** Readability's reading of a page, for when the cleanup rules leave nothing of ours. */
export { readabilityLines }
