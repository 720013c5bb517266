/** Tags as chips: Enter or a comma adds one, × removes it. */
import { useState } from 'react'
import { useTranslation } from 'react-i18next'

export function TagInput({
  tags,
  onChange,
  label,
}: {
  tags: string[]
  onChange: (tags: string[]) => void
  label?: string
}) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState('')
  const add = () => {
    const names = draft
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean)
    setDraft('')
    const known = new Set(tags.map((x) => x.toLowerCase()))
    const fresh = names.filter((n) => !known.has(n.toLowerCase()))
    if (fresh.length) onChange([...tags, ...fresh])
  }
  return (
    <div className="tag-input" aria-label={label ?? t('notes.tags')} role="group">
      {tags.map((tag) => (
        <span key={tag} className="chip tag">
          #{tag}
          <button
            type="button"
            aria-label={t('notes.removeTag', { tag })}
            title={t('notes.removeTag', { tag })}
            onClick={() => onChange(tags.filter((x) => x !== tag))}
          >
            ×
          </button>
        </span>
      ))}
      <input
        value={draft}
        placeholder={t('notes.addTag')}
        aria-label={label ?? t('notes.tags')}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ',') {
            e.preventDefault()
            add()
          } else if (e.key === 'Backspace' && !draft && tags.length) onChange(tags.slice(0, -1))
        }}
        onBlur={add}
        maxLength={100}
      />
    </div>
  )
}
