import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { StorySuggestion, StorySummary } from '../../../../shared/contract/stories'
import { useApi, useApiEvent } from '../../api/ApiContext'
import { formatPublished } from '../../components/format'
import { describeError } from './describeError'

/** The stories, newest first, and the suggested ones (nothing is created without a click). */
export function StoriesView({ onOpen }: { onOpen: (id: number) => void }) {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const lang = i18n.resolvedLanguage ?? 'de'
  const [stories, setStories] = useState<StorySummary[] | null>(null)
  // null while the first suggestions are being looked for (seconds in a big library)
  const [suggestions, setSuggestions] = useState<StorySuggestion[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [version, setVersion] = useState(0)
  const refresh = useCallback(() => setVersion((v) => v + 1), [])
  useApiEvent('story.changed', refresh)
  useApiEvent('library.changed', refresh)

  useEffect(() => {
    let live = true
    api.call('story.list', {}).then(
      (s) => live && setStories(s),
      (err: unknown) => live && setError(describeError(t, err)),
    )
    api.call('story.suggest', { limit: 20 }).then(
      (s) => live && setSuggestions(s),
      () => live && setSuggestions([]),
    )
    return () => {
      live = false
    }
  }, [api, t, version])

  const accept = async (s: StorySuggestion) => {
    try {
      const created = await api.call('story.create', { title: s.title, articles: s.articles })
      onOpen(created.id)
    } catch (err) {
      setError(describeError(t, err))
    }
  }
  const dismiss = async (s: StorySuggestion) => {
    await api.call('story.dismiss', { articles: s.articles }).catch(() => {})
    refresh()
  }

  if (error)
    return (
      <p className="error" role="alert">
        {error}
      </p>
    )
  if (!stories) return <p className="muted loading">{t('stories.loading')}</p>
  const range = (s: StorySummary) =>
    [formatPublished(s.first, lang, 'short'), formatPublished(s.last, lang, 'short')]
      .filter((x, i, all) => x && all.indexOf(x) === i)
      .join(' – ')
  return (
    <section className="stories" aria-labelledby="stories-heading">
      <h1 id="stories-heading">
        {t('stories.heading')}{' '}
        <span className="count">{t('stories.count', { count: stories.length })}</span>
      </h1>
      {suggestions === null && (
        <p className="muted" role="status" data-testid="suggestions-pending">
          {t('stories.suggesting')}
        </p>
      )}
      {suggestions && suggestions.length > 0 && (
        <section className="suggestions" aria-labelledby="suggestions-heading">
          <h2 id="suggestions-heading">{t('stories.suggestions')}</h2>
          <p className="muted">{t('stories.suggestionsHint')}</p>
          <ul className="story-cards">
            {suggestions.map((s) => (
              <li
                key={s.articles.join(',')}
                className="story-card suggestion"
                data-testid="suggestion"
              >
                <span className="story-title" lang="de">
                  {s.title}
                </span>
                <span className="muted">{t('stories.articles', { count: s.articles.length })}</span>
                <span className="card-actions">
                  <button type="button" className="button primary" onClick={() => void accept(s)}>
                    {t('stories.accept')}
                  </button>
                  <button type="button" className="button ghost" onClick={() => void dismiss(s)}>
                    {t('stories.dismiss')}
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {stories.length === 0 ? (
        <p className="muted">{t('stories.empty')}</p>
      ) : (
        <ul className="story-cards">
          {stories.map((s) => (
            <li key={s.id} className="story-card" data-testid="story-row">
              <a
                href={`#/story/${s.id}`}
                className="story-title"
                lang="de"
                onClick={(e) => {
                  e.preventDefault()
                  onOpen(s.id)
                }}
              >
                {s.title}
              </a>
              <span className="muted">
                {t('stories.articles', { count: s.articleCount })}
                {s.outlets.length > 0 && <> · {s.outlets.join(', ')}</>}
                {range(s) && <> · {range(s)}</>}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
