import { useEffect, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { OutletCount } from '../../../../shared/types'
import { useApi } from '../../api/ApiContext'
import { Highlighted } from '../../components/Highlighted'
import { formatPublished } from '../../components/format'
import { DateInput } from './DateInput'
import { InNotes, NoteMatch, NoteFilters } from '../notes/SearchNotes'
import { useSearch } from './SearchContext'
import { useRunningJob } from '../jobs/useRunningJob'

/** Search results as you type: title, outlet, date and the best passage, with filter chips. */
export function SearchView({
  actions,
}: {
  /** More actions for the hits shown, from other rooms (add to story, …). */
  actions?: (articleIds: number[]) => ReactNode
} = {}) {
  const { t, i18n } = useTranslation()
  const { params, results, loading, error, selected, setSelected, open, update, box } = useSearch()
  const lang = i18n.resolvedLanguage ?? 'de'
  const list = useRef<HTMLOListElement>(null)
  // after an update that reads words differently, the index is rebuilt in the background
  const rebuild = useRunningJob('search.reanalyse')

  useEffect(() => {
    list.current?.querySelector(`#search-hit-${selected}`)?.scrollIntoView?.({ block: 'nearest' })
  }, [selected])

  // back from an article (the link that had the focus is gone): the search field takes it,
  // whose ↑ ↓ Enter go on through the results from the one that was opened
  useEffect(() => {
    if (document.activeElement === document.body || document.activeElement === null)
      box.current?.focus({ preventScroll: true })
  }, [box])

  return (
    <section className="search-view" aria-labelledby="search-heading">
      <div className="search-head">
        <h1 id="search-heading">
          {t('search.heading')}
          {results && <span className="count">{t('search.count', { count: results.total })}</span>}
        </h1>
        <Filters />
        {results && results.hits.length > 0 && actions?.(results.hits.map((h) => h.id))}
      </div>
      {!params.query.trim() && <p className="muted">{t('search.hint')}</p>}
      {rebuild && (
        <p className="note" role="status" data-testid="index-rebuild">
          {rebuild.total > 0
            ? t('search.rebuildingCount', {
                done: rebuild.done.toLocaleString(lang),
                total: rebuild.total.toLocaleString(lang),
              })
            : t('search.rebuilding')}
        </p>
      )}
      {results && (results.uncertainDates ?? 0) > 0 && (
        <p className="note uncertain-dates" data-testid="uncertain-dates">
          {t('search.uncertainDates', { count: results.uncertainDates ?? 0 })}{' '}
          <button type="button" className="link-button" onClick={() => update({ uncertain: true })}>
            {t('search.includeUncertain')}
          </button>
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {t('errors.generic', { message: error })}
        </p>
      )}
      {results?.inNotes && <InNotes found={results.inNotes} shown={results.hits} onOpen={open} />}
      {results && results.total === 0 && !loading && !results.inNotes && (
        <p className="muted">{t('search.none', { query: params.query })}</p>
      )}
      {results && results.hits.length > 0 && (
        <ol className="search-results" id="search-results" ref={list} aria-busy={loading}>
          {results.hits.map((hit, i) => (
            <li
              key={hit.id}
              id={`search-hit-${i}`}
              className={i === selected ? 'search-hit selected' : 'search-hit'}
              aria-selected={i === selected}
              onMouseEnter={() => setSelected(i)}
              data-testid="search-hit"
            >
              {hit.kicker && <span className="kicker">{hit.kicker}</span>}
              <a
                href={`#/article/${hit.id}`}
                className="hit-title"
                lang="de"
                onClick={(e) => {
                  e.preventDefault()
                  open(hit.id)
                }}
              >
                {hit.title}
              </a>
              <p className="hit-meta">
                {hit.outlet && <span>{hit.outlet}</span>}
                {hit.published && (
                  <time dateTime={hit.published}>
                    {formatPublished(hit.published, lang, 'long')}
                  </time>
                )}
                {hit.snippetFrom === 'comments' && (
                  <span className="badge comment-badge">{t('search.inComments')}</span>
                )}
                {hit.snippetFrom === 'title' && (
                  <span className="badge">{t('search.inTitle')}</span>
                )}
              </p>
              <p className="hit-snippet" lang="de">
                <Highlighted text={hit.snippet} ranges={hit.highlights} />
              </p>
              <NoteMatch hit={hit} />
            </li>
          ))}
        </ol>
      )}
      {results && results.total > results.hits.length && (
        <p className="muted more">
          {t('search.more', { shown: results.hits.length, total: results.total })}
        </p>
      )}
    </section>
  )
}

/** Filters as chips: outlet and date range; each chip removes its filter. */
function Filters() {
  const { t, i18n } = useTranslation()
  const { params, update } = useSearch()
  const lang = i18n.resolvedLanguage ?? 'de'
  const api = useApi()
  const [outlets, setOutlets] = useState<OutletCount[]>([])
  const [adding, setAdding] = useState<null | 'outlet' | 'from' | 'to'>(null)
  useEffect(() => {
    api.call('library.outlets', {}).then(setOutlets, () => {})
  }, [api])
  const chip = (label: string, clear: () => void) => (
    <span className="chip">
      {label}
      <button
        type="button"
        onClick={clear}
        aria-label={t('search.removeFilter', { filter: label })}
        title={t('search.removeFilter', { filter: label })}
      >
        ×
      </button>
    </span>
  )
  return (
    <div className="filters" aria-label={t('search.filters')}>
      {params.outlet &&
        chip(`${t('library.outlet')}: ${params.outlet}`, () => update({ outlet: null }))}
      {params.from &&
        chip(`${t('search.from')}: ${formatPublished(params.from, lang, 'short')}`, () =>
          update({ from: null }),
        )}
      {params.to &&
        chip(`${t('search.to')}: ${formatPublished(params.to, lang, 'short')}`, () =>
          update({ to: null }),
        )}
      {params.uncertain &&
        (params.from || params.to) &&
        chip(t('search.uncertainIncluded'), () => update({ uncertain: false }))}
      <NoteFilters params={params} update={update} chip={chip} />
      {adding === 'outlet' ? (
        <select
          autoFocus
          className="chip-input"
          aria-label={t('library.outlet')}
          defaultValue=""
          onChange={(e) => {
            setAdding(null)
            if (e.target.value) update({ outlet: e.target.value })
          }}
          onBlur={() => setAdding(null)}
        >
          <option value="">{t('library.allOutlets')}</option>
          {outlets.map((o) => (
            <option key={o.name} value={o.name}>
              {o.name}
            </option>
          ))}
        </select>
      ) : adding ? (
        <DateInput
          label={adding === 'from' ? t('search.from') : t('search.to')}
          onDate={(date) => {
            setAdding(null)
            update(adding === 'from' ? { from: date } : { to: date })
          }}
          onCancel={() => setAdding(null)}
        />
      ) : (
        <>
          {!params.outlet && (
            <button type="button" className="chip add" onClick={() => setAdding('outlet')}>
              + {t('library.outlet')}
            </button>
          )}
          {!params.from && (
            <button type="button" className="chip add" onClick={() => setAdding('from')}>
              + {t('search.from')}
            </button>
          )}
          {!params.to && (
            <button type="button" className="chip add" onClick={() => setAdding('to')}>
              + {t('search.to')}
            </button>
          )}
        </>
      )}
    </div>
  )
}
