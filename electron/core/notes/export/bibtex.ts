/**
 * BibTeX (with the biblatex fields Zotero and biber read: `date`, `urldate`, `langid`): one
 * `@article` per article. Text is LaTeX-escaped; UTF-8 letters stay as they are.
 */
import { dateParts, parseAuthors, type Name } from './citation'
import type { CitedArticle } from './collect'

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/** Escapes LaTeX's special characters in a field value. */
export function latex(text: string): string {
  return text
    .replace(/\\/g, '\u0000')
    .replace(/([{}%&$#_])/g, '\\$1')
    .replace(/\^/g, '\\textasciicircum{}')
    .replace(/~/g, '\\textasciitilde{}')
    .replace(/\u0000/g, '\\textbackslash{}')
    .replace(/\s+/g, ' ')
    .trim()
}

function bibName(n: Name): string {
  // a literal (an agency) in braces, so BibTeX does not split it into first and last name
  return 'literal' in n ? `{${latex(n.literal)}}` : `${latex(n.family)}, ${latex(n.given)}`
}

function ascii(s: string): string {
  return s
    .replace(/ß/g, 'ss')
    .replace(/[äÄ]/g, 'ae')
    .replace(/[öÖ]/g, 'oe')
    .replace(/[üÜ]/g, 'ue')
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]/g, '')
}

function citeKey(a: CitedArticle, names: Name[], taken: Set<string>): string {
  const first = names[0]
  const who = first ? ('literal' in first ? first.literal : first.family) : (a.outlet ?? 'lesesaal')
  const year = dateParts(a.published)?.[0] ?? ''
  const word =
    a.title
      .split(/\s+/)
      .map(ascii)
      .find((w) => w.length > 3) ?? ''
  const base =
    (ascii(who).toLowerCase() + year + word.toLowerCase()).slice(0, 40) || `article${a.id}`
  let key = base
  for (let i = 0; taken.has(key); i++)
    key = base + String.fromCharCode(97 + (i % 26)) + (i >= 26 ? i : '')
  taken.add(key)
  return key
}

/** One entry. */
export function bibEntry(a: CitedArticle, taken: Set<string>): string {
  const names = parseAuthors(a.author)
  const fields: [string, string][] = []
  if (names.length) fields.push(['author', names.map(bibName).join(' and ')])
  // double braces keep the title's capitals (German nouns) as they are
  fields.push(['title', `{${latex(a.title)}}`])
  if (a.outlet) {
    fields.push(['journal', latex(a.outlet)])
    fields.push(['journaltitle', latex(a.outlet)])
  }
  const date = dateParts(a.published)
  if (date) {
    fields.push(['year', String(date[0])])
    if (date[1]) fields.push(['month', MONTHS[date[1] - 1]!])
    fields.push(['date', a.published!.slice(0, 10)])
  }
  if (a.url) fields.push(['url', a.url.replace(/[{}]/g, encodeURIComponent)])
  fields.push(['urldate', a.accessed.slice(0, 10)])
  fields.push(['langid', 'ngerman'])
  const body = fields
    .map(([k, v]) => (k === 'month' ? `  ${k} = ${v}` : `  ${k} = {${v}}`))
    .join(',\n')
  return `@article{${citeKey(a, names, taken)},\n${body}\n}`
}

/** The articles as a BibTeX file. */
export function toBibtex(articles: readonly CitedArticle[]): string {
  const taken = new Set<string>()
  return `${articles.map((a) => bibEntry(a, taken)).join('\n\n')}\n`
}
