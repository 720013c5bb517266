import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { StoryDetail } from '../../../../shared/contract/stories'
import { useApi, useApiEvent } from '../../api/ApiContext'
import { formatPublished } from '../../components/format'
import { describeError } from './describeError'

/** Most columns the parallel view opens with. */
const OPEN_COLUMNS = 3

/**
 * One story: its articles on a timeline (date, outlet, length), wire copies among them, and
 * the way into the parallel view with the articles the user picks.
 */
export function StoryView({
  id,
  onBack,
  onOpenArticle,
  onReadParallel,
}: {
  id: number
  onBack: () => void
  onOpenArticle: (id: number) => void
  onReadParallel: (story: number, columns: number[]) => void
}) {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const lang = i18n.resolvedLanguage ?? 'de'
  const [story, setStory] = useState<StoryDetail | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [picked, setPicked] = useState<number[] | null>(null)
  const [version, setVersion] = useState(0)
  useApiEvent(
    'story.changed',
    useCallback(
      (e: { id: number | null }) => (e.id === null || e.id === id) && setVersion((v) => v + 1),
      [id],
    ),
  )

  useEffect(() => {
    let live = true
    api.call('story.get', { id }).then(
      (s) => {
        if (!live) return
        setStory(s)
        setPicked(
          (p) =>
            p?.filter((a) => s.articles.some((x) => x.id === a)) ??
            s.articles.slice(0, OPEN_COLUMNS).map((a) => a.id),
        )
      },
      (err: unknown) => live && setError(describeError(t, err)),
    )
    return () => {
      live = false
    }
  }, [api, id, t, version])

  if (error)
    return (
      <div className="story-view">
        <button type="button" className="button ghost" onClick={onBack}>
          {t('stories.back')}
        </button>
        <p className="error" role="alert">
          {error}
        </p>
      </div>
    )
  if (!story || !picked) return <p className="muted loading">{t('stories.loading')}</p>

  const rename = async () => {
    const title = window.prompt(t('stories.renamePrompt'), story.title)
    if (!title?.trim()) return
    try {
      setStory(await api.call('story.rename', { id, title: title.trim() }))
    } catch (err) {
      setError(describeError(t, err))
    }
  }
  const remove = async () => {
    if (!window.confirm(t('stories.confirmDelete', { title: story.title }))) return
    await api.call('story.delete', { id })
    onBack()
  }
  const removeArticle = async (article: number) => {
    setStory(await api.call('story.removeArticles', { id, articles: [article] }))
  }
  const longest = Math.max(1, ...story.articles.map((a) => a.words))
  const titleOf = (a: number) => story.articles.find((x) => x.id === a)?.title ?? String(a)
  const toggle = (a: number) =>
    setPicked((p) => (p!.includes(a) ? p!.filter((x) => x !== a) : [...p!, a]))
  return (
    <section className="story-view" aria-labelledby="story-heading">
      <div className="story-bar">
        <button type="button" className="button ghost" onClick={onBack}>
          {t('stories.back')}
        </button>
        <div className="spacer" />
        <button type="button" className="button ghost" onClick={() => void rename()}>
          {t('stories.rename')}
        </button>
        <button type="button" className="button ghost danger" onClick={() => void remove()}>
          {t('stories.delete')}
        </button>
      </div>
      <h1 id="story-heading" lang="de">
        {story.title}
      </h1>
      <p className="muted">
        {t('stories.articles', { count: story.articleCount })}
        {story.outlets.length > 0 && <> · {story.outlets.join(', ')}</>}
      </p>
      <h2 className="timeline-heading">{t('stories.timeline')}</h2>
      <ol className="timeline" data-testid="timeline">
        {story.articles.map((a) => {
          const copies = story.relations.filter((r) => r.b === a.id)
          return (
            <li key={a.id} className="timeline-item">
              <label className="pick" title={t('stories.readParallel')}>
                <input
                  type="checkbox"
                  checked={picked.includes(a.id)}
                  onChange={() => toggle(a.id)}
                  aria-label={`${t('stories.readParallel')}: ${a.title}`}
                />
              </label>
              <time className="timeline-date" dateTime={a.published ?? undefined}>
                {formatPublished(a.published, lang, 'short') ?? t('stories.noDate')}
              </time>
              <span className="timeline-dot" aria-hidden="true" />
              <div className="timeline-body">
                <span className="timeline-outlet">{a.outlet ?? t('stories.noOutlet')}</span>
                <a
                  href={`#/article/${a.id}`}
                  lang="de"
                  onClick={(e) => {
                    e.preventDefault()
                    onOpenArticle(a.id)
                  }}
                >
                  {a.title}
                </a>
                <span className="length" title={t('stories.words', { count: a.words })}>
                  <span className="length-track">
                    <span
                      className="length-bar"
                      style={{ width: `${(100 * a.words) / longest}%` }}
                    />
                  </span>
                  <span className="muted">{t('stories.words', { count: a.words })}</span>
                </span>
                {copies.map((r) => (
                  <span key={r.a} className={`badge relation ${r.kind.replace(' ', '-')}`}>
                    {t(`stories.kind.${r.kind}`)}:{' '}
                    {t('stories.sameText', {
                      percent: Math.round(r.similarity * 100),
                      other: titleOf(r.a),
                    })}
                  </span>
                ))}
              </div>
              <button
                type="button"
                className="icon-button"
                onClick={() => void removeArticle(a.id)}
                aria-label={`${t('stories.remove')}: ${a.title}`}
                title={t('stories.remove')}
              >
                ×
              </button>
            </li>
          )
        })}
      </ol>
      {story.articles.length < 2 ? (
        <p className="muted">{t('stories.needTwo')}</p>
      ) : (
        <button
          type="button"
          className="button primary"
          disabled={picked.length < 2}
          onClick={() =>
            onReadParallel(
              id,
              story.articles.map((a) => a.id).filter((a) => picked.includes(a)),
            )
          }
        >
          {t('stories.readParallel')}
        </button>
      )}
    </section>
  )
}
