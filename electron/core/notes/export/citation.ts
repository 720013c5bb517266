/**
 * Citations of news articles, one consistent style per language:
 *
 *   de: Albers, Katrin: „Gipfel in Rostock“. In: Hanse-Kurier, 14.03.2025. URL: https://… (abgerufen am 02.12.2026).
 *   en: Albers, Katrin. “Gipfel in Rostock.” Hanse-Kurier, 14 March 2025. https://… (accessed 2 December 2026).
 *
 * The German one follows the usual German author–title form (DIN ISO 690 in spirit), the
 * English one the Chicago notes-bibliography form for newspaper articles. Whatever the
 * article does not say (author, date, URL) is left out, never guessed.
 */

export type Lang = 'de' | 'en'

/** A person's name split for citing, or a literal (an agency: "dpa", "AFP/dpa"). */
export type Name = { family: string; given: string } | { literal: string }

const AGENCY = /^(?:[a-zäöü]{2,5}|[A-ZÄÖÜ]{2,5})(?:\/[A-Za-zÄÖÜäöü]{2,5})*$/

/** Splits a byline ("Katrin Albers und Jonas Brandt", "dpa", "Von Anna Berg") into names. */
export function parseAuthors(author: string | null): Name[] {
  if (!author) return []
  const clean = author
    .replace(/^\s*(?:von|by)\s+/i, '')
    .replace(/\s+/g, ' ')
    .trim()
  if (!clean) return []
  if (AGENCY.test(clean)) return [{ literal: clean }]
  return clean
    .split(/\s*(?:,|;|\bund\b|\band\b|&)\s*/)
    .filter(Boolean)
    .map((name): Name => {
      const words = name.split(' ')
      if (words.length < 2 || AGENCY.test(name) || !words.every((w) => /^\p{Lu}/u.test(w)))
        return { literal: name }
      return { family: words.at(-1)!, given: words.slice(0, -1).join(' ') }
    })
}

const MONTHS = {
  de: [
    'Januar',
    'Februar',
    'März',
    'April',
    'Mai',
    'Juni',
    'Juli',
    'August',
    'September',
    'Oktober',
    'November',
    'Dezember',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
}

/** The parts of a date like 2025, 2025-03 or 2025-03-14 (or an ISO timestamp). */
export function dateParts(date: string | null): number[] | null {
  const m = date ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date) : null
  if (!m) return null
  return [m[1], m[2], m[3]].filter((x): x is string => x !== undefined).map(Number)
}

/** A date as the citation style writes it: 14.03.2025 / 14 March 2025 (or less). */
export function citeDate(date: string | null, lang: Lang): string | null {
  const p = dateParts(date)
  if (!p) return null
  const [y, m, d] = p
  if (lang === 'de') {
    if (d) return `${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y}`
    return m ? `${MONTHS.de[m - 1]} ${y}` : String(y)
  }
  if (d) return `${d} ${MONTHS.en[m! - 1]} ${y}`
  return m ? `${MONTHS.en[m - 1]} ${y}` : String(y)
}

/** "Albers, Katrin", "Albers, Katrin; Brandt, Jonas" (de) / "… and …" (en), "dpa". */
export function citeAuthors(names: Name[], lang: Lang): string {
  const one = (n: Name, first: boolean) =>
    'literal' in n ? n.literal : first ? `${n.family}, ${n.given}` : `${n.given} ${n.family}`
  if (lang === 'de') return names.map((n) => one(n, true)).join('; ')
  const parts = names.map((n, i) => one(n, i === 0))
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0]!
}

export interface CitableArticle {
  title: string
  outlet: string | null
  author: string | null
  published: string | null
  url: string | null
  accessed: string
}

/** The full citation of an article. `escape` applies to its words (not to the URL). */
export function citation(
  a: CitableArticle,
  lang: Lang,
  escape: (s: string) => string = (s) => s,
): string {
  const authors = escape(citeAuthors(parseAuthors(a.author), lang))
  const date = citeDate(a.published, lang)
  const accessed = citeDate(a.accessed, lang)
  const title = escape(a.title.trim().replace(/[.:]$/, ''))
  const outlet = a.outlet ? escape(a.outlet) : null
  if (lang === 'de') {
    let s = authors ? `${authors}: ` : ''
    s += `„${title}“.`
    const where = [outlet, date].filter(Boolean).join(', ')
    if (where) s += ` In: ${where}.`
    if (a.url) s += ` URL: ${a.url}`
    s += a.url ? ` (abgerufen am ${accessed}).` : ` Abgerufen am ${accessed}.`
    return s
  }
  let s = authors ? `${authors}. ` : ''
  s += `“${title}.”`
  const where = [outlet, date].filter(Boolean).join(', ')
  if (where) s += ` ${where}.`
  if (a.url) s += ` ${a.url}`
  s += a.url ? ` (accessed ${accessed}).` : ` Accessed ${accessed}.`
  return s
}
