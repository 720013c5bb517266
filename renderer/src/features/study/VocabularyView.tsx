import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { VocabWord } from '../../../../shared/study'
import { useApi, useApiEvent } from '../../api/ApiContext'
import { AnkiExportDialog } from './AnkiExportDialog'
import { VocabWordItem } from './VocabWordItem'

const FILTERS = ['saved', 'learning', 'known', 'ignored', 'new', 'all'] as const
const SORTS = ['date', 'status', 'article', 'frequency', 'lemma', 'due'] as const
type Filter = (typeof FILTERS)[number]
type Sort = (typeof SORTS)[number]
const PAGE = 100
const VIEW_KEY = 'lesesaal.vocabularyView'

interface View {
  status: Filter
  sort: Sort
  order: 'asc' | 'desc'
}

function loadView(): View {
  try {
    const v = JSON.parse(localStorage.getItem(VIEW_KEY) ?? '') as Partial<View>
    return {
      status: FILTERS.includes(v.status as Filter) ? (v.status as Filter) : 'saved',
      sort: SORTS.includes(v.sort as Sort) ? (v.sort as Sort) : 'date',
      order: v.order === 'asc' ? 'asc' : 'desc',
    }
  } catch {
    return { status: 'saved', sort: 'date', order: 'desc' }
  }
}

/** Saved words: filter by status and text, sort (date, status, article, frequency …), edit, delete, export. */
export function VocabularyView({
  onOpenArticle,
}: {
  onOpenArticle: (id: number, query: string) => void
}) {
  const { t } = useTranslation()
  const api = useApi()
  const [view, setViewState] = useState<View>(loadView)
  const [filter, setFilter] = useState('')
  const [words, setWords] = useState<VocabWord[] | null>(null)
  const [total, setTotal] = useState(0)
  const [error, setError] = useState<string | null>(null)
  const [version, setVersion] = useState(0)
  const [exporting, setExporting] = useState(false)

  const setView = (patch: Partial<View>) =>
    setViewState((v) => {
      const next = { ...v, ...patch }
      localStorage.setItem(VIEW_KEY, JSON.stringify(next))
      return next
    })

  useEffect(() => {
    let live = true
    const timer = setTimeout(
      () =>
        api.call('vocab.list', { ...view, filter, offset: 0, limit: PAGE }).then(
          (r) => {
            if (!live) return
            setWords(r.words)
            setTotal(r.total)
            setError(null)
          },
          (err: Error) => live && setError(err.message),
        ),
      filter ? 150 : 0,
    )
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [api, view, filter, version])

  const refresh = useCallback(() => setVersion((v) => v + 1), [])
  useApiEvent(
    'study.changed',
    useCallback(({ reason }) => reason !== 'difficulty' && refresh(), [refresh]),
  )

  const more = async () => {
    const r = await api.call('vocab.list', {
      ...view,
      filter,
      offset: words?.length ?? 0,
      limit: PAGE,
    })
    setWords((w) => [...(w ?? []), ...r.words])
    setTotal(r.total)
  }

  return (
    <section className="vocabulary" aria-labelledby="vocabulary-heading">
      <div className="view-bar">
        <h1 id="vocabulary-heading">
          {t('study.vocabulary.heading')}{' '}
          <span className="count">{t('study.vocabulary.count', { count: total })}</span>
        </h1>
        <button type="button" className="button" onClick={() => setExporting(true)}>
          {t('study.vocabulary.export')}
        </button>
      </div>
      <div className="vocab-tools">
        <input
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          placeholder={t('study.vocabulary.filterPlaceholder')}
          aria-label={t('study.vocabulary.filter')}
          data-testid="vocab-filter"
        />
        <label className="control">
          <span>{t('study.vocabulary.show')}</span>
          <select
            value={view.status}
            onChange={(e) => setView({ status: e.target.value as Filter })}
            data-testid="vocab-status"
          >
            {FILTERS.map((f) => (
              <option key={f} value={f}>
                {t(`study.vocabulary.statusFilter.${f}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="control">
          <span>{t('study.vocabulary.sortBy')}</span>
          <select
            value={view.sort}
            onChange={(e) => setView({ sort: e.target.value as Sort })}
            data-testid="vocab-sort"
          >
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`study.vocabulary.sort.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="icon-button"
          onClick={() => setView({ order: view.order === 'asc' ? 'desc' : 'asc' })}
          aria-label={
            view.order === 'asc'
              ? t('study.vocabulary.ascending')
              : t('study.vocabulary.descending')
          }
          title={
            view.order === 'asc'
              ? t('study.vocabulary.ascending')
              : t('study.vocabulary.descending')
          }
        >
          {view.order === 'asc' ? '↑' : '↓'}
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {t('errors.generic', { message: error })}
        </p>
      )}
      {words && words.length === 0 && (
        <p className="muted empty-note">
          {view.status === 'saved' && !filter
            ? t('study.vocabulary.empty')
            : t('study.vocabulary.none')}
        </p>
      )}
      {words && words.length > 0 && (
        <ul className="vocab-list">
          {words.map((w) => (
            <VocabWordItem key={w.id} word={w} onChanged={refresh} onOpenArticle={onOpenArticle} />
          ))}
        </ul>
      )}
      {words && words.length < total && (
        <button type="button" className="button" onClick={() => void more()}>
          {t('study.vocabulary.more')}
        </button>
      )}
      {exporting && <AnkiExportDialog onClose={() => setExporting(false)} />}
    </section>
  )
}
