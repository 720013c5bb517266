/**
 * The reader-comment section of a page: taken out of the tree (so it never mixes into the
 * article) and read into comments with author, date and title.
 */
import type { ReaderComment } from '../../../../shared/types'
import { readCommentHeader } from '../comments'
import { findDate, parseDate } from '../dates'
import { findAll, findFirst, textOf, type HNode } from './tree'

/** Class names of one comment (not of its parts: "comment-content", "comment-respond" …). */
const ITEM_CLASS =
  /^(?:comment|kommentar|comment-(?:item|body|entry|single|wrapper|container)|kommentar-(?:item|eintrag|box)|c-comment|js-comment|comment_item|commentitem|userpost|posting)$/

function itemLike(n: HNode): boolean {
  if (n.tag === 'li' || n.tag === 'article')
    return !/respond|form|reply-title/.test(n.attrs.class ?? '')
  return (n.attrs.class ?? '').split(/\s+/).some((c) => ITEM_CLASS.test(c.toLowerCase()))
}

/** Is `n` below `ancestor`? */
function isWithin(ancestor: HNode, n: HNode): boolean {
  for (let p = n.parent; p; p = p.parent) if (p === ancestor) return true
  return false
}

/** Reads the comments of the page's comment sections (found by the article selection). */
export function readComments(containers: HNode[]): ReaderComment[] {
  const comments: ReaderComment[] = []
  for (const container of containers) {
    const hasP = (n: HNode) => findFirst(n, (x) => x.tag === 'p') !== null
    // the innermost comment-like elements with text: "li.comment > article.comment-body"
    const candidates = findAll(container, itemLike).filter(hasP)
    let items = candidates.filter((el) => !candidates.some((o) => o !== el && isWithin(el, o)))
    if (items.length === 0) items = findAll(container, (n) => n.tag === 'article' || n.tag === 'li')
    for (const item of items) {
      // the comment's body in a box of its own ("comment-body"), its author and date beside it
      // in the comment's element ("comment-meta"): the meta are read from that element
      const whole =
        item.parent && item.parent !== container && itemLike(item.parent) ? item.parent : item
      const authorEl = findFirst(
        whole,
        (n) =>
          /author|user|name/.test(n.attrs.class ?? '') ||
          n.attrs.itemprop === 'author' ||
          n.tag === 'cite' ||
          n.tag === 'strong' ||
          n.tag === 'b',
      )
      const timeEl = findFirst(whole, (n) => n.tag === 'time')
      const headerEl = findFirst(whole, (n) => n.tag === 'header')
      const paragraphs = findAll(item, (n) => n.tag === 'p')
        .map((p) => textOf(p))
        .filter(Boolean)
      // WordPress writes "Ralf K. sagt:" ("… says:") in the author's box
      let author = textOf(authorEl).replace(/\s+(?:sagt|says|schreibt|meint)\s*:\s*$/i, '') || null
      let posted = parseDate(timeEl?.attrs.datetime) ?? parseDate(textOf(timeEl))
      const header = !author ? readCommentHeader(textOf(headerEl)) : null
      if (header) {
        author = header.author
        posted ??= header.posted
      }
      posted ??= findDate(textOf(headerEl))?.date ?? null
      const titleEl = findFirst(
        item,
        (n) =>
          n.tag === 'h3' || n.tag === 'h4' || n.tag === 'h5' || /title/.test(n.attrs.class ?? ''),
      )
      if (paragraphs.length)
        comments.push({
          author,
          posted,
          title: textOf(titleEl) || null,
          text: paragraphs.join('\n'),
        })
    }
  }
  return comments
}
