import type { PartialDate } from '../../../shared/types'

const MONTHS: Record<string, number> = {
  januar: 1,
  jan: 1,
  jänner: 1,
  jän: 1,
  februar: 2,
  feb: 2,
  märz: 3,
  maerz: 3,
  mär: 3,
  mrz: 3,
  april: 4,
  apr: 4,
  mai: 5,
  juni: 6,
  jun: 6,
  juli: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  okt: 10,
  november: 11,
  nov: 11,
  dezember: 12,
  dez: 12,
  january: 1,
  february: 2,
  march: 3,
  may: 5,
  june: 6,
  july: 7,
  october: 10,
  oct: 10,
  december: 12,
  dec: 12,
}
const MONTH_NAMES = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|')
const WEEKDAYS =
  '(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag|Mo|Di|Mi|Do|Fr|Sa|So)\\.?,?'

/** A date found in a string, with where it was. */
export interface DateMatch {
  date: PartialDate
  index: number
  length: number
}

const pad = (n: number) => String(n).padStart(2, '0')

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 2100) return false
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate()
}

function fullYear(y: string): number {
  const n = Number(y)
  return y.length === 2 ? (n < 70 ? 2000 + n : 1900 + n) : n
}

// Order matters: the more specific patterns first.
const PATTERNS: { re: RegExp; read: (m: RegExpExecArray) => PartialDate | null }[] = [
  {
    // 2019-04-25, 2019-04-25T10:00:00+02:00
    re: /\b(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\b/,
    read: (m) => dayOrNull(+m[1]!, +m[2]!, +m[3]!),
  },
  {
    // 25.04.2019, 25.4.2019, 25.4.19
    re: /(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})(?![\d.]?\d)/,
    read: (m) => dayOrNull(fullYear(m[3]!), +m[2]!, +m[1]!),
  },
  {
    // 25. April 2019, 25. Apr. 2019, 1 April 2019
    re: new RegExp(`(?<!\\d)(\\d{1,2})\\.?\\s+(${MONTH_NAMES})\\.?\\s+(\\d{4})\\b`, 'i'),
    read: (m) => dayOrNull(+m[3]!, MONTHS[m[2]!.toLowerCase()]!, +m[1]!),
  },
  {
    // 2019-04
    re: /\b(\d{4})-(\d{2})\b(?!-\d)/,
    read: (m) => monthOrNull(+m[1]!, +m[2]!),
  },
  {
    // April 2019
    re: new RegExp(`\\b(${MONTH_NAMES})\\.?\\s+(\\d{4})\\b`, 'i'),
    read: (m) => monthOrNull(+m[2]!, MONTHS[m[1]!.toLowerCase()]!),
  },
  {
    // 04/2019
    re: /(?<![\d/])(\d{1,2})\/(\d{4})\b/,
    read: (m) => monthOrNull(+m[2]!, +m[1]!),
  },
]

function dayOrNull(y: number, m: number, d: number): PartialDate | null {
  return validDay(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : null
}
function monthOrNull(y: number, m: number): PartialDate | null {
  return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 ? `${y}-${pad(m)}` : null
}

/** Finds the first date in `text` in any of the German and ISO formats news pages use. */
export function findDate(text: string): DateMatch | null {
  for (const { re, read } of PATTERNS) {
    const m = re.exec(text)
    if (!m) continue
    const date = read(m)
    if (date) return { date, index: m.index, length: m[0].length }
  }
  return null
}

/** Parses a string that should be a date and nothing much else. */
export function parseDate(text: string | null | undefined): PartialDate | null {
  if (!text) return null
  return findDate(text)?.date ?? null
}

const LABEL =
  '(?:date|datum|ausgabe(?=\\s*:|\\s+vom)(?:\\s+vom)?|stand|veröffentlicht|veroeffentlicht|erschienen|publiziert|published|aktualisiert|zuletzt aktualisiert|erstellt|(?:nachricht|meldung|artikel|beitrag|pressemitteilung|pressemeldung|presseinformation|mitteilung|news|eintrag|sendung)\\s+vom)(?:\\s+am)?\\s*:?'
const DATE_LINE_REST = new RegExp(
  `^[\\s|·•,–-]*(?:${LABEL})?[\\s|·•,–-]*(?:${WEEKDAYS})?[\\s,]*$`,
  'i',
)
const TIME = /\b(?:um\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:Uhr|h|MEZ|MESZ|CET|CEST)?\b/gi

/** The update beside the first date ("Aktualisiert: 19.09.2024", "| Update 19.9.2024, 8:10"). */
const UPDATED =
  /[\s|·•,–-]*\(?(?:zuletzt\s+)?(?:aktualisiert|geändert|update)(?:\s+am)?\s*:?\s*\d{1,2}\.\s?\d{1,2}\.\s?(?:\d{4}|\d{2})\)?/gi
/** A reading time beside a date ("Lesezeit: 6 Min.", "4 Min. Lesezeit"). */
const READING_TIME =
  /[\s|·•,–-]*(?:(?:Lesezeit|Lesedauer)\s*:?\s*(?:ca\.\s*)?\d{1,3}\s*(?:Min\.?|Minuten)|(?:ca\.\s*)?\d{1,3}\s*(?:Min\.?|Minuten)\s+(?:Lesezeit|Lesedauer))/gi

/**
 * Reads a line that is only a date (with an optional label, weekday, time or place), as
 * page headers print it: "25.4.2019", "Datum: 25.04.2019", "Stand: 25.04.2019, 14:03 Uhr",
 * "Donnerstag, 25. April 2019", "Berlin, 3. Februar 2025". Returns the date and whatever
 * followed it that is not a time (e.g. "ⓒKBS News"), or null when the line is prose.
 */
export function readDateLine(
  line: string,
): { date: PartialDate; rest: string; label: string } | null {
  if (line.length > 90) return null
  const m = findDate(line)
  if (!m) return null
  const before = line.slice(0, m.index)
  const after = line
    .slice(m.index + m.length)
    .replace(UPDATED, ' ')
    .replace(READING_TIME, ' ')
    .replace(TIME, ' ')
    .trim()
  const labelMatch = new RegExp(`^\\s*(${LABEL})`, 'i').exec(before)
  const label = labelMatch ? labelMatch[1]!.replace(/\s*:$/, '').toLowerCase() : ''
  // A place before the date ("Berlin, 3. Februar 2025") is allowed; prose is not.
  const beforeOk =
    DATE_LINE_REST.test(before) ||
    /^[A-ZÄÖÜ][\p{L}-]+(?:\s[A-ZÄÖÜ][\p{L}-]+)?,\s*(?:den\s+)?$/u.test(before)
  if (!beforeOk) return null
  if (after && (after.split(/\s+/).length > 5 || (/[.!?]$/.test(after) && after.length > 20)))
    return null
  return { date: m.date, rest: after.replace(/^[\s|·•,–-]+/, ''), label }
}
