/** A filter by story for the library list: shown once there are stories. */
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { StorySummary } from '../../../../shared/contract/stories'
import { useApi, useApiEvent } from '../../api/ApiContext'

export function StoryFilter({
  value,
  onChange,
}: {
  value: number | null
  onChange: (story: number | null) => void
}) {
  const { t } = useTranslation()
  const api = useApi()
  const [stories, setStories] = useState<StorySummary[] | null>(null)
  const [version, setVersion] = useState(0)
  useApiEvent(
    'story.changed',
    useCallback(() => setVersion((v) => v + 1), []),
  )
  useEffect(() => {
    let live = true
    api.call('story.list', {}).then(
      (list) => live && setStories(list),
      () => live && setStories(null),
    )
    return () => {
      live = false
    }
  }, [api, version])
  // a story that was deleted (here or elsewhere): back to every article
  useEffect(() => {
    if (value !== null && stories && !stories.some((s) => s.id === value)) onChange(null)
  }, [stories, value, onChange])
  if (!stories?.length) return null
  return (
    <label className="control">
      <span>{t('stories.filter')}</span>
      <select
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}
        data-testid="story-filter"
      >
        <option value="">{t('stories.allArticles')}</option>
        {stories.map((s) => (
          <option key={s.id} value={s.id}>
            {s.title}
          </option>
        ))}
      </select>
    </label>
  )
}
