import type { PartialDate } from '../../../shared/types'

// Intl formatters are costly to create (a list of 100 rows made 200 of them per render)
const formatters = new Map<string, Intl.DateTimeFormat>()
const numberFormats = new Map<string, Intl.NumberFormat>()

function dateFormat(locale: string, key: string, options: Intl.DateTimeFormatOptions) {
  const id = `${locale}|${key}`
  let f = formatters.get(id)
  if (!f) formatters.set(id, (f = new Intl.DateTimeFormat(locale, options)))
  return f
}

/** "2025-03-14" -> "14. März 2025" / "March 14, 2025"; "2025-03" -> "März 2025". */
export function formatPublished(
  date: PartialDate | null,
  lang: string,
  style: 'long' | 'short' = 'long',
): string | null {
  if (!date) return null
  const [y, m, d] = date.split('-').map(Number)
  if (!y || !m) return date
  const locale = lang === 'en' ? 'en-GB' : 'de-DE'
  if (!d)
    return dateFormat(locale, `month-${style}`, {
      month: style === 'long' ? 'long' : 'short',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(Date.UTC(y, m - 1, 1))
  return dateFormat(
    locale,
    `day-${style}`,
    style === 'long'
      ? { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }
      : { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' },
  ).format(Date.UTC(y, m - 1, d))
}

export function formatNumber(n: number, lang: string): string {
  const locale = lang === 'en' ? 'en-GB' : 'de-DE'
  let f = numberFormats.get(locale)
  if (!f) numberFormats.set(locale, (f = new Intl.NumberFormat(locale)))
  return f.format(n)
}
