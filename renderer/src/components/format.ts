import type { PartialDate } from '../../../shared/types'

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
    return new Intl.DateTimeFormat(locale, {
      month: style === 'long' ? 'long' : 'short',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(Date.UTC(y, m - 1, 1))
  return new Intl.DateTimeFormat(
    locale,
    style === 'long'
      ? { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }
      : { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' },
  ).format(Date.UTC(y, m - 1, d))
}

export function formatNumber(n: number, lang: string): string {
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'de-DE').format(n)
}
