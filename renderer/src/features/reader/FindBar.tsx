import { useTranslation } from 'react-i18next'
import type { useFind } from './useFind'

/** Find in the article: the same matching as the search, with next and previous. */
export function FindBar({
  find,
  onClose,
}: {
  find: ReturnType<typeof useFind>
  onClose: () => void
}) {
  const { t } = useTranslation()
  const total = find.marks?.total ?? 0
  const inComments = find.marks ? total - find.marks.firstComment : 0
  return (
    <div className="find-bar" role="search" aria-label={t('find.label')}>
      <input
        className="find-input"
        type="search"
        value={find.query}
        autoFocus={!find.query}
        placeholder={t('find.placeholder')}
        aria-label={t('find.label')}
        lang="de"
        spellCheck={false}
        data-testid="find-input"
        onChange={(e) => find.setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault()
            if (e.shiftKey) find.previous()
            else find.next()
          } else if (e.key === 'Escape') {
            e.preventDefault()
            onClose()
          }
        }}
      />
      <span
        className="find-count"
        aria-live="polite"
        data-testid="find-count"
        title={inComments ? t('find.inComments', { count: inComments }) : undefined}
      >
        {find.query.trim()
          ? total
            ? t('find.count', { current: find.current + 1, total })
            : t('find.none')
          : ''}
      </span>
      <button
        type="button"
        className="icon-button"
        onClick={find.previous}
        disabled={!total}
        aria-label={t('find.previous')}
        title={t('find.previous')}
      >
        ↑
      </button>
      <button
        type="button"
        className="icon-button"
        onClick={find.next}
        disabled={!total}
        aria-label={t('find.next')}
        title={t('find.next')}
      >
        ↓
      </button>
      <button
        type="button"
        className="icon-button"
        onClick={onClose}
        aria-label={t('find.clear')}
        title={t('find.clear')}
      >
        ×
      </button>
    </div>
  )
}
