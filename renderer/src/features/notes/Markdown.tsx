/**
 * A note's Markdown, rendered safely: raw HTML in the note is shown as text (never parsed),
 * the output goes through DOMPurify with a short allow-list, and links open outside the app
 * (the system browser on the desktop, a new tab with noopener in browser mode), http(s) only.
 */
import DOMPurify from 'dompurify'
import { Marked } from 'marked'
import { useMemo, type MouseEvent } from 'react'
import { isHttpUrl } from '../../../../shared/urls'
import { useApi } from '../../api/ApiContext'

const escape = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  )

const marked = new Marked({
  gfm: true,
  breaks: true,
  renderer: {
    // raw HTML in a note is text, not markup
    html: ({ text }) => escape(text),
    // no remote images: the app works offline and loads nothing from the net
    image: ({ text }) => escape(text),
  },
})

const ALLOWED_TAGS = [
  'p',
  'br',
  'strong',
  'em',
  'del',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'a',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
]

/** Markdown to sanitised HTML. */
export function renderMarkdown(body: string): string {
  const html = marked.parse(body, { async: false })
  return DOMPurify.sanitize(html, { ALLOWED_TAGS, ALLOWED_ATTR: ['href', 'title'] })
}

export function Markdown({ body, className }: { body: string; className?: string }) {
  const api = useApi()
  const html = useMemo(() => renderMarkdown(body), [body])
  const onClick = (e: MouseEvent) => {
    const link = (e.target as Element).closest?.('a')
    if (!link) return
    e.preventDefault()
    const href = link.getAttribute('href') ?? ''
    if (!isHttpUrl(href)) return
    const inBrowser = () => void window.open(href, '_blank', 'noopener,noreferrer')
    api.call('app.info', {}).then((info) => {
      if (info.canOpenExternal) void api.call('app.openExternal', { url: href })
      else inBrowser()
    }, inBrowser)
  }
  return (
    <div
      className={className ? `markdown ${className}` : 'markdown'}
      lang="de"
      onClick={onClick}
      // sanitised above: raw HTML escaped by the renderer, the rest through DOMPurify
      dangerouslySetInnerHTML={{ __html: html }}
    />
  )
}
