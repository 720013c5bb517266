/** A filter by tag for lists (the library): shown once the library has tags. */
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi, useApiEvent } from '../../api/ApiContext'

export function TagFilter({
  value,
  onChange,
}: {
  value: string | null
  onChange: (tag: string | null) => void
}) {
  const { t } = useTranslation()
  const api = useApi()
  const [tags, setTags] = useState<string[]>([])
  const [version, setVersion] = useState(0)
  useApiEvent(
    'notes.changed',
    useCallback(() => setVersion((v) => v + 1), []),
  )
  useEffect(() => {
    api.call('tags.list', {}).then(
      (list) => setTags(list.map((x) => x.name)),
      () => setTags([]),
    )
  }, [api, version])
  if (!tags.length && !value) return null
  return (
    <label className="control">
      <span>{t('notes.tags')}</span>
      <select
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value || null)}
        data-testid="tag-filter"
      >
        <option value="">{t('notes.overview.allTags')}</option>
        {value && !tags.includes(value) && <option value={value}>{value}</option>}
        {tags.map((tag) => (
          <option key={tag} value={tag}>
            {tag}
          </option>
        ))}
      </select>
    </label>
  )
}
