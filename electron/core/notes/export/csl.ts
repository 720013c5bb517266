/**
 * CSL-JSON (the Citation Style Language's data format, which Zotero, Pandoc and citeproc
 * read): one `article-newspaper` item per article.
 * Spec: https://github.com/citation-style-language/schema (csl-data.json).
 */
import { dateParts, parseAuthors } from './citation'
import type { CitedArticle } from './collect'

export interface CslItem {
  id: string
  type: 'article-newspaper'
  title: string
  'container-title'?: string
  author?: ({ family: string; given: string } | { literal: string })[]
  issued?: { 'date-parts': number[][] }
  accessed: { 'date-parts': number[][] }
  URL?: string
  language: string
  source: string
  version?: string
}

/** One CSL-JSON item for an article. */
export function cslItem(a: CitedArticle): CslItem {
  const item: CslItem = {
    id: `lesesaal-${a.id}`,
    type: 'article-newspaper',
    title: a.title,
    accessed: { 'date-parts': [dateParts(a.accessed)!] },
    language: 'de',
    source: 'Lesesaal',
  }
  if (a.outlet) item['container-title'] = a.outlet
  const authors = parseAuthors(a.author)
  if (authors.length) item.author = authors
  const issued = dateParts(a.published)
  if (issued) item.issued = { 'date-parts': [issued] }
  if (a.url) item.URL = a.url
  if (a.version > 1) item.version = String(a.version)
  return item
}

/** The articles as a CSL-JSON document. */
export function toCslJson(articles: readonly CitedArticle[]): string {
  return `${JSON.stringify(articles.map(cslItem), null, 2)}\n`
}
