/**
 * The study page's figures: reviews per day, words known and learning over time, retention per
 * week, reading time per week, and the due forecast. Days are the computer's local days.
 */
import type { StudyStats } from '../../../shared/study'
import type { Db } from '../db/open'
import { stmt } from '../db/statements'
import { dayStart } from './cards'

const DAY = 86_400_000
const FORECAST_DAYS = 30

/** Local `YYYY-MM-DD` of a time. */
export function localDay(ms: number): string {
  const d = new Date(ms)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** The Monday (local) of the week of a time, as `YYYY-MM-DD`. */
export function weekOf(ms: number): string {
  const d = new Date(dayStart(new Date(ms)))
  d.setDate(d.getDate() - ((d.getDay() + 6) % 7))
  return localDay(d.getTime())
}

/** The local days from `from` to `to` (inclusive), as `YYYY-MM-DD`. */
function days(from: number, to: number): string[] {
  const out: string[] = []
  const d = new Date(dayStart(new Date(from)))
  while (d.getTime() <= to) {
    out.push(localDay(d.getTime()))
    d.setDate(d.getDate() + 1)
  }
  return out
}

export function studyStats(db: Db, now: Date, span: number): StudyStats {
  const today = dayStart(now)
  const first = new Date(today)
  first.setDate(first.getDate() - (span - 1))
  const from = first.getTime()
  const range = days(from, today)

  // reviews per day, by answer
  const perDay = new Map(range.map((d) => [d, { day: d, again: 0, hard: 0, good: 0, easy: 0 }]))
  const keys = ['again', 'again', 'hard', 'good', 'easy'] as const
  const retention = new Map<string, { reviews: number; passed: number }>()
  for (const [at, rating, state] of stmt(
    db,
    'SELECT reviewed_at, rating, state FROM study_reviews WHERE reviewed_at >= ? ORDER BY reviewed_at',
  )
    .raw()
    .iterate(from) as IterableIterator<[number, number, number]>) {
    const row = perDay.get(localDay(at))
    if (row) row[keys[rating]!]++
    // retention: answers to cards that were in review (not new, not still learning)
    if (state === 2) {
      const w = weekOf(at)
      const r = retention.get(w) ?? { reviews: 0, passed: 0 }
      r.reviews++
      if (rating > 1) r.passed++
      retention.set(w, r)
    }
  }

  // words known and learning at the end of each day, from the status log
  const level = (s: number) => (s === 5 ? 'known' : s >= 1 && s <= 4 ? 'learning' : null)
  let known = 0
  let learning = 0
  const apply = (old: number, next: number) => {
    const a = level(old)
    const b = level(next)
    if (a === 'known') known--
    if (a === 'learning') learning--
    if (b === 'known') known++
    if (b === 'learning') learning++
  }
  const log = stmt(db, 'SELECT old, new, at FROM study_status_log ORDER BY id').raw().all() as [
    number,
    number,
    number,
  ][]
  let i = 0
  for (; i < log.length && log[i]![2] < from; i++) apply(log[i]![0], log[i]![1])
  const wordsOverTime = range.map((day) => {
    const end = new Date(`${day}T00:00:00`).getTime() + DAY
    for (; i < log.length && log[i]![2] < end; i++) apply(log[i]![0], log[i]![1])
    return { day, known: Math.max(0, known), learning: Math.max(0, learning) }
  })

  const weeks = [...new Set(range.map((d) => weekOf(new Date(`${d}T12:00:00`).getTime())))]
  const reading = new Map<string, number>()
  for (const [day, seconds] of stmt(
    db,
    'SELECT day, sum(seconds) FROM study_reading WHERE day >= ? GROUP BY day',
  )
    .raw()
    .iterate(localDay(from)) as IterableIterator<[string, number]>) {
    const w = weekOf(new Date(`${day}T12:00:00`).getTime())
    reading.set(w, (reading.get(w) ?? 0) + seconds)
  }

  // due forecast: overdue cards count for today
  const horizon = new Date(today)
  horizon.setDate(horizon.getDate() + FORECAST_DAYS)
  const forecastDays = days(today, horizon.getTime() - 1)
  const forecast = new Map(forecastDays.map((d) => [d, 0]))
  for (const due of stmt(
    db,
    `SELECT c.due FROM study_cards c JOIN study_words w ON w.id = c.word_id
     WHERE c.state > 0 AND w.status <= 4 AND c.due < ?`,
  )
    .pluck()
    .iterate(horizon.getTime()) as IterableIterator<number>) {
    const d = localDay(Math.max(due, today))
    forecast.set(d, (forecast.get(d) ?? 0) + 1)
  }

  const count = (sql: string) => stmt(db, sql).pluck().get() as number
  return {
    reviewsPerDay: [...perDay.values()],
    wordsOverTime,
    retention: weeks.map((week) => {
      const r = retention.get(week)
      return { week, reviews: r?.reviews ?? 0, retention: r ? r.passed / r.reviews : null }
    }),
    readingPerWeek: weeks.map((week) => ({ week, seconds: reading.get(week) ?? 0 })),
    forecast: [...forecast].map(([day, due]) => ({ day, due })),
    totals: {
      saved: count('SELECT count(*) FROM study_words WHERE saved_at IS NOT NULL'),
      known: count('SELECT count(DISTINCT key) FROM study_words WHERE status = 5'),
      learning: count('SELECT count(DISTINCT key) FROM study_words WHERE status BETWEEN 1 AND 4'),
      reviews: count('SELECT count(*) FROM study_reviews'),
      readingSeconds: count('SELECT coalesce(sum(seconds), 0) FROM study_reading'),
    },
  }
}
