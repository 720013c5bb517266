import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ReviewCounts } from '../../../../shared/study'
import { useApi, useApiEvent } from '../../api/ApiContext'

export type StudyPage = 'vocabulary' | 'review' | 'study'

/** How many cards are due now (refreshed on every study change and once a minute). */
export function useDueCounts(): ReviewCounts | null {
  const api = useApi()
  const [counts, setCounts] = useState<ReviewCounts | null>(null)
  const [version, setVersion] = useState(0)
  useEffect(() => {
    let live = true
    api.call('review.counts', {}).then(
      (c) => live && setCounts(c),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [api, version])
  useEffect(() => {
    const timer = window.setInterval(() => setVersion((v) => v + 1), 60_000)
    return () => window.clearInterval(timer)
  }, [])
  useApiEvent(
    'study.changed',
    useCallback(({ reason }) => reason !== 'difficulty' && setVersion((v) => v + 1), []),
  )
  return counts
}

/** The study pages in the top navigation; "Review" carries the number of cards due now. */
export function StudyNav({
  current,
  onNavigate,
}: {
  current: string
  onNavigate: (page: StudyPage) => void
}) {
  const { t } = useTranslation()
  const counts = useDueCounts()
  const due = counts ? counts.due + counts.fresh : 0
  const link = (page: StudyPage, label: string, badge?: number) => (
    <button
      type="button"
      className={current === page ? 'navlink active' : 'navlink'}
      onClick={() => onNavigate(page)}
      aria-current={current === page ? 'page' : undefined}
      data-testid={`nav-${page}`}
    >
      {label}
      {badge ? (
        <span className="due-badge" title={t('study.nav.due', { count: badge })}>
          {badge}
        </span>
      ) : null}
    </button>
  )
  return (
    <>
      {link('vocabulary', t('study.nav.vocabulary'))}
      {link('review', t('study.nav.review'), due)}
      {link('study', t('study.nav.progress'))}
    </>
  )
}
