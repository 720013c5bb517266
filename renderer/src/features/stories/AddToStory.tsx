import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { StorySummary } from '../../../../shared/contract/stories'
import { useApi } from '../../api/ApiContext'
import { describeError } from './describeError'

/**
 * "Add to story": a button with a menu of the stories and "new story …". Self-contained, for
 * any place that has articles to add (the reader, search results, the library's selection).
 */
export function AddToStory({
  articleIds,
  onAdded,
}: {
  articleIds: number[]
  /** After the articles were added (with the story's id). */
  onAdded?: (storyId: number) => void
}) {
  const { t } = useTranslation()
  const api = useApi()
  const [open, setOpen] = useState(false)
  const [stories, setStories] = useState<StorySummary[] | null>(null)
  const [naming, setNaming] = useState(false)
  const [title, setTitle] = useState('')
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null)
  const box = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (!open) return
    let live = true
    api.call('story.list', {}).then(
      (s) => live && setStories(s),
      () => live && setStories([]),
    )
    const onDown = (e: MouseEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) setOpen(false)
    }
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false)
    }
    window.addEventListener('mousedown', onDown)
    window.addEventListener('keydown', onKey)
    return () => {
      live = false
      window.removeEventListener('mousedown', onDown)
      window.removeEventListener('keydown', onKey)
    }
  }, [api, open])

  const done = (id: number, storyTitle: string) => {
    setOpen(false)
    setNaming(false)
    setTitle('')
    setStatus({ ok: true, text: t('stories.added', { title: storyTitle }) })
    onAdded?.(id)
  }
  const fail = (err: unknown) => setStatus({ ok: false, text: describeError(t, err) })

  const addTo = async (story: StorySummary) => {
    try {
      await api.call('story.addArticles', { id: story.id, articles: articleIds })
      done(story.id, story.title)
    } catch (err) {
      fail(err)
    }
  }
  const create = async () => {
    if (!title.trim()) return
    try {
      const s = await api.call('story.create', { title: title.trim(), articles: articleIds })
      done(s.id, s.title)
    } catch (err) {
      fail(err)
    }
  }

  const label =
    articleIds.length > 1
      ? t('stories.addToCount', { count: articleIds.length })
      : t('stories.addTo')
  return (
    <div className="add-to-story" ref={box}>
      <button
        type="button"
        className="button ghost"
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={articleIds.length === 0}
        onClick={() => {
          setStatus(null)
          setOpen((o) => !o)
        }}
      >
        {label}
      </button>
      {status && (
        <span className={status.ok ? 'add-status ok' : 'add-status error'} role="status">
          {status.text}
        </span>
      )}
      {open && (
        <div className="menu add-to-story-menu" role="menu" aria-label={label}>
          <ul className="menu-list" aria-busy={stories === null}>
            {stories === null && (
              <li className="muted" role="presentation">
                …
              </li>
            )}
            {(stories ?? []).map((s) => (
              <li key={s.id}>
                <button type="button" role="menuitem" onClick={() => void addTo(s)}>
                  {s.title}{' '}
                  <span className="muted">{t('stories.articles', { count: s.articleCount })}</span>
                </button>
              </li>
            ))}
            <li hidden={stories === null}>
              {naming ? (
                <form
                  className="new-story"
                  onSubmit={(e) => {
                    e.preventDefault()
                    void create()
                  }}
                >
                  <input
                    autoFocus
                    value={title}
                    maxLength={300}
                    placeholder={t('stories.newTitle')}
                    aria-label={t('stories.newTitle')}
                    onChange={(e) => setTitle(e.target.value)}
                  />
                  <button type="submit" className="button primary" disabled={!title.trim()}>
                    {t('stories.create')}
                  </button>
                </form>
              ) : (
                <button type="button" role="menuitem" onClick={() => setNaming(true)}>
                  {t('stories.newStory')}
                </button>
              )}
            </li>
          </ul>
        </div>
      )}
    </div>
  )
}
