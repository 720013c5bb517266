/**
 * Dates as people type them and as the library stores them. A published date is complete
 * (`2019-04-20`), or known only by its month (`2019-04`) or year (`2019`); the filters take
 * the same shapes. People type `20.04.2019`, `20.4.2019`, `04.2019`, `April 2019` or ISO.
 */

const MONTHS_DE = [
  'januar',
  'februar',
  'märz',
  'april',
  'mai',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'dezember',
]
const MONTHS_EN = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]
const MONTH_NAMES_EN = MONTHS_EN.map((m) => m[0]!.toUpperCase() + m.slice(1))

/** Days in a month (1–12) of a year, leap years included. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** Why a date in the stored shape (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) cannot be, or null. */
export type DateProblem =
  | { kind: 'format' }
  | { kind: 'month'; month: number }
  | { kind: 'day'; day: number; month: number; year: number; days: number }

export function dateProblem(date: string): DateProblem | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date)
  if (!m) return { kind: 'format' }
  const year = Number(m[1])
  if (m[2] === undefined) return null
  const month = Number(m[2])
  if (month < 1 || month > 12) return { kind: 'month', month }
  if (m[3] === undefined) return null
  const day = Number(m[3])
  const days = daysInMonth(year, month)
  if (day < 1 || day > days) return { kind: 'day', day, month, year, days }
  return null
}

/** One English sentence for a date that cannot be (for the core's error messages). */
export function dateProblemSentence(date: string, problem: DateProblem): string {
  switch (problem.kind) {
    case 'format':
      return `"${date}" is not a date; write it like 2019-04-20, 2019-04 or 2019 (or 20.04.2019).`
    case 'month':
      return `"${date}" is not a date: there is no month ${problem.month}.`
    case 'day':
      return `"${date}" is not a date: ${MONTH_NAMES_EN[problem.month - 1]} ${problem.year} has ${problem.days} days.`
  }
}

const pad = (n: number) => String(n).padStart(2, '0')

/**
 * A date as someone typed it (`20.04.2019`, `20.4.2019`, `04.2019`, `4/2019`, `April 2019`,
 * `20. April 2019`, `2019-04-20`, `2019-04`, `2019`; years with four digits), in the stored
 * shape, or what is wrong with it.
 */
export function parseTypedDate(text: string): { date: string } | { problem: DateProblem } {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ')
  let y: number | undefined
  let mo: number | undefined
  let d: number | undefined
  let m: RegExpExecArray | null
  if ((m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(t))) {
    y = Number(m[1])
    mo = m[2] === undefined ? undefined : Number(m[2])
    d = m[3] === undefined ? undefined : Number(m[3])
  } else if ((m = /^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})$/.exec(t))) {
    d = Number(m[1])
    mo = Number(m[2])
    y = Number(m[3])
  } else if ((m = /^(\d{1,2})[./](\d{4})$/.exec(t))) {
    mo = Number(m[1])
    y = Number(m[2])
  } else if ((m = /^(?:(\d{1,2})\.?\s)?([a-zä]+)\.?\s(\d{4})$/.exec(t))) {
    const name = m[2]!
    const index = [MONTHS_DE, MONTHS_EN]
      .map((list) => list.findIndex((n) => n === name || (name.length >= 3 && n.startsWith(name))))
      .find((i) => i >= 0)
    if (index === undefined) return { problem: { kind: 'format' } }
    mo = index + 1
    d = m[1] === undefined ? undefined : Number(m[1])
    y = Number(m[3])
  } else return { problem: { kind: 'format' } }
  const date = `${y}${mo === undefined ? '' : `-${pad(mo)}${d === undefined ? '' : `-${pad(d)}`}`}`
  const problem = dateProblem(date)
  return problem ? { problem } : { date }
}
