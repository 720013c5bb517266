/**
 * A forum thread (phpBB, vBulletin, Discourse and the like): posts side by side, each with its
 * author and its text. The first post is the article; the replies are its reader comments and
 * leave the tree, so the article's selection never mixes them in. Signatures go with them.
 */
import type { ReaderComment } from '../../../../shared/types'
import { findDate, parseDate } from '../dates'
import { detach, findAll, findFirst, textOf, type HNode } from './tree'

/** Class names of one post of a thread. */
const POST = /^(?:post|postbit|forum-post|topic-post|message|js-post)$/
/** Class names of a post's text. */
const CONTENT =
  /^(?:content|postbody|post-content|post_content|message-content|messagetext|cooked)$/
/** Class names of a post's author line. */
const AUTHOR = /^(?:author|postauthor|post-author|poster|message-author)$/
/** A signature under a post ("_____ Grüße aus dem Oberland"). */
const SIGNATURE = /^(?:signature|sig|postsignature|post-signature)$/

const hasClass = (n: HNode, re: RegExp) =>
  (n.attrs.class ?? '').split(/\s+/).some((c) => re.test(c.toLowerCase()))

export interface Thread {
  author: string | null
  posted: string | null
  /** The first post's own heading, when the thread gives one. */
  title: string | null
  replies: ReaderComment[]
}

/** "Beitrag von Talbeobachter » Mo 24. Mär 2025, 19:42" -> the name and the day. */
function readPostAuthor(post: HNode): { author: string | null; posted: string | null } {
  const el =
    findFirst(post, (n) => hasClass(n, AUTHOR)) ??
    findFirst(post, (n) => hasClass(n, /^username(?:-coloured)?$/))
  const text = textOf(el)
  const time = findFirst(el ?? post, (n) => n.tag === 'time')
  const posted = parseDate(time?.attrs.datetime) ?? findDate(text)?.date ?? null
  const name =
    textOf(findFirst(el ?? post, (n) => hasClass(n, /^(?:username|username-coloured)$/))) ||
    text
      .replace(/^(?:Beitrag|Post|Antwort|Nachricht)?\s*(?:von|by)\s+/i, '')
      .split(/\s*[»|·,]\s*/)[0]!
      .trim()
  return { author: name && name.length <= 40 ? name : null, posted }
}

/**
 * Finds a thread of two or more posts under one parent, each with a text; takes the replies
 * and every signature out of the tree and returns what they said. Null for other pages.
 */
export function readThread(root: HNode): Thread | null {
  const posts = findAll(
    root,
    (n) => hasClass(n, POST) && findFirst(n, (c) => hasClass(c, CONTENT)) !== null,
  )
  const first = posts[0]
  if (!first) return null
  const siblings = posts.filter((p) => p.parent === first.parent)
  if (siblings.length < 2) return null
  for (const sig of findAll(root, (n) => hasClass(n, SIGNATURE))) detach(sig)
  const replies: ReaderComment[] = []
  for (const post of siblings.slice(1)) {
    const content = findFirst(post, (c) => hasClass(c, CONTENT))!
    // a reply quoting the post before it: the quote is not the reply's
    for (const quote of findAll(content, (n) => n.tag === 'blockquote')) detach(quote)
    const text = textOf(content)
    if (text) replies.push({ ...readPostAuthor(post), title: null, text })
    detach(post)
  }
  const heading = findFirst(first, (n) => /^h[1-4]$/.test(n.tag))
  return { ...readPostAuthor(first), title: textOf(heading) || null, replies }
}
