import { useEffect, useMemo, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { librarySorts, type LibrarySort } from '../../../../shared/types'
import { useImport } from '../import/ImportContext'
import { useDifficulty } from '../study/useDifficulty'
import { TagFilter } from '../notes/TagFilter'
import { StoryFilter } from '../stories/StoryFilter'
import { ArticleTable } from './ArticleTable'
import { OutdatedNotice } from '../furniture/OutdatedNotice'
import { SampleNotice } from './SampleNotice'
import { SelectionBar } from './SelectionBar'
import { selectionActions as defaultActions, type SelectionAction } from './selectionActions'
import { useLibrary } from './useLibrary'
import { useSelection } from './useSelection'

/**
 * The library: every article with outlet, date and length; sorting, outlet filter, empty
 * state; a virtual list that stays fast at 100,000 articles, with multi-select and a bar of
 * actions for the selection (`selectionActions.ts` is where features add theirs).
 */
export function LibraryView({
  onOpen,
  actions = defaultActions,
  selectionTools,
}: {
  onOpen: (id: number) => void
  /** The selection bar's actions (tests pass their own). */
  actions?: readonly SelectionAction[]
  /** Controls of other rooms for the selected ids (a menu, not one button: add to story). */
  selectionTools?: (ids: number[]) => ReactNode
}) {
  const { t } = useTranslation()
  const { query, setQuery, ids: listed, rows, need, outlets, total, samples, error } = useLibrary()
  const difficulty = useDifficulty()
  const { applyIds } = difficulty
  // the learner's view: only what fits the level, or sorted by difficulty (study room)
  const ids = useMemo(
    () => (listed ? applyIds(listed, query.order) : null),
    [listed, applyIds, query.order],
  )
  const selection = useSelection(ids)
  const { selectAll, clear } = selection

  // Ctrl/Cmd+A selects every article of the list (text fields keep their own Ctrl+A)
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 'a' || e.altKey) return
      const el = e.target as HTMLElement | null
      if (
        el &&
        (el.closest('input, textarea, select, [contenteditable="true"]') ||
          el.closest('[role="dialog"]'))
      )
        return
      e.preventDefault()
      selectAll()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [selectAll])

  if (error)
    return (
      <p className="error" role="alert">
        {t('errors.generic', { message: error })}
      </p>
    )
  if (!ids) return <p className="muted loading">{t('library.loading')}</p>
  if (total === 0) return <EmptyLibrary />

  return (
    <section className="library" aria-labelledby="library-heading">
      <div className="library-bar">
        <h1 id="library-heading">
          {t('library.heading')}{' '}
          <span className="count">{t('library.count', { count: total })}</span>
        </h1>
        <div className="library-controls">
          <label className="control">
            <span>{t('library.outlet')}</span>
            <select
              value={query.outlet ?? ''}
              onChange={(e) => setQuery({ outlet: e.target.value || null })}
              data-testid="outlet-filter"
            >
              <option value="">{t('library.allOutlets')}</option>
              {outlets.map((o) => (
                <option key={o.name} value={o.name}>
                  {o.name} ({o.count})
                </option>
              ))}
            </select>
          </label>
          <TagFilter value={query.tag} onChange={(tag) => setQuery({ tag })} />
          <StoryFilter value={query.story} onChange={(story) => setQuery({ story })} />
          <label className="control">
            <span>{t('library.sortBy')}</span>
            <select
              value={difficulty.sorting ? 'difficulty' : query.sort}
              onChange={(e) => {
                difficulty.setSorting(e.target.value === 'difficulty')
                if (e.target.value !== 'difficulty')
                  setQuery({ sort: e.target.value as LibrarySort })
              }}
              data-testid="sort"
            >
              {librarySorts.map((s) => (
                <option key={s} value={s}>
                  {t(`library.sort.${s}`)}
                </option>
              ))}
              {difficulty.active && <option value="difficulty">{t('study.library.sort')}</option>}
            </select>
          </label>
          {difficulty.active && (
            <label className="control level-filter" title={difficulty.levelLabel}>
              <input
                type="checkbox"
                checked={difficulty.level}
                onChange={(e) => difficulty.setLevel(e.target.checked)}
                data-testid="level-filter"
              />
              <span>{t('study.library.level')}</span>
            </label>
          )}
          <button
            type="button"
            className="icon-button"
            onClick={() => setQuery({ order: query.order === 'asc' ? 'desc' : 'asc' })}
            aria-label={query.order === 'asc' ? t('library.ascending') : t('library.descending')}
            title={query.order === 'asc' ? t('library.ascending') : t('library.descending')}
            data-testid="order"
          >
            {query.order === 'asc' ? '↑' : '↓'}
          </button>
        </div>
      </div>
      {difficulty.computing && (
        <p className="muted study-computing">
          {t('study.library.computing')}
          {difficulty.progress}
        </p>
      )}
      <SampleNotice count={samples} />
      <OutdatedNotice />
      <SelectionBar
        selection={selection}
        actions={actions}
        tools={selectionTools}
        onOpen={onOpen}
      />
      {ids.length === 0 ? (
        <p className="muted">{t('library.noneForOutlet')}</p>
      ) : (
        <ArticleTable
          ids={ids}
          rows={rows}
          need={need}
          selection={selection}
          extra={
            difficulty.active
              ? {
                  header: t('study.library.column'),
                  cell: (id) => difficulty.cell(id),
                  testId: 'unknown-share',
                }
              : undefined
          }
          onOpen={(id) => {
            clear()
            onOpen(id)
          }}
        />
      )}
    </section>
  )
}

function EmptyLibrary() {
  const { t } = useTranslation()
  const { openFilePicker, openFolderPicker, setPasteOpen } = useImport()
  return (
    <section className="empty-state" aria-labelledby="empty-heading">
      <div className="empty-card">
        <div className="empty-icon" aria-hidden="true">
          ❦
        </div>
        <h1 id="empty-heading">{t('library.emptyTitle')}</h1>
        <p>{t('library.emptyText')}</p>
        <div className="empty-actions">
          <button type="button" className="button primary" onClick={openFilePicker}>
            {t('actions.importFiles')}
          </button>
          <button type="button" className="button" onClick={openFolderPicker}>
            {t('actions.importFolder')}
          </button>
          <button type="button" className="button" onClick={() => setPasteOpen(true)}>
            {t('actions.paste')}
          </button>
        </div>
      </div>
    </section>
  )
}
