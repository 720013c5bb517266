/**
 * The reader-comment section of a page: taken out of the tree (so it never mixes into the
 * article) and read into comments with author, date and title.
 */
import type { ReaderComment } from '../../../../shared/types'
import { readCommentHeader } from '../comments'
import { findDate, parseDate } from '../dates'
import { findAll, findFirst, textOf, type HNode } from './tree'

const ITEMISH = /comment|kommentar/

/** Reads the comments of the page's comment sections (found by the article selection). */
export function readComments(containers: HNode[]): ReaderComment[] {
  const comments: ReaderComment[] = []
  for (const container of containers) {
    const hasP = (n: HNode) => findFirst(n, (x) => x.tag === 'p') !== null
    const itemLike = (n: HNode) =>
      ITEMISH.test(n.attrs.class ?? '') || n.tag === 'article' || n.tag === 'li'
    let items = findAll(container, itemLike).filter(
      (el) => hasP(el) && !findAll(el, itemLike).some((inner) => hasP(inner)),
    )
    if (items.length === 0) items = findAll(container, (n) => n.tag === 'article' || n.tag === 'li')
    for (const item of items) {
      const authorEl = findFirst(
        item,
        (n) =>
          /author|user|name/.test(n.attrs.class ?? '') ||
          n.attrs.itemprop === 'author' ||
          n.tag === 'cite' ||
          n.tag === 'strong' ||
          n.tag === 'b',
      )
      const timeEl = findFirst(item, (n) => n.tag === 'time')
      const headerEl = findFirst(item, (n) => n.tag === 'header')
      const paragraphs = findAll(item, (n) => n.tag === 'p')
        .map((p) => textOf(p))
        .filter(Boolean)
      let author = textOf(authorEl) || null
      let posted = parseDate(timeEl?.attrs.datetime) ?? parseDate(textOf(timeEl))
      const header = !author ? readCommentHeader(textOf(headerEl)) : null
      if (header) {
        author = header.author
        posted ??= header.posted
      }
      posted ??= findDate(textOf(headerEl))?.date ?? null
      const titleEl = findFirst(
        item,
        (n) => n.tag === 'h3' || n.tag === 'h4' || n.tag === 'h5' || /title/.test(n.attrs.class ?? ''),
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
