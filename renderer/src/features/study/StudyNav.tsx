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

const STUDY_PAGES: readonly StudyPage[] = ['vocabulary', 'review', 'study']

/** Whether a view is one of the study pages. */
export function isStudyPage(view: string): view is StudyPage {
  return (STUDY_PAGES as readonly string[]).includes(view)
}

function DueBadge({ count }: { count: number }) {
  const { t } = useTranslation()
  return count ? (
    <span className="due-badge" title={t('study.nav.due', { count })}>
      {count}
    </span>
  ) : null
}

/**
 * "Lernen" in the top navigation, with the number of cards due now: it leads to the review
 * when cards are due, else to the vocabulary (the study pages have tabs of their own).
 */
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
  const here = isStudyPage(current)
  return (
    <button
      type="button"
      className={here ? 'navlink active' : 'navlink'}
      onClick={() => onNavigate(due ? 'review' : 'vocabulary')}
      aria-current={here ? 'page' : undefined}
      data-testid="nav-study"
    >
      {t('study.nav.learn')}
      <DueBadge count={due} />
    </button>
  )
}

/** The study pages' tabs: vocabulary, review (with the cards due), progress. */
export function StudyTabs({
  current,
  onNavigate,
}: {
  current: StudyPage
  onNavigate: (page: StudyPage) => void
}) {
  const { t } = useTranslation()
  const counts = useDueCounts()
  const due = counts ? counts.due + counts.fresh : 0
  const labels: Record<StudyPage, string> = {
    vocabulary: t('study.nav.vocabulary'),
    review: t('study.nav.review'),
    study: t('study.nav.progress'),
  }
  return (
    <nav className="study-tabs" aria-label={t('study.nav.pages')}>
      {STUDY_PAGES.map((page) => (
        <button
          key={page}
          type="button"
          className={current === page ? 'tab active' : 'tab'}
          onClick={() => onNavigate(page)}
          aria-current={current === page ? 'page' : undefined}
          data-testid={`study-tab-${page}`}
        >
          {labels[page]}
          {page === 'review' && <DueBadge count={due} />}
        </button>
      ))}
    </nav>
  )
}
