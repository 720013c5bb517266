import { useCallback, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { StudyStats } from '../../../../shared/study'
import { useApi, useApiEvent } from '../../api/ApiContext'
import { Chart } from './Chart'

const SPANS = [30, 90, 365] as const

/** The study page: reviews per day, words known over time, retention, reading time, forecast. */
export function StudyView() {
  const { t, i18n } = useTranslation()
  const lang = i18n.resolvedLanguage ?? 'de'
  const api = useApi()
  const [days, setDays] = useState<number>(30)
  const [stats, setStats] = useState<StudyStats | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [version, setVersion] = useState(0)

  useEffect(() => {
    let live = true
    api.call('study.stats', { days }).then(
      (s) => live && setStats(s),
      (err: Error) => live && setError(err.message),
    )
    return () => {
      live = false
    }
  }, [api, days, version])
  useApiEvent(
    'study.changed',
    useCallback(({ reason }) => reason !== 'difficulty' && setVersion((v) => v + 1), []),
  )

  const number = useMemo(() => new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }), [lang])
  const percent = useMemo(
    () => new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }),
    [lang],
  )
  const formats = useMemo(
    () => ({ count: (n: number) => number.format(n), share: (n: number) => percent.format(n) }),
    [number, percent],
  )

  const charts = useMemo(() => {
    if (!stats) return null
    const r = stats.reviewsPerDay
    return {
      reviews: {
        days: r.map((d) => d.day),
        series: [
          { label: t('study.review.again'), color: '--danger', values: r.map((d) => d.again) },
          { label: t('study.review.hard'), color: '--warn', values: r.map((d) => d.hard) },
          { label: t('study.review.good'), color: '--ok', values: r.map((d) => d.good) },
          { label: t('study.review.easy'), color: '--accent', values: r.map((d) => d.easy) },
        ],
      },
      words: {
        days: stats.wordsOverTime.map((d) => d.day),
        series: [
          {
            label: t('study.progress.known'),
            color: '--ok',
            values: stats.wordsOverTime.map((d) => d.known),
          },
          {
            label: t('study.progress.learning'),
            color: '--accent',
            values: stats.wordsOverTime.map((d) => d.learning),
          },
        ],
      },
      retention: {
        days: stats.retention.map((w) => w.week),
        series: [
          {
            label: t('study.progress.share'),
            color: '--ok',
            values: stats.retention.map((w) => w.retention),
          },
        ],
      },
      reading: {
        days: stats.readingPerWeek.map((w) => w.week),
        series: [
          {
            label: t('study.progress.minutes'),
            color: '--accent',
            values: stats.readingPerWeek.map((w) => Math.round(w.seconds / 60)),
          },
        ],
      },
      forecast: {
        days: stats.forecast.map((d) => d.day),
        series: [
          {
            label: t('study.progress.cards'),
            color: '--accent',
            values: stats.forecast.map((d) => d.due),
          },
        ],
      },
    }
  }, [stats, t])

  if (error)
    return (
      <p className="error" role="alert">
        {t('errors.generic', { message: error })}
      </p>
    )
  if (!stats || !charts) return <p className="muted loading">…</p>
  const hours = stats.totals.readingSeconds / 3600
  const reading =
    hours >= 1
      ? `${new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(hours)} h`
      : `${Math.round(stats.totals.readingSeconds / 60)} min`
  return (
    <section className="study-page" aria-labelledby="study-heading" data-testid="study-page">
      <div className="view-bar">
        <h1 id="study-heading">{t('study.progress.heading')}</h1>
        <label className="control">
          <span>{t('study.progress.span')}</span>
          <select value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {SPANS.map((d) => (
              <option key={d} value={d}>
                {t('study.progress.days', { count: d })}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted study-totals" data-testid="study-totals">
        {t('study.progress.totals', { ...stats.totals, reading })}
      </p>
      <div className="charts">
        <Chart
          title={t('study.progress.reviewsPerDay')}
          kind="bars"
          stack
          lang={lang}
          empty={t('study.progress.empty')}
          format={formats.count}
          whole
          testId="chart-reviews"
          {...charts.reviews}
        />
        <Chart
          title={t('study.progress.wordsOverTime')}
          kind="lines"
          lang={lang}
          empty={t('study.progress.empty')}
          format={formats.count}
          whole
          testId="chart-words"
          {...charts.words}
        />
        <Chart
          title={t('study.progress.retention')}
          kind="lines"
          lang={lang}
          empty={t('study.progress.empty')}
          format={formats.share}
          testId="chart-retention"
          {...charts.retention}
        />
        <Chart
          title={t('study.progress.readingPerWeek')}
          kind="bars"
          lang={lang}
          empty={t('study.progress.empty')}
          format={formats.count}
          whole
          testId="chart-reading"
          {...charts.reading}
        />
        <Chart
          title={t('study.progress.forecast')}
          kind="bars"
          lang={lang}
          empty={t('study.progress.empty')}
          format={formats.count}
          whole
          testId="chart-forecast"
          {...charts.forecast}
        />
      </div>
    </section>
  )
}
