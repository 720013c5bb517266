import { useTranslation } from 'react-i18next'
import { librarySorts, type LibrarySort } from '../../../../shared/types'
import { formatNumber, formatPublished } from '../../components/format'
import { useImport } from '../import/ImportContext'
import { useDifficulty } from '../study/useDifficulty'
import { TagFilter } from '../notes/TagFilter'
import { useLibrary } from './useLibrary'

/** The library: every article with outlet, date and length; sorting, outlet filter, empty state. */
export function LibraryView({ onOpen }: { onOpen: (id: number) => void }) {
  const { t, i18n } = useTranslation()
  const { query, setQuery, articles, outlets, total, error } = useLibrary()
  const lang = i18n.resolvedLanguage ?? 'de'
  const difficulty = useDifficulty()

  if (error)
    return (
      <p className="error" role="alert">
        {t('errors.generic', { message: error })}
      </p>
    )
  if (!articles) return <p className="muted loading">{t('library.loading')}</p>
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
      {articles.length === 0 ? (
        <p className="muted">{t('library.noneForOutlet')}</p>
      ) : (
        <table className="article-table">
          <thead>
            <tr>
              <th scope="col">{t('library.columns.title')}</th>
              <th scope="col">{t('library.columns.outlet')}</th>
              <th scope="col">{t('library.columns.date')}</th>
              <th scope="col" className="num">
                {t('library.columns.words')}
              </th>
              {difficulty.active && (
                <th scope="col" className="num">
                  {t('study.library.column')}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {difficulty.apply(articles, query.order).map((a) => (
              <tr key={a.id} data-testid="article-row">
                <td className="title-cell">
                  {a.kicker && <span className="kicker">{a.kicker}</span>}
                  <a
                    href={`#/article/${a.id}`}
                    lang="de"
                    onClick={(e) => {
                      e.preventDefault()
                      onOpen(a.id)
                    }}
                  >
                    {a.title}
                  </a>
                  {a.commentCount > 0 && (
                    <span className="badge">
                      {t('library.comments', { count: a.commentCount })}
                    </span>
                  )}
                </td>
                <td className={a.outlet ? '' : 'muted'}>{a.outlet ?? t('library.noOutlet')}</td>
                <td className={a.published ? 'date' : 'date muted'}>
                  {formatPublished(a.published, lang, 'short') ?? t('library.noDate')}
                </td>
                <td className="num">{formatNumber(a.words, lang)}</td>
                {difficulty.active && (
                  <td className="num unknown" data-testid="unknown-share">
                    {difficulty.cell(a.id)}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
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
