/**
 * "Copy with citation": the quote with outlet, title, date and address, in the citation style
 * of the UI language. German quotes in „…“ (quotes inside become ‚…‘), English in “…”
 * (inside: ‘…’); the date as the language writes it ("25. April 2019", "25 April 2019").
 */
import type { PartialDate } from '../../../../shared/types'
import { formatPublished } from '../../components/format'
import { escapeHtml } from './cleanText'

export interface CitedArticle {
  title: string
  outlet: string | null
  published: PartialDate | null
  url: string | null
}

const STYLE = {
  de: { open: '„', close: '“', innerOpen: '‚', innerClose: '‘', inner: /[„“”"]/g },
  en: { open: '“', close: '”', innerOpen: '‘', innerClose: '’', inner: /[“”„"]/g },
} as const

export interface Citation {
  text: string
  html: string
}

/** The quote (may be empty: then the reference alone) with its source, as text and HTML. */
export function cite(quote: string, article: CitedArticle, lang: string): Citation {
  const s = lang === 'en' ? STYLE.en : STYLE.de
  let opening = true
  // quotation marks inside the quote become single ones, alternating open and close
  const inner = (q: string) =>
    q.replace(s.inner, () => {
      const mark = opening ? s.innerOpen : s.innerClose
      opening = !opening
      return mark
    })
  const title = `${s.open}${inner(article.title)}${s.close}`
  opening = true
  const quoted = quote.trim() ? `${s.open}${inner(quote.trim())}${s.close}` : ''
  const date = formatPublished(article.published, lang === 'en' ? 'en' : 'de', 'long')
  const parts = [article.outlet, title, date].filter((p): p is string => Boolean(p))
  const reference = `${parts.join(', ')}${article.url ? `, ${article.url}` : ''}`
  const text = quoted ? `${quoted}\n— ${reference}` : reference

  const refHtml =
    escapeHtml(parts.join(', ')) +
    (article.url ? `, <a href="${escapeHtml(article.url)}">${escapeHtml(article.url)}</a>` : '')
  const quoteHtml = quoted
    ? `<blockquote>${quoted
        .split(/\n\s*\n/)
        .map((p) => `<p>${escapeHtml(p)}</p>`)
        .join('')}</blockquote>`
    : ''
  return { text, html: `${quoteHtml}<p>— ${refHtml}</p>` }
}
