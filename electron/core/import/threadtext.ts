/**
 * A thread of posts copied from a social network: the posts of the thread's author, one
 * paragraph each, the first as the title; handles, times, counters ("14 Antworten 96 Reposts
 * 702 Gefällt mir"), the "1/6" numbering, buttons and other people's replies go.
 */
import type { ExtractHints } from './extract'
import { findDate } from './dates'

/** "@mkrause_journalist", "@mkrause_journalist · 3 Std." */
const HANDLE = /^@([\w.]{2,40})(?:\s+·\s+.{1,30})?$/u
const COUNTERS =
  /^(?:[\d.,]+\s*(?:Tsd\.|Mio\.|K|M)?\s+(?:Antworten|Antwort|Reposts?|Retweets?|Zitate|Gefällt mir|Likes?|Lesezeichen|Replies|Reply|Quotes|Bookmarks|Mal angezeigt|Views)\s*)+$/i
const BUTTONS =
  /^(?:Beitrag übersetzen|Post übersetzen|Mehr Antworten anzeigen|Weitere Antworten anzeigen|Show more replies|Translate post|Wer ist neu\?|Folgen|Follow|Beitrag|Post|Thread)$/i
/** The thread's numbering and mark at a post's end: " 🧵", " 1/6", " (2/6)". */
const NUMBERING = /\s*(?:🧵\s*)?(?:\(?\d{1,2}\s?\/\s?\d{1,2}\)?)?\s*(?:🧵)?\s*$/u
const REPLY_TO = /^(?:Antwort an|Replying to)\s+@/i

/** The thread as text and what its first post names, or null when the text is no thread. */
export function threadText(text: string): { text: string; hints: ExtractHints } | null {
  if (!text.includes('@')) return null
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trim())
  const handles = lines.flatMap((l) => HANDLE.exec(l)?.[1] ?? [])
  if (handles.length < 3 || lines.filter((l) => COUNTERS.test(l)).length < 2) return null
  const author = handles[0]!
  const posts: string[] = []
  let name: string | null = null
  let published: string | null = null
  for (let i = 0; i < lines.length; i++) {
    const h = HANDLE.exec(lines[i]!)
    if (!h) continue
    const own = h[1] === author
    if (own && name === null)
      name = lines[i - 1] && !HANDLE.test(lines[i - 1]!) ? lines[i - 1]! : null
    if (!own || REPLY_TO.test(lines[i + 1] ?? '')) continue
    // the post: from the handle to its counters, without buttons and the time line
    const body: string[] = []
    for (let j = i + 1; j < lines.length; j++) {
      const t = lines[j]!
      if (!t || COUNTERS.test(t) || HANDLE.test(t)) break
      if (BUTTONS.test(t)) continue
      const date = t.length <= 80 && /·/.test(t) ? findDate(t) : null
      if (date) {
        published ??= date.date
        continue
      }
      body.push(t)
    }
    const post = body.join(' ').replace(NUMBERING, '').trim()
    if (post) posts.push(post)
  }
  if (posts.length < 2) return null
  return {
    text: posts.join('\n\n'),
    hints: { ...(name ? { author: name } : {}), ...(published ? { published } : {}) },
  }
}
